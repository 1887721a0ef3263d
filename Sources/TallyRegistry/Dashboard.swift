import TallyCore
import TallyOutput
import TallyReporting
import TallyStore

/// `tally dashboard`: every report for one scope on one page, with a table of contents, the
/// store's load history (which files, with their SHA-256, the numbers were computed from) and the
/// tally version — the page an analyst mails to a team (docs/HTML.md).
///
/// Deterministic like every output: no clock time, load files by name and hash (not by the path
/// they were loaded from, which differs between machines).
public enum Dashboard {
    /// The page for `scope`: each registered report's dashboard section, in registry order, then the
    /// store's load history.
    public static func render(scope: ReportScope, on store: Store) throws -> String {
        var sections = try Registry.reports.compactMap { try $0.dashboard?(scope, store) }
        sections.append(
            HTMLSection(anchor: "data", title: "Data: what this page was computed from", table: try loads(store)))
        return HTMLPage(
            title: "tally dashboard", subtitle: describe(scope), sections: sections,
            footer:
                "tally \(TallyVersion.current) · every figure is recomputed from the store; no clock time is printed"
        ).render()
    }

    private static func describe(_ scope: ReportScope) -> String {
        let companies =
            scope.companies.isEmpty ? "all companies" : "companies " + scope.companies.joined(separator: ", ")
        let range =
            "\(scope.from.map { "from \($0)" } ?? "from the first day") \(scope.to.map { "to \($0) (excluded)" } ?? "to the last")"
        return "\(companies), \(range), days in each company's own time zone"
    }

    /// The store's loads, file by file: name, table, format, size, SHA-256 and what happened to the rows.
    private static func loads(_ store: Store) throws -> ReportTable {
        ReportTable(
            columns: [
                "load", "file", "table", "format", "bytes", "sha256", "read", "inserted", "updated", "unchanged",
                "rejected",
            ],
            rows: try store.loadedFiles().map { file in
                [
                    .integer(file.loadId), .text(file.path.split(separator: "/").last.map(String.init) ?? file.path),
                    .text(file.tableName), .text(file.format), .integer(file.bytes), .text(file.sha256),
                    .integer(Int64(file.read)), .integer(Int64(file.inserted)), .integer(Int64(file.updated)),
                    .integer(Int64(file.unchanged)), .integer(Int64(file.rejected)),
                ]
            })
    }
}
