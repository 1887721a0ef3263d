import Foundation
import XCTest

@testable import TallyCSAI
@testable import TallyFunnels
@testable import TallyRegistry
@testable import TallyReporting

/// Every report has its SQL folder in Queries/, every folder belongs to a report (or is shared/),
/// and what the binary carries is byte for byte the files (the build plugin embeds them).
final class QueryFilesTests: XCTestCase {
    private var queries: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Queries")
    }

    private func sqlFiles() -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: queries.path)
        return (enumerator?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".sql") }.sorted()
    }

    func testEmbeddedQueriesEqualTheFiles() throws {
        let files = sqlFiles()
        XCTAssertEqual(files.map { String($0.dropLast(4)) }.sorted(), QueryCatalog.names)
        for file in files {
            let text = try String(contentsOf: queries.appendingPathComponent(file), encoding: .utf8)
            XCTAssertEqual(QueryCatalog.text(of: String(file.dropLast(4))), text, file)
        }
    }

    /// The registry's query folders are Queries/'s: a folder no registered report names, or a
    /// report naming a folder that does not exist, fails here.
    func testEveryQueryFolderBelongsToAReport() {
        let folders = Set(QueryCatalog.names.map { String($0.prefix { $0 != "/" }) })
        let reports = Set(Registry.reports.compactMap(\.queryFolder))
        XCTAssertEqual(folders, reports.union(["shared", "rollups"]))
        XCTAssertEqual(
            Set(QueryCatalog.names.filter { $0.hasPrefix("rollups/") }),
            Set(FunnelRollups.queries + BillingRollups.rebuildQueries),
            "every rollup query is run by the rebuild")
        XCTAssertTrue(QueryCatalog.names.allSatisfy { $0.contains("/") }, "every query lives in a folder")
        for entry in ReportCatalog.entries {
            XCTAssertTrue(
                entry.report.map { Registry.report(named: $0) != nil } ?? (entry.name == "dashboard"), entry.name)
        }
    }

    func testEachQueryOpensWithItsContractHeader() {
        for name in QueryCatalog.names {
            let sql = QueryCatalog.sql(name)
            XCTAssertTrue(
                sql.hasPrefix("-- \(name.split(separator: "/").last!):") || sql.hasPrefix("-- \(name):"), name)
            let sections =
                name.hasPrefix("shared/") ? ["Grain:", "Installed:"] : ["Grain:", "Inputs:", "NULL:", "Order:"]
            for section in sections {
                XCTAssertTrue(sql.contains(section), "\(name) lacks \(section)")
            }
        }
    }
}
