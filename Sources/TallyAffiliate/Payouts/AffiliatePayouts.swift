import GRDB
import TallyCore
import TallyOutput
import TallyReporting
import TallyStore

/// The monthly affiliate payout close (docs/AFFILIATE.md, section 6), on the close stage.
///
/// Per company, partner (the conversion's `partnerId`) and currency, at the period end `E`: the
/// status of each conversion as of `E` (P0), accruals (P1), clawbacks (P2), the balance (P3), the
/// threshold (P4), an `affiliate_payouts` row when paid (P5), and what is coming (P6). The basis is
/// production's `commissionAmount`, or a model's commission (``Basis/model(_:)``, docs/AFFILIATE.md
/// "Payouts on a model basis"): each conversion's commission split over its touchpoints' partners.
public enum AffiliatePayouts {
    /// The report name of the close's rows (`--format html`, verify's outputs).
    public static let name = "affiliate-payouts"
    /// The ledger kind of the production basis.
    public static let kind = "affiliate-payouts"

    /// What a partner is paid on.
    public enum Basis: Sendable, Equatable {
        /// The conversion's `commissionAmount`, to its own `partnerId` (P0).
        case production
        /// The model's commission per touchpoint, summed per partner of the conversion.
        case model(AttributionOptions)

        /// The close kind: a ledger of its own per basis (`affiliate-payouts`, `affiliate-payouts-linear`).
        var kind: String {
            switch self {
            case .production: return AffiliatePayouts.kind
            case .model(let options): return "\(AffiliatePayouts.kind)-\(options.model.rawValue)"
            }
        }
    }

    /// One partner and currency at one close.
    public struct Row: Sendable {
        public let company: String
        public let partner: String
        public let currency: String
        public let period: CalendarMonth
        /// Names beside the ids (set once the close is planned; not part of what it writes).
        public var companyName: String? = nil
        public var partnerName: String? = nil
        public let carriedIn: Int64
        public let gross: Int64
        public let reversals: Int64
        public let fees: Int64
        public let accrued: Int
        public let clawedBack: Int
        public let threshold: Int64
        public let isPaid: Bool
        public let payoutId: String?
        public let approvedInHold: Int64
        public let pendingOrDisputed: Int64

        public var net: Int64 { gross - reversals - fees }
        public var balance: Int64 { carriedIn + net }
        public var paid: Int64 { isPaid ? balance : 0 }
        public var carriedOut: Int64 { isPaid ? 0 : balance }
        func money(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: currency) }
    }

    public static var columns: [ReportColumn<Row>] {
        [
            .text("company_id") { $0.company }, .text("company_name", scan: 9) { $0.companyName },
            .text("partner_id") { $0.partner }, .text("partner_name", scan: 1) { $0.partnerName },
            .text("currency", scan: 10) { $0.currency }, .text("period", scan: 8) { "\($0.period)" },
            .money("carried_in", scan: 11) { $0.money($0.carriedIn) },
            .money("gross", scan: 6) { $0.money($0.gross) },
            .money("reversals", scan: 7) { $0.money($0.reversals) }, .money("fees") { $0.money($0.fees) },
            .money("net", scan: 4) { $0.money($0.net) }, .money("balance", scan: 3) { $0.money($0.balance) },
            .money("threshold") { $0.money($0.threshold) }, .money("paid", scan: 2) { $0.money($0.paid) },
            .money("carried_out", scan: 5) { $0.money($0.carriedOut) }, .text("payout_id") { $0.payoutId },
            .integer("accrued_conversions") { $0.accrued }, .integer("clawed_back_conversions") { $0.clawedBack },
            .money("approved_in_hold") { $0.money($0.approvedInHold) },
            .money("pending_or_disputed") { $0.money($0.pendingOrDisputed) },
        ]
    }

    /// Computes the close of `company` for `period` as of `asOf`, and the plan that writes it, on
    /// `db` inside the close stage's transaction (``PayoutClose``).
    /// - Throws: ``PayoutError/otherPayoutBasis(company:closedKind:)`` when the company's payouts
    ///   were closed on another basis: one basis per company, or a month could be paid twice;
    ///   ``CloseError`` for the as-of and the order of months.
    static func plan(
        company: String, period: CalendarMonth, asOf: UTCTimestamp.Milliseconds, basis: Basis, db: Database
    ) throws -> ([Row], ClosePlan) {
        let credits = try modelShares(company: company, period: period, basis: basis, db: db)
        try refuseOtherBasis(company: company, kind: basis.kind, db: db)
        let companyContext = try CompanyContext.load(company, db: db)
        let zone = companyContext.zone
        let bounds = zone.bounds(of: period)
        let end = bounds.upper!
        guard asOf >= end else {
            throw CloseError.asOfBeforePeriodEnd(
                period: period, periodEnd: bounds.upperText, asOf: UTCTimestamp.format(asOf))
        }
        try checkOrder(company: company, period: period, kind: basis.kind, zone: zone, db: db)
        try MonthlyCloses.checkAsOf(asOf, kind: basis.kind, company: company, period: period, db: db)
        let partners = try AffiliatePartner.all(db)
        let program = try AffiliateProgram.all(db)[company] ?? .defaults
        let conversions = try PayoutConversion.fetchAll(
            db, sql: QueryCatalog.sql("affiliate/payout-conversions"),
            arguments: ["companyId": company, "endUTC": bounds.upperText])
        let ledger = try PayoutLedger.read(company: company, before: period, kind: basis.kind, db: db)
        var planner = try PayoutPlanner(
            close: PayoutWrites.Close(
                company: company, period: period, basis: basis, bounds: (bounds.lowerText, bounds.upperText),
                asOf: asOf),
            end: end, holdDays: program.holdPeriodDays, ledger: ledger)
        let shares: [PayoutShare]
        switch basis {
        case .production:
            shares = conversions.map {
                PayoutShare(
                    conversion: $0, partnerId: $0.partnerId, commission: $0.commissionAmount ?? 0, millionths: 1_000_000
                )
            }
        case .model:
            shares = conversions.flatMap { conversion in
                (credits[conversion.id] ?? []).map {
                    PayoutShare(
                        conversion: conversion, partnerId: $0.partner, commission: $0.commission,
                        millionths: $0.millionths)
                }
            }
            planner.recordCredits(shares)
        }
        let accounts = Dictionary(grouping: shares, by: \.account)
        var rows: [Row] = []
        for account in Set(accounts.keys).union(ledger.carried.keys).sorted() {
            let moved = try planner.movements(of: accounts[account] ?? [])
            rows.append(
                try planner.close(
                    account, moved, partner: partners[account.partnerId],
                    programThreshold: program.minimumPayoutThreshold
                ) {
                    try ledger.settledEarlier(account, company: company, period: period, kind: basis.kind, db: db)
                })
        }
        let plan = ClosePlan(
            kind: basis.kind, scopeKey: MonthlyCloses.scopeKey(company, period), asOf: asOf, inputs: planner.inputs,
            writes: planner.writes)
        let named = rows.map { row in
            var named = row
            named.companyName = companyContext.name
            named.partnerName = partners[row.partner]?.name
            return named
        }
        return (named, plan)
    }

    /// One basis per company: a close of another basis's kind for the company refuses this one.
    private static func refuseOtherBasis(company: String, kind: String, db: Database) throws {
        let range = MonthlyCloses.keyRange(of: company)
        if let other = try String.fetchOne(
            db,
            sql: """
                SELECT "kind" FROM "tally_closes" WHERE "kind" LIKE 'affiliate-payouts%' AND "kind" <> ?
                    AND "scopeKey" >= ? AND "scopeKey" < ? ORDER BY "kind" LIMIT 1
                """,
            arguments: [kind, range.lower, range.upper])
        {
            throw PayoutError.otherPayoutBasis(company: company, closedKind: other)
        }
    }

    /// Months close in order from the month of the first non-rejected conversion (a re-close of a
    /// closed month is always allowed: it is a re-run).
    private static func checkOrder(
        company: String, period: CalendarMonth, kind: String, zone: CompanyTimeZone, db: Database
    ) throws {
        let closed = try MonthlyCloses.closedPeriods(kind: kind, company: company, db: db)
        guard !closed.contains(period) else { return }
        try MonthlyCloses.checkOrder(
            company: company, period: period, closed: closed,
            firstActivity: try firstMonth(company: company, zone: zone, db: db))
    }

    /// The local month of the company's first non-rejected conversion.
    private static func firstMonth(company: String, zone: CompanyTimeZone, db: Database) throws -> CalendarMonth? {
        try MonthlyCloses.firstMonth(sql: firstActivitySQL, company: company, zone: zone, db: db)
    }

    /// A company's first conversion that counts (not rejected).
    private static let firstActivitySQL =
        #"SELECT MIN("convertedAt") FROM "affiliate_conversions" WHERE "companyId" = ? AND "status" <> 'REJECTED'"#

    /// The companies a close of `period` covers by default: each company with conversions whose
    /// first month is `period` or earlier, or that has payouts of `kind` closed already — none
    /// before its first sale. With none due while some company has conversions, the period is
    /// before every company's first month (a typed year), and the close is refused.
    /// - Throws: ``CloseError/noCompanyDue(period:first:)``.
    static func defaultCompanies(for period: CalendarMonth, kind: String, db: Database) throws -> [String] {
        try MonthlyCloses.dueCompanies(
            try String.fetchAll(
                db, sql: #"SELECT DISTINCT "companyId" FROM "affiliate_conversions" ORDER BY "companyId""#),
            kind: kind, period: period, firstActivitySQL: firstActivitySQL, db: db)
    }

    /// Each conversion's model commission per partner (summed over the partner's touchpoints) and its
    /// part of the conversion's credit in millionths; empty on the production basis. Conversions
    /// without a touchpoint pay no partner on a model basis.
    private static func modelShares(company: String, period: CalendarMonth, basis: Basis, db: Database) throws
        -> [String: [(partner: String, commission: Int64, millionths: Int64)]]
    {
        guard case .model(let options) = basis else { return [:] }
        let scope = ReportScope(companies: [company], to: period.next.firstDay)
        var shares: [String: [String: (commission: Int64, millionths: Int64)]] = [:]
        for row in try AffiliateCreditsReport(scope: scope, options: options).typedRows(in: db) {
            guard let touchpoint = row.touchpoint else { continue }
            let previous = shares[row.conversion.conversionId, default: [:]][touchpoint.partnerId] ?? (0, 0)
            shares[row.conversion.conversionId, default: [:]][touchpoint.partnerId] = (
                previous.commission + touchpoint.commission, previous.millionths + touchpoint.millionths
            )
        }
        return shares.mapValues { partners in
            partners.keys.sorted().map {
                (partner: $0, commission: partners[$0]!.commission, millionths: partners[$0]!.millionths)
            }
        }
    }

    /// Closes `period` for each company (default: ``defaultCompanies(for:kind:db:)``) through
    /// the close stage (``PayoutClose``).
    public static func run(
        period: CalendarMonth, asOf: UTCTimestamp.Milliseconds, companies: [String], basis: Basis = .production,
        on store: Store, dryRun: Bool
    ) throws -> [CloseRun<[Row]>] {
        try CloseStage.run(
            PayoutClose(period: period, asOf: asOf, companies: companies, basis: basis), on: store, dryRun: dryRun)
    }
}
