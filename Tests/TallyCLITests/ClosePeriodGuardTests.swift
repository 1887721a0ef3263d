import Foundation
import XCTest

/// Issue 23, items 3, 5 and 6: a typed period or as-of cannot wedge the closes, and a refusal says
/// what differs.
final class ClosePeriodGuardTests: XCTestCase {
    private let sampleData = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("SampleData").path

    func testTyposInPeriodOrAsOfAreRefusedBeforeAnythingIsWritten() throws {
        let directory = try TallyRunner.temporaryDirectory(for: self)
        let db = directory.appendingPathComponent("store.sqlite").path
        XCTAssertEqual(try TallyRunner.run(["load", sampleData, "--db", db, "--quiet"]).status, 0)
        func run(_ arguments: [String]) throws -> TallyRunner.Result {
            try TallyRunner.run(arguments + ["--db", db, "--format", "csv"])
        }
        func closes() throws -> String {
            let status = try TallyRunner.run(["status", "--db", db, "--format", "csv", "--loads", "0"])
            return status.stdout.split(separator: "\n").first { $0.hasPrefix("tally_closes,") }.map(String.init) ?? ""
        }
        let none = try closes()

        // 2016 for 2026: refused, naming the first month with data; nothing closed.
        let payouts = try run(["affiliate", "payouts", "--period", "2016-02", "--as-of", "2026-04-01T00:00:00Z"])
        XCTAssertEqual(payouts.status, 64, payouts.stderr)
        XCTAssertTrue(payouts.stderr.contains("no company has data in or before 2016-02"), payouts.stderr)
        XCTAssertTrue(payouts.stderr.contains("is more than a year after 2016-02 ends"), payouts.stderr)
        let billing = try run([
            "billing", "close", "--period", "0001-01", "--company", "co_be", "--as-of", "2026-04-01T00:00:00Z",
        ])
        XCTAssertEqual(billing.status, 64, billing.stderr)
        XCTAssertTrue(
            billing.stderr.contains("co_be: 0001-01 is before the company's first data (2026-"), billing.stderr)
        XCTAssertEqual(try closes(), none)

        // A time without its zone is refused, not read as UTC.
        let zoneless = try run(["billing", "close", "--period", "2026-01", "--as-of", "2026-03-05 00:00:00"])
        XCTAssertEqual(zoneless.status, 64, zoneless.stderr)
        XCTAssertEqual(try closes(), none)

        let january = ["billing", "close", "--period", "2026-01", "--company", "co_ny"]
        XCTAssertEqual(try run(january + ["--as-of", "2026-03-05T00:00:00Z"]).status, 0)
        // The same inputs under another as-of: exit 4, and it says only the as-of differs.
        let other = try run(january + ["--as-of", "2026-03-06T00:00:00+00:00"])
        XCTAssertEqual(other.status, 4, other.stderr)
        XCTAssertTrue(other.stderr.contains("from the same inputs; only --as-of differs"), other.stderr)
        XCTAssertTrue(other.stderr.contains("nothing will be adjusted"), other.stderr)
        XCTAssertFalse(other.stderr.contains("adjustments at the next"), other.stderr)
        // February cannot stand for a time before January's close.
        let earlier = try run([
            "billing", "close", "--period", "2026-02", "--company", "co_ny", "--as-of", "2026-03-04T00:00:00Z",
        ])
        XCTAssertEqual(earlier.status, 64, earlier.stderr)
        XCTAssertTrue(earlier.stderr.contains("earlier than the as-of of its latest close"), earlier.stderr)
    }

    /// Issue 23, item 7: a company whose time zone is not IANA (a store loaded before the loader
    /// rejected it, or edited by hand) made every all-company report, close and the dashboard exit
    /// 65. Over all companies it is now named and left out; asked for by name it is still an error.
    func testACompanyWithABadTimeZoneIsLeftOutOfAllCompanyRunsNotFatal() throws {
        let directory = try TallyRunner.temporaryDirectory(for: self)
        let db = directory.appendingPathComponent("store.sqlite").path
        XCTAssertEqual(try TallyRunner.run(["load", sampleData, "--db", db, "--quiet"]).status, 0)
        let edit = try TallyRunner.run(
            [db, #"UPDATE "companies" SET "timezone" = 'Mars/Olympus' WHERE "id" = 'co_be'"#],
            program: URL(fileURLWithPath: "/usr/bin/sqlite3"))
        XCTAssertEqual(edit.status, 0, edit.stderr)
        let warning = "warning: company co_be left out: its time zone 'Mars/Olympus' is not an IANA time zone"
        for command in [
            ["report", "discount-codes"], ["report", "affiliate"], ["billing", "status"],
            ["billing", "close", "--period", "2026-01", "--as-of", "2026-03-05T00:00:00Z", "--dry-run"],
            ["dashboard", "--out", directory.appendingPathComponent("page.html").path],
        ] {
            let result = try TallyRunner.run(command + ["--db", db])
            XCTAssertEqual(result.status, 0, "\(command): \(result.stderr)")
            XCTAssertEqual(result.stderr.components(separatedBy: warning).count - 1, 1, "\(command): \(result.stderr)")
        }
        let named = try TallyRunner.run(["report", "discount-codes", "--company", "co_be", "--db", db])
        XCTAssertEqual(named.status, 65, named.stderr)
    }
}
