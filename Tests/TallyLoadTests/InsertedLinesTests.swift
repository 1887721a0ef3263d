import Foundation
import GRDB
import XCTest

@testable import TallyLoad
@testable import TallyStore

final class InsertedLinesTests: XCTestCase {
    func testConsecutiveLinesAreOneRun() {
        var lines = InsertedLines()
        for row in 1...1000 { lines.record(rowID: Int64(row), line: row + 1) }  // header on line 1
        XCTAssertEqual(lines.runCount, 1)
        XCTAssertEqual(lines.line(of: 1), 2)
        XCTAssertEqual(lines.line(of: 1000), 1001)
        XCTAssertNil(lines.line(of: 0))
        XCTAssertNil(lines.line(of: 1001))
    }

    func testAConstantStepIsOneRunAndAnIrregularityStartsAnother() {
        var lines = InsertedLines()
        // A pretty-printed JSON array: rows 1–3 start on lines 2, 7, 12 (five lines each); row 4
        // follows a rejected element and starts on line 22; rows 5–6 on 27 and 32.
        for (row, line) in [(1, 2), (2, 7), (3, 12), (4, 22), (5, 27), (6, 32)] {
            lines.record(rowID: Int64(row), line: line)
        }
        XCTAssertEqual(lines.runCount, 2)
        XCTAssertEqual((1...6).map { lines.line(of: Int64($0)) }, [2, 7, 12, 22, 27, 32])
    }

    func testEveryRowIsFoundWhateverItsRun() {
        var lines = InsertedLines()
        var expected: [Int64: Int] = [:]
        var line = 1
        var random = SystemRandomNumberGenerator()
        for row in 1...5000 {
            line += Int.random(in: 1...3, using: &random)
            lines.record(rowID: Int64(row), line: line)
            expected[Int64(row)] = line
        }
        for (row, line) in expected { XCTAssertEqual(lines.line(of: row), line, "row \(row)") }
        XCTAssertNil(lines.line(of: 5001))
    }

    func testTheRunLimitStopsRecording() {
        var lines = InsertedLines(runLimit: 2)
        lines.record(rowID: 1, line: 2)
        lines.record(rowID: 2, line: 3)
        XCTAssertTrue(lines.hasRoom)
        lines.record(rowID: 3, line: 9)
        XCTAssertFalse(lines.hasRoom)
    }

    /// The same file with repeated ids, after rejects, blank lines and quoted line breaks, gives
    /// the same rejects, messages and counts into an empty table (lines found through the rowid)
    /// as into a table that already has a row (lines recorded per id).
    func testRepeatedIDsNameTheSameEarlierLineIntoAnEmptyOrAFilledTable() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "tally-lines-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var csv = "id,partnerId,linkId,companyId,ipAddress,userAgent,queuedAt,status,retryCount,isUnique\n"
        for row in 0..<300 {
            let agent = row % 7 == 0 ? "\"two\nlines\"" : "agent \(row)"
            let retries = row % 50 == 13 ? "many" : String(row % 3)  // a reject every 50 rows
            csv += "q\(row),p1,l1,c1,203.0.113.7,\(agent),2026-02-01 10:00:00,PENDING,\(retries),t\n"
            if row % 40 == 0 { csv += "\n" }
            if row % 30 == 29 {  // repeat an earlier row: changed every other time
                let earlier = row - 17
                let agent = row % 60 == 29 ? "changed" : (earlier % 7 == 0 ? "\"two\nlines\"" : "agent \(earlier)")
                csv += "q\(earlier),p1,l1,c1,203.0.113.7,\(agent),2026-02-01 10:00:00,PENDING,\(earlier % 3),t\n"
            }
        }
        let file = directory.appendingPathComponent("affiliate_click_queue.csv").path
        try csv.write(toFile: file, atomically: true, encoding: .utf8)

        func loadTwice(seed: Bool) throws -> ([Reject], [Int]) {
            let (store, _) = try makeStoreWithParents()
            if seed {
                let seedFile = directory.appendingPathComponent("seed.csv").path
                try
                    "id,partnerId,linkId,companyId,ipAddress,queuedAt,status,retryCount,isUnique\nzz,p1,l1,c1,203.0.113.7,2026-02-01 10:00:00,PENDING,0,t\n"
                    .write(toFile: seedFile, atomically: true, encoding: .utf8)
                var options = LoadOptions()
                options.tableOverride = "affiliate_click_queue"
                _ = try Loader(store: store).load(paths: [seedFile], options: options, sink: CollectingSink())
            }
            let sink = CollectingSink()
            let summary = try Loader(store: store).load(paths: [file], options: LoadOptions(), sink: sink)
            let result = try XCTUnwrap(summary.files.first)
            return (sink.rejects, [result.read, result.inserted, result.unchanged, result.rejected, result.duplicates])
        }
        let (emptyRejects, emptyCounts) = try loadTwice(seed: false)
        let (filledRejects, filledCounts) = try loadTwice(seed: true)
        XCTAssertEqual(emptyRejects, filledRejects)
        XCTAssertEqual(emptyCounts, filledCounts)
        // 310 rows read: 300 + 10 repeats; 6 bad retry counts; 5 changed repeats rejected, 5 equal.
        // q12 starts on line 17: header 1, q0 on 2–3 (a quoted line break), a blank line 4, q1–q6 on
        // 5–10, q7 on 11–12, q8–q12 on 13–17.
        XCTAssertEqual(emptyCounts, [310, 294, 5, 11, 5])
        let duplicates = emptyRejects.filter { $0.reason == .duplicateID }
        XCTAssertEqual(duplicates.count, 5)
        XCTAssertEqual(
            duplicates.first?.message, "id 'q12' is also on line 17 with different content; the earlier line was kept")
    }
}
