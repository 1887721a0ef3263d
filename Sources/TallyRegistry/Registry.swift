import TallyAffiliate
import TallyCSAI
import TallyFunnels
import TallyOutput
import TallyReporting
import TallyStore

/// The one list of what the domains contribute: their reports (with SQL folders, charts and
/// dashboard sections) and their rollup families. Everything that enumerates reports derives from
/// here: `--format html`'s charts, the dashboard's sections, verify's outputs
/// (``ReportCatalog``), and the tests' lists (docs/ARCHITECTURE.md says which test guards which).
///
/// ## Topics
/// - ``reports``: every report, in dashboard order.
/// - ``rollups``: every rollup family, in the order loads handle them.
/// - ``page(report:table:)``, ``section(report:table:title:)``: a report's HTML with its charts.
public enum Registry {
    /// Every report. The dashboard shows the ones with a section, in this order.
    public static let reports: [RegisteredReport] = [
        RegisteredReport(
            name: VariantConversionReport.name, queryFolder: "variant-conversion",
            htmlParts: VariantConversionHTML.parts,
            goldens: [
                .table { try VariantConversionReport(scope: ReportScope()).run(on: $0) },
                .table("\(VariantConversionReport.name)-leads") {
                    try VariantConversionReport(scope: ReportScope(), view: .leads).run(on: $0)
                },
            ],
            dashboard: { scope, store in
                section(
                    report: VariantConversionReport.name,
                    table: try VariantConversionReport(scope: scope).run(on: store),
                    title: "A/B tests: variant conversion")
            }),
        RegisteredReport(
            name: DiscountCodesReport.name, queryFolder: "discount-codes", htmlParts: DiscountCodesHTML.parts,
            goldens: [.table { try DiscountCodesReport(scope: ReportScope()).run(on: $0) }],
            dashboard: { scope, store in
                section(
                    report: DiscountCodesReport.name, table: try DiscountCodesReport(scope: scope).run(on: store),
                    title: "Discount codes")
            }),
        RegisteredReport(
            name: AffiliateReport.name, queryFolder: "affiliate", htmlParts: AffiliateHTML.parts,
            goldens: [.affiliate(.production), .affiliate(.lastClick), .affiliate(.linear)],
            dashboard: { scope, store in try affiliateSection(scope: affiliateScope(scope), on: store) }),
        RegisteredReport(name: AffiliateCreditsReport.name, queryFolder: "affiliate"),
        RegisteredReport(
            name: AffiliateFraudReport.name, queryFolder: "affiliate",
            goldens: [.table { try AffiliateFraudReport(scope: ReportScope()).run(on: $0) }],
            dashboard: { scope, store in
                section(
                    report: AffiliateFraudReport.name,
                    table: try AffiliateFraudReport(scope: affiliateScope(scope)).run(on: store),
                    title: "Affiliate fraud signals")
            }),
        RegisteredReport(
            name: ClickQueueReport.name, queryFolder: "click-queue",
            goldens: [
                .table {
                    try ClickQueueReport(scope: ReportScope(), asOf: try Golden.instant("2026-05-01T00:00:00.000Z"))
                        .run(on: $0)
                }
            ]),
        RegisteredReport(
            name: CSAIUsageReport.name, queryFolder: "cs-ai-usage", htmlParts: UsageHTML.parts,
            goldens: [.table { try CSAIUsageReport(scope: ReportScope()).run(on: $0) }],
            dashboard: { scope, store in
                section(
                    report: CSAIUsageReport.name,
                    table: try CSAIUsageReport(scope: affiliateScope(scope)).run(on: store),
                    title: "CS AI usage per month")
            }),
        RegisteredReport(
            name: BillingClose.name, queryFolder: "billing-close", htmlParts: BillingCloseHTML.parts,
            goldens: [
                // January (New York's month-end edge calls) and February, then March after the late
                // February usage arrives: its close carries February's adjustments.
                .billingCloses(
                    "billing-close-2026-02", phase: 0, periods: ["2026-01", "2026-02"], asOf: "2026-03-05T00:00:00.000Z"
                ),
                .billingCloses(
                    "billing-close-2026-03", phase: 1, periods: ["2026-03"], asOf: "2026-04-05T00:00:00.000Z"),
            ]),
        RegisteredReport(
            name: BillingStatus.name, queryFolder: nil,
            dashboard: { scope, store in
                section(
                    report: BillingStatus.name,
                    table: ReportTable(
                        rows: try BillingStatus.rows(companies: scope.companies, on: store),
                        columns: BillingStatus.columns),
                    title: "CS AI billing: closed and open periods")
            }),
        RegisteredReport(
            name: AffiliatePayouts.name, queryFolder: "affiliate",
            // Payout closes January through April, each as of mid-May (holds of 14 days have passed).
            goldens: [
                .payoutCloses(
                    "affiliate-payouts-2026-04", periods: ["2026-01", "2026-02", "2026-03", "2026-04"],
                    asOf: "2026-05-15T00:00:00.000Z")
            ]),
    ]

    /// Every rollup family the loader keeps, in the order loads handle them.
    public static let rollups = RollupFamilies([FunnelRollups.self, BillingRollups.self, AffiliateClickRollups.self])

    /// The registered report named `name`, if any.
    public static func report(named name: String) -> RegisteredReport? { reports.first { $0.name == name } }

    /// The HTML page of a report's table (`--format html`), with the report's charts.
    public static func page(report: String, table: ReportTable) -> String {
        ReportHTML.page(report: report, table: table, parts: parts(of: report))
    }

    /// A report's section of a larger page (the dashboard), with its charts.
    public static func section(report: String, table: ReportTable, title: String? = nil) -> HTMLSection {
        ReportHTML.section(report: report, table: table, parts: parts(of: report), title: title)
    }

    private static func parts(of report: String) -> ReportHTML.Parts {
        self.report(named: report)?.htmlParts ?? ReportHTML.noCharts
    }

    /// Affiliate and CS AI reports take no funnel filter.
    private static func affiliateScope(_ scope: ReportScope) -> ReportScope {
        ReportScope(companies: scope.companies, from: scope.from, to: scope.to)
    }

    /// The production view's section, with every model's revenue beside it.
    private static func affiliateSection(scope: ReportScope, on store: Store) throws -> HTMLSection {
        var runs: [(model: String, table: ReportTable)] = []
        for model in AttributionModel.allCases {
            var options = AttributionOptions()
            options.model = model
            runs.append((model.rawValue, try AffiliateReport(scope: scope, options: options).run(on: store)))
        }
        var affiliate = section(
            report: AffiliateReport.name, table: runs[0].table, title: "Affiliates: production attribution")
        affiliate.parts.insert(AffiliateHTML.modelsSection(runs), at: 0)
        return affiliate
    }
}
