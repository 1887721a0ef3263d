import TallyOutput
import TallyReporting

/// Partners' credited revenue: one model beside the production view (a report run), or every
/// model side by side (the dashboard), per currency.
public enum AffiliateHTML {
    /// One run: the model's revenue and production's, per group.
    public static func parts(_ lookup: TableLookup) -> [HTMLSection] {
        lookup.groups(by: ["currency"]).map { key, rows in
            let chart = BarChart(
                title: "Credited revenue per group (\(key[0]))", id: "affiliate-\(key[0])",
                categories: rows.map { lookup.text($0, "group_name") },
                series: [("revenue", "this view"), ("production_revenue", "production")].map { column, name in
                    BarChart.Series(
                        name: name, values: rows.map { lookup.number($0, column) },
                        labels: rows.map { lookup.value($0, column).plainText })
                })
            return HTMLSection(
                anchor: "affiliate-\(key[0])", title: "Revenue in \(key[0])",
                figures: [
                    HTMLFigure(
                        caption: "Credited revenue per group: this view beside production's own attribution.",
                        svg: chart.render(),
                        data: lookup.subtable(
                            rows, columns: ["group_name", "conversions", "revenue", "production_revenue", "commission"])
                    )
                ])
        }
    }

    /// Several models' runs (same scope): credited revenue per partner, one series per model.
    public static func modelsSection(_ runs: [(model: String, table: ReportTable)]) -> HTMLSection {
        guard let first = runs.first else { return HTMLSection(anchor: "models", title: "Attribution models") }
        let lookups = runs.map { ($0.model, TableLookup($0.table)) }
        var parts: [HTMLSection] = []
        let firstLookup = TableLookup(first.table)
        for (key, rows) in firstLookup.groups(by: ["currency"]) {
            let groups = rows.map { firstLookup.text($0, "group") }
            let names = rows.map { firstLookup.text($0, "group_name") }
            var data: [[ReportValue]] = names.map { [.text($0)] }
            var series: [BarChart.Series] = []
            for (model, lookup) in lookups {
                let byGroup = Dictionary(
                    lookup.table.rows.filter { lookup.text($0, "currency") == key[0] }.map {
                        (lookup.text($0, "group"), lookup.value($0, "revenue"))
                    }, uniquingKeysWith: { first, _ in first })
                let values = groups.map { byGroup[$0] ?? .null }
                for index in data.indices { data[index].append(values[index]) }
                series.append(
                    BarChart.Series(
                        name: model, values: values.map { $0.plainText.flatMap(Double.init) },
                        labels: values.map(\.plainText)))
            }
            let chart = BarChart(
                title: "Credited revenue per model (\(key[0]))", id: "models-\(key[0])", categories: names,
                series: series)
            parts.append(
                HTMLSection(
                    anchor: "models-\(key[0])", title: "Revenue in \(key[0]) by model",
                    figures: [
                        HTMLFigure(
                            caption: "Credited revenue per partner under each model; production is the platform's "
                                + "own attribution, the models split each conversion over its eligible clicks.",
                            svg: chart.render(),
                            data: ReportTable(columns: ["group_name"] + runs.map(\.model), rows: data))
                    ]))
        }
        return HTMLSection(anchor: "affiliate-models", title: "affiliate: models side by side", parts: parts)
    }
}
