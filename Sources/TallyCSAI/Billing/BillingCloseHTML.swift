import TallyCore
import TallyOutput
import TallyReporting

/// Billing closes' invoice amounts per company and month (`billing close --format html`).
public enum BillingCloseHTML {
    /// Invoice amounts per company and period, by line kind, per currency.
    public static func parts(_ lookup: TableLookup) -> [HTMLSection] {
        lookup.groups(by: ["currency"]).map { key, rows in
            let invoices = UsageHTML.ordered(
                rows.map { "\(lookup.text($0, "company_name")) · \(lookup.text($0, "period"))" })
            let kinds = UsageHTML.ordered(rows.map { lookup.text($0, "kind") })
            var sums = PivotSums()
            for row in rows {
                let invoice = "\(lookup.text(row, "company_name")) · \(lookup.text(row, "period"))"
                sums.add(Int64(lookup.number(row, "amount_minor") ?? 0), row: invoice, column: lookup.text(row, "kind"))
            }
            func money(_ minor: Int64?) -> String? { minor.map { Money(minorUnits: $0, currency: key[0]).decimalText } }
            let series = kinds.map { kind in
                let values = invoices.map { sums[$0, kind] }
                return BarChart.Series(
                    name: kind, values: values.map { $0.map { Double($0) / pow10(CurrencyExponent.of(key[0])) } },
                    labels: values.map(money), style: BillingClose.Line.Kind.allCases.firstIndex { $0.rawValue == kind }
                )
            }
            let data = ReportTable(
                columns: ["invoice"] + kinds,
                rows: invoices.map { invoice in
                    [.text(invoice)]
                        + kinds.map { kind in money(sums[invoice, kind]).map(ReportValue.decimal) ?? .null }
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

    private static func pow10(_ exponent: Int) -> Double { (0..<exponent).reduce(1.0) { value, _ in value * 10 } }
}
