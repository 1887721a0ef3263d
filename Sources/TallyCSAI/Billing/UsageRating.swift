import Crypto
import Foundation
import GRDB
import GRDBSQLite
import TallyCore
import TallyReporting

/// One USAGE line of a period: a component's quantity, what the allowance left billable, and the
/// amount, rounded once.
struct RatedLine: Equatable {
    let usageType: String
    let meter: String
    let records: Int
    /// Seconds (after per-record rounding), records, messages or tokens.
    let quantityBase: Int64
    let includedBase: Int64
    let billableBase: Int64
    let amountMinor: Int64
}

/// Rates a period's usage records with tally pricing (docs/BILLING.md, "Money and rounding").
///
/// Money is computed exactly: each component's raw amount is a fraction with denominator
/// `pricingUnitBase × 10^6` (prices are millionths of a minor unit per priced unit), summed in 128
/// bits and rounded **once per line**, half away from zero. Lines are then summed as integers; the
/// minimum fee's true-up is `max(0, minimum − Σ lines)`. Nothing is rounded twice.
enum UsageRating {
    /// The base quantity of `usage` for `component`: per-record rounded call seconds, records,
    /// messages or tokens; 0 when the usage is of another usage type.
    static func quantity(of usage: UsageAggregate, for component: PriceTable.Component) -> Int64 {
        guard usage.usageType == component.usageTypeCase else { return 0 }
        switch component.meter {
        case "CALL_SECONDS":
            return roundedSeconds(
                usage.durationSeconds, increment: component.perRecordIncrementSeconds,
                minimum: component.perRecordMinimumSeconds) * usage.records
        case "RECORD_COUNT": return usage.records
        case "MESSAGE_COUNT": return usage.messages
        case "INPUT_TOKENS": return usage.inputTokens
        case "OUTPUT_TOKENS": return usage.outputTokens
        default: return 0
        }
    }

    /// Per-call rounding: a 0-second call bills 0; any other is raised to whole increments, then to
    /// the minimum (60/6: 61 s → 66 s, 59 s → 60 s, 1 s → 60 s).
    static func roundedSeconds(_ seconds: Int64, increment: Int64, minimum: Int64) -> Int64 {
        guard seconds > 0 else { return 0 }
        let increments = (seconds + increment - 1) / increment
        return max(minimum, increments * increment)
    }

    /// A component's USAGE line from its summed quantity and record count.
    static func line(for component: PriceTable.Component, quantity: Int64, records: Int) -> RatedLine {
        let included = component.includedUnits * component.pricingUnitBase
        let billable = max(0, quantity - included)
        return RatedLine(
            usageType: component.usageType, meter: component.meter, records: records, quantityBase: quantity,
            includedBase: included, billableBase: billable,
            amountMinor: amount(billableBase: billable, component: component))
    }

    /// The line amount for `billableBase` base units: graduated tiers fill in order, a volume tier
    /// prices every unit at the tier the total falls in (bounds inclusive); a tier's flat fee is
    /// charged when it receives units.
    static func amount(billableBase billable: Int64, component: PriceTable.Component) -> Int64 {
        guard billable > 0 else { return 0 }
        let base = Int128(component.pricingUnitBase)
        let denominator = base * 1_000_000
        var numerator: Int128 = 0
        switch component.tierMode {
        case "VOLUME":
            let tier =
                component.tiers.first { $0.upToUnits.map { Int128(billable) <= Int128($0) * base } ?? true }
                ?? component.tiers[component.tiers.count - 1]
            numerator = Int128(billable) * Int128(tier.unitPriceMicros) + Int128(tier.flatFeeMinor) * denominator
        default:  // GRADUATED
            var lower: Int128 = 0
            for tier in component.tiers {
                let upper = tier.upToUnits.map { Int128($0) * base }
                let inTier = min(Int128(billable), upper ?? Int128(billable)) - lower
                if inTier > 0 {
                    numerator += inTier * Int128(tier.unitPriceMicros) + Int128(tier.flatFeeMinor) * denominator
                }
                guard let upper, Int128(billable) > upper else { break }
                lower = upper
            }
        }
        return Fraction.roundHalfAwayFromZero(numerator, denominator)
    }

}
