import TallyCore
import TallyOutput
import TallyStore

/// Every output `tally verify` checks, by the stem of its expected files
/// (`SampleData/expected/<name>.csv`, `.json`): each report over all companies and all time with
/// its default options, named variants worth pinning, and billing closes in sequence.
///
/// Entries run in phases: phase 0 after the fixtures load; phase 1 after `FIXTURE_DIR/late/` loads
/// too (exports that arrive after the first closes). Each entry runs once and renders its CSV,
/// JSON and HTML from that one result; the dashboard is HTML only.
public enum ReportCatalog {
    public struct Entry: Sendable {
        public let name: String
        public let phase: Int
        /// The outputs of one run by file extension: `csv`, `json`, `html`.
        public let render: @Sendable (Store) throws -> [String: String]
    }

    /// `kind` picks the HTML page's charts (the report's name; default: the entry's).
    private static func report(
        _ name: String, kind: String? = nil, _ make: @escaping @Sendable (Store) throws -> ReportTable
    ) -> Entry {
        Entry(name: name, phase: 0) { store in
            let table = try make(store)
            return formats(table, kind: kind ?? name)
        }
    }

    private static func formats(_ table: ReportTable, kind: String) -> [String: String] {
        [
            "csv": CSVWriter().render(table), "json": JSONWriter().render(table),
            "html": ReportHTML.page(report: kind, table: table),
        ]
    }

    private static func affiliate(_ model: AttributionModel) -> Entry {
        report(
            model == .production ? AffiliateReport.name : "\(AffiliateReport.name)-\(model.rawValue)",
            kind: AffiliateReport.name
        ) {
            var options = AttributionOptions()
            options.model = model
            return try AffiliateReport(scope: ReportScope(), options: options).run(on: $0)
        }
    }

    /// Closes of `periods` in order, every company; the output is every close performed.
    private static func closes(_ name: String, phase: Int, periods: [String], asOf: String) -> Entry {
        Entry(name: name, phase: phase) { store in
            let instant = try UTCTimestamp.parse(asOf).get()
            var results: [BillingClose.Result] = []
            for period in periods {
                results += try BillingClose.run(period: CalendarMonth(period)!, asOf: instant, on: store, dryRun: false)
                    .map(\.result)
            }
            var outputs = formats(BillingClose.Result.linesTable(results), kind: "billing-close")
            outputs["json"] = BillingClose.json(results)
            return outputs
        }
    }

    public static let entries: [Entry] = [
        affiliate(.production), affiliate(.lastClick), affiliate(.linear),
        // Payout closes January through April, each as of mid-May (holds of 14 days have passed).
        Entry(name: "affiliate-payouts-2026-04", phase: 0) { store in
            let asOf = try UTCTimestamp.parse("2026-05-15T00:00:00.000Z").get()
            var rows: [AffiliatePayouts.Row] = []
            for period in ["2026-01", "2026-02", "2026-03", "2026-04"] {
                rows += try AffiliatePayouts.run(
                    period: CalendarMonth(period)!, asOf: asOf, companies: [], on: store, dryRun: false
                )
                .flatMap(\.rows)
            }
            return formats(ReportTable(rows: rows, columns: AffiliatePayouts.columns), kind: "affiliate-payouts")
        },
        report(AffiliateFraudReport.name) { try AffiliateFraudReport(scope: ReportScope()).run(on: $0) },
        report(ClickQueueReport.name) {
            try ClickQueueReport(scope: ReportScope(), asOf: try UTCTimestamp.parse("2026-05-01T00:00:00.000Z").get())
                .run(on: $0)
        },
        report(CSAIUsageReport.name) { try CSAIUsageReport(scope: ReportScope()).run(on: $0) },
        report(DiscountCodesReport.name) { try DiscountCodesReport(scope: ReportScope()).run(on: $0) },
        report(VariantConversionReport.name) { try VariantConversionReport(scope: ReportScope()).run(on: $0) },
        report(VariantConversionReport.name + "-leads", kind: VariantConversionReport.name) {
            try VariantConversionReport(scope: ReportScope(), view: .leads).run(on: $0)
        },
        // January (New York's month-end edge calls) and February, then March after the late
        // February usage arrives: its close carries February's adjustments.
        closes("billing-close-2026-02", phase: 0, periods: ["2026-01", "2026-02"], asOf: "2026-03-05T00:00:00.000Z"),
        closes("billing-close-2026-03", phase: 1, periods: ["2026-03"], asOf: "2026-04-05T00:00:00.000Z"),
        // Everything on one page, after every load and close above.
        Entry(name: "dashboard", phase: 1) { store in ["html": try Dashboard.render(scope: ReportScope(), on: store)] },
    ]

    public static func entry(named name: String) -> Entry? {
        entries.first { $0.name == name }
    }
}
