import Foundation
import TallyCore

/// How a rate or lift is shown to people (the terminal table, HTML). CSV and JSON print the
/// fraction itself (`0.088632`), so a machine never parses a percent sign.
public enum RateDisplay: Sendable, Equatable {
    /// A share of a whole: `0.088632` → `8.86%`.
    case percent
    /// A relative change: `0.2374` → `+23.7%`, `-0.05` → `-5.0%`, zero → `0.0%`.
    case signedPercent
    /// A difference of two rates: `0.0052` → `+0.52 pp` (percentage points, not percent).
    case percentagePoints

    /// The value as text; nil for NaN and infinities (shown empty, like null).
    public func format(_ fraction: Double) -> String? {
        switch self {
        case .percent: return FixedDecimal.format(fraction * 100, decimals: 2).map { $0 + "%" }
        case .signedPercent: return FixedDecimal.format(fraction * 100, decimals: 1).map { Self.signed($0) + "%" }
        case .percentagePoints:
            return FixedDecimal.format(fraction * 100, decimals: 2).map { Self.signed($0) + " pp" }
        }
    }

    /// A `+` before a positive figure; zero (all digits 0) and negatives as they are.
    private static func signed(_ text: String) -> String {
        text.hasPrefix("-") || !text.contains(where: { $0 != "0" && $0 != "." }) ? text : "+" + text
    }
}

/// Money for people: the currency's symbol (or its code) and thousands grouped, all decimals
/// kept — `$30,612.11`, `€2,280.44`, `¥594,767`, `-$150.00`, `CHF 1,234.50`. Exact: it only
/// regroups the decimal text, never goes through a binary float.
public enum MoneyDisplay {
    /// Currencies written with a symbol before the amount; any other code is written before it
    /// with a space.
    static let symbols: [String: String] = [
        "USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "CNY": "CN¥", "INR": "₹", "KRW": "₩", "CAD": "CA$",
        "AUD": "A$",
    ]

    public static func format(_ money: Money) -> String {
        var digits = money.decimalText
        let negative = digits.hasPrefix("-")
        if negative { digits.removeFirst() }
        let parts = digits.split(separator: ".", maxSplits: 1).map(String.init)
        var whole = parts[0]
        var grouped = ""
        while whole.count > 3 {
            grouped = "," + whole.suffix(3) + grouped
            whole.removeLast(3)
        }
        grouped = whole + grouped
        if parts.count == 2 { grouped += "." + parts[1] }
        let prefix = symbols[money.currency] ?? (money.currency.isEmpty ? "" : money.currency + " ")
        return (negative ? "-" : "") + prefix + grouped
    }
}
