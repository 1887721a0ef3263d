import GRDB
import TallyCore
import TallyStore

/// The report rollups (docs/ROLLUPS.md): per company-local day, what variant-conversion and
/// discount-codes sum, so a report reads days instead of every session and order of its range.
///
/// Rebuilt inside the transaction of every load that changed a table they read (triggers of
/// migration `tally_0007_rollups` empty `tally_rollup_state`), so rollups and base tables
/// commit together. A report reads them only when they are not stale; otherwise, or with
/// `--no-rollups`, it reads the base tables, and the bytes are the same either way (a test).
public enum Rollups {
    /// The rebuild's INSERT queries, run after ``SessionRollupPass`` (`Queries/rollups/`).
    static let rebuildQueries = ["rollups/lead-days", "rollups/code-order-days", "rollups/order-spellings"]
    /// Every query of `Queries/rollups/`.
    static let queries = rebuildQueries + ["rollups/sessions"]
    static let tables = [
        "tally_rollup_variant_days", "tally_rollup_lead_days", "tally_rollup_code_session_days",
        "tally_rollup_code_order_days", "tally_rollup_code_spellings",
    ]

    /// Whether the rollups match the base tables (no change since the last rebuild).
    public static func areFresh(_ db: Database) throws -> Bool { try RollupTriggers.reports.areFresh(db) }

    /// Rebuilds the rollups when a change marked them stale.
    public static func rebuildIfStale(_ db: Database) throws {
        if try !areFresh(db) { try rebuild(db) }
    }

    /// First in a load's transaction: for each family of rollups (the reports', the billing
    /// close's, the affiliate clicks') whose tables the load writes, marks it stale and drops the triggers that would
    /// otherwise do so once per loaded row (``RollupTriggers``). ``finishLoad(_:tables:)`` restores
    /// them. A load of other tables leaves rollups and triggers alone.
    ///
    /// The billing family keeps its update and delete triggers when
    /// ``BillingRollups/canRefreshDays(after:_:)``: with the inserted rows' days
    /// (``BillingRollups/markLoadedDays(_:)``) they say which days the load touched, and only those
    /// are rebuilt. The affiliate click family likewise, per visitor
    /// (``AffiliateClickRollups/canRefreshVisitors(after:_:)``).
    public static func prepareLoad(_ db: Database, tables: Set<String>) throws {
        for family in RollupTriggers.families where !tables.isDisjoint(with: family.tables) {
            if family.stateTable == RollupTriggers.billing.stateTable,
                try BillingRollups.canRefreshDays(after: tables, db)
            {
                try BillingRollups.prepareDayRefresh(db)
                continue
            }
            if family.stateTable == RollupTriggers.affiliate.stateTable,
                try AffiliateClickRollups.canRefreshVisitors(after: tables, db)
            {
                try AffiliateClickRollups.prepareVisitorRefresh(db)
                continue
            }
            try db.execute(sql: "DELETE FROM \(family.stateTable.quotedDatabaseIdentifier)")
            for drop in family.drops { try db.execute(sql: drop) }
        }
    }

    /// Last in a load's transaction: rebuilds stale rollups and creates the triggers again, so the
    /// rows, the rollups and the triggers commit (or roll back) together. Also rebuilds stale
    /// rollups of a load that did not touch them (a change made by hand since).
    public static func finishLoad(_ db: Database, tables: Set<String>) throws {
        try rebuildIfStale(db)
        try BillingRollups.markLoadedDays(db)
        try BillingRollups.refresh(db)
        try AffiliateClickRollups.markLoadedVisitors(db)
        try AffiliateClickRollups.refresh(db)
        // Through a load that refreshes days or visitors, the family dropped only its insert trigger.
        let existing = try String.fetchSet(db, sql: #"SELECT "name" FROM "sqlite_master" WHERE "type" = 'trigger'"#)
        for family in RollupTriggers.families where !tables.isDisjoint(with: family.tables) {
            for (name, create) in zip(family.names, family.creates) where !existing.contains(name) {
                try db.execute(sql: create)
            }
        }
    }

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
