import Crypto
import Foundation
import GRDB
import TallyCore
import TallyLoad
import XCTest

@testable import TallyCSAI
@testable import TallyFunnels
@testable import TallyRegistry
@testable import TallyReporting
@testable import TallyStore

extension XCTestCase {
    /// Plans the close of `company` and `period` from the billing rollups (rebuilt first) and from
    /// every record, in one transaction, and asserts they agree: the same result bytes, warnings,
    /// rows to write and inputs hash. The billing tests call it before each of their closes.
    func assertBillingRollupsAgree(
        company: String, period: CalendarMonth, asOf: UTCTimestamp.Milliseconds, on store: Store,
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        try store.queue.write { db in
            try BillingRollups.rebuild(db)
            let (slow, slowPlan) = try BillingClose.plan(
                company: company, period: period, asOf: asOf, recordIds: false, rollups: false, db: db)
            let (fast, fastPlan) = try BillingClose.plan(
                company: company, period: period, asOf: asOf, recordIds: false, rollups: true, db: db)
            let label = "\(company) \(period)"
            XCTAssertEqual(fast.json, slow.json, label, file: file, line: line)
            // The JSON shape's record ids: from the ids alone with the rollups, from every record without.
            let (slowIds, _) = try BillingClose.plan(
                company: company, period: period, asOf: asOf, recordIds: true, rollups: false, db: db)
            let (fastIds, _) = try BillingClose.plan(
                company: company, period: period, asOf: asOf, recordIds: true, rollups: true, db: db)
            XCTAssertEqual(fastIds.json, slowIds.json, label, file: file, line: line)
            XCTAssertEqual(fastIds.recordIds.count, slowIds.recordCount, label, file: file, line: line)
            XCTAssertEqual(fast.warnings, slow.warnings, label, file: file, line: line)
            XCTAssertEqual(fastPlan.inputsHash, slowPlan.inputsHash, label, file: file, line: line)
            XCTAssertEqual(fastPlan.inputs.count, slowPlan.inputs.count, label, file: file, line: line)
            XCTAssertEqual(fastPlan.outputsHash, slowPlan.outputsHash, label, file: file, line: line)
        }
    }
}

/// The billing rollups (docs/BILLING.md, "Rollups") and the order-free digest they keep.
final class BillingRollupTests: XCTestCase {
    /// A store with one organization, client and New York company `us` (USD), then `sql`.
    private func newYorkStore(_ sql: String) throws -> Store {
        let store = try Store.open(path: ":memory:")
        try store.queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO "organizations" ("id", "name", "slug", "updatedAt") VALUES ('org', 'Org', 'org', '2026-01-01T00:00:00.000Z');
                    INSERT INTO "clients" ("id", "organizationId", "name", "slug", "updatedAt") VALUES ('cl', 'org', 'C', 'c', '2026-01-01T00:00:00.000Z');
                    INSERT INTO "companies" ("id", "clientId", "name", "slug", "timezone", "currency", "updatedAt")
                      VALUES ('us', 'cl', 'US', 'us', 'America/New_York', 'USD', '2026-01-01T00:00:00.000Z');
                    """)
            try db.execute(sql: sql)
        }
        return store
    }

    private func item(_ index: Int) -> CloseItem {
        CloseItem(
            table: "cs_ai_usage:2026-03", rowId: "r\(index)",
            contentHash: Hex.string(SHA256.hash(data: Data([UInt8(index)]))))
    }

    func testADigestIsTheSameInAnyOrderAndAsTheSumOfItsParts() {
        let items = (0..<20).map(item)
        var forwards = MultisetDigest()
        for item in items { forwards.add(table: item.table, rowId: item.rowId, contentHash: item.contentHash) }
        var backwards = MultisetDigest()
        for item in items.reversed() {
            backwards.add(table: item.table, rowId: item.rowId, contentHash: item.contentHash)
        }
        XCTAssertEqual(forwards, backwards)
        XCTAssertEqual(forwards.count, 20)
        // Two "days" summed give the whole "period".
        var first = MultisetDigest()
        var second = MultisetDigest()
        for item in items.prefix(7) { first.add(table: item.table, rowId: item.rowId, contentHash: item.contentHash) }
        for item in items.dropFirst(7) {
            second.add(table: item.table, rowId: item.rowId, contentHash: item.contentHash)
        }
        first.formUnion(second)
        XCTAssertEqual(first, forwards)
        // One item more, or one content changed, is another digest.
        var changed = MultisetDigest()
        for item in items.dropLast() {
            changed.add(table: item.table, rowId: item.rowId, contentHash: item.contentHash)
        }
        changed.add(table: items[19].table, rowId: items[19].rowId, contentHash: items[0].contentHash)
        XCTAssertNotEqual(changed, forwards)
        // Stored and read back, as bytes (the rollups) and as hex (the ledger).
        XCTAssertEqual(MultisetDigest(count: forwards.count, bytes: forwards.bytes), forwards)
        XCTAssertEqual(MultisetDigest(count: forwards.count, hex: forwards.hex), forwards)
        XCTAssertNil(MultisetDigest(count: 1, hex: "abc"))
    }

    func testTheSumCarriesAcrossEveryLimbAndWrapsModulo2To256() {
        // 2^256 − 1 plus 1 is 0: the carry runs through all four 64-bit limbs and falls off the top.
        var all = MultisetDigest(count: 1, bytes: [UInt8](repeating: 0xFF, count: 32))!
        all.formUnion(MultisetDigest(count: 1, bytes: [UInt8](repeating: 0, count: 31) + [1])!)
        XCTAssertEqual(all.bytes, [UInt8](repeating: 0, count: 32))
        XCTAssertEqual(all.count, 2)
        // 2^64 − 1 plus 1 carries into the second-lowest limb only.
        var low = MultisetDigest(
            count: 0, bytes: [UInt8](repeating: 0, count: 24) + [UInt8](repeating: 0xFF, count: 8))!
        low.formUnion(MultisetDigest(count: 0, bytes: [UInt8](repeating: 0, count: 31) + [1])!)
        XCTAssertEqual(low.bytes, [UInt8](repeating: 0, count: 23) + [1] + [UInt8](repeating: 0, count: 8))
    }

    func testAPerTableHashFromReplayedItemsEqualsTheHashOfTheTablesDigests() {
        let march = (0..<5).map(item)
        let april = (5..<9).map {
            CloseItem(table: "cs_ai_usage:2026-04", rowId: "r\($0)", contentHash: item($0).contentHash)
        }
        var replay = PerTableDigest()
        for item in march.reversed() + april { replay.add(item) }
        var marchDigest = MultisetDigest()
        for item in march { marchDigest.add(table: item.table, rowId: item.rowId, contentHash: item.contentHash) }
        var aprilDigest = MultisetDigest()
        for item in april { aprilDigest.add(table: item.table, rowId: item.rowId, contentHash: item.contentHash) }
        // An empty table in between produces no item and adds nothing to the hash.
        let tables = [
            ("cs_ai_usage:2026-02", MultisetDigest()), ("cs_ai_usage:2026-03", marchDigest),
            ("cs_ai_usage:2026-04", aprilDigest),
        ]
        XCTAssertEqual(PerTableDigest.hash(tables), replay.hex)
        XCTAssertEqual(replay.count, 9)
        XCTAssertNotEqual(PerTableDigest.hash([tables[2], tables[1]]), replay.hex, "tables in order")
    }

    /// Production allowances run out inside one local day whose records are of three tiers: the
    /// rollup close must read that day record by record, in order, and give the hand-derived amount.
    func testAnAllowanceRunningOutInsideADayIsRatedRecordByRecord() throws {
        let store = try newYorkStore(
            """
                INSERT INTO "cs_ai_pricing" ("id", "organizationId", "aiRepMultiplier", "aiManagerMultiplier", "humanAgentMultiplier",
                  "monthlyMinutesAllowance", "overageVoicePerMinuteCents", "monthlyMessagesAllowance", "overageChatPerMessageCents",
                  "chatPerSessionCents", "updatedAt")
                VALUES ('p', 'org', 1.1, 1.25, 2.5, 10, 75, 5, 2, 0, '2026-01-01T00:00:00.000Z');
            """)
        try store.queue.write { db in
            // 10 free minutes = 600 s, overage 1.25 c/s. Day 1 (March 2, New York): 300 s all free.
            // Day 2 (March 3): h1 HUMAN_AGENT 200 s free (500 used), m1 AI_MANAGER 400 s: 100 free,
            // 300 over × 1.25 × 1.25 = 468.75 c; r1 AI_REP 100 s over × 1.25 × 1.1 = 137.5 c.
            // Summed by tier instead (all HUMAN_AGENT first, ...) the straddling record would differ.
            // Day 3: 60 s HUMAN_AGENT, all over: 60 × 1.25 × 2.5 = 187.5 c. Voice = 793.75 → 794 c.
            // Chat: 5 free messages; day 3 has 3 + 4 messages (AI_REP then HUMAN_AGENT): 2 over at
            // HUMAN_AGENT × 2 c × 2.5 = 10 c.
            let rows: [(String, String, String, Int, Int, String)] = [
                ("a", "VOICE_CALL", "AI_REP", 300, 0, "2026-03-02T15:00:00.000Z"),
                ("h1", "VOICE_CALL", "HUMAN_AGENT", 200, 0, "2026-03-03T14:00:00.000Z"),
                ("m1", "VOICE_CALL", "AI_MANAGER", 400, 0, "2026-03-03T15:00:00.000Z"),
                ("r1", "VOICE_CALL", "AI_REP", 100, 0, "2026-03-03T16:00:00.000Z"),
                ("h2", "VOICE_CALL", "HUMAN_AGENT", 60, 0, "2026-03-04T16:00:00.000Z"),
                ("c1", "CHAT_SESSION", "AI_REP", 0, 3, "2026-03-04T17:00:00.000Z"),
                ("c2", "CHAT_SESSION", "HUMAN_AGENT", 0, 4, "2026-03-04T18:00:00.000Z"),
            ]
            for (id, type, tier, seconds, messages, at) in rows {
                try db.execute(
                    sql: """
                        INSERT INTO "cs_ai_usage" ("id", "companyId", "clientId", "usageType", "tier", "channel", "durationSeconds", "messageCount", "occurredAt")
                        VALUES (?, 'us', 'cl', ?, ?, 'c', ?, ?, ?)
                        """, arguments: [id, type, tier, seconds, messages, at])
            }
        }
        let asOf = try UTCTimestamp.parse("2026-04-05T00:00:00Z").get()
        try assertBillingRollupsAgree(company: "us", period: CalendarMonth("2026-03")!, asOf: asOf, on: store)
        let result = try store.queue.read { db in
            XCTAssertTrue(try BillingRollups.areFresh(db))
            return try BillingClose.plan(
                company: "us", period: CalendarMonth("2026-03")!, asOf: asOf, recordIds: false, db: db
            ).0
        }
        XCTAssertEqual(result.lines.first { $0.meter == "CALL_SECONDS" }?.amountMinor, 794)
        XCTAssertEqual(
            result.lines.first { $0.meter == "MESSAGE_COUNT" && $0.usageType == "CHAT_SESSION" }?.amountMinor, 10)
    }

    /// A time typed by hand in another form sorts as text, which is how both paths compare it:
    /// '2026-03-01 23:00:00' sorts before New York's March ('2026-03-01T05:00:00.000Z'), so both
    /// bill it in February, although it parses to a March instant. Two March records share an
    /// instant, stored in reverse id order: the JSON's record ids list them in id order both ways.
    func testAHandTypedTimeIsBilledInTheSamePeriodBothWays() throws {
        let store = try newYorkStore(
            """
                INSERT INTO "tally_cs_ai_price_tiers" ("id", "organizationId", "effectiveFrom", "currency", "minimumMonthlyFeeMinor", "usageType",
                  "meter", "pricingUnitBase", "includedUnits", "tierMode", "tierIndex", "upToUnits", "unitPriceMicros")
                VALUES ('v', 'org', '2025-01-01T00:00:00.000Z', 'USD', 0, 'VOICE_CALL', 'CALL_SECONDS', 60, 0, 'GRADUATED', 0, NULL, 60000000);
                INSERT INTO "cs_ai_usage" ("id", "companyId", "clientId", "usageType", "tier", "channel", "durationSeconds", "messageCount", "occurredAt")
                VALUES ('typed', 'us', 'cl', 'VOICE_CALL', 'AI_REP', 'c', 120, 0, '2026-03-01 23:00:00'),
                       ('march', 'us', 'cl', 'VOICE_CALL', 'AI_REP', 'c', 60, 0, '2026-03-10T12:00:00.000Z'),
                       ('b-tie', 'us', 'cl', 'VOICE_CALL', 'AI_REP', 'c', 60, 0, '2026-03-11T12:00:00.000Z'),
                       ('a-tie', 'us', 'cl', 'VOICE_CALL', 'AI_REP', 'c', 60, 0, '2026-03-11T12:00:00.000Z');
            """)
        let asOf = try UTCTimestamp.parse("2026-04-05T00:00:00Z").get()
        // The typed time sorts (as text, as the closes compare) into February: the company's first
        // month with usage, which closes before March.
        for month in ["2026-02", "2026-03"] {
            try assertBillingRollupsAgree(company: "us", period: CalendarMonth(month)!, asOf: asOf, on: store)
            _ = try BillingClose.run(
                period: CalendarMonth(month)!, asOf: asOf, companies: ["us"], on: store, dryRun: false, recordIds: false
            )
        }
        let february = try store.queue.read { db in
            try BillingClose.plan(
                company: "us", period: CalendarMonth("2026-02")!, asOf: asOf, recordIds: false, db: db
            ).0
        }
        XCTAssertEqual(february.recordCount, 1)
        XCTAssertEqual(february.lines.first { $0.meter == "CALL_SECONDS" }?.amountMinor, 120)  // 120 s at 1 c/s
        let march = try store.queue.read { db in
            try BillingClose.plan(company: "us", period: CalendarMonth("2026-03")!, asOf: asOf, db: db).0
        }
        XCTAssertEqual(march.recordIds, ["march", "a-tie", "b-tie"])
    }

    func testAChangeOutsideALoadMarksTheBillingRollupsStale() throws {
        let store = try ReportFixture.sampleData()
        try store.queue.write { db in try BillingRollups.rebuild(db) }
        XCTAssertTrue(try store.queue.read(BillingRollups.areFresh))
        try store.queue.write { db in
            try db.execute(sql: #"UPDATE "cs_ai_usage" SET "durationSeconds" = 1 WHERE "rowid" = 1"#)
        }
        XCTAssertFalse(try store.queue.read(BillingRollups.areFresh))
        // The report rollups read no usage: a usage change leaves them as they were.
        try store.queue.write { db in try FunnelRollups.rebuild(db) }
        try store.queue.write { db in
            try db.execute(sql: #"UPDATE "cs_ai_usage" SET "durationSeconds" = 2 WHERE "rowid" = 1"#)
        }
        XCTAssertTrue(try store.queue.read(FunnelRollups.areFresh))
    }

    /// Every SampleData company and month, both ways, before and after the late usage of
    /// SampleData/late/ closes February and reopens it as adjustments.
    func testSampleDataClosesAgreeWithAndWithoutRollups() throws {
        let store = try ReportFixture.sampleData()
        let companies = try store.queue.read {
            try String.fetchAll($0, sql: #"SELECT "id" FROM "companies" ORDER BY "id""#)
        }
        for month in ["2026-01", "2026-02", "2026-03"] {
            let period = CalendarMonth(month)!
            let asOf = try UTCTimestamp.parse("2026-05-01T00:00:00Z").get()
            // The companies the close covers: none before its first month with usage.
            let due = try store.queue.read { db in try BillingTargets.companies(for: period, db: db) }
            for company in companies where due.contains(company) {
                try assertBillingRollupsAgree(company: company, period: period, asOf: asOf, on: store)
            }
            _ = try BillingClose.run(period: period, asOf: asOf, on: store, dryRun: false, recordIds: false)
            if month == "2026-02" {
                try ReportFixture.load(ReportFixture.sampleDataURL("late"), into: store)
                // `tally billing status` after the late usage, both ways: rollups stale since the late load
                // (every record looked up), then fresh (closed months compared by digest).
                func status() throws -> [String] {
                    try BillingStatus.rows(companies: [], on: store).map {
                        "\($0.company) \($0.period) \($0.state) \($0.records) \($0.lateRecords) \($0.changedRecords) \($0.amountDueMinor ?? -1)"
                    }
                }
                try store.queue.write { db in try db.execute(sql: #"DELETE FROM "tally_rollup_billing_state""#) }
                let slow = try status()
                try store.queue.write { db in try BillingRollups.rebuild(db) }
                XCTAssertEqual(try status(), slow)
                XCTAssertTrue(slow.contains { $0.contains("2026-02 closed, adjustments pending") }, "\(slow)")
                XCTAssertTrue(slow.contains { $0.contains("2026-01 closed ") }, "\(slow)")
            }
        }
        // March's close re-rated February with its late records: the adjustment is there both ways.
        let lines = try store.queue.read { db in
            try Int.fetchOne(
                db,
                sql: #"SELECT COUNT(*) FROM "tally_billing_lines" WHERE "period" = '2026-03' AND "kind" = 'ADJUSTMENT'"#
            )
        }
        XCTAssertGreaterThan(lines ?? 0, 0)
    }

    /// A close written before closes hashed their inputs per table (in sequence, no per-table
    /// digests) re-runs as unchanged; a changed record is still refused.
    func testACloseWrittenBeforePerTableDigestsReRunsUnchangedAndStillSeesChanges() throws {
        let store = try ReportFixture.sampleData()
        let period = CalendarMonth("2026-01")!
        let asOf = try UTCTimestamp.parse("2026-02-10T00:00:00Z").get()
        let closes = try BillingClose.run(period: period, asOf: asOf, on: store, dryRun: false, recordIds: false)
        XCTAssertFalse(closes.isEmpty)
        // Rewrite the ledger as an earlier tally wrote it.
        try store.queue.write { db in
            for close in closes {
                var sequence = CloseDigest()
                try close.plan.inputs.produceInSequence!(db) { sequence.add($0) }
                try db.execute(
                    sql: #"UPDATE "tally_closes" SET "inputsHash" = ? WHERE "id" = ?"#,
                    arguments: [sequence.hex, close.plan.id])
            }
            try db.execute(sql: #"DELETE FROM "tally_close_input_digests""#)
        }
        let again = try BillingClose.run(period: period, asOf: asOf, on: store, dryRun: false, recordIds: false)
        XCTAssertEqual(again.map(\.outcome), closes.map { _ in .unchanged })
        try store.queue.write { db in
            try db.execute(
                sql: """
                    UPDATE "cs_ai_usage" SET "durationSeconds" = COALESCE("durationSeconds", 0) + 1
                    WHERE "id" = (SELECT "rowId" FROM "tally_close_items" WHERE "role" = 'INPUT' ORDER BY "rowId" LIMIT 1)
                    """)
        }
        XCTAssertThrowsError(
            try BillingClose.run(period: period, asOf: asOf, on: store, dryRun: false, recordIds: false)
        ) { XCTAssertEqual(($0 as? CloseError)?.exitStatus, .closedPeriodChanged) }
    }

    /// Every row of the billing rollups, as text, sorted.
    private func snapshot(_ store: Store) throws -> [String] {
        try store.queue.read { db in
            try BillingRollups.tables.flatMap { table in
                try Row.fetchAll(db, sql: "SELECT * FROM \(table.quotedDatabaseIdentifier)").map { "\(table) \($0)" }
                    .sorted()
            }
        }
    }

    /// Changes by hand record their days; a refresh rebuilds those days only and gives exactly
    /// what a whole rebuild gives.
    func testARefreshOfTheChangedDaysEqualsAWholeRebuild() throws {
        let store = try ReportFixture.sampleData()
        try store.queue.write { db in try BillingRollups.rebuild(db) }
        try store.queue.write { db in
            // Moved to another month, lengthened, deleted, and a new record sharing a voice call.
            let ids = try String.fetchAll(db, sql: #"SELECT "id" FROM "cs_ai_usage" ORDER BY "id" LIMIT 3"#)
            try db.execute(
                sql: #"UPDATE "cs_ai_usage" SET "occurredAt" = '2026-03-31T23:30:00.000Z' WHERE "id" = ?"#,
                arguments: [ids[0]])
            try db.execute(
                sql: #"UPDATE "cs_ai_usage" SET "durationSeconds" = COALESCE("durationSeconds", 0) + 7 WHERE "id" = ?"#,
                arguments: [ids[1]])
            try db.execute(sql: #"DELETE FROM "cs_ai_usage" WHERE "id" = ?"#, arguments: [ids[2]])
            try db.execute(
                sql: """
                    INSERT INTO "cs_ai_usage" ("id", "companyId", "clientId", "usageType", "tier", "channel", "durationSeconds",
                        "messageCount", "occurredAt", "voiceCallId")
                    SELECT 'by-hand', "companyId", "clientId", "usageType", "tier", "channel", 42, 0, '2026-02-14T12:00:00.000Z',
                        "voiceCallId"
                    FROM "cs_ai_usage" WHERE "voiceCallId" IS NOT NULL ORDER BY "id" LIMIT 1
                    """)
        }
        XCTAssertFalse(try store.queue.read(BillingRollups.areFresh))
        XCTAssertGreaterThan(
            try store.queue.read { try Int.fetchOne($0, sql: #"SELECT COUNT(*) FROM "tally_rollup_billing_dirty""#) }
                ?? 0,
            0)
        try store.queue.write { db in try BillingRollups.refresh(db) }
        XCTAssertTrue(try store.queue.read(BillingRollups.areFresh))
        let refreshed = try snapshot(store)
        try store.queue.write { db in try BillingRollups.rebuild(db) }
        XCTAssertEqual(refreshed, try snapshot(store))
    }

    /// A load of usage into a store that has usage keeps the update and delete triggers and notes
    /// where its inserted rows start; it refreshes the days touched, and the rollups equal a whole
    /// rebuild.
    func testALoadOfLateUsageRefreshesOnlyItsDaysAndKeepsTheTriggers() throws {
        let store = try ReportFixture.sampleData()
        try store.queue.write { db in
            try FunnelRollups.rebuild(db)
            try BillingRollups.rebuild(db)
        }
        var options = LoadOptions()
        options.preparing = { db, tables in
            try Registry.rollups.prepareLoad(db, tables: tables)
            // Kept in place but the insert trigger: updates and deletes record their days.
            let triggers = try String.fetchSet(db, sql: #"SELECT "name" FROM "sqlite_master" WHERE "type" = 'trigger'"#)
            XCTAssertEqual(
                Set(RollupTriggers.billing.names).subtracting(triggers), [RollupTriggers.billing.dirtyInsertTrigger!])
        }
        options.finishing = { db, tables in
            if let mark = try RollupTriggers.billing.takeLoadMark(db) { try BillingRollups.markLoaded(after: mark, db) }
            // The late records' days (they are new rows, above the load's first rowid).
            XCTAssertGreaterThan(
                try Int.fetchOne(db, sql: #"SELECT COUNT(*) FROM "tally_rollup_billing_dirty""#) ?? 0, 0)
            try Registry.rollups.finishLoad(db, tables: tables)
        }
        try ReportFixture.load(ReportFixture.sampleDataURL("late"), into: store, options: options)
        XCTAssertTrue(try store.queue.read(BillingRollups.areFresh))
        let refreshed = try snapshot(store)
        try store.queue.write { db in try BillingRollups.rebuild(db) }
        XCTAssertEqual(refreshed, try snapshot(store))
        let triggers = try store.queue.read {
            try String.fetchSet($0, sql: #"SELECT "name" FROM "sqlite_master" WHERE "type" = 'trigger'"#)
        }
        XCTAssertTrue(triggers.isSuperset(of: RollupTriggers.billing.names + RollupTriggers.reports.names))
    }
}
