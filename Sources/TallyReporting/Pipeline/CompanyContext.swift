import GRDB
import TallyCore

/// A company as the closes need it: client, organization, currency, time zone.
package struct CompanyContext {
    package let id: String
    /// `companies.name`, printed beside the id.
    package let name: String
    package let clientId: String
    package let organizationId: String
    package let currency: String
    package let zone: CompanyTimeZone

    package static func load(_ company: String, db: Database) throws -> CompanyContext {
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT c."id", c."name", c."clientId", c."currency", c."timezone", cl."organizationId"
                    FROM "companies" AS c JOIN "clients" AS cl ON cl."id" = c."clientId" WHERE c."id" = ?
                    """, arguments: [company])
        else {
            throw ReportError.unknownCompany(
                id: company, known: try String.fetchAll(db, sql: #"SELECT "id" FROM "companies" ORDER BY "id""#))
        }
        let zoneName: String = row["timezone"]
        guard let zone = try? CompanyTimeZone(identifier: zoneName) else {
            throw ReportError.unknownTimeZone(company: company, timeZone: zoneName)
        }
        return CompanyContext(
            id: company, name: row["name"], clientId: row["clientId"], organizationId: row["organizationId"],
            currency: row["currency"],
            zone: zone)
    }

    /// The company for a pass over every company (a close's default companies, billing status):
    /// nil, with a ``ReportWarnings`` line naming it, when its time zone does not parse — one bad
    /// row leaves that company out instead of failing every company.
    package static func loadForAll(_ company: String, db: Database) throws -> CompanyContext? {
        do {
            return try load(company, db: db)
        } catch ReportError.unknownTimeZone(let id, let zone) {
            ReportWarnings.companyLeftOut(id, timeZone: zone)
            return nil
        }
    }
}
