import Foundation
import XCTest

/// Issue 23, item 2: a close is never committed with nowhere to print it, a write failure after
/// the commit says the close IS written, and no write error traps or exits 0.
final class CloseOutputTests: XCTestCase {
    private let sampleData = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("SampleData").path
    private var directory: URL!
    private var db: String!

    override func setUpWithError() throws {
        directory = try TallyRunner.temporaryDirectory(for: self)
        db = directory.appendingPathComponent("store.sqlite").path
        let load = try TallyRunner.run(["load", sampleData, "--db", db, "--quiet"])
        XCTAssertEqual(load.status, 0, load.stderr)
    }

    private let january = ["--period", "2026-01", "--as-of", "2026-03-05T00:00:00Z", "--company", "co_ny"]

    private func closeCount() throws -> String {
        let status = try TallyRunner.run(["status", "--db", db, "--format", "csv", "--loads", "0"])
        return status.stdout.split(separator: "\n").first { $0.hasPrefix("tally_closes,") }.map(String.init) ?? ""
    }

    func testAnOutThatCannotBeWrittenIsRefusedBeforeTheCloseCommits() throws {
        let before = try closeCount()
        for out in [directory.path, directory.appendingPathComponent("missing/lines.csv").path] {
            for command in [["billing", "close"], ["affiliate", "payouts"]] {
                let result = try TallyRunner.run(command + ["--db", db, "--out", out] + january)
                XCTAssertEqual(result.status, 74, "\(command) --out \(out): \(result.stderr)")
                XCTAssertTrue(result.stderr.contains("cannot write \(out)"), result.stderr)
                XCTAssertTrue(result.stderr.contains("nothing was written"), result.stderr)
                XCTAssertEqual(try closeCount(), before, "\(command) --out \(out) wrote a close")
            }
        }
    }

    func testAFullStdoutOrOutIsExit74AndSaysTheCloseIsWritten() throws {
        let tally = TallyRunner.executable.path
        let full = try TallyRunner.run(
            [
                "-c",
                "'\(tally)' billing close --db '\(db!)' \(january.joined(separator: " ")) --format csv > /dev/full",
            ],
            program: URL(fileURLWithPath: "/bin/sh"))
        XCTAssertEqual(full.status, 74, full.stderr)
        XCTAssertTrue(full.stderr.contains("cs-ai-billing:co_ny|2026-01 IS written"), full.stderr)
        XCTAssertTrue(full.stderr.contains("run the same command again"), full.stderr)
        // As promised: the re-run writes nothing and prints the bytes the first run could not.
        let again = try TallyRunner.run(["billing", "close", "--db", db, "--format", "csv"] + january)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stderr.contains("already closed from the same inputs"), again.stderr)
        XCTAssertTrue(again.stdout.hasPrefix("company_id,company_name,period,"), again.stdout)

        let device = try TallyRunner.run(
            ["affiliate", "payouts", "--db", db, "--out", "/dev/full"] + january)
        XCTAssertEqual(device.status, 74, device.stderr)
        XCTAssertTrue(device.stderr.contains("IS written"), device.stderr)
        var isDirectory: ObjCBool = false
        XCTAssertTrue(FileManager.default.fileExists(atPath: "/dev/full", isDirectory: &isDirectory))
        let type = try FileManager.default.attributesOfItem(atPath: "/dev/full")[.type] as? FileAttributeType
        XCTAssertEqual(type, .typeCharacterSpecial, "the device is still a device, not a file put in its place")
    }

    func testAnEmptyTallyDBIsUnset() throws {
        let result = try TallyRunner.run(["status"], environment: ["TALLY_DB": ""], in: directory)
        XCTAssertEqual(result.status, 66, result.stderr)
        XCTAssertTrue(result.stderr.contains("tally.sqlite"), result.stderr)
    }

    /// Issue 23, item 1: a count beyond production's 32 bits (a store edited by hand: the loader
    /// rejects it) is exit 65 naming the record, not a trap in the close's arithmetic.
    func testAHugeCountInTheStoreIsAClearErrorNotATrap() throws {
        let edit = try TallyRunner.run(
            [
                db,
                #"UPDATE "cs_ai_usage" SET "inputTokens" = 9223372036854775807 WHERE "id" = (SELECT "id" FROM "cs_ai_usage" "#
                    + #"WHERE "companyId" = 'co_ny' AND "occurredAt" >= '2026-02-10' AND "occurredAt" < '2026-02-20' ORDER BY "id" LIMIT 1)"#,
            ],
            program: URL(fileURLWithPath: "/usr/bin/sqlite3"))
        XCTAssertEqual(edit.status, 0, edit.stderr)
        XCTAssertEqual(try TallyRunner.run(["billing", "close", "--db", db] + january).status, 0)
        let close = try TallyRunner.run(
            ["billing", "close", "--db", db, "--period", "2026-02", "--as-of", "2026-03-05T00:00:00Z", "--dry-run"])
        XCTAssertEqual(close.status, 65, close.stderr)
        XCTAssertTrue(
            close.stderr.contains("inputTokens 9223372036854775807 is beyond production's 32-bit INTEGER"), close.stderr
        )
    }
}
