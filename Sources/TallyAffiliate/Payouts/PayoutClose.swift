import GRDB
import TallyCore
import TallyReporting

/// The monthly affiliate payout close of one period (docs/AFFILIATE.md, section 6), for each
/// company, as the close stage runs it: planned inside the stage's transaction, so the conversions
/// and ledger it read are the ones it was computed from when it writes.
public struct PayoutClose: CloseDefinition {
    /// Payout closes carry no adjustments (docs/AFFILIATE.md, section 6): say so, promise nothing.
    public static let afterChange =
        "a closed payout period is final: a later close neither re-accrues a changed commission "
        + "nor pays the difference (a reversal is still clawed back); settle it outside tally"

    public var period: CalendarMonth
    public var asOf: UTCTimestamp.Milliseconds
    /// The companies to close; empty: every company with conversions in or before the period, or
    /// with payouts closed (``AffiliatePayouts/defaultCompanies(for:kind:db:)``).
    public var companies: [String]
    public var basis: AffiliatePayouts.Basis

    public init(
        period: CalendarMonth, asOf: UTCTimestamp.Milliseconds, companies: [String] = [],
        basis: AffiliatePayouts.Basis = .production
    ) {
        self.period = period
        self.asOf = asOf
        self.companies = companies
        self.basis = basis
    }

    /// Each company's rows (one per partner and currency) and its plan.
    public func plans(in db: Database) throws -> [(detail: [AffiliatePayouts.Row], plan: ClosePlan)] {
        let targets =
            companies.isEmpty
            ? try AffiliatePayouts.defaultCompanies(for: period, kind: basis.kind, db: db) : companies
        return try targets.map {
            let (rows, plan) = try AffiliatePayouts.plan(
                company: $0, period: period, asOf: asOf, basis: basis, db: db)
            return (rows, plan)
        }
    }
}
