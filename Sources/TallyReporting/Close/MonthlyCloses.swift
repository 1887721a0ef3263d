import GRDB
import TallyCore

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
        guard var month = closed.first ?? firstActivity else { return }
        while month < period {
            if !closed.contains(month) {
                throw CloseError.periodOutOfOrder(company: company, period: period, open: month)
            }
            month = month.next
        }
    }

    /// The local month of the earliest instant `sql` returns (one `MIN(...)` column), if any.
    package static func firstMonth(sql: String, company: String, zone: CompanyTimeZone, db: Database) throws
        -> CalendarMonth?
    {
        guard let earliest = try String.fetchOne(db, sql: sql, arguments: [company]),
            case .success(let instant) = UTCTimestamp.parse(earliest)
        else { return nil }
        return zone.day(containing: instant).calendarMonth
    }
}
