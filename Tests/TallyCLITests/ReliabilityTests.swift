import Foundation
import XCTest

/// Issue 11: one mistaken flag or one broken quote must never cost a user data. Each case asserts
/// the exit status, how the message starts, and that the store (or input) is byte-identical after.
final class ReliabilityTests: XCTestCase {
    private var directory: URL!
    private var db: String!

    override func setUpWithError() throws {
        directory = try TallyRunner.temporaryDirectory(for: self)
        db = directory.appendingPathComponent("s.sqlite").path
        let organizations = directory.appendingPathComponent("organizations.csv")
        try "id,name,slug,updatedAt\no1,Org,org,2026-01-01 00:00:00\n".write(
            to: organizations, atomically: true, encoding: .utf8)
        let load = try TallyRunner.run(["load", organizations.path, "--db", db, "--quiet"])
        XCTAssertEqual(load.status, 0, load.stderr)
    }

    private func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    private func assertRefused(
        _ arguments: [String], status: Int32, startsWith prefix: String, unchanged paths: [String],
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let before = paths.map(bytes)
        let result = try TallyRunner.run(arguments)
        XCTAssertEqual(result.status, status, result.stderr, file: file, line: line)
        XCTAssertTrue(result.stderr.hasPrefix(prefix), "stderr: \(result.stderr)", file: file, line: line)
        XCTAssertEqual(paths.map(bytes), before, "changed on disk", file: file, line: line)
    }

    func testAnOutputPathThatIsTheStoreOrAnInputIsRefusedBeforeAnythingOpens() throws {
        let link = directory.appendingPathComponent("link.sqlite").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: db)
        let inputs = directory.appendingPathComponent("organizations.csv").path
        let cases: [[String]] = [
            ["report", "discount-codes", "--db", db, "--out", db],
            ["report", "variant-conversion", "--db", db, "--out", link],
            ["status", "--db", db, "--out", directory.path + "/./" + (db as NSString).lastPathComponent],
            ["load", inputs, "--db", db, "--out", db],
            ["load", inputs, "--db", db, "--rejects", db + "-journal"],
            ["load", inputs, "--db", db, "--rejects", inputs],
            ["load", directory.path, "--db", db, "--rejects", inputs],
            ["migrate", "status", "--db", db, "--out", link],
        ]
        for arguments in cases {
            try assertRefused(
                arguments, status: 64, startsWith: "tally: error: --", unchanged: [db, inputs],
                file: #filePath, line: #line)
        }
        // The "./" spelling is resolved against the working directory.
        let relative = try TallyRunner.run(["status", "--db", "s.sqlite", "--out", "./s.sqlite"], in: directory)
        XCTAssertEqual(relative.status, 64, relative.stderr)
    }

    func testAnotherApplicationsDatabaseIsRefusedAndNeverWritten() throws {
        let foreign = directory.appendingPathComponent("app.db").path
        let made = try TallyRunner.run(["migrate", "up", "--db", db])  // ensure sqlite3 CLI-free creation below
        XCTAssertEqual(made.status, 0)
        // A SQLite file of another application: one table, no tally marker.
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sqlite.arguments = [
            "sqlite3", foreign,
            "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes VALUES (1, 'x');",
        ]
        try sqlite.run()
        sqlite.waitUntilExit()
        try XCTSkipIf(sqlite.terminationStatus != 0, "the sqlite3 shell is needed to make a foreign database")
        for arguments in [
            ["migrate", "up", "--db", foreign], ["status", "--db", foreign],
            ["load", directory.appendingPathComponent("organizations.csv").path, "--db", foreign],
        ] {
            try assertRefused(
                arguments, status: 65,
                startsWith: "tally: error: \(foreign) is a SQLite database that tally did not create (tables: notes)",
                unchanged: [foreign])
        }
        let text = directory.appendingPathComponent("notes.txt").path
        try "just text, not a database at all\n".write(toFile: text, atomically: true, encoding: .utf8)
        try assertRefused(
            ["status", "--db", text], status: 65, startsWith: "tally: error: \(text) is not a SQLite database",
            unchanged: [text])
    }

    func testReadOnlyCommandsNeverCreateAStoreAndAFailedLoadLeavesNoFile() throws {
        let missing = directory.appendingPathComponent("missing.sqlite").path
        for arguments in [
            ["status", "--db", missing], ["migrate", "status", "--db", missing], ["schema", "check", "--db", missing],
            ["report", "discount-codes", "--db", missing], ["load", "/no/such/file.csv", "--db", missing],
        ] {
            let result = try TallyRunner.run(arguments)
            XCTAssertEqual(result.status, 66, "\(arguments): \(result.stderr)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: missing), "\(arguments) created the store")
        }
    }

    func testALockedStoreWaitsThenSaysAnotherProcessHoldsIt() throws {
        // Hold a write lock from a sqlite3 shell for 3 seconds while tally tries to load.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        holder.arguments = ["sqlite3", db]
        holder.standardOutput = FileHandle.nullDevice
        let script = Pipe()
        holder.standardInput = script
        try holder.run()
        script.fileHandleForWriting.write(
            Data("BEGIN IMMEDIATE;\nCREATE TABLE lock_holder (x);\n.shell sleep 3\nROLLBACK;\n".utf8))
        try script.fileHandleForWriting.close()
        defer { holder.waitUntilExit() }
        Thread.sleep(forTimeInterval: 0.5)
        let started = Date()
        let load = try TallyRunner.run(
            [
                "load", directory.appendingPathComponent("organizations.csv").path, "--db", db, "--wait", "0.5",
                "--quiet",
            ])
        XCTAssertEqual(load.status, 74, load.stderr)
        XCTAssertTrue(load.stderr.contains("another tally process holds the store"), load.stderr)
        XCTAssertLessThan(Date().timeIntervalSince(started), 2.5, "it waited --wait, not forever")
    }

    func testStatusAsJSONIsOneDocument() throws {
        let status = try TallyRunner.run(["status", "--db", db, "--format", "json"])
        XCTAssertEqual(status.status, 0, status.stderr)
        let parsed = try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any]
        XCTAssertNotNil(parsed?["tables"] as? [[String: Any]])
        XCTAssertEqual((parsed?["loads"] as? [[String: Any]])?.count, 1)
    }

    func testThousandsOfUnknownColumnsPrintAFewLinesAndACount() throws {
        let header = "id,name,slug,updatedAt," + (1...500).map { "extra\($0)" }.joined(separator: ",")
        let row = "o2,Org2,org2,2026-01-01 00:00:00," + Array(repeating: "x", count: 500).joined(separator: ",")
        let wide = directory.appendingPathComponent("organizations-wide.csv")
        try (header + "\n" + row + "\n").write(to: wide, atomically: true, encoding: .utf8)
        let load = try TallyRunner.run(["load", wide.path, "--db", db, "--quiet"])
        XCTAssertEqual(load.status, 0, load.stderr)
        let lines = load.stderr.split(separator: "\n")
        XCTAssertLessThan(lines.count, 30, load.stderr)
        XCTAssertTrue(load.stderr.contains("… and 480 more unknown columns not shown"), load.stderr)
    }

    func testAReadOnlyStoreIsAnIOErrorNotRejectedRows() throws {
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: db)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: directory.path)
        defer {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.path)
            try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: db)
        }
        // Root ignores file permissions; the check only means something for other users.
        try XCTSkipIf(getuid() == 0, "running as root: file permissions do not apply")
        let csv = directory.appendingPathComponent("organizations.csv").path
        let result = try TallyRunner.run(["load", csv, "--db", db, "--quiet"])
        XCTAssertEqual(result.status, 74, result.stderr)
        XCTAssertFalse(result.stderr.contains("rejected"), result.stderr)
    }
}
