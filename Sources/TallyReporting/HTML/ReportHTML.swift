import TallyOutput

/// `--format html`: a report's page, with the charts its report supplies and every chart's numbers
/// in a table beside it (docs/HTML.md). A report without charts prints its table.
///
/// The charts come from the report's domain (its ``Parts``, listed once in TallyRegistry's
/// `Registry`), never chosen here by name: this module knows no report.
public enum ReportHTML {
    /// A report's figures over its table: sections of charts with their numbers.
    public typealias Parts = @Sendable (TableLookup) -> [HTMLSection]

    /// No charts: the table only.
    public static let noCharts: Parts = { _ in [] }

    /// The whole page of one report run.
    public static func page(report: String, table: ReportTable, parts: Parts, subtitle: String? = nil) -> String {
        HTMLPage(
            title: "tally · \(report)", subtitle: subtitle,
            sections: [section(report: report, table: table, parts: parts)]
        )
        .render()
    }

    /// The report's section: figures per group, then the full table.
    public static func section(report: String, table: ReportTable, parts: Parts, title: String? = nil) -> HTMLSection {
        let heading = title ?? report
        let lookup = TableLookup(table)
        let figures = parts(lookup)
        return HTMLSection(
            anchor: heading, title: heading, banners: missingColumnsBanner(lookup.unknownColumns),
            parts: figures
                + [HTMLSection(anchor: "\(heading)-table", title: "All rows (\(table.rows.count))", table: table)])
    }

    /// Said on the page, never silent: a chart asked for columns this table does not have (a
    /// renamed column), so it drew those series empty.
    static func missingColumnsBanner(_ columns: [String]) -> [String] {
        columns.isEmpty
            ? []
            : [
                "The charts asked for columns this table does not have, and drew them empty: "
                    + columns.joined(separator: ", ") + "."
            ]
    }

    /// Percent text of a rate with one decimal, for notes beside a chart.
    public static func percent(_ value: Double?) -> String? {
        value.flatMap { FixedDecimal.format($0 * 100, decimals: 1) }.map { $0 + "%" }
    }
}
