import TallyCore
import TallyOutput
import TallyReporting

/// CS AI usage per month per company, and billing closes' invoice amounts per company and month.
public enum UsageHTML {
    /// Records per bucket and usage type, per company (summed over CS tiers).
    public static func parts(_ lookup: TableLookup) -> [HTMLSection] {
        lookup.groups(by: ["company_id"]).map { key, rows in
            let buckets = ordered(rows.map { lookup.text($0, "bucket") })
            let types = ordered(rows.map { lookup.text($0, "usage_type") })
            var counts: [String: Int64] = [:]
            for row in rows {
                counts["\(lookup.text(row, "bucket"))|\(lookup.text(row, "usage_type"))", default: 0] +=
                    Int64(lookup.number(row, "records") ?? 0)
            }
            let series = types.map { type in
                let values = buckets.map { counts["\($0)|\(type)"] }
                return BarChart.Series(
                    name: type, values: values.map { $0.map(Double.init) }, labels: values.map { $0.map(String.init) })
            }
            let data = ReportTable(
                columns: ["bucket"] + types,
                rows: buckets.map { bucket in
                    [.text(bucket)] + types.map { counts["\(bucket)|\($0)"].map(ReportValue.integer) ?? .null }
                })
            return HTMLSection(
                anchor: "usage-\(key[0])", title: "Usage of \(key[0])",
                figures: [
                    HTMLFigure(
                        caption: "CS AI usage records per period and usage type (all CS tiers).",
                        svg: BarChart(
                            title: "Usage of \(key[0])", id: "usage-\(key[0])", categories: buckets, series: series
                        )
                        .render(), data: data)
                ])
        }
    }

    /// Invoice amounts per company and period, by line kind, per currency.
    public static func invoiceParts(_ lookup: TableLookup) -> [HTMLSection] {
        lookup.groups(by: ["currency"]).map { key, rows in
            let invoices = ordered(rows.map { "\(lookup.text($0, "company_id")) · \(lookup.text($0, "period"))" })
            let kinds = ordered(rows.map { lookup.text($0, "kind") })
            var sums: [String: Int64] = [:]
            for row in rows {
                let invoice = "\(lookup.text(row, "company_id")) · \(lookup.text(row, "period"))"
                sums["\(invoice)|\(lookup.text(row, "kind"))", default: 0] += Int64(
                    lookup.number(row, "amount_minor") ?? 0)
            }
            func money(_ minor: Int64?) -> String? { minor.map { Money(minorUnits: $0, currency: key[0]).decimalText } }
            let series = kinds.map { kind in
                let values = invoices.map { sums["\($0)|\(kind)"] }
                return BarChart.Series(
                    name: kind, values: values.map { $0.map { Double($0) / pow10(CurrencyExponent.of(key[0])) } },
                    labels: values.map(money))
            }
            let data = ReportTable(
                columns: ["invoice"] + kinds,
                rows: invoices.map { invoice in
                    [.text(invoice)]
                        + kinds.map { kind in money(sums["\(invoice)|\(kind)"]).map(ReportValue.decimal) ?? .null }
                })
            return HTMLSection(
                anchor: "invoices-\(key[0])", title: "Invoices in \(key[0])",
                figures: [
                    HTMLFigure(
                        caption: "Amount per invoice (company and period) by line kind, in \(key[0]).",
                        svg: BarChart(
                            title: "Invoices in \(key[0])", id: "invoices-\(key[0])", categories: invoices,
                            series: series
                        )
                        .render(), data: data)
                ])
        }
    }

    private static func ordered(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }

    private static func pow10(_ exponent: Int) -> Double { (0..<exponent).reduce(1.0) { value, _ in value * 10 } }
}
