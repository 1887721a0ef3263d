import Foundation
import TallyReporting

/// How a conversion's credit is shared among its touchpoints (docs/AFFILIATE.md, "Models").
///
/// Every model gives integer weights; money is split from them exactly (``Split``), so the only
/// floating-point step is time decay's weight, which is rounded to an integer before any money moves.
public enum AttributionModel: String, CaseIterable, Sendable {
    /// Production's own view: the conversion's `partnerId`, `clickId` and `commissionAmount`.
    case production
    case lastClick = "last-click"
    case firstClick = "first-click"
    case linear
    case timeDecay = "time-decay"
    case positionBased = "position-based"

    /// The models that re-attribute from clicks.
    public static let clickModels: [AttributionModel] = [.lastClick, .firstClick, .linear, .timeDecay, .positionBased]

    /// Integer weights for touchpoints ordered oldest first, with ages in milliseconds
    /// (conversion time − click time).
    ///
    /// - last/first click: 1 for the last/first, 0 for the others (the zeros are the assists);
    /// - linear: 1 each;
    /// - position-based: n = 1: 1; n = 2: 1, 1; n ≥ 3: 2(n − 2) for the first and the last, 1 for
    ///   each middle one, so the ends get 40 % each and the middle 20 % shared;
    /// - time decay: `round(10^9 × 2^(−(age − newest age) / half-life))`, ages measured from the
    ///   newest touchpoint so its weight is exactly 10^9 and nothing underflows.
    public func weights(ages: [Int64], halfLifeDays: Double = 7) -> [Int64] {
        let n = ages.count
        guard n > 0 else { return [] }
        switch self {
        case .production, .lastClick: return (0..<n).map { $0 == n - 1 ? 1 : 0 }
        case .firstClick: return (0..<n).map { $0 == 0 ? 1 : 0 }
        case .linear: return Array(repeating: 1, count: n)
        case .positionBased:
            guard n >= 3 else { return Array(repeating: 1, count: n) }
            return (0..<n).map { $0 == 0 || $0 == n - 1 ? Int64(2 * (n - 2)) : 1 }
        case .timeDecay:
            let newest = ages.min()!
            let halfLife = halfLifeDays * 86_400_000
            return ages.map { age in
                Int64((1e9 * pow(2, -Double(age - newest) / halfLife)).rounded(.toNearestOrAwayFromZero))
            }
        }
    }
}

/// Splits an integer amount exactly by integer weights (docs/AFFILIATE.md, "Splitting").
public enum Split {
    /// Each share is `⌊A × w_i / W⌋`; the `A − Σ⌊…⌋` units left go one at a time to the largest
    /// remainders `A × w_i mod W`, equal remainders to the later touchpoint. Shares are never
    /// negative, sum to A exactly, and a zero weight never receives a unit. Products are 128-bit:
    /// 10^9 × an amount passes 64 bits above 92 million major units.
    public static func split(_ amount: Int64, weights: [Int64]) -> [Int64] {
        let total = weights.reduce(Int128(0)) { $0 + Int128($1) }
        guard total > 0, amount != 0 else { return weights.map { _ in 0 } }
        let sign: Int64 = amount < 0 ? -1 : 1
        let magnitude = Int128(amount.magnitude)
        var shares = weights.map { Int64(magnitude * Int128($0) / total) }
        let remainders = weights.map { magnitude * Int128($0) % total }
        var left = Int64(magnitude - shares.reduce(Int128(0)) { $0 + Int128($1) })
        // Largest remainder first; on a tie the later touchpoint first.
        let order = weights.indices.sorted { a, b in
            remainders[a] != remainders[b] ? remainders[a] > remainders[b] : a > b
        }
        for index in order where left > 0 && weights[index] > 0 {
            shares[index] += 1
            left -= 1
        }
        return shares.map { $0 * sign }
    }
}
