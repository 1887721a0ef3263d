import TallyCore
import TallyOutput
import TallyReporting
import TallyStore

/// One output `tally verify` pins for a registered report (`SampleData/expected/<stem>.<format>`):
/// the report over SampleData with given options, or a sequence of closes.
public struct Golden: Sendable {
    /// The file stem; nil: the report's name.
    public let stem: String?
    /// 0: after SampleData loads; 1: after `SampleData/late/` loads too (exports that arrive after
    /// the first closes).
    public let phase: Int
    /// The outputs of one run, by file extension (`csv`, `json`, `html`), for the report named.
    public let render: @Sendable (_ store: Store, _ report: String) throws -> [String: String]

    public init(
        stem: String? = nil, phase: Int = 0,
        render: @escaping @Sendable (_ store: Store, _ report: String) throws -> [String: String]
    ) {
        self.stem = stem
        self.phase = phase
        self.render = render
    }

    /// The report's table as CSV, JSON and its HTML page.
    public static func table(_ stem: String? = nil, _ make: @escaping @Sendable (Store) throws -> ReportTable)
        -> Golden
    {
        Golden(stem: stem) { store, report in formats(try make(store), report: report) }
    }

    /// CSV, JSON and HTML of one table: what every golden of a table writes.
    static func formats(_ table: ReportTable, report: String) -> [String: String] {
        [
            "csv": CSVWriter().render(table), "json": JSONWriter().render(table),
            "html": Registry.page(report: report, table: table),
        ]
    }

    /// The instant of a golden's `--as-of`, written as text in the registry.
    static func instant(_ text: String) throws -> UTCTimestamp.Milliseconds { try UTCTimestamp.parse(text).get() }
}
