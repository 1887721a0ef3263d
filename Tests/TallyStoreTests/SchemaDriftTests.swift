import GRDB
import XCTest

@testable import TallyStore

final class SchemaDriftTests: XCTestCase {
    func testAFreshStoreHasNoDrift() throws {
        let store = try Store.open(path: ":memory:")
        XCTAssertEqual(try store.checkSchema(), [])
    }

    func testAnIndexAddedByHandIsReported() throws {
        let store = try Store.open(path: ":memory:")
        try store.queue.write { db in
            try db.execute(sql: #"CREATE INDEX "my_orders_total_idx" ON "orders"("total")"#)
        }
        XCTAssertEqual(
            try store.checkSchema().map(\.description),
            [
                #"unexpected index my_orders_total_idx (on orders): CREATE INDEX "my_orders_total_idx" ON "orders"("total")"#
            ])
    }

    func testADroppedIndexAndAnAddedColumnAreReported() throws {
        let store = try Store.open(path: ":memory:")
        try store.queue.write { db in
            try db.execute(sql: #"DROP INDEX "leads_variantId_idx""#)
            try db.execute(sql: #"ALTER TABLE "leads" ADD COLUMN "score" REAL"#)
        }
        let lines = try store.checkSchema().map(\.description)
        XCTAssertEqual(lines.count, 2)
        XCTAssertEqual(lines[0], "missing index leads_variantId_idx (on leads)")
        XCTAssertEqual(lines[1], "changed table leads:\n  + \"score\" REAL")
    }

    func testAPartiallyMigratedStoreIsComparedWithItsOwnMigrations() throws {
        let store = try Store.open(path: ":memory:", migrate: .leaveAsIs)
        try store.migrateUp(to: "20260102215624_add_landing_page_cart_integration")
        XCTAssertEqual(try store.checkSchema(), [])
    }
}

/// `docs/schema.sql` is what the migrations build, so a reader (and a reviewer of a migration) sees
/// the store's schema without running tally.
final class CommittedSchemaTests: XCTestCase {
    func testDocsSchemaIsCurrent() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/schema.sql")
        let committed = try String(contentsOf: docs, encoding: .utf8)
        let store = try Store.open(path: ":memory:")
        XCTAssertEqual(
            committed, try store.schemaDump().text,
            "docs/schema.sql is stale: regenerate it as docs/STORE.md says")
    }
}
