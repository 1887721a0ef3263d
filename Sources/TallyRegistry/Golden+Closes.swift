import TallyAffiliate
import TallyCSAI
import TallyCore
import TallyOutput
import TallyReporting

extension Golden {
    /// Billing closes of `periods` in order, every company; the output is every close performed
    /// (its JSON in the shape of docs/BILLING.md).
    static func billingCloses(_ stem: String, phase: Int, periods: [String], asOf: String) -> Golden {
        Golden(stem: stem, phase: phase) { store, report in
            let instant = try instant(asOf)
            var results: [BillingClose.Result] = []
            for period in periods {
                results += try BillingClose.run(period: CalendarMonth(period)!, asOf: instant, on: store, dryRun: false)
                    .map(\.detail)
            }
            var outputs = formats(BillingClose.Result.linesTable(results), report: report)
            outputs["json"] = BillingClose.json(results)
            return outputs
        }
    }

    /// Payout closes of `periods` in order, every company, each as of `asOf`.
    static func payoutCloses(_ stem: String, periods: [String], asOf: String) -> Golden {
        Golden(stem: stem) { store, report in
            let instant = try instant(asOf)
            var rows: [AffiliatePayouts.Row] = []
            for period in periods {
                rows += try AffiliatePayouts.run(
                    period: CalendarMonth(period)!, asOf: instant, companies: [], on: store, dryRun: false
                )
                .flatMap(\.detail)
            }
            return formats(ReportTable(rows: rows, columns: AffiliatePayouts.columns), report: report)
        }
    }

    /// The affiliate report under one model (`affiliate` for production's view, else `affiliate-<model>`).
    static func affiliate(_ model: AttributionModel) -> Golden {
        .table(model == .production ? nil : "\(AffiliateReport.name)-\(model.rawValue)") {
            var options = AttributionOptions()
            options.model = model
            return try AffiliateReport(scope: ReportScope(), options: options).run(on: $0)
        }
    }
}
