import Foundation
import TallyRegistry
import XCTest

final class VerifyTests: XCTestCase {
    private var sampleData: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("SampleData")
    }

    /// Every output verify checks, from the registry's catalog.
    private var outputCount: Int { ReportCatalog.entries.reduce(0) { $0 + $1.formats.count } }

    /// The golden test over SampleData: every report's CSV and JSON equal SampleData/expected, and
    /// every file of SampleData/expected is one of the catalog's outputs.
    func testVerifySampleDataPasses() throws {
        let result = try TallyRunner.run(["verify", sampleData.path])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("\(outputCount) output(s) match"), result.stdout)
        let expected = try FileManager.default.contentsOfDirectory(
            atPath: sampleData.appendingPathComponent("expected").path
        )
        .filter { !$0.hasPrefix(".") }
        let outputs = ReportCatalog.entries.flatMap { entry in entry.formats.map { "\(entry.name).\($0)" } }
        XCTAssertEqual(Set(expected), Set(outputs), "SampleData/expected holds exactly the catalog's outputs")
    }

    func testVerifyFailsWithAReadableDiffWhenOneExpectedNumberIsEdited() throws {
        let directory = try TallyRunner.temporaryDirectory(for: self)
        let copy = directory.appendingPathComponent("SampleData")
        try FileManager.default.copyItem(at: sampleData, to: copy)
        let expectedFile = copy.appendingPathComponent("expected/variant-conversion.csv")
        var text = try String(contentsOf: expectedFile, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var fields = lines[2].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        // Field 9 of a naive split (the quoted company name holds a comma): a count, one more than computed.
        fields[9] = String(Int(fields[9])! + 1)
        let edited = fields.joined(separator: ",")
        text = ([lines[0], lines[1], edited] + lines.dropFirst(3)).joined(separator: "\n")
        try text.write(to: expectedFile, atomically: true, encoding: .utf8)

        let result = try TallyRunner.run(["verify", copy.path])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stdout.contains("DIFFERS variant-conversion.csv"), result.stdout)
        XCTAssertTrue(
            result.stdout.contains("  line 3:\n    - expected: \(edited)\n    + actual:   \(lines[2])"), result.stdout)
        XCTAssertTrue(result.stdout.contains("ok      variant-conversion.json"))
        XCTAssertTrue(result.stderr.contains("1 of \(outputCount) output(s) differ"), result.stderr)

        let recorded = try TallyRunner.run(["verify", copy.path, "--record"])
        XCTAssertEqual(recorded.status, 0)
        XCTAssertTrue(
            recorded.stdout.contains("OVERWRITTEN \(copy.path)/expected/variant-conversion.csv"), recorded.stdout)
        XCTAssertTrue(recorded.stdout.contains("unchanged \(copy.path)/expected/variant-conversion.json"))
    }
}
