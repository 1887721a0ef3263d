import Foundation
import GRDB
import TallyCore
import TallyStore

/// Which companies and dates a report covers.
///
/// Dates are calendar days in each company's own time zone (DATA_MODEL §5): `--from 2026-03-01`
/// starts at local midnight of March 1 in New York for a New York company and in Berlin for a
/// Berlin company, computed with the calendar so DST changes are honored. The range is [from, to).
public struct ReportScope: Sendable {
    /// Company ids to include; empty means every company.
    public var companies: [String]
    /// First day included, `YYYY-MM-DD`; nil for no lower bound.
    public var from: String?
    /// First day excluded, `YYYY-MM-DD`; nil for no upper bound.
    public var to: String?
    /// Funnel ids to include; empty means every funnel.
    public var funnels: [String]

    public init(companies: [String] = [], from: String? = nil, to: String? = nil, funnels: [String] = []) {
        self.companies = companies
        self.from = from
        self.to = to
        self.funnels = funnels
    }

    /// Why a scope cannot be used.
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case badDate(String)
        case unknownCompany(String)
        case unknownTimeZone(company: String, timeZone: String)

        public var description: String {
            switch self {
            case .badDate(let text): return "'\(text)' is not a date like 2026-03-01"
            case .unknownCompany(let id): return "no company '\(id)' in the store; 'tally status' shows what is loaded"
            case .unknownTimeZone(let company, let zone):
                return "company \(company) has time zone '\(zone)', which is not an IANA time zone this system knows"
            }
        }
    }

    /// Fills `temp.report_scope` (and `temp.report_funnels`) for the report's SQL.
    func install(in db: Database) throws {
        try db.execute(
            sql: """
                CREATE TEMP TABLE IF NOT EXISTS "report_scope" ("companyId" TEXT PRIMARY KEY, "fromUTC" TEXT NOT NULL, "toUTC" TEXT NOT NULL);
                CREATE TEMP TABLE IF NOT EXISTS "report_funnels" ("id" TEXT PRIMARY KEY);
                DELETE FROM temp."report_scope";
                DELETE FROM temp."report_funnels";
                """)
        let rows = try Row.fetchAll(db, sql: #"SELECT "id", "timezone" FROM "companies" ORDER BY "id""#)
        let known = Set(rows.map { $0["id"] as String })
        for company in companies where !known.contains(company) { throw Problem.unknownCompany(company) }
        for row in rows {
            let id: String = row["id"]
            guard companies.isEmpty || companies.contains(id) else { continue }
            let zoneName: String = row["timezone"]
            guard let zone = TimeZone(identifier: zoneName) else {
                throw Problem.unknownTimeZone(company: id, timeZone: zoneName)
            }
            let lower = try from.map { try Self.localMidnight($0, in: zone) } ?? "0000-01-01T00:00:00.000Z"
            let upper = try to.map { try Self.localMidnight($0, in: zone) } ?? "9999-12-31T23:59:59.999Z"
            try db.execute(
                sql: #"INSERT INTO temp."report_scope" ("companyId", "fromUTC", "toUTC") VALUES (?, ?, ?)"#,
                arguments: [id, lower, upper])
        }
        for funnel in funnels {
            try db.execute(sql: #"INSERT OR IGNORE INTO temp."report_funnels" ("id") VALUES (?)"#, arguments: [funnel])
        }
    }

    /// The UTC instant of local midnight starting `day` in `zone`, in the store's timestamp form.
    static func localMidnight(_ day: String, in zone: TimeZone) throws -> String {
        let parts = day.split(separator: "-").compactMap { Int($0) }
        guard day.count == 10, parts.count == 3, (1...12).contains(parts[1]),
            (1...UTCTimestamp.daysInMonthPublic(year: parts[0], month: parts[1])).contains(parts[2])
        else { throw Problem.badDate(day) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        guard let date = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])) else {
            throw Problem.badDate(day)
        }
        return UTCTimestamp.format(Int64((date.timeIntervalSince1970 * 1000).rounded()))
    }
}
