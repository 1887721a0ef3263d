import Foundation
import TallyCore

/// A report's result, ready for any writer: named columns and rows of typed values.
///
/// Reports build a `ReportTable`; writers turn it into bytes. Writers never see the store.
public struct ReportTable: Equatable, Sendable {
    /// Column names, in output order. JSON objects use the same order for their keys.
    public let columns: [String]
    /// Rows, each with one value per column, in the report's documented order.
    public let rows: [[ReportValue]]
    /// The columns a terminal table shows when the user names none: the ones a reader scans first.
    public let defaultColumns: [String]

    /// - Parameter defaultColumns: the terminal table's default selection; empty means every column.
    public init(columns: [String], rows: [[ReportValue]], defaultColumns: [String] = []) {
        precondition(rows.allSatisfy { $0.count == columns.count }, "every row needs one value per column")
        self.columns = columns
        self.rows = rows
        self.defaultColumns = defaultColumns.isEmpty ? columns : defaultColumns
    }

    /// Indexes of every column: the default selection in its order (the name first), then the rest
    /// in output order — how the HTML table lays out every column.
    public var scanOrder: [Int] {
        let first = defaultColumns.compactMap { columns.firstIndex(of: $0) }
        return first + columns.indices.filter { !first.contains($0) }
    }
}

/// One cell of a report.
public enum ReportValue: Equatable, Sendable {
    /// No value (SQL NULL, or an undefined statistic). Written as an empty CSV field, JSON `null`.
    case null
    case text(String)
    case integer(Int64)
    case bool(Bool)
    /// Exact money; CSV and JSON both write its decimal text (`"12.50"`), JSON as a string so no
    /// consumer reads it through a binary float.
    case money(Money)
    /// A rate or statistic printed with a fixed number of decimals. Non-finite values print as null.
    case number(Double, decimals: Int)
    /// A rate, interval bound, p-value or probability. CSV and tables print 6 decimals, except a
    /// non-zero value that would print as zeros, which prints in scientific notation (`3.2e-09`);
    /// JSON prints the shortest decimal that reads back as the same double. Non-finite → null.
    case statistic(Double)
    /// A rate or a lift: a statistic in CSV and JSON (the same bytes as ``statistic(_:)``), shown
    /// to people as a percentage (``displayText``).
    case rate(Double, shown: RateDisplay)
    /// Exact decimal text produced elsewhere (e.g. credited conversions `"0.333334"`); written
    /// verbatim, as a JSON number.
    case decimal(String)

    /// The value as plain text, as CSV and the terminal table show it; nil for null.
    public var plainText: String? {
        switch self {
        case .null: return nil
        case .text(let text): return text
        case .integer(let value): return String(value)
        case .bool(let value): return value ? "true" : "false"
        case .money(let money): return money.decimalText
        case .number(let value, let decimals): return FixedDecimal.format(value, decimals: decimals)
        case .statistic(let value), .rate(let value, _): return StatisticText.fixed(value)
        case .decimal(let text): return text
        }
    }

    /// The value as a person reads it in the terminal table and HTML (docs/REPORTS.md "Display"):
    /// rates as percentages, money with its currency and grouping; everything else as
    /// ``plainText``. CSV and JSON never use it.
    public var displayText: String? {
        switch self {
        case .rate(let value, let shown): return shown.format(value)
        case .money(let money): return MoneyDisplay.format(money)
        default: return plainText
        }
    }

    /// Whether terminal tables align the value to the right.
    public var isNumeric: Bool {
        switch self {
        case .integer, .money, .number, .statistic, .rate, .decimal: return true
        case .null, .text, .bool: return false
        }
    }
}

/// Fixed-precision formatting of statistics.
public enum FixedDecimal {
    /// `value` with exactly `decimals` digits after the point, rounded half away from zero at the
    /// binary value; nil for NaN and infinities. Negative zero prints as zero so that identical
    /// results print identical bytes.
    public static func format(_ value: Double, decimals: Int) -> String? {
        guard value.isFinite else { return nil }
        let scale = pow10(decimals)
        var scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        if scaled == 0 { scaled = 0 }  // drop the sign of -0
        let negative = value < 0 && scaled != 0
        guard scaled < 9.0e18 else { return String(format: "%.\(decimals)f", value) }
        return Money.decimalText(minorUnits: negative ? -Int64(scaled) : Int64(scaled), exponent: decimals)
    }

    private static func pow10(_ n: Int) -> Double {
        var result = 1.0
        for _ in 0..<n { result *= 10 }
        return result
    }
}

/// How statistics print (docs/REPORTS.md, "Numbers").
public enum StatisticText {
    /// 6 decimals, half away from zero; a non-zero value below 0.0000005 in magnitude as two
    /// significant digits in scientific notation, so 1e-7 and 1e-40 stay distinguishable.
    public static func fixed(_ value: Double) -> String? {
        guard value.isFinite else { return nil }
        if value != 0 && abs(value) < 0.000_000_5 {
            // C's %e: the same bytes on glibc and Darwin (two-digit exponent minimum).
            return String(format: "%.1e", value)
        }
        return FixedDecimal.format(value, decimals: 6)
    }

    /// The shortest decimal that parses back to the same double (Swift's own algorithm, the same
    /// on every platform); negative zero as `0.0`. A valid JSON number.
    public static func roundTrip(_ value: Double) -> String? {
        guard value.isFinite else { return nil }
        return value == 0 ? "0.0" : value.description
    }
}
