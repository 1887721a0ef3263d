import XCTest

final class StoreCommandTests: XCTestCase {
    func testVersion() throws {
        let result = try TallyRunner.run(["--version"])
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.stdout, "0.1.0\n")
    }

    func testHelpListsEveryCommandWithAnExampleAndTheExitStatuses() throws {
        let result = try TallyRunner.run(["--help"])
        XCTAssertEqual(result.status, 0)
        for expected in ["migrate", "schema", "Example", "64  usage error", "66  missing input", "74  I/O error"] {
            XCTAssertTrue(result.stdout.contains(expected), "help lacks \(expected)")
        }
    }

    func testMigrateUpCreatesTheStoreAndStatusShowsEveryMigrationApplied() throws {
        let directory = try TallyRunner.temporaryDirectory(for: self)
        let db = directory.appendingPathComponent("t.sqlite").path
        let up = try TallyRunner.run(["migrate", "up", "--db", db])
        XCTAssertEqual(up.status, 0, up.stderr)
        XCTAssertTrue(up.stdout.hasPrefix("applied 00000000000000_init_baseline\n"))
        XCTAssertTrue(up.stderr.contains("applied 30 migration(s)"))

        let again = try TallyRunner.run(["migrate", "up", "--db", db])
        XCTAssertEqual(again.stdout, "")
        XCTAssertTrue(again.stderr.contains("nothing to do"))

        let status = try TallyRunner.run(["migrate", "status", "--db", db, "--format", "csv"])
        XCTAssertEqual(status.status, 0)
        let lines = status.stdout.split(separator: "\n")
        XCTAssertEqual(lines.first, "migration,changelog_name,state,applied_at,summary")
        XCTAssertEqual(lines.count, 31)
        XCTAssertTrue(lines.dropFirst().allSatisfy { $0.contains(",applied,") })
        XCTAssertTrue(
            status.stdout.contains(
                "20260101140600_add_cart_and_session_partial_indexes,20251231201625_add_cart_and_session_partial_indexes,applied"
            ))
    }

    func testTallyDBEnvironmentVariableChoosesTheStore() throws {
        let directory = try TallyRunner.temporaryDirectory(for: self)
        let db = directory.appendingPathComponent("env.sqlite").path
        let result = try TallyRunner.run(["migrate", "up"], environment: ["TALLY_DB": db])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: db))
    }

    func testSchemaCheckPassesThenFailsWithStatusOneAfterAManualChange() throws {
        let directory = try TallyRunner.temporaryDirectory(for: self)
        let db = directory.appendingPathComponent("t.sqlite").path
        XCTAssertEqual(try TallyRunner.run(["migrate", "up", "--db", db]).status, 0)
        let clean = try TallyRunner.run(["schema", "check", "--db", db])
        XCTAssertEqual(clean.status, 0)
        XCTAssertEqual(clean.stdout, "schema matches the 30 applied migrations\n")

        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sqlite.arguments = ["sqlite3", db, #"DROP INDEX "orders_status_idx";"#]
        try sqlite.run()
        sqlite.waitUntilExit()
        guard sqlite.terminationStatus == 0 else { throw XCTSkip("sqlite3 CLI not available") }

        let drifted = try TallyRunner.run(["schema", "check", "--db", db])
        XCTAssertEqual(drifted.status, 1)
        XCTAssertEqual(drifted.stdout, "missing index orders_status_idx (on orders)\n")
        XCTAssertTrue(drifted.stderr.contains("schema drift: 1 difference(s)"))
    }

    func testMigrateDownNeedsToOrAll() throws {
        let result = try TallyRunner.run(["migrate", "down", "--db", "/nonexistent/x.sqlite"])
        XCTAssertEqual(result.status, 64)
        XCTAssertTrue(result.stderr.contains("Give exactly one of --to NAME or --all."))
    }

    func testUnknownMigrationIsAUsageError() throws {
        let directory = try TallyRunner.temporaryDirectory(for: self)
        let db = directory.appendingPathComponent("t.sqlite").path
        let result = try TallyRunner.run(["migrate", "up", "--db", db, "--to", "2099_nothing"])
        XCTAssertEqual(result.status, 64)
        XCTAssertTrue(result.stderr.contains("no migration is named '2099_nothing'"))
    }

    func testCheckingAMissingStoreIsMissingInput() throws {
        let result = try TallyRunner.run(["schema", "check", "--db", "/nonexistent/none.sqlite"])
        XCTAssertEqual(result.status, 66)
        XCTAssertTrue(result.stderr.contains("no store at /nonexistent/none.sqlite"))
    }

    func testMigrateDownAllEmptiesTheStoreAndRefusesWhenTablesHoldRows() throws {
        let directory = try TallyRunner.temporaryDirectory(for: self)
        let db = directory.appendingPathComponent("t.sqlite").path
        XCTAssertEqual(try TallyRunner.run(["migrate", "up", "--db", db]).status, 0)
        let down = try TallyRunner.run(["migrate", "down", "--all", "--db", db])
        XCTAssertEqual(down.status, 0, down.stderr)
        XCTAssertTrue(down.stderr.contains("rolled back 30 migration(s)"))
        let dump = try TallyRunner.run(["schema", "dump", "--db", db])
        XCTAssertEqual(dump.stdout, "")
    }
}
