/// How a report is written: the family of writers, one file per variant under `Formats/`.
///
/// Writers render to a `String` in memory; the CLI decides where the bytes go (stdout or `--out`).
/// Every writer is deterministic: the same table gives the same bytes.
public protocol ReportWriter: Sendable {
    /// Renders `table`, ending with a newline.
    func render(_ table: ReportTable) -> String
}

/// The output formats a user can choose with `--format`.
public enum OutputFormat: String, CaseIterable, Sendable {
    case csv
    case json
    case table
    /// A self-contained page: the table, with charts where the report has them (docs/HTML.md).
    case html

    /// The writer for this format.
    public var writer: any ReportWriter {
        switch self {
        case .csv: return CSVWriter()
        case .json: return JSONWriter()
        case .table: return TerminalTableWriter()
        case .html: return HTMLTableWriter()
        }
    }
}
