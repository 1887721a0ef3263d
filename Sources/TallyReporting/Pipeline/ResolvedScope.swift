import GRDB
import TallyCore

/// A ``ReportScope`` checked against the store, with each company's range in UTC: stage one of
/// every report.
///
/// Unknown companies and funnels are refused here, before any query runs or output is written.
public struct ResolvedScope: Sendable {
    /// One company in scope.
    public struct Company: Sendable {
        public let id: String
        /// `companies.name`: printed beside the id (docs/REPORTS.md "Names beside ids").
        public let name: String
        public let currency: String
        public let timeZone: CompanyTimeZone
        /// The report's range in this company's time zone, as UTC.
        public let range: UTCRange
    }

    /// Companies in scope, by id.
    public let companies: [Company]
    /// Funnel ids to keep; empty means every funnel of the companies in scope.
    public let funnels: [String]
    /// The scope as asked for.
    public let request: ReportScope

    /// Looks the scope up in the store.
    /// - Throws: ``ReportError`` for an unknown company, funnel or time zone (over all companies, a
    ///   company whose time zone does not parse is left out with a ``ReportWarnings`` line).
    public static func resolve(_ scope: ReportScope, in db: Database) throws -> ResolvedScope {
        try scope.validate()
        let rows = try Row.fetchAll(
            db, sql: #"SELECT "id", "name", "timezone", "currency" FROM "companies" ORDER BY "id""#)
        let known = rows.map { $0["id"] as String }
        for id in scope.companies where !known.contains(id) { throw ReportError.unknownCompany(id: id, known: known) }
        var companies: [Company] = []
        for row in rows {
            let id: String = row["id"]
            guard scope.companies.isEmpty || scope.companies.contains(id) else { continue }
            let zoneName: String = row["timezone"]
            guard let zone = try? CompanyTimeZone(identifier: zoneName) else {
                // Asked for by name, it fails; over all companies, one the loader would now reject
                // (bad_timezone) is named and left out instead of failing every company's report.
                if scope.companies.isEmpty {
                    ReportWarnings.companyLeftOut(id, timeZone: zoneName)
                    continue
                }
                throw ReportError.unknownTimeZone(company: id, timeZone: zoneName)
            }
            companies.append(
                Company(
                    id: id, name: row["name"], currency: row["currency"], timeZone: zone,
                    range: zone.bounds(from: scope.from, to: scope.to)))
        }
        if !scope.funnels.isEmpty {
            let ids = companies.map(\.id)
            let knownFunnels = try String.fetchAll(
                db,
                sql: #"SELECT "id" FROM "funnels" WHERE "companyId" IN (SELECT value FROM json_each(?)) ORDER BY "id""#,
                arguments: ["[" + ids.map(JSONString.quoted).joined(separator: ",") + "]"])
            for id in scope.funnels where !knownFunnels.contains(id) {
                throw ReportError.unknownFunnel(id: id, known: knownFunnels)
            }
        }
        return ResolvedScope(companies: companies, funnels: scope.funnels, request: scope)
    }

    /// The company with `id`, when in scope.
    public func company(_ id: String) -> Company? { companies.first { $0.id == id } }

    /// `temp.report_scope`, which the report SQL reads (also filled by the affiliate click rollup's rebuild).
    package static let createScopeTable = """
        CREATE TEMP TABLE IF NOT EXISTS "report_scope" ("companyId" TEXT PRIMARY KEY, "fromUTC" TEXT NOT NULL, "toUTC" TEXT NOT NULL, "fromDay" TEXT NOT NULL, "toDay" TEXT NOT NULL);
        """

    /// Fills `temp.report_scope` ("companyId", "fromUTC", "toUTC", and the range as local days
    /// "fromDay", "toDay": '' and '~' when open, bounds every `YYYY-MM-DD` falls between) and
    /// `temp.report_funnels` ("id") for the report's SQL.
    func install(in db: Database) throws {
        try db.execute(
            sql: """
                \(Self.createScopeTable)
                CREATE TEMP TABLE IF NOT EXISTS "report_funnels" ("id" TEXT PRIMARY KEY);
                DELETE FROM temp."report_scope";
                DELETE FROM temp."report_funnels";
                """)
        for company in companies {
            try db.execute(
                sql:
                    #"INSERT INTO temp."report_scope" ("companyId", "fromUTC", "toUTC", "fromDay", "toDay") VALUES (?, ?, ?, ?, ?)"#,
                arguments: [
                    company.id, company.range.lowerText, company.range.upperText, request.from?.description ?? "",
                    request.to?.description ?? "~",
                ])
        }
        for funnel in funnels {
            try db.execute(sql: #"INSERT OR IGNORE INTO temp."report_funnels" ("id") VALUES (?)"#, arguments: [funnel])
        }
    }
}
