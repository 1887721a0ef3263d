import TallyOutput
import TallyReporting

/// Per company and currency: each code's checkout completion rate with its interval against the
/// no-code baseline (a dashed line), and its sales columns — gross, discounts, returns, net.
public enum DiscountCodesHTML {
    public static func parts(_ lookup: TableLookup) -> [HTMLSection] {
        lookup.groups(by: ["company_id", "currency"]).map { key, rows in
            let company = lookup.text(rows[0], "company_name")
            let baseline = rows.first { lookup.flag($0, "is_baseline") }
            let withSessions = rows.filter { lookup.number($0, "completion_rate") != nil }
            let completion = IntervalChart(
                title: "Completion rate per code, \(company)",
                rows: withSessions.map { row in
                    IntervalChart.Row(
                        label: lookup.text(row, "code"), estimate: lookup.number(row, "completion_rate"),
                        low: lookup.number(row, "completion_rate_low"),
                        high: lookup.number(row, "completion_rate_high"),
                        isReference: lookup.flag(row, "is_baseline"))
                },
                reference: baseline.flatMap { lookup.number($0, "completion_rate") }.map { ($0, "no code") })
            let money = ["gross_sales", "discounts", "returns", "net_sales"]
            let sales = BarChart(
                title: "Sales per code, \(company) (\(key[1]))", id: "sales-\(key.joined(separator: "-"))",
                categories: rows.map { lookup.text($0, "code") },
                series: money.map { column in
                    BarChart.Series(
                        name: column.replacingOccurrences(of: "_", with: " "),
                        values: rows.map { lookup.number($0, column) },
                        labels: rows.map { lookup.value($0, column).plainText })
                })
            return HTMLSection(
                anchor: "codes-\(key.joined(separator: "-"))", title: "\(company) · \(key[1])",
                figures: [
                    HTMLFigure(
                        caption: "Checkout completion rate per code with its 95% interval; the dashed line and the "
                            + "square are the sessions without a code.",
                        svg: completion.render(),
                        data: lookup.subtable(
                            withSessions,
                            columns: [
                                "code", "sessions", "completed_sessions", "completion_rate", "completion_rate_low",
                                "completion_rate_high", "p_value",
                            ])),
                    HTMLFigure(
                        caption: "Sales per code in \(key[1]): gross, discounts, returns and net.", svg: sales.render(),
                        data: lookup.subtable(rows, columns: ["code", "orders"] + money)),
                ])
        }
    }
}
