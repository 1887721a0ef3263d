import GRDB
import XCTest

@testable import TallyStore

final class MigrationTests: XCTestCase {
    private func makeEmptyStore() throws -> Store {
        try Store.open(path: ":memory:", migrate: .leaveAsIs)
    }

    func testOpeningAStoreAppliesEveryMigration() throws {
        let store = try Store.open(path: ":memory:")
        let statuses = try store.migrationStatuses()
        XCTAssertEqual(statuses.count, MigrationCatalog.all.count)
        XCTAssertTrue(statuses.allSatisfy(\.isApplied))
        XCTAssertEqual(try store.checkSchema(), [])
    }

    /// Opening runs no whole-store foreign key check when nothing is pending: the check once ran on
    /// every open, costing seconds on a large store and refusing stores that hold a dangling row.
    func testReopeningAnUpToDateStoreSkipsTheForeignKeyCheck() throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("tally-reopen-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try Store.open(path: path)
        try store.queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.execute(
                sql: """
                    INSERT INTO "clients" ("id", "organizationId", "name", "slug", "updatedAt")
                    VALUES ('cl_orphan', 'org_missing', 'C', 'c', '2026-01-01T00:00:00.000Z')
                    """)
        }
        let reopened = try Store.open(path: path)
        XCTAssertEqual(try reopened.migrateUp(), [])
        // A batch that does change the schema still checks, and names the migration it blames.
        XCTAssertThrowsError(try reopened.migrateDown(to: "tally_0005_billing_lines")) { error in
            XCTAssertEqual(
                error as? StoreError, .foreignKeyViolations(migration: "tally_0006_affiliate_ledger", count: 1))
        }
    }

    func testMigrationNamesFollowProductionAndSortInApplicationOrder() {
        let names = MigrationCatalog.all.map(\.name)
        XCTAssertEqual(names, names.sorted())
        XCTAssertEqual(Set(names).count, names.count)
        // The changelog's twelve names all resolve, the misdated one through its alias.
        let changelog = [
            "00000000000000_init_baseline", "20241224000000_add_sites_model",
            "20241224100000_add_cs_ai_usage_tables", "20251227_add_product_import_system",
            "20251231201625_add_cart_and_session_partial_indexes",
            "20260102215624_add_landing_page_cart_integration", "20260131134047_add_funnel_cs_session_link",
            "20260131135216_add_funnel_session_performance_indexes",
            "20260131160000_phase4_lead_variant_discount_tracking", "20260131200000_add_affiliate_program",
            "20260203000000_add_affiliate_click_queue", "20260203100000_add_affiliate_fallback_url",
        ]
        for name in changelog {
            XCTAssertNotNil(MigrationCatalog.migration(named: name), name)
        }
        XCTAssertEqual(
            MigrationCatalog.migration(named: "20251231201625_add_cart_and_session_partial_indexes")?.name,
            "20260101140600_add_cart_and_session_partial_indexes")
    }

    func testUpAllDownToNothingUpAgainGivesIdenticalSchema() throws {
        let store = try makeEmptyStore()
        try store.migrateUp()
        let first = try store.schemaDump()
        XCTAssertFalse(first.entries.isEmpty)

        let rolledBack = try store.migrateDown(to: nil)
        XCTAssertEqual(rolledBack.count, MigrationCatalog.all.count)
        XCTAssertEqual(try store.schemaDump().entries, [])

        try store.migrateUp()
        XCTAssertEqual(try store.schemaDump().text, first.text)
    }

    func testEachDownLeavesTheSchemaExactlyAsBeforeItsUp() throws {
        let store = try makeEmptyStore()
        var previousName: String?
        for migration in MigrationCatalog.all {
            let before = try store.schemaDump()
            try store.migrateUp(to: migration.name)
            let after = try store.schemaDump()
            XCTAssertNotEqual(before, after, "\(migration.name) changed nothing")

            try store.migrateDown(to: previousName)
            let restored = try store.schemaDump()
            XCTAssertEqual(
                restored.differences(from: before).map(\.description), [],
                "down of \(migration.name) did not restore the schema")

            try store.migrateUp(to: migration.name)
            XCTAssertEqual(try store.schemaDump(), after, "\(migration.name) up again differs")
            previousName = migration.name
        }
    }

    func testMigrateUpToStopsAtTheNamedMigration() throws {
        let store = try makeEmptyStore()
        let applied = try store.migrateUp(to: "20241224100000_add_cs_ai_usage_tables")
        XCTAssertEqual(
            applied,
            ["00000000000000_init_baseline", "20241224000000_add_sites_model", "20241224100000_add_cs_ai_usage_tables"])
        XCTAssertEqual(try store.migrationStatuses().filter(\.isApplied).count, 3)
    }

    func testUnknownMigrationNameIsAUsageError() throws {
        let store = try makeEmptyStore()
        XCTAssertThrowsError(try store.migrateUp(to: "20990101_nope")) { error in
            XCTAssertEqual(error as? StoreError, .unknownMigration("20990101_nope"))
        }
    }

    func testDownRefusesToDropTablesHoldingRowsUnlessForced() throws {
        let store = try Store.open(path: ":memory:")
        try store.queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO "affiliate_click_queue" ("id", "partnerId", "linkId", "companyId", "ipAddress")
                    VALUES ('q1', 'p1', 'l1', 'c1', '203.0.113.9')
                    """)
        }
        XCTAssertThrowsError(try store.migrateDown(to: "20260131210000_add_subid_config_and_conversion_subids")) {
            error in
            XCTAssertEqual(error as? StoreError, .wouldDropTablesWithRows(["affiliate_click_queue": 1]))
        }
        // Refused means unchanged.
        XCTAssertTrue(try store.migrationStatuses().allSatisfy(\.isApplied))

        let rolledBack = try store.migrateDown(
            to: "20260131210000_add_subid_config_and_conversion_subids", force: true)
        XCTAssertEqual(
            rolledBack,
            [
                "tally_0013_affiliate_ip_keys",
                "tally_0012_revenue_squares",
                "tally_0011_pulls",
                "tally_0010_close_reopenings",
                "tally_0009_affiliate_click_rollups",
                "tally_0008_billing_rollups",
                "tally_0007_rollups",
                "tally_0006_affiliate_ledger",
                "tally_0005_billing_lines",
                "tally_0004_cs_ai_price_tiers",
                "tally_0003_close_ledger",
                "tally_0002_report_indexes",
                "tally_0001_load_history", "20260203100000_add_affiliate_fallback_url",
                "20260203000000_add_affiliate_click_queue",
            ])
    }

    func testRebuildKeepsRowsOfATableWhoseColumnIsRemoved() throws {
        let store = try makeEmptyStore()
        try store.migrateUp(to: "20260131134047_add_funnel_cs_session_link")
        try store.queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO "organizations" ("id", "name", "slug", "updatedAt") VALUES ('o1', 'Org', 'org', '2026-01-01T00:00:00.000Z');
                    INSERT INTO "clients" ("id", "organizationId", "name", "slug", "updatedAt") VALUES ('cl1', 'o1', 'C', 'c', '2026-01-01T00:00:00.000Z');
                    INSERT INTO "companies" ("id", "clientId", "name", "slug", "updatedAt") VALUES ('co1', 'cl1', 'Co', 'co', '2026-01-01T00:00:00.000Z');
                    INSERT INTO "funnels" ("id", "companyId", "name", "slug", "shortId", "type", "updatedAt", "createdBy")
                    VALUES ('f1', 'co1', 'F', 'f', 'F1', 'FULL_FUNNEL', '2026-01-01T00:00:00.000Z', 'u1');
                    INSERT INTO "funnel_sessions" ("id", "funnelId", "sessionToken") VALUES ('s1', 'f1', 'tok');
                    """)
        }
        try store.migrateDown(to: "20260128013524_add_cart_indexes_and_inventory_hold_improvements")
        let count = try store.queue.read { db in
            try Int.fetchOne(db, sql: #"SELECT COUNT(*) FROM "funnel_sessions" WHERE "sessionToken" = 'tok'"#)
        }
        XCTAssertEqual(count, 1)
    }
}
