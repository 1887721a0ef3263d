import GRDB
import GRDBSQLite
import TallyCore
import TallyReporting
import TallyStore

/// The affiliate click rollup (docs/AFFILIATE.md, "Performance"; migration
/// `tally_0009_affiliate_click_rollups`): every click as a ``ClickFact``, in the order of the pass
/// over every click (`Queries/affiliate/clicks.sql`: each visitor's clicks together), with its
/// derived standing, so the affiliate reports read narrow integer rows in that order instead of
/// sorting and deriving over every click of the store on each run.
///
/// Kept inside the transaction of every load: a load of clicks into a store that has some redoes
/// the visitors it touched (`AffiliateClickRollups+Refresh.swift`: a late click can change which
/// later clicks of its link and visitor are duplicates); a first load, a load of
/// `affiliate_program_configs`, or a changed click without a visitor rebuilds it whole. A report
/// reads it only when fresh; otherwise, or with `--no-rollups`, it makes the same facts from a pass
/// over the clicks, and the bytes are the same either way (tests).
public enum AffiliateClickRollups: RollupFamily {
    static let tables = [
        "tally_rollup_affiliate_clicks", "tally_rollup_affiliate_profiles", "tally_rollup_affiliate_names",
    ]

    /// Bits of the `flags` column.
    static let duplicateFlag: Int64 = 1
    static let botFlag: Int64 = 2
    static let fraudScoreFlag: Int64 = 4

    public static let name = "affiliate"
    public static let whenStale = "affiliate reports pass over every click"
    public static let triggers = RollupTriggers.affiliate

    /// Rebuilds the rollup from every click of every company and marks it fresh.
    public static func rebuild(_ db: Database) throws {
        // tally_rollup_affiliate_ips is emptied and refilled by AffiliateIPKeys.rebuild.
        for table in tables + ["tally_rollup_affiliate_visitors", "tally_rollup_affiliate_dirty"] {
            try db.execute(sql: "DELETE FROM \(table.quotedDatabaseIdentifier)")
        }
        try installEveryCompany(db)
        defer { try? db.execute(sql: #"DELETE FROM temp."report_scope""#) }
        var writer = try FactWriter(db, ipKeys: AffiliateIPKeys.rebuild(db))
        var standings = ClickStandings(options: AttributionOptions(), programs: try AffiliateProgram.all(db))
        try AffiliateClick.forEach(db, query: "affiliate/clicks") { click in
            try writer.write(click, standings.standing(of: click))
        }
        try writer.finish()
        try db.execute(
            sql: """
                DELETE FROM "tally_rollup_affiliate_state";
                INSERT INTO "tally_rollup_affiliate_state" ("id", "rebuiltAtLoadId", "ipKeys")
                VALUES (1, (SELECT MAX("id") FROM "tally_loads"), ?);
                """, arguments: [writer.ipKeys.count])
    }

    /// The clicks queries read temp.report_scope: every company, while the rollup is written.
    /// How many address keys the rollup has handed out (keys run from 1 to this).
    static func ipKeyCount(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: #"SELECT "ipKeys" FROM "tally_rollup_affiliate_state""#) ?? 0
    }

    static func installEveryCompany(_ db: Database) throws {
        try db.execute(
            sql: """
                \(ResolvedScope.createScopeTable)
                DELETE FROM temp."report_scope";
                INSERT INTO temp."report_scope" SELECT "id", '', '~', '', '~' FROM "companies";
                """)
    }

    /// What clicks share besides their visitor and time — company, partner, link, SubIDs, status
    /// and standing — as one key: a report then reads three integers per click (twelve columns
    /// read per click were half of a 10M-click report).
    struct Profiles {
        /// Lanes: company, partner, link, subId1…subId5, status, flags.
        private(set) var all: [SIMD16<Int32>] = []
        private var keys: [SIMD16<Int32>: Int32] = [:]

        init() {}

        /// The stored profiles, keys dense from 0.
        init(_ db: Database) throws {
            for row in try Row.fetchAll(db, sql: #"SELECT * FROM "tally_rollup_affiliate_profiles" ORDER BY "key""#) {
                var lanes = SIMD16<Int32>()
                for (lane, column) in Self.columns.enumerated() { lanes[lane] = row[column] }
                keys[lanes] = Int32(all.count)
                all.append(lanes)
            }
        }

        static let columns = [
            "company", "partner", "link", "subId1", "subId2", "subId3", "subId4", "subId5", "status", "flags",
        ]

        mutating func key(of fact: ClickFact) -> Int32 {
            var lanes = SIMD16<Int32>()
            lanes[0] = fact.company
            lanes[1] = fact.partner
            lanes[2] = fact.link
            for lane in 0..<5 { lanes[3 + lane] = fact.subIds[lane] }
            lanes[8] = Int32(fact.status.rawValue)
            lanes[9] = Int32(AffiliateClickRollups.flags(of: fact))
            if let key = keys[lanes] { return key }
            let key = Int32(all.count)
            all.append(lanes)
            keys[lanes] = key
            return key
        }
    }

    static func flags(of fact: ClickFact) -> Int64 {
        (fact.derivedDuplicate ? duplicateFlag : 0) | (fact.derivedBot ? botFlag : 0)
            | (fact.excludedByFraudScore ? fraudScoreFlag : 0)
    }

    /// Hands `visit` each stored click of a company in scope within its company's range, in the
    /// stored order, with its address key; `names` (new, empty) takes the stored keys.
    static func forEachFact(
        context: ReportContext, names: AffiliateNames, _ visit: (ClickFact) throws -> Void
    ) throws {
        let db = context.db
        names.load(try String.fetchAll(db, sql: #"SELECT "text" FROM "tally_rollup_affiliate_names" ORDER BY "key""#))
        var ranges: [String: UTCRange] = [:]
        for company in context.scope.companies { ranges[company.id] = company.range }
        // Each profile as a fact without visitor and time, with its company's range (nil: out of scope).
        var profiles: [(fact: ClickFact, range: UTCRange?)] = []
        for row in try Row.fetchAll(db, sql: #"SELECT * FROM "tally_rollup_affiliate_profiles" ORDER BY "key""#) {
            let key: Int = row["key"]
            let flags: Int64 = row["flags"]
            guard key == profiles.count, let status = ClickStatusCode(rawValue: row["status"]) else {
                throw ReportError.inconsistentCounts(
                    "tally_rollup_affiliate_profiles: key \(key), status \(row["status"] ?? "")")
            }
            let company: Int32 = row["company"]
            let fact = ClickFact(
                visitor: 0, company: company, partner: row["partner"], link: row["link"],
                subIds: SIMD8(row["subId1"], row["subId2"], row["subId3"], row["subId4"], row["subId5"], 0, 0, 0),
                time: 0, status: status, derivedDuplicate: flags & duplicateFlag != 0,
                excludedByFraudScore: flags & fraudScoreFlag != 0, derivedBot: flags & botFlag != 0)
            profiles.append((fact, names.text(company).flatMap { ranges[$0] }))
        }
        let statement = try db.makeStatement(
            sql:
                #"SELECT "visitor", "profile", "clickedAtMs", "ip" FROM "tally_rollup_affiliate_clicks" ORDER BY "seq""#
        )
        try StatementRows.forEach(statement, db: db) { handle in
            let profile = Int(sqlite3_column_int64(handle, 1))
            guard profile >= 0, profile < profiles.count else {
                throw ReportError.inconsistentCounts("tally_rollup_affiliate_clicks holds profile \(profile)")
            }
            let time = sqlite3_column_int64(handle, 2)
            guard let range = profiles[profile].range, range.contains(time) else { return }
            var fact = profiles[profile].fact
            fact.visitor = sqlite3_column_int64(handle, 0)
            fact.time = time
            fact.ip = Int32(truncatingIfNeeded: sqlite3_column_int64(handle, 3))
            try visit(fact)
        }
    }
}
