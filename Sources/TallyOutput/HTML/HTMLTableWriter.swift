/// A report table as HTML: a whole page for `--format html` on a report without charts, or a
/// `<table>` inside a larger page. Cells print what a person reads (``ReportValue/displayText``:
/// rates as percentages, money with its currency and grouping; the rest as CSV prints it);
/// numbers align right; null is an empty cell.
public struct HTMLTableWriter: ReportWriter {
    public var title: String

    public init(title: String = "tally report") { self.title = title }

    public func render(_ table: ReportTable) -> String {
        HTMLPage(
            title: title, sections: [HTMLSection(anchor: "report", title: "\(table.rows.count) row(s)", table: table)]
        ).render()
    }

    /// The `<table>` element alone: every column, those a reader scans first (the name first) in
    /// their order, then the others in the table's order.
    public func fragment(_ table: ReportTable) -> String {
        let order = table.scanOrder
        var html = "<div class=\"table\"><table>\n<thead><tr>"
        // A long column name may break after an underscore (as on the terminal), so a table of
        // short numbers under long names still fits beside its chart.
        for column in order {
            let name = HTMLText.escape(table.columns[column]).replacingOccurrences(of: "_", with: "_<wbr>")
            html += "<th scope=\"col\">\(name)</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            html += "<tr>"
            for value in order.map({ row[$0] }) {
                let text = value.displayText.map(HTMLText.escape) ?? ""
                html += value.isNumeric ? "<td class=\"n\">\(text)</td>" : "<td>\(text)</td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table></div>\n"
    }
}
