import Foundation
import XCTest

@testable import TallyReports

/// Every report has its SQL file in Queries/, every file belongs to a report, and the copy embedded
/// in the binary is byte for byte the file (run scripts/embed-queries.sh after editing Queries/).
final class QueryFilesTests: XCTestCase {
    private var queries: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Queries")
    }

    func testEmbeddedQueriesEqualTheFiles() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: queries.path).filter { $0.hasSuffix(".sql") }.sorted()
        XCTAssertEqual(files.map { String($0.dropLast(4)) }, QueryCatalog.names)
        for file in files {
            var text = try String(contentsOf: queries.appendingPathComponent(file), encoding: .utf8)
            if text.hasSuffix("\n") { text.removeLast() }
            XCTAssertEqual(QueryCatalog.sql(String(file.dropLast(4))), text, "\(file): run scripts/embed-queries.sh")
        }
    }

    func testEveryQueryBelongsToAReportAndEveryReportHasItsQuery() {
        XCTAssertEqual(Set(ReportCatalog.entries.map(\.query)), Set(QueryCatalog.names))
        for entry in ReportCatalog.entries {
            XCTAssertTrue(entry.name.hasPrefix(entry.query), entry.name)
        }
    }

    func testEachQueryOpensWithItsContractHeader() {
        for name in QueryCatalog.names {
            let sql = QueryCatalog.sql(name)
            XCTAssertTrue(sql.hasPrefix("-- \(name):"), name)
            for section in ["Grain:", "Parameters:", "Units:", "NULL:", "Order:"] {
                XCTAssertTrue(sql.contains(section), "\(name) lacks \(section)")
            }
        }
    }
}
