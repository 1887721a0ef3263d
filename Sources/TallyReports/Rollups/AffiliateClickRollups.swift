import GRDB
import GRDBSQLite
import TallyCore
import TallyStore

/// The affiliate click rollup (docs/AFFILIATE.md, "Performance"; migration
/// `tally_0009_affiliate_click_rollups`): every click as a ``ClickFact``, in the order of the pass
/// over every click (`Queries/affiliate/clicks.sql`: each visitor's clicks together), with its
/// derived standing, so the affiliate reports read narrow integer rows in that order instead of
/// sorting and deriving over every click of the store on each run.
///
/// Rebuilt whole inside the transaction of every load that writes `affiliate_clicks` or
/// `affiliate_program_configs` (a late click can change which later clicks of its link and visitor
/// are duplicates). A report reads it only when fresh; otherwise, or with `--no-rollups`, it makes
/// the same facts from a pass over the clicks, and the bytes are the same either way (a test).
public enum AffiliateClickRollups {
    static let tables = ["tally_rollup_affiliate_clicks", "tally_rollup_affiliate_names"]

    /// Bits of the `flags` column.
    static let duplicateFlag: Int64 = 1
    static let botFlag: Int64 = 2
    static let fraudScoreFlag: Int64 = 4

    /// Whether the rollup matches the base tables (no change since the last rebuild).
    public static func areFresh(_ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: #"SELECT EXISTS (SELECT 1 FROM "tally_rollup_affiliate_state")"#) ?? false
    }

    public static func rebuildIfStale(_ db: Database) throws {
        if try !areFresh(db) { try rebuild(db) }
    }

    /// Rebuilds the rollup from every click of every company and marks it fresh.
    public static func rebuild(_ db: Database) throws {
        for table in tables { try db.execute(sql: "DELETE FROM \(table.quotedDatabaseIdentifier)") }
        // The clicks query reads temp.report_scope: every company, for as long as the pass runs.
        try db.execute(
            sql: """
                CREATE TEMP TABLE IF NOT EXISTS "report_scope" ("companyId" TEXT PRIMARY KEY, "fromUTC" TEXT NOT NULL, "toUTC" TEXT NOT NULL, "fromDay" TEXT NOT NULL, "toDay" TEXT NOT NULL);
                DELETE FROM temp."report_scope";
                INSERT INTO temp."report_scope" SELECT "id", '', '~', '', '~' FROM "companies";
                """)
        defer { try? db.execute(sql: #"DELETE FROM temp."report_scope""#) }
        let attribution = AffiliateAttribution(
            options: AttributionOptions(), partners: [:], programs: try AffiliateProgram.all(db),
            scope: ResolvedScope(companies: [], funnels: [], request: ReportScope()))
        let names = AffiliateNames()
        let insert = try db.makeStatement(
            sql: """
                INSERT INTO "tally_rollup_affiliate_clicks" ("seq", "visitor", "company", "partner", "link",
                    "subId1", "subId2", "subId3", "subId4", "subId5", "clickedAtMs", "status", "flags")
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        let handle = insert.sqliteStatement
        var sequence: Int64 = 0
        var visitor: (id: String?, number: Int64) = (nil, 0)
        try attribution.passClicks(db) { click, standing in
            if let id = click.visitorId, id != visitor.id { visitor = (id, visitor.number + 1) }
            let fact = try ClickFact(
                click, standing, visitor: click.visitorId == nil ? 0 : visitor.number, names: names)
            sequence += 1
            // Bound straight through SQLite: GRDB's arguments cost more than the row at 10M clicks.
            sqlite3_reset(handle)
            let values: [Int64] = [
                sequence, fact.visitor, Int64(fact.company), Int64(fact.partner), Int64(fact.link),
                Int64(fact.subIds[0]), Int64(fact.subIds[1]), Int64(fact.subIds[2]), Int64(fact.subIds[3]),
                Int64(fact.subIds[4]), fact.time, Int64(fact.status.rawValue), flags(of: fact),
            ]
            for (index, value) in values.enumerated() { sqlite3_bind_int64(handle, Int32(index + 1), value) }
            let code = sqlite3_step(handle)
            guard code == SQLITE_DONE else {
                throw DatabaseError(
                    resultCode: ResultCode(rawValue: code),
                    message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: insert.sql)
            }
        }
        sqlite3_reset(handle)
        let insertName = try db.makeStatement(
            sql: #"INSERT INTO "tally_rollup_affiliate_names" ("key", "text") VALUES (?, ?)"#)
        for (key, text) in names.texts.enumerated() {
            if let text { try insertName.execute(arguments: [key, text]) }
        }
        try db.execute(
            sql: """
                DELETE FROM "tally_rollup_affiliate_state";
                INSERT INTO "tally_rollup_affiliate_state" ("id", "rebuiltAtLoadId") VALUES (1, (SELECT MAX("id") FROM "tally_loads"));
                """)
    }

    static func flags(of fact: ClickFact) -> Int64 {
        (fact.derivedDuplicate ? duplicateFlag : 0) | (fact.derivedBot ? botFlag : 0)
            | (fact.excludedByFraudScore ? fraudScoreFlag : 0)
    }

    /// Hands `visit` each stored click of a company in scope within its company's range, in the
    /// stored order; `names` (new, empty) takes the stored keys.
    static func forEachFact(
        context: ReportContext, names: AffiliateNames, _ visit: (ClickFact, ResolvedScope.Company) throws -> Void
    ) throws {
        let db = context.db
        names.load(try String.fetchAll(db, sql: #"SELECT "text" FROM "tally_rollup_affiliate_names" ORDER BY "key""#))
        var companies = [ResolvedScope.Company?](repeating: nil, count: names.texts.count)
        for company in context.scope.companies {
            if let key = names.existingKey(company.id) { companies[Int(key)] = company }
        }
        let statement = try db.makeStatement(
            sql: """
                SELECT "visitor", "company", "partner", "link", "subId1", "subId2", "subId3", "subId4", "subId5",
                    "clickedAtMs", "status", "flags"
                FROM "tally_rollup_affiliate_clicks" ORDER BY "seq"
                """)
        try StatementRows.forEach(statement, db: db) { handle in
            func int(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }
            let companyKey = Int(int(1))
            guard companyKey < companies.count, let company = companies[companyKey] else { return }
            let time = int(9)
            guard company.range.contains(time) else { return }
            let flags = int(11)
            guard let status = ClickStatusCode(rawValue: UInt8(truncatingIfNeeded: int(10))) else {
                throw ReportError.inconsistentCounts("tally_rollup_affiliate_clicks holds status \(int(10))")
            }
            let fact = ClickFact(
                visitor: int(0), company: Int32(companyKey), partner: Int32(int(2)), link: Int32(int(3)),
                subIds: SIMD8(
                    Int32(int(4)), Int32(int(5)), Int32(int(6)), Int32(int(7)), Int32(int(8)), 0, 0, 0),
                time: time, status: status, derivedDuplicate: flags & duplicateFlag != 0,
                excludedByFraudScore: flags & fraudScoreFlag != 0, derivedBot: flags & botFlag != 0)
            try visit(fact, company)
        }
    }
}
