import XCTest

/// `tally bench load`'s arguments: a typo in `--rows` is refused before anything is generated.
final class BenchCommandTests: XCTestCase {
    func testARowCountThatIsNotAWholeNumberIsAUsageError() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("tally-bench-args-\(UUID())")
        defer { try? FileManager.default.removeItem(at: work) }
        for rows in ["100000,abc", "0", "100000,", "1e6"] {
            let result = try TallyRunner.run(["bench", "load", "--rows", rows, "--work-dir", work.path])
            XCTAssertEqual(result.status, 64, "--rows \(rows): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("--rows needs whole numbers of 1 or more"), result.stderr)
            XCTAssertEqual(result.stdout, "", "--rows \(rows): no figures printed")
            XCTAssertFalse(FileManager.default.fileExists(atPath: work.path), "--rows \(rows): nothing generated")
        }
    }
}
