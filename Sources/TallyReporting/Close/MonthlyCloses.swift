import GRDB
import TallyCore
import TallyStore

/// What the monthly closes (CS AI billing, affiliate payouts) share: a close's key is
/// `<company>|<YYYY-MM>`, and a company's months close in order, without gaps.
package enum MonthlyCloses {
    /// The ledger key of a company's month.
    package static func scopeKey(_ company: String, _ period: CalendarMonth) -> String { "\(company)|\(period)" }

    /// The ledger id of the close of `kind` for a company's month.
    package static func closeId(kind: String, _ company: String, _ period: CalendarMonth) -> String {
        ClosePlan.id(kind: kind, scopeKey: scopeKey(company, period))
    }

    /// The bounds of every scope key of `company` (`[lower, upper)` in byte order: `|` sorts before `~`).
    package static func keyRange(of company: String) -> (lower: String, upper: String) {
        ("\(company)|", "\(company)|~")
    }

    /// The company's closed months of `kind`, from the ledger, in order.
    package static func closedPeriods(kind: String, company: String, db: Database) throws -> [CalendarMonth] {
        let range = keyRange(of: company)
        return try String.fetchAll(
            db, sql: #"SELECT "scopeKey" FROM "tally_closes" WHERE "kind" = ? AND "scopeKey" >= ? AND "scopeKey" < ?"#,
            arguments: [kind, range.lower, range.upper]
        ).compactMap { CalendarMonth(String($0.split(separator: "|").last ?? "")) }.sorted()
    }

    /// Refuses to close `period` unless every month from the chain's start to the one before it is
    /// closed. The chain starts at the first closed month, or, before any close, at `firstActivity`
    /// (the month of the company's first usage or conversion; nil: nothing to close before). A month
    /// before an already closed one can no longer close.
    package static func checkOrder(
        company: String, period: CalendarMonth, closed: [CalendarMonth], firstActivity: CalendarMonth?
    )
        throws
    {
        if let later = closed.first(where: { $0 > period }) {
            throw CloseError.laterPeriodClosed(company: company, period: period, closed: later)
        }
        // A first close before the first data would start the chain there: every month after it
        // would have to close first (a typed 2016-02 for 2026-02 left 119 empty months).
        if closed.isEmpty, let firstActivity, period < firstActivity {
            throw CloseError.beforeFirstActivity(company: company, period: period, first: firstActivity)
        }
        guard var month = closed.first ?? firstActivity else { return }
        while month < period {
            if !closed.contains(month) {
                throw CloseError.periodOutOfOrder(company: company, period: period, open: month)
            }
            month = month.next
        }
    }

    /// Reopens the company's close of `kind` for `period` (``CloseStage/reopen(kind:scopeKey:later:asOf:by:on:dryRun:refuse:)``):
    /// only its latest month reopens.
    package static func reopen(
        kind: String, company: String, period: CalendarMonth, asOf: UTCTimestamp.Milliseconds, by: String,
        on store: Store, dryRun: Bool,
        refuse: (Database, [(table: String, rowId: String)]) throws -> Void = { _, _ in }
    ) throws -> CloseStage.Reopening {
        let range = keyRange(of: company)
        return try CloseStage.reopen(
            kind: kind, scopeKey: scopeKey(company, period), later: range.lower...range.upper, asOf: asOf, by: by,
            on: store, dryRun: dryRun, refuse: refuse)
    }

    /// The companies of `candidates` a close of `kind` for `period` covers by default: each with a
    /// close of that month or an earlier one, or whose first month with data (`firstActivitySQL`,
    /// ``firstMonth(sql:company:zone:db:)``) is `period` or earlier — none before its first data. A
    /// company whose time zone does not parse is named and left out (``CompanyContext/loadForAll(_:db:)``).
    /// - Throws: ``CloseError/noCompanyDue(period:first:)`` when none is due while some has data:
    ///   the period is before every company's first month (a typed year).
    package static func dueCompanies(
        _ candidates: [String], kind: String, period: CalendarMonth, firstActivitySQL: String, db: Database
    ) throws -> [String] {
        var due: [String] = []
        var earliest: CalendarMonth?
        for company in candidates {
            guard let context = try CompanyContext.loadForAll(company, db: db) else { continue }
            let first = try firstMonth(sql: firstActivitySQL, company: company, zone: context.zone, db: db)
            let hasCloses = try closedPeriods(kind: kind, company: company, db: db).contains { $0 <= period }
            if hasCloses || first.map({ $0 <= period }) ?? false { due.append(company) }
            if let first, earliest.map({ first < $0 }) ?? true { earliest = first }
        }
        if due.isEmpty, let earliest { throw CloseError.noCompanyDue(period: period, first: earliest) }
        return due
    }

    /// Refuses an `asOf` earlier than the as-of of the company's latest close of `kind` for an
    /// earlier period: a later month cannot stand for an earlier time. (A re-close of the same
    /// period is the stage's to judge.)
    package static func checkAsOf(
        _ asOf: UTCTimestamp.Milliseconds, kind: String, company: String, period: CalendarMonth, db: Database
    ) throws {
        let range = keyRange(of: company)
        guard
            let latest = try Row.fetchOne(
                db,
                sql: """
                    SELECT "id", "asOf" FROM "tally_closes" WHERE "kind" = ? AND "scopeKey" >= ? AND "scopeKey" < ?
                        AND "scopeKey" < ? ORDER BY "scopeKey" DESC LIMIT 1
                    """, arguments: [kind, range.lower, range.upper, scopeKey(company, period)]),
            case .success(let previous) = UTCTimestamp.parse(latest["asOf"] as String), asOf < previous
        else { return }
        throw CloseError.asOfBeforePreviousClose(
            company: company, asOf: UTCTimestamp.format(asOf), previous: latest["asOf"], closeId: latest["id"])
    }

    /// The local month of the earliest instant `sql` returns (one `MIN(...)` column), if any.
    package static func firstMonth(sql: String, company: String, zone: CompanyTimeZone, db: Database) throws
        -> CalendarMonth?
    {
        guard let earliest = try String.fetchOne(db, sql: sql, arguments: [company]),
            case .success(let instant) = UTCTimestamp.parse(earliest)
        else { return nil }
        // The month whose bounds hold it as the closes compare times, as text: a time typed by hand
        // in another form ('2026-03-01 23:00:00') sorts up to a day away from its instant.
        var month = zone.day(containing: instant).calendarMonth
        while earliest < zone.bounds(of: month).lowerText { month = month.previous }
        while earliest >= zone.bounds(of: month).upperText { month = month.next }
        return month
    }
}
