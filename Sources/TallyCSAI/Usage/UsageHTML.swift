import TallyCore
import TallyOutput
import TallyReporting

/// CS AI usage per month per company (`report cs-ai-usage --format html`).
public enum UsageHTML {
    /// Records per bucket and usage type, per company (summed over CS tiers).
    public static func parts(_ lookup: TableLookup) -> [HTMLSection] {
        lookup.groups(by: ["company_id"]).map { key, rows in
            let company = lookup.text(rows[0], "company_name")
            let buckets = ordered(rows.map { lookup.text($0, "bucket") })
            let types = ordered(rows.map { lookup.text($0, "usage_type") })
            var counts = PivotSums()
            for row in rows {
                counts.add(
                    Int64(lookup.number(row, "records") ?? 0), row: lookup.text(row, "bucket"),
                    column: lookup.text(row, "usage_type"))
            }
            let series = types.map { type in
                let values = buckets.map { counts[$0, type] }
                // Styled by usage type, so a type has one colour on every company's chart.
                return BarChart.Series(
                    name: type, values: values.map { $0.map(Double.init) }, labels: values.map { $0.map(String.init) },
                    style: CSAIUsageType.allCases.firstIndex { $0.rawValue == type })
            }
            let data = ReportTable(
                columns: ["bucket"] + types,
                rows: buckets.map { bucket in
                    [.text(bucket)] + types.map { counts[bucket, $0].map(ReportValue.integer) ?? .null }
                })
            return HTMLSection(
                anchor: "usage-\(key[0])", title: "Usage of \(company)",
                figures: [
                    HTMLFigure(
                        caption: "CS AI usage records per period and usage type (all CS tiers).",
                        svg: BarChart(
                            title: "Usage of \(company)", id: "usage-\(key[0])", categories: buckets, series: series
                        )
                        .render(), data: data)
                ])
        }
    }

    /// The distinct values in first-appearance order (the report's row order).
    static func ordered(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }

}
