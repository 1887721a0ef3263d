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
    /// On a connection inside the caller's transaction (the close stage's): ``MonthlyCloses`` decides,
    /// with the close's own first month (``BillingClose/firstActivitySQL``).
    public static func companies(for period: CalendarMonth, db: Database) throws -> [String] {
        try MonthlyCloses.dueCompanies(
            try String.fetchAll(db, sql: #"SELECT "id" FROM "companies" ORDER BY "id""#), kind: BillingClose.kind,
            period: period, firstActivitySQL: BillingClose.firstActivitySQL, db: db)
    }
}
