import Foundation
import XCTest

/// docs/REPORTS.md "JSON": every JSON document tally writes uses snake_case keys; only an object
/// that mirrors a production row written to production's table (`summary_row`) keeps its names.
final class JSONStyleTests: XCTestCase {
    private static let snakeCase = try! NSRegularExpression(pattern: "^[a-z][a-z0-9_]*$")
    /// Objects whose keys are production's column names, by the key that holds them.
    private static let productionRows: Set<String> = ["summary_row"]

    private var sampleData: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("SampleData")
    }

    /// The keys of `json` (at any depth) that break the convention, with where they are.
    private func offendingKeys(_ json: Any, path: String = "$") -> [String] {
        if let object = json as? [String: Any] {
            return object.keys.sorted().flatMap { key -> [String] in
                let range = NSRange(key.startIndex..., in: key)
                let bad = Self.snakeCase.firstMatch(in: key, range: range) == nil ? ["\(path).\(key)"] : []
                return bad
                    + (Self.productionRows.contains(key) ? [] : offendingKeys(object[key]!, path: "\(path).\(key)"))
            }
        }
        if let array = json as? [Any] { return array.flatMap { offendingKeys($0, path: "\(path)[]") } }
        return []
    }

    func testTheCheckCatchesACamelCaseKeyButNotInsideASummaryRow() throws {
        let json = try JSONSerialization.jsonObject(
            with: Data(#"[{"amountMinor": 1, "summary_row": {"totalCost": 2}, "lines": [{"usageType": "x"}]}]"#.utf8))
        XCTAssertEqual(offendingKeys(json), ["$[].amountMinor", "$[].lines[].usageType"])
    }

    /// Every JSON output of `tally verify` (VerifyTests holds each equal to what tally writes).
    func testEveryGoldenJSONOutputUsesSnakeCaseKeys() throws {
        let expected = sampleData.appendingPathComponent("expected")
        let files = try FileManager.default.contentsOfDirectory(atPath: expected.path).filter { $0.hasSuffix(".json") }
        XCTAssertFalse(files.isEmpty)
        for file in files.sorted() {
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: expected.appendingPathComponent(file)))
            XCTAssertEqual(offendingKeys(json), [], file)
        }
    }

    /// The store's own documents: `status` and `migrate status`.
    func testStatusDocumentsUseSnakeCaseKeys() throws {
        let directory = try TallyRunner.temporaryDirectory(for: self)
        let db = directory.appendingPathComponent("s.sqlite").path
        let load = try TallyRunner.run([
            "load", sampleData.appendingPathComponent("organizations.csv").path, "--db", db,
        ])
        XCTAssertEqual(load.status, 0, load.stderr)
        for arguments in [["status"], ["migrate", "status"]] {
            let result = try TallyRunner.run(arguments + ["--db", db, "--format", "json"])
            XCTAssertEqual(result.status, 0, result.stderr)
            let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
            XCTAssertEqual(offendingKeys(json), [], arguments.joined(separator: " "))
            XCTAssertTrue(result.stdout.contains("\""), "a document with keys")
        }
    }
}
