import Foundation
import GRDB
import TallyStore
import XCTest

/// Each way a pull can fail: a clear message, the documented exit status, no credentials in the
/// output, and a store exactly as it was (docs/LOADING.md, "Errors").
final class PullErrorTests: PullTestCase {
    /// A store holding SampleData's organizations, and its bytes, to check a failed pull left it.
    private func existingStore() throws -> (path: String, digest: Data) {
        let path = store("before")
        let loaded = try tally(["load", Self.sampleData.appendingPathComponent("organizations.csv").path, "--db", path])
        XCTAssertEqual(loaded.status, 0, loaded.stderr)
        return (path, try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    private func assertUnchanged(
        _ before: (path: String, digest: Data), file: StaticString = #filePath, line: UInt = #line
    )
        throws
    {
        let rows = try Store.open(path: before.path).queue.read { db in
            try Int.fetchOne(db, sql: #"SELECT count(*) FROM "tally_loads""#)!
        }
        XCTAssertEqual(rows, 1, "the failed pull recorded nothing", file: file, line: line)
        let organizations = try Store.open(path: before.path).queue.read { db in
            try Int.fetchOne(db, sql: #"SELECT count(*) FROM "organizations""#)!
        }
        XCTAssertEqual(organizations, 1, file: file, line: line)
    }

    func testARefusedConnectionIsExit69AndLeavesTheStore() throws {
        let before = try existingStore()
        cluster.stopServer()
        let result = try tally([
            "load", "postgresql://tally:s3cret-pw@127.0.0.1:\(cluster.port)/shop", "--db", before.path,
        ])
        XCTAssertEqual(result.status, 69, result.stderr)
        XCTAssertTrue(
            result.stderr.contains("cannot connect to postgresql://tally@127.0.0.1:\(cluster.port)/shop"), result.stderr
        )
        XCTAssertFalse(result.stderr.contains("s3cret-pw"), "the password never appears")
        try assertUnchanged(before)
    }

    func testAWrongPasswordAndPlainTextWhereTLSIsRequiredAreExit69() throws {
        try cluster.psql(
            """
            CREATE ROLE locked LOGIN PASSWORD 'right-pw';
            CREATE ROLE tlsonly LOGIN;
            """)
        try cluster.requirePasswordAndTLS(passwordUser: "locked", tlsUser: "tlsonly")
        _ = try ProductionSource(cluster: cluster, database: "shop")
        let before = try existingStore()
        let wrong = try tally([
            "load", "postgresql://locked:wrong-pw@127.0.0.1:\(cluster.port)/shop", "--db", before.path,
        ])
        XCTAssertEqual(wrong.status, 69, wrong.stderr)
        XCTAssertTrue(wrong.stderr.contains("password authentication failed"), wrong.stderr)
        XCTAssertFalse(wrong.stderr.contains("wrong-pw"))
        let viaEnvironment = try tally(
            ["load", "postgresql://locked@127.0.0.1:\(cluster.port)/shop", "--db", before.path],
            environment: ["PGPASSWORD": "wrong-pw"])
        XCTAssertEqual(viaEnvironment.status, 69)
        XCTAssertFalse(viaEnvironment.stderr.contains("wrong-pw"))
        let plain = try tally(
            ["load", "postgresql://tlsonly@127.0.0.1:\(cluster.port)/shop?sslmode=disable", "--db", before.path])
        XCTAssertEqual(plain.status, 69, plain.stderr)
        XCTAssertTrue(plain.stderr.contains("no encryption"), plain.stderr)
        try assertUnchanged(before)
    }

    func testAMissingTableAndATypeMismatchNameWhatIsWrong() throws {
        let source = try ProductionSource(cluster: cluster, database: "shop")
        let before = try existingStore()
        try cluster.psql(#"DROP TABLE "refunds""#, database: source.database)
        let missing = try tally(["load", cluster.url("shop"), "--table", "refunds", "--db", before.path])
        XCTAssertEqual(missing.status, 66, missing.stderr)
        XCTAssertTrue(missing.stderr.contains("has no table public.refunds"), missing.stderr)
        try cluster.psql(#"ALTER TABLE "orders" ALTER COLUMN "total" TYPE TEXT"#, database: source.database)
        let mismatch = try tally(["load", cluster.url("shop"), "--db", before.path])
        XCTAssertEqual(mismatch.status, 65, mismatch.stderr)
        XCTAssertTrue(
            mismatch.stderr.contains("orders.total is text in the source, but tally mirrors it as DOUBLE PRECISION")
                || mismatch.stderr.contains("orders.total is text in the source, but tally mirrors it as DECIMAL"),
            mismatch.stderr)
        try assertUnchanged(before)
    }

    /// The server goes away while the pull reads: exit 69, nothing loaded.
    func testASourceDroppedMidPullLeavesTheStore() throws {
        let source = try ProductionSource(cluster: cluster, database: "shop")
        try source.copy(file: Self.sampleData.appendingPathComponent("organizations.csv"), into: "organizations")
        // A slow table: each row of this view waits, so the pull is still reading when the server stops.
        try cluster.psql(
            """
            ALTER TABLE "clients" RENAME TO "clients_rows";
            CREATE VIEW "clients" AS SELECT c.* FROM "clients_rows" c, generate_series(1, 1) g
              WHERE pg_sleep(5) IS NOT NULL;
            INSERT INTO "clients_rows" ("id", "organizationId", "name", "slug", "updatedAt")
              VALUES ('cl_x', (SELECT "id" FROM "organizations" LIMIT 1), 'X', 'x', now());
            """, database: source.database)
        let before = try existingStore()
        let stopper = Thread { [cluster] in
            Thread.sleep(forTimeInterval: 2)
            cluster?.stopServer()
        }
        stopper.start()
        let result = try tally(["load", cluster.url("shop"), "--db", before.path])
        XCTAssertEqual(result.status, 69, result.stderr)
        XCTAssertTrue(result.stderr.contains("nothing was loaded"), result.stderr)
        try assertUnchanged(before)
    }
}
