import Foundation
import GRDB
import TallyRegistry
import TallyStore
import XCTest

/// `tally load postgresql://…` against a real PostgreSQL 15 the tests start (PostgresCluster),
/// holding SampleData copied in with COPY (docs/LOADING.md, "Pulling from PostgreSQL").
final class PullTests: PullTestCase {
    /// Every golden of `phase` computed on `storePath`, compared byte for byte with SampleData/expected.
    func assertGoldensMatch(phase: Int, storePath: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let store = try Store.open(path: storePath)
        let expected = Self.sampleData.appendingPathComponent("expected")
        var compared = 0
        for entry in ReportCatalog.entries where entry.phase == phase {
            for (format, text) in try entry.render(store) {
                let want = try String(
                    contentsOf: expected.appendingPathComponent("\(entry.name).\(format)"), encoding: .utf8)
                // The dashboard's last section names what it was computed from — files there, source
                // tables here — so that section alone differs by design; every figure above it is compared.
                XCTAssertEqual(
                    Self.figures(text), Self.figures(want), "\(entry.name).\(format) differs after the pull",
                    file: file, line: line)
                compared += 1
            }
        }
        XCTAssertGreaterThan(compared, phase == 0 ? 30 : 3, file: file, line: line)
    }

    /// A page up to its provenance section ("Data: what this page was computed from").
    static func figures(_ text: String) -> Substring {
        text.range(of: "<h2>Data: what this page").map { text[..<$0.lowerBound] } ?? text[...]
    }

    /// The central test: SampleData in PostgreSQL, pulled, gives every verify output byte for byte;
    /// then the late exports arrive in the source and a --since-last pull gives phase 1's outputs.
    func testAPullOfSampleDataGivesEveryGoldenByteForByte() throws {
        let source = try sampleSource()
        let path = store("pulled")
        let pulled = try tally(["load", cluster.url("shop"), "--db", path, "--quiet"])
        XCTAssertEqual(pulled.status, 0, pulled.stderr)
        XCTAssertTrue(pulled.stderr.contains("as of its snapshot 20"), pulled.stderr)
        try assertGoldensMatch(phase: 0, storePath: path)

        try source.copy(file: Self.sampleData.appendingPathComponent("late/cs_ai_usage.ndjson"), into: "cs_ai_usage")
        let again = try tally(["load", cluster.url("shop"), "--db", path, "--since-last", "--quiet"])
        XCTAssertEqual(again.status, 0, again.stderr)
        try assertGoldensMatch(phase: 1, storePath: path)

        let history = try Store.open(path: path).queue.read { db in
            try Row.fetchAll(db, sql: #"SELECT "source", "mode", "snapshotAt" FROM "tally_pulls" ORDER BY "loadId""#)
        }
        XCTAssertEqual(history.map { $0["mode"] as String }, ["all", "since-last"])
        XCTAssertEqual(history.map { $0["source"] as String }, [cluster.url("shop"), cluster.url("shop")])
        let status = try tally(["status", "--db", path])
        XCTAssertTrue(status.stdout.contains(cluster.url("shop")), status.stdout)
    }
}
