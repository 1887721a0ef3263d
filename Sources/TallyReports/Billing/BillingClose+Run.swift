import TallyCore
import TallyStore

extension BillingClose {
    /// Closes `period` for each company (default: ``BillingTargets/companies(for:on:)``) in one
    /// transaction, through the close stage.
    /// - Returns: each company's close and what the stage did with it.
    public static func run(
        period: CalendarMonth, asOf: UTCTimestamp.Milliseconds, companies: [String] = [], on store: Store, dryRun: Bool
    ) throws -> [(result: Result, plan: ClosePlan, outcome: CloseStage.Outcome)] {
        let targets = companies.isEmpty ? try BillingTargets.companies(for: period, on: store) : companies
        let planned = try targets.map { try plan(company: $0, period: period, asOf: asOf, on: store) }
        let outcomes = try CloseStage.executeAll(planned.map(\.1), on: store, dryRun: dryRun)
        return zip(planned, outcomes).map { ($0.0, $0.1, $1) }
    }

    /// Several closes as one JSON array, each in the shape of docs/BILLING.md.
    public static func json(_ results: [Result]) -> String {
        "[\n" + results.map(\.json).joined(separator: ",\n") + "\n]\n"
    }
}
