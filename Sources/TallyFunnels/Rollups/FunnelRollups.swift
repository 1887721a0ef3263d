import GRDB
import TallyCore
import TallyReporting
import TallyStore

/// The funnel report rollups (docs/ROLLUPS.md): per company-local day, what variant-conversion and
/// discount-codes sum, so a report reads days instead of every session and order of its range.
///
/// Rebuilt inside the transaction of every load that changed a table they read (triggers of
/// migration `tally_0007_rollups` empty `tally_rollup_state`), so rollups and base tables
/// commit together. A report reads them only when they are not stale; otherwise, or with
/// `--no-rollups`, it reads the base tables, and the bytes are the same either way (a test).
public enum FunnelRollups: RollupFamily {
    /// The rebuild's INSERT queries, run after ``SessionRollupPass`` (`Queries/rollups/`).
    static let rebuildQueries = ["rollups/lead-days", "rollups/code-order-days", "rollups/order-spellings"]
    /// Every query of `Queries/rollups/`.
    static let queries = rebuildQueries + ["rollups/sessions"]
    static let tables = [
        "tally_rollup_variant_days", "tally_rollup_lead_days", "tally_rollup_code_session_days",
        "tally_rollup_code_order_days", "tally_rollup_code_spellings",
    ]

    public static let name = "reports"
    public static let whenStale = "reports read the base tables"
    public static let triggers = RollupTriggers.reports

    /// Rebuilds every company's rollups from the base tables and marks them fresh.
    ///
    /// Every company, not only the ones a load touched: the triggers record that something changed,
    /// not where (one flag costs a load far less than a per-row company lookup). A company whose
    /// time zone does not parse gets no rollup rows, and the reports refuse it as they do without.
    public static func rebuild(_ db: Database) throws {
        try db.execute(sql: QueryCatalog.sql("shared/session-outcomes"))
        try db.execute(
            sql: """
                CREATE TEMP TABLE IF NOT EXISTS "rollup_days" ("fromUTC" TEXT PRIMARY KEY, "localDay" TEXT NOT NULL);
                """)
        for table in tables { try db.execute(sql: "DELETE FROM \(table.quotedDatabaseIdentifier)") }
        for row in try Row.fetchAll(db, sql: #"SELECT "id", "timezone" FROM "companies" ORDER BY "id""#) {
            let company: String = row["id"]
            guard let zone = try? CompanyTimeZone(identifier: row["timezone"]) else { continue }
            guard try installDays(company: company, zone: zone, db: db) else { continue }
            var sessions = try SessionRollupPass(company: company, zone: zone, db: db)
            try sessions.run()
            for query in rebuildQueries {
                try db.execute(sql: QueryCatalog.sql(query), arguments: ["companyId": company])
            }
        }
        try db.execute(sql: #"DELETE FROM temp."rollup_days""#)
        try db.execute(
            sql: """
                DELETE FROM "tally_rollup_state";
                INSERT INTO "tally_rollup_state" ("id", "rebuiltAtLoadId") VALUES (1, (SELECT MAX("id") FROM "tally_loads"));
                """)
    }

    /// Fills temp.rollup_days with every local day from the company's earliest to its latest
    /// session, lead or order (each day's first UTC instant); false when it has none.
    private static func installDays(company: String, zone: CompanyTimeZone, db: Database) throws -> Bool {
        let bounds = try Row.fetchOne(
            db,
            sql: """
                SELECT MIN(t) AS first, MAX(t) AS last FROM (
                    SELECT MIN(fs."startedAt") AS t FROM "funnel_sessions" AS fs JOIN "funnels" AS f ON f."id" = fs."funnelId"
                        WHERE f."companyId" = :company
                    UNION ALL SELECT MAX(fs."startedAt") FROM "funnel_sessions" AS fs JOIN "funnels" AS f ON f."id" = fs."funnelId"
                        WHERE f."companyId" = :company
                    UNION ALL SELECT MIN(l."createdAt") FROM "leads" AS l JOIN "funnel_variants" AS v ON v."id" = l."variantId"
                        JOIN "funnels" AS f ON f."id" = v."funnelId" WHERE f."companyId" = :company
                    UNION ALL SELECT MAX(l."createdAt") FROM "leads" AS l JOIN "funnel_variants" AS v ON v."id" = l."variantId"
                        JOIN "funnels" AS f ON f."id" = v."funnelId" WHERE f."companyId" = :company
                    UNION ALL SELECT MIN("orderedAt") FROM "orders" WHERE "companyId" = :company
                    UNION ALL SELECT MAX("orderedAt") FROM "orders" WHERE "companyId" = :company
                )
                """, arguments: ["company": company])
        try db.execute(sql: #"DELETE FROM temp."rollup_days""#)
        guard let firstText: String = bounds?["first"], let lastText: String = bounds?["last"],
            case .success(let first) = UTCTimestamp.parse(firstText),
            case .success(let last) = UTCTimestamp.parse(lastText)
        else { return false }
        let insert = try db.makeStatement(sql: #"INSERT INTO temp."rollup_days" ("fromUTC", "localDay") VALUES (?, ?)"#)
        var day = zone.day(containing: first)
        let lastDay = zone.day(containing: last)
        while day <= lastDay {
            try insert.execute(arguments: [UTCTimestamp.format(zone.start(of: day)), day.description])
            day = day.adding(days: 1)
        }
        return true
    }
}
