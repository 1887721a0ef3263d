import GRDB
import TallyCore
import TallyReporting
import TallyStore

/// Which companies a close of a period covers by default: every company with CS AI usage in or
/// before that month (its local month), or with a close of that month or an earlier one — a
/// minimum fee is owed even in a month without usage, but nothing before a company's first usage.
/// With none due while some company has usage, the period is before every company's first month
/// (a typed year) and ``CloseError/noCompanyDue(period:first:)`` refuses it.
public enum BillingTargets {
    /// On a connection inside the caller's transaction (the close stage's).
    public static func companies(for period: CalendarMonth, db: Database) throws -> [String] {
        var targets: [String] = []
        var earliest: CalendarMonth?
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT c."id", (SELECT MIN(u."occurredAt") FROM "cs_ai_usage" AS u WHERE u."companyId" = c."id") AS first,
                    EXISTS (SELECT 1 FROM "tally_billing_lines" AS l WHERE l."companyId" = c."id" AND l."period" <= ?) AS closed
                FROM "companies" AS c ORDER BY c."id"
                """, arguments: ["\(period)"])
        {
            let id: String = row["id"]
            if row["closed"] as Bool {
                targets.append(id)
            } else if let first = row["first"] as String?, case .success(let instant) = UTCTimestamp.parse(first) {
                guard let context = try CompanyContext.loadForAll(id, db: db) else { continue }
                let month = context.zone.day(containing: instant).calendarMonth
                if month <= period { targets.append(id) }
                if earliest.map({ month < $0 }) ?? true { earliest = month }
            }
        }
        // None due while some company has usage: the period is before every company's first month.
        if targets.isEmpty, let earliest { throw CloseError.noCompanyDue(period: period, first: earliest) }
        return targets
    }
}
