import Foundation
import GRDB
import XCTest

@testable import TallyLoad
@testable import TallyStore

final class LoadBehaviorTests: XCTestCase {
    func testCSVAndNDJSONOfTheSameRowsLoadToIdenticalTables() throws {
        let (csvStore, _) = try makeStoreWithParents()
        let (ndjsonStore, _) = try makeStoreWithParents()
        let options = LoadOptions(keepsSensitive: true)  // compare raw values: hash keys differ per store
        let (_, csvSink) = try load("roundtrip/affiliate_click_queue.csv", into: nil, store: csvStore, options: options)
        let (_, ndjsonSink) = try load(
            "roundtrip/affiliate_click_queue.ndjson", into: nil, store: ndjsonStore, options: options)
        XCTAssertEqual(csvSink.rejects, [])
        XCTAssertEqual(ndjsonSink.rejects, [])
        XCTAssertEqual(
            try contentDump(csvStore, tables: ["affiliate_click_queue"]),
            try contentDump(ndjsonStore, tables: ["affiliate_click_queue"]))
        let row = try csvStore.queue.read { db in
            try Row.fetchOne(db, sql: #"SELECT * FROM "affiliate_click_queue" WHERE id = 'q1'"#)
        }
        XCTAssertEqual(row?["queuedAt"], "2026-02-01T10:00:00.123Z")
        XCTAssertEqual(row?["customParams"], #"{"a":1.10}"#)  // numbers keep their digits
        XCTAssertEqual(row?["fraudReasons"], #"["bot_user_agent","odd, reason",null]"#)
        XCTAssertEqual(row?["isUnique"], 1)
        XCTAssertEqual(row?["fraudScore"], 12.5)
    }

    func testReloadingTheSameFilesChangesNothing() throws {
        let (store, _) = try makeStoreWithParents()
        _ = try load("roundtrip/affiliate_click_queue.csv", into: nil, store: store)
        let before = try contentDump(store)
        let (summary, _) = try load("roundtrip/affiliate_click_queue.csv", into: nil, store: store)
        XCTAssertEqual(summary.files.first?.unchanged, 2)
        XCTAssertEqual(summary.files.first?.inserted, 0)
        XCTAssertEqual(summary.files.first?.updated, 0)
        XCTAssertEqual(try contentDump(store), before)
    }

    func testAChangedCopyOfARowUpdatesIt() throws {
        let (store, _) = try makeStoreWithParents()
        _ = try load("roundtrip/affiliate_click_queue.csv", into: nil, store: store)
        let (summary, _) = try load("bad/unknown_enum.csv", store: store)  // q1 identical; q2 rejected
        XCTAssertEqual(summary.files.first?.unchanged, 1)
        let (changed, _) = try load("bad/timestamp_with_offset.csv", store: store)  // q1 with other values
        XCTAssertEqual(changed.files.first?.updated, 1)
        let queuedAt = try store.queue.read { db in
            try String.fetchOne(db, sql: #"SELECT "queuedAt" FROM "affiliate_click_queue" WHERE id = 'q1'"#)
        }
        XCTAssertEqual(queuedAt, "2026-01-31T22:30:00.500Z")
    }

    func testAFatalErrorMidwayLeavesTheStoreFileByteIdentical() throws {
        let (store, path) = try makeStoreWithParents()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        // The first file is good and loads; the second is a truncated gzip: the whole load fails.
        let sink = CollectingSink()
        XCTAssertThrowsError(
            try Loader(store: store).load(
                paths: [Fixture.path("roundtrip/affiliate_click_queue.csv"), Fixture.path("bad/truncated.csv.gz")],
                options: LoadOptions(tableOverride: "affiliate_click_queue"), sink: sink))
        let after = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertEqual(before, after)
    }

    func testDefaultLoadLeavesNoSensitiveValueInTheStoreFile() throws {
        let (store, path) = try makeStoreWithParents()
        _ = try load("roundtrip/affiliate_click_queue.csv", into: nil, store: store)
        _ = try load("roundtrip/affiliate_partners.csv", into: nil, store: store)
        _ = try load("bad/header_unknown_and_missing_columns.csv", store: store)
        try store.queue.writeWithoutTransaction { db in try db.execute(sql: "VACUUM") }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        for secret in ["203.0.113.7", "198.51.100.2", "123-45-6789", "DE89370400440532013000", "s3cr3t-token"] {
            XCTAssertNil(bytes.range(of: Data(secret.utf8)), "\(secret) is in the store file")
        }
        let hashes = try store.queue.read { db in
            try String.fetchAll(db, sql: #"SELECT "ipAddress" FROM "affiliate_click_queue" ORDER BY id"#)
        }
        XCTAssertEqual(hashes.count, 2)
        XCTAssertTrue(hashes.allSatisfy { $0.hasPrefix("h:") && $0.count == 34 })
        // The same address hashes the same way in a later load into the same store.
        _ = try load("bad/header_unknown_and_missing_columns.csv", store: store)
        let again = try store.queue.read { db in
            try String.fetchOne(db, sql: #"SELECT "ipAddress" FROM "affiliate_click_queue" WHERE id = 'q1'"#)
        }
        XCTAssertEqual(again, hashes[0])
    }

    func testKeepSensitiveStoresValuesAsExported() throws {
        let (store, _) = try makeStoreWithParents()
        _ = try load(
            "roundtrip/affiliate_partners.csv", into: nil, store: store, options: LoadOptions(keepsSensitive: true))
        let taxID = try store.queue.read { db in
            try String.fetchOne(db, sql: #"SELECT "taxId" FROM "affiliate_partners" WHERE id = 'ap1'"#)
        }
        XCTAssertEqual(taxID, "123-45-6789")
    }

    func testAffiliateMoneyIsReadExactlyInTheRowsCurrencyWithAWarningWhenRounded() throws {
        let (store, _) = try makeStoreWithParents()
        let (summary, sink) = try load("roundtrip/affiliate_partners.csv", into: nil, store: store)
        XCTAssertEqual(summary.rejected, 0)
        let rows = try store.queue.read { db in
            try Row.fetchAll(
                db, sql: #"SELECT id, "commissionFlat", "payoutThreshold" FROM "affiliate_partners" ORDER BY id"#)
        }
        // ap1 is in c1 (USD): 2.345 → 235 cents (half away from zero), 50 → 5000 cents.
        XCTAssertEqual(rows[0]["commissionFlat"], 235)
        XCTAssertEqual(rows[0]["payoutThreshold"], 5000)
        // ap2 is in c2 (JPY): 0.30000000000000004 → 0 yen, 5000 → 5000 yen.
        XCTAssertEqual(rows[1]["commissionFlat"], 0)
        XCTAssertEqual(rows[1]["payoutThreshold"], 5000)
        XCTAssertEqual(sink.warnings.map(\.line), [2, 3])
        XCTAssertEqual(
            sink.warnings.first?.message,
            "commissionFlat '2.345' has more than 2 decimals; rounded half away from zero to 2.35")
    }

    func testTablesAreNamedFromFileNamesAndPrismaModelNames() {
        let tables = ["affiliate_clicks", "companies", "cs_ai_usage", "funnel_ab_tests", "inventory_holds"]
        XCTAssertEqual(TableNameMatcher.table(forFileName: "affiliate_clicks.csv", tables: tables), "affiliate_clicks")
        XCTAssertEqual(
            TableNameMatcher.table(forFileName: "affiliate_clicks-2026-02.ndjson.gz", tables: tables),
            "affiliate_clicks")
        XCTAssertEqual(TableNameMatcher.table(forFileName: "AffiliateClick.json", tables: tables), "affiliate_clicks")
        XCTAssertEqual(TableNameMatcher.table(forFileName: "Company.json", tables: tables), "companies")
        XCTAssertEqual(TableNameMatcher.table(forFileName: "CSAIUsage.ndjson", tables: tables), "cs_ai_usage")
        XCTAssertEqual(TableNameMatcher.table(forFileName: "FunnelABTest.json", tables: tables), "funnel_ab_tests")
        XCTAssertNil(TableNameMatcher.table(forFileName: "users.csv", tables: tables))
    }

    func testParentsLoadBeforeChildrenWhateverTheFileNames() throws {
        let store = try Store.open(path: ":memory:")
        let order = try store.queue.read { db in try Loader.tablesInForeignKeyOrder(db) }
        func position(_ table: String) -> Int { order.firstIndex(of: table)! }
        XCTAssertLessThan(position("organizations"), position("clients"))
        XCTAssertLessThan(position("companies"), position("affiliate_partners"))
        XCTAssertLessThan(position("affiliate_partners"), position("affiliate_links"))
        XCTAssertLessThan(position("affiliate_links"), position("affiliate_clicks"))
        XCTAssertLessThan(position("leads"), position("funnel_sessions"))
        XCTAssertLessThan(position("carts"), position("funnel_sessions"))
        // tally's bookkeeping never loads; its declared input tables load like exports, after their parents.
        XCTAssertEqual(order.filter { $0.hasPrefix("tally_") }, ["tally_cs_ai_price_tiers"])
        XCTAssertLessThan(position("organizations"), position("tally_cs_ai_price_tiers"))
    }

    func testLoadHistoryRecordsFilesSizesChecksumsAndCounts() throws {
        let (store, _) = try makeStoreWithParents()
        _ = try load("roundtrip/affiliate_click_queue.csv", into: nil, store: store)
        let row = try store.queue.read { db in
            try Row.fetchOne(
                db, sql: #"SELECT * FROM "tally_load_files" WHERE "tableName" = 'affiliate_click_queue'"#)
        }
        XCTAssertEqual(row?["read"], 2)
        XCTAssertEqual(row?["inserted"], 2)
        XCTAssertEqual((row?["sha256"] as String?)?.count, 64)
        XCTAssertEqual(
            row?["bytes"],
            try FileManager.default.attributesOfItem(atPath: Fixture.path("roundtrip/affiliate_click_queue.csv"))[.size]
                as? Int)
    }
}

/// Issue 11.6: a store that refuses every write (read-only file, full disk) stops the load with an
/// I/O error (74) instead of rejecting each row as a "constraint".
final class StoreFailureDuringLoadTests: XCTestCase {
    func testAStoreThatRefusesWritesFailsTheLoadAsAnIOError() throws {
        let (store, _) = try makeStoreWithParents()
        // query_only makes every write fail with SQLITE_READONLY, as a read-only file does for non-root users.
        try store.queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA query_only = ON") }
        XCTAssertThrowsError(try load("bad/good.csv.gz", store: store)) { error in
            let status = (error as? StoreError)?.exitStatus ?? StoreError.describing(error)?.exitStatus
            XCTAssertEqual(status, .ioError, "\(error)")
        }
    }
}
