import GRDB
import GRDBSQLite
import TallyCore
import TallyReporting
import TallyStore

/// Keeping the click rollup fresh through loads without rebuilding it: a click change marks its
/// visitor (the triggers of ``RollupTriggers/affiliate``, or the rows a load inserted), and
/// ``refresh(_:)`` replaces each marked visitor's clicks — all of them, every company, since a
/// derived duplicate depends on its link and visitor's whole history — with their clicks as they
/// are now, appended after the others. Reports need a visitor's clicks together, not visitors in
/// any order, so appending keeps the rollup's one invariant; `tally_rollup_affiliate_visitors`
/// says where each visitor's clicks are.
extension AffiliateClickRollups {
    /// A program's deduplication window or fraud threshold changes every standing; a load of
    /// clicks into a store that has clicks refreshes only the visitors it touched.
    public static let wholeChanges: Set<String> = ["affiliate_program_configs"]

    /// Last in a load that refreshes visitors, before ``refresh(_:)``: marks the visitors of the rows
    /// it inserted, and keeps the ids of inserted clicks without a visitor (they join no one's
    /// clicks: appended as they are).
    public static func markLoaded(after mark: Int64, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO "tally_rollup_affiliate_dirty" ("visitorId")
                SELECT DISTINCT "visitorId" FROM "affiliate_clicks" WHERE "rowid" > :mark AND "visitorId" IS NOT NULL;
                CREATE TEMP TABLE IF NOT EXISTS "tally_affiliate_loaded_visitorless" ("id" TEXT PRIMARY KEY);
                INSERT OR IGNORE INTO temp."tally_affiliate_loaded_visitorless"
                SELECT "id" FROM "affiliate_clicks" WHERE "rowid" > :mark AND "visitorId" IS NULL;
                """, arguments: ["mark": mark])
    }

    /// Makes the rollup fresh for the least work: a rebuild when it was marked stale or a click
    /// without a visitor changed (its row is not findable), else the marked visitors' clicks again.
    public static func refresh(_ db: Database) throws {
        let visitorless =
            try Bool.fetchOne(
                db,
                sql:
                    #"SELECT EXISTS (SELECT 1 FROM temp."sqlite_master" WHERE "name" = 'tally_affiliate_loaded_visitorless')"#
            ) ?? false
        defer { if visitorless { try? db.execute(sql: #"DROP TABLE temp."tally_affiliate_loaded_visitorless""#) } }
        let rebuilt =
            try Bool.fetchOne(db, sql: #"SELECT EXISTS (SELECT 1 FROM "tally_rollup_affiliate_state")"#) ?? false
        let changedVisitorless =
            try Bool.fetchOne(
                db, sql: #"SELECT EXISTS (SELECT 1 FROM "tally_rollup_affiliate_dirty" WHERE "visitorId" = '')"#)
            ?? false
        guard rebuilt, !changedVisitorless else { return try rebuild(db) }
        let visitors = try String.fetchAll(
            db, sql: #"SELECT "visitorId" FROM "tally_rollup_affiliate_dirty" ORDER BY 1"#)
        let loose =
            visitorless
            ? try String.fetchAll(db, sql: #"SELECT "id" FROM temp."tally_affiliate_loaded_visitorless""#) : []
        guard !visitors.isEmpty || !loose.isEmpty else { return }
        // Each marked visitor's clicks go (they are together: one range of "seq").
        let place = try db.makeStatement(
            sql: #"SELECT "firstSeq", "lastSeq" FROM "tally_rollup_affiliate_visitors" WHERE "visitorId" = ?"#)
        for visitor in visitors {
            guard let range = try Row.fetchOne(place, arguments: [visitor]) else { continue }
            try db.execute(
                sql: #"DELETE FROM "tally_rollup_affiliate_clicks" WHERE "seq" BETWEEN ? AND ?"#,
                arguments: [range["firstSeq"], range["lastSeq"]])
            try db.execute(
                sql: #"DELETE FROM "tally_rollup_affiliate_visitors" WHERE "visitorId" = ?"#, arguments: [visitor])
        }
        // Their clicks as they are now, and the loaded clicks without a visitor, appended.
        try installEveryCompany(db)
        defer { try? db.execute(sql: #"DELETE FROM temp."report_scope""#) }
        let attribution = AffiliateAttribution(
            options: AttributionOptions(), partners: [:], programs: try AffiliateProgram.all(db))
        var writer = try FactWriter(db, ipKeys: AffiliateIPKeys.stored(db))
        var standings = ClickStandings(options: AttributionOptions(), programs: attribution.programs)
        try attribution.fillCandidateTables(db, visitors: Set(visitors), ids: Set(loose))
        try AffiliateClick.forEach(db, query: "affiliate/candidate-clicks") { click in
            try writer.write(click, standings.standing(of: click))
        }
        try writer.finish()
        try db.execute(
            sql: """
                DELETE FROM "tally_rollup_affiliate_dirty";
                UPDATE "tally_rollup_affiliate_state" SET "ipKeys" = ?;
                """, arguments: [writer.ipKeys.count])
    }

    /// Appends clicks to the rollup in the order they come (each visitor's clicks together): new
    /// names, profiles and visitor numbers continue the stored ones.
    struct FactWriter {
        let db: Database
        let names = AffiliateNames()
        var profiles: Profiles
        let storedNames: Int
        let storedProfiles: Int
        private(set) var ipKeys: AffiliateIPKeys
        var sequence: Int64
        var visitorNumber: Int64
        /// The visitor being written: id, number, first "seq".
        var visitor: (id: String, number: Int64, first: Int64)?
        let insert: Statement
        let insertVisitor: Statement

        init(_ db: Database, ipKeys: AffiliateIPKeys) throws {
            self.db = db
            self.ipKeys = ipKeys
            names.load(
                try String.fetchAll(db, sql: #"SELECT "text" FROM "tally_rollup_affiliate_names" ORDER BY "key""#))
            profiles = try Profiles(db)
            storedNames = names.texts.count
            storedProfiles = profiles.all.count
            sequence = try Int64.fetchOne(db, sql: #"SELECT MAX("seq") FROM "tally_rollup_affiliate_clicks""#) ?? 0
            visitorNumber =
                try Int64.fetchOne(db, sql: #"SELECT MAX("number") FROM "tally_rollup_affiliate_visitors""#) ?? 0
            insert = try db.makeStatement(
                sql:
                    #"INSERT INTO "tally_rollup_affiliate_clicks" ("seq", "visitor", "profile", "clickedAtMs", "ip") VALUES (?, ?, ?, ?, ?)"#
            )
            insertVisitor = try db.makeStatement(
                sql: """
                    INSERT INTO "tally_rollup_affiliate_visitors" ("visitorId", "number", "firstSeq", "lastSeq")
                    VALUES (?, ?, ?, ?)
                    """)
        }

        mutating func write(_ click: AffiliateClick, _ standing: ClickStanding) throws {
            if click.visitorId != visitor?.id {
                try closeVisitor()
                if let id = click.visitorId {
                    visitorNumber += 1
                    visitor = (id, visitorNumber, sequence + 1)
                }
            }
            let fact = try ClickFact(click, standing, visitor: visitor?.number ?? 0, names: names)
            let ip = try ipKeys.key(of: click)
            sequence += 1
            // Bound straight through SQLite: GRDB's arguments cost more than the row at 10M clicks.
            let handle = insert.sqliteStatement
            sqlite3_reset(handle)
            sqlite3_bind_int64(handle, 1, sequence)
            sqlite3_bind_int64(handle, 2, fact.visitor)
            sqlite3_bind_int64(handle, 3, Int64(profiles.key(of: fact)))
            sqlite3_bind_int64(handle, 4, fact.time)
            sqlite3_bind_int64(handle, 5, Int64(ip))
            let code = sqlite3_step(handle)
            guard code == SQLITE_DONE else {
                throw DatabaseError(
                    resultCode: ResultCode(rawValue: code),
                    message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: insert.sql)
            }
        }

        private mutating func closeVisitor() throws {
            guard let visitor else { return }
            try insertVisitor.execute(arguments: [visitor.id, visitor.number, visitor.first, sequence])
            self.visitor = nil
        }

        /// Writes the last visitor, and the names and profiles first used by this writer.
        mutating func finish() throws {
            try closeVisitor()
            sqlite3_reset(insert.sqliteStatement)
            let insertName = try db.makeStatement(
                sql: #"INSERT INTO "tally_rollup_affiliate_names" ("key", "text") VALUES (?, ?)"#)
            for key in storedNames..<names.texts.count {
                if let text = names.texts[key] { try insertName.execute(arguments: [key, text]) }
            }
            let insertProfile = try db.makeStatement(
                sql: """
                    INSERT INTO "tally_rollup_affiliate_profiles" ("key", \(Profiles.columns.map { "\"\($0)\"" }.joined(separator: ", ")))
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            for key in storedProfiles..<profiles.all.count {
                let profile = profiles.all[key]
                try insertProfile.execute(arguments: StatementArguments([key] + (0..<10).map { Int(profile[$0]) }))
            }
        }
    }
}
