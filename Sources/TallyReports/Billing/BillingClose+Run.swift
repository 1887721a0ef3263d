import TallyCore
import TallyStore

extension BillingClose {
    /// Closes `period` for each company (default: ``BillingTargets/companies(for:on:)``) in one
    /// transaction, through the close stage; the plans are computed inside it, so the usage records
    /// they streamed are the ones the ledger records. `recordIds`: list each period's record ids (JSON);
    /// `rollups`: read the billing rollups when fresh (off: every record, the same bytes).
    /// - Returns: each company's close and what the stage did with it.
    public static func run(
        period: CalendarMonth, asOf: UTCTimestamp.Milliseconds, companies: [String] = [], on store: Store, dryRun: Bool,
        recordIds: Bool = true, rollups: Bool = true
    ) throws -> [(result: Result, plan: ClosePlan, outcome: CloseStage.Outcome)] {
        let targets = companies.isEmpty ? try BillingTargets.companies(for: period, on: store) : companies
        return try CloseStage.executeAll(on: store, dryRun: dryRun) { db in
            try targets.map {
                try plan(company: $0, period: period, asOf: asOf, recordIds: recordIds, rollups: rollups, db: db)
            }
        }.map { ($0.detail, $0.plan, $0.outcome) }
    }

    /// Several closes as one JSON array, each in the shape of docs/BILLING.md.
    public static func json(_ results: [Result]) -> String {
        "[\n" + results.map(\.json).joined(separator: ",\n") + "\n]\n"
    }
}
