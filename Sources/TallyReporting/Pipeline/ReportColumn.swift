import TallyCore
import TallyOutput

/// One output column of a report, declared once: its name, how its value is read from a typed row,
/// and how it prints.
///
/// A report lists its columns in output order; CSV headers, JSON keys and the terminal table all come
/// from that one list, so a column cannot drift out of step with its value.
///
/// ```swift
/// static var columns: [ReportColumn<Row>] {
///     [.text("funnel_id", \.funnel), .integer("sessions", \.sessions), .statistic("p_value", \.pValue)]
/// }
/// ```
public struct ReportColumn<Row> {
    /// The column name in CSV headers and JSON keys (snake_case).
    public let name: String
    /// Where the column stands among those a reader scans first (1 first: the name, then the money
    /// or the decision, then detail); nil when the terminal table shows it only on request. The
    /// terminal table shows the ranked columns in rank order and, narrower than they need, leaves
    /// out the last ranks first — so the key figures survive at 80 columns.
    public let scanRank: Int?
    let value: (Row) -> ReportValue

    init(_ name: String, scan: Int?, _ value: @escaping (Row) -> ReportValue) {
        self.name = name
        self.scanRank = scan
        self.value = value
    }

    /// Text; nil prints as null.
    public static func text(_ name: String, scan: Int? = nil, _ get: @escaping (Row) -> String?) -> Self {
        Self(name, scan: scan) { get($0).map(ReportValue.text) ?? .null }
    }

    /// A count or other integer; nil prints as null.
    public static func integer(_ name: String, scan: Int? = nil, _ get: @escaping (Row) -> Int?) -> Self {
        Self(name, scan: scan) { get($0).map { .integer(Int64($0)) } ?? .null }
    }

    /// `true`/`false`; nil prints as null.
    public static func bool(_ name: String, scan: Int? = nil, _ get: @escaping (Row) -> Bool?) -> Self {
        Self(name, scan: scan) { get($0).map(ReportValue.bool) ?? .null }
    }

    /// Exact money in its currency's decimals.
    public static func money(_ name: String, scan: Int? = nil, _ get: @escaping (Row) -> Money?) -> Self {
        Self(name, scan: scan) { get($0).map(ReportValue.money) ?? .null }
    }

    /// A rate, interval bound, p-value or probability (docs/REPORTS.md gives the precision).
    public static func statistic(_ name: String, scan: Int? = nil, _ get: @escaping (Row) -> Double?) -> Self {
        Self(name, scan: scan) { get($0).map(ReportValue.statistic) ?? .null }
    }

    /// A rate or lift: a statistic in CSV and JSON, a percentage on screen (`shown`).
    public static func rate(
        _ name: String, shown display: RateDisplay = .percent, scan: Int? = nil, _ get: @escaping (Row) -> Double?
    ) -> Self {
        Self(name, scan: scan) { get($0).map { .rate($0, shown: display) } ?? .null }
    }

    /// A measured quantity printed with exactly `decimals` decimals (e.g. revenue per session).
    public static func number(_ name: String, decimals: Int, scan: Int? = nil, _ get: @escaping (Row) -> Double?)
        -> Self
    {
        Self(name, scan: scan) { get($0).map { .number($0, decimals: decimals) } ?? .null }
    }

    /// Exact decimal text computed elsewhere (minutes to 2 decimals): a number in JSON, right-aligned.
    public static func exactDecimal(_ name: String, scan: Int? = nil, _ get: @escaping (Row) -> String?) -> Self {
        Self(name, scan: scan) { get($0).map(ReportValue.decimal) ?? .null }
    }

    /// A UTC timestamp in the store's form.
    public static func timestamp(_ name: String, scan: Int? = nil, _ get: @escaping (Row) -> String?) -> Self {
        text(name, scan: scan, get)
    }
}

extension ReportTable {
    /// The table of `rows` under `columns`, in the rows' order.
    public init<Row>(rows: [Row], columns: [ReportColumn<Row>]) {
        self.init(
            columns: columns.map(\.name), rows: rows.map { row in columns.map { $0.value(row) } },
            defaultColumns: columns.enumerated().compactMap { index, column in
                column.scanRank.map { ($0, index, column.name) }
            }
            .sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2))
    }
}
