import Foundation
import GRDB
import TallyStore
import XCTest

/// `--since-last`, `--full` and `--apply-deletes` against the source (docs/LOADING.md, "Incremental").
final class PullModesTests: PullTestCase {
    /// Rows of every mirrored table, id order, for comparing two stores.
    private func contents(_ path: String) throws -> [String: [String]] {
        let store = try Store.open(path: path)
        return try store.queue.read { db in
            var result: [String: [String]] = [:]
            for table in try PostgresSchema.mirroredTables(db) {
                result[table] = try Row.fetchAll(
                    db, sql: "SELECT * FROM \(table.quotedDatabaseIdentifier) ORDER BY \"id\""
                ).map(\.description)
            }
            return result
        }
    }

    func testASinceLastPullAfterChangesEqualsAFullReload() throws {
        let source = try sampleSource()
        let incremental = store("incremental")
        // --keep-sensitive: IP addresses are hashed with a key of each store's own, so two stores
        // compare row for row only with the addresses as exported.
        XCTAssertEqual(
            try tally(["load", cluster.url("shop"), "--db", incremental, "--quiet", "--keep-sensitive"]).status, 0)
        // Production changes: an update, an insert, a soft delete — each stamps updatedAt.
        try cluster.psql(
            """
            UPDATE orders SET "status" = 'REFUNDED', "updatedAt" = now() AT TIME ZONE 'UTC'
              WHERE "id" = 'ord_0000001';
            INSERT INTO customers ("id", "companyId", "email", "updatedAt")
              VALUES ('cu_new', 'co_ny', 'new@mail.example', now() AT TIME ZONE 'UTC');
            UPDATE customers SET "deletedAt" = now() AT TIME ZONE 'UTC', "updatedAt" = now() AT TIME ZONE 'UTC'
              WHERE "id" = 'cu_000513';
            """, database: source.database)
        let pulled = try tally([
            "load", cluster.url("shop"), "--db", incremental, "--since-last", "--quiet", "--keep-sensitive",
        ])
        XCTAssertEqual(pulled.status, 0, pulled.stderr)
        XCTAssertTrue(pulled.stderr.contains("orders: rows with updatedAt at or after"), pulled.stderr)
        let full = store("full")
        XCTAssertEqual(try tally(["load", cluster.url("shop"), "--db", full, "--quiet", "--keep-sensitive"]).status, 0)
        let (a, b) = (try contents(incremental), try contents(full))
        XCTAssertEqual(a.keys.sorted(), b.keys.sorted())
        for table in a.keys.sorted() { XCTAssertEqual(a[table], b[table], table) }
        XCTAssertTrue(a["customers"]!.contains { $0.contains("cu_new") })
        // Only the changed rows travelled for orders: one read, one updated.
        let counts = try Store.open(path: incremental).queue.read { db in
            try Row.fetchOne(
                db,
                sql:
                    #"SELECT "read", "updated" FROM "tally_load_files" WHERE "tableName" = 'orders' ORDER BY "loadId" DESC"#
            )!
        }
        XCTAssertEqual(counts["updated"] as Int, 1)
        XCTAssertLessThan(counts["read"] as Int, 50, "a handful of rows inside the overlap, not the table")
    }

    func testAFullPullReportsHardDeletesAndApplyDeletesRemovesThem() throws {
        let source = try sampleSource()
        let path = store("deletes")
        XCTAssertEqual(try tally(["load", cluster.url("shop"), "--db", path, "--quiet"]).status, 0)
        try cluster.psql(
            #"DELETE FROM refunds WHERE "id" IN (SELECT "id" FROM refunds ORDER BY "id" LIMIT 2)"#,
            database: source.database)
        let gone = try cluster.psql(#"SELECT count(*) FROM refunds"#, database: source.database)
        let reported = try tally(["load", cluster.url("shop"), "--db", path, "--full", "--quiet"])
        XCTAssertEqual(reported.status, 0, reported.stderr)
        XCTAssertTrue(reported.stderr.contains("refunds: 2 id(s) the source no longer has"), reported.stderr)
        XCTAssertTrue(reported.stderr.contains("--apply-deletes removes them"), reported.stderr)
        let count = {
            try Store.open(path: path).queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM refunds")! }
        }
        XCTAssertEqual(try count(), 70, "reported, not deleted")
        let applied = try tally(["load", cluster.url("shop"), "--db", path, "--full", "--apply-deletes", "--quiet"])
        XCTAssertEqual(applied.status, 0, applied.stderr)
        XCTAssertEqual(String(try count()), gone.trimmingCharacters(in: .whitespacesAndNewlines))
        let usage = try tally(["load", cluster.url("shop"), "--db", path, "--apply-deletes"])
        XCTAssertEqual(usage.status, 64, usage.stderr)
    }
}
