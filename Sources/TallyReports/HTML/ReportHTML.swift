import TallyOutput

/// `--format html`: each report's page, with the charts its columns call for and every chart's
/// numbers in a table beside it (docs/HTML.md). Reports without charts print their table.
public enum ReportHTML {
    /// The whole page of one report run.
    public static func page(report: String, table: ReportTable, subtitle: String? = nil) -> String {
        HTMLPage(title: "tally · \(report)", subtitle: subtitle, sections: [section(report: report, table: table)])
            .render()
    }

    /// The report's section: figures per group, then the full table.
    public static func section(report: String, table: ReportTable, title: String? = nil) -> HTMLSection {
        let lookup = TableLookup(table)
        let heading = title ?? report
        var parts: [HTMLSection] = []
        switch report {
        case let name where name.hasPrefix(VariantConversionReport.name): parts = VariantConversionHTML.parts(lookup)
        case DiscountCodesReport.name: parts = DiscountCodesHTML.parts(lookup)
        case AffiliateReport.name: parts = AffiliateHTML.parts(lookup)
        case CSAIUsageReport.name: parts = UsageHTML.parts(lookup)
        case let name where name.hasPrefix("billing-close"): parts = UsageHTML.invoiceParts(lookup)
        default: break
        }
        return HTMLSection(
            anchor: heading, title: heading,
            parts: parts
                + [HTMLSection(anchor: "\(heading)-table", title: "All rows (\(table.rows.count))", table: table)])
    }

    /// Percent text of a rate with one decimal, for notes beside a chart.
    static func percent(_ value: Double?) -> String? {
        value.flatMap { FixedDecimal.format($0 * 100, decimals: 1) }.map { $0 + "%" }
    }
}
