/// A report table as HTML: a whole page for `--format html` on a report without charts, or a
/// `<table>` inside a larger page. Cells print the same text as CSV (money, statistics and
/// decimals with their fixed precision); numbers align right; null is an empty cell.
public struct HTMLTableWriter: ReportWriter {
    public var title: String

    public init(title: String = "tally report") { self.title = title }

    public func render(_ table: ReportTable) -> String {
        HTMLPage(
            title: title, sections: [HTMLSection(anchor: "report", title: "\(table.rows.count) row(s)", table: table)]
        ).render()
    }

    /// The `<table>` element alone.
    public func fragment(_ table: ReportTable) -> String {
        var html = "<div class=\"table\"><table>\n<thead><tr>"
        for column in table.columns { html += "<th scope=\"col\">\(HTMLText.escape(column))</th>" }
        html += "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            html += "<tr>"
            for value in row {
                let text = value.plainText.map(HTMLText.escape) ?? ""
                html += value.isNumeric ? "<td class=\"n\">\(text)</td>" : "<td>\(text)</td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table></div>\n"
    }
}
