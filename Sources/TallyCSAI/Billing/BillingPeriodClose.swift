import GRDB
import TallyCore
import TallyReporting
import TallyStore

/// The CS AI billing close of one period (docs/BILLING.md), for each company, as the close stage
/// runs it: planned inside the stage's transaction, so the usage records the plans streamed are the
/// ones the ledger records.
public struct BillingPeriodClose: CloseDefinition {
    /// A change to a closed month is billed, never rewritten (docs/BILLING.md, adjustments).
    public static let afterChange = "the difference will be billed as adjustments at the next period's close"

    public var period: CalendarMonth
    public var asOf: UTCTimestamp.Milliseconds
    /// The companies to close; empty: ``BillingTargets/companies(for:db:)``.
    public var companies: [String] = []
    /// List each period's record ids in the result (the JSON shape); it reads every id.
    public var recordIds = true
    /// Read the billing rollups when fresh (false: every record, the same bytes).
    public var rollups = true

    public init(period: CalendarMonth, asOf: UTCTimestamp.Milliseconds) {
        self.period = period
        self.asOf = asOf
    }

    public func plans(in db: Database) throws -> [(detail: BillingClose.Result, plan: ClosePlan)] {
        let targets = companies.isEmpty ? try BillingTargets.companies(for: period, db: db) : companies
        return try targets.map {
            let (result, plan) = try BillingClose.plan(
                company: $0, period: period, asOf: asOf, recordIds: recordIds, rollups: rollups, db: db)
            return (result, plan)
        }
    }
}

extension BillingClose {
    /// Closes `period` for each company through the close stage (``BillingPeriodClose``).
    /// - Returns: each company's close and what the stage did with it.
    public static func run(
        period: CalendarMonth, asOf: UTCTimestamp.Milliseconds, companies: [String] = [], on store: Store, dryRun: Bool,
        recordIds: Bool = true, rollups: Bool = true
    ) throws -> [CloseRun<Result>] {
        var close = BillingPeriodClose(period: period, asOf: asOf)
        close.companies = companies
        close.recordIds = recordIds
        close.rollups = rollups
        return try CloseStage.run(close, on: store, dryRun: dryRun)
    }

    /// Several closes as one JSON array, each in the shape of docs/BILLING.md.
    public static func json(_ results: [Result]) -> String {
        "[\n" + results.map(\.json).joined(separator: ",\n") + "\n]\n"
    }
}

extension BillingClose {
    /// Reopens the company's billing close of `period` (its latest): deletes its lines and summary
    /// row and records the reopening (docs/CLOSES.md, "Reopening a close").
    public static func reopen(
        company: String, period: CalendarMonth, asOf: UTCTimestamp.Milliseconds, by: String, on store: Store,
        dryRun: Bool
    ) throws -> CloseStage.Reopening {
        try MonthlyCloses.reopen(
            kind: kind, company: company, period: period, asOf: asOf, by: by, on: store, dryRun: dryRun)
    }
}
