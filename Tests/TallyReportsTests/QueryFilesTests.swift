import Foundation
import XCTest

@testable import TallyReports

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

    func testEveryQueryFolderBelongsToAReport() {
        let folders = Set(QueryCatalog.names.map { String($0.prefix { $0 != "/" }) })
        let reports = Set([
            VariantConversionReport.name, DiscountCodesReport.name, CSAIUsageReport.name, BillingClose.kind,
            AffiliateReport.name, ClickQueueReport.name,
        ])
        XCTAssertEqual(folders, reports.union(["shared", "rollups"]))
        XCTAssertEqual(
            Set(QueryCatalog.names.filter { $0.hasPrefix("rollups/") }),
            Set(Rollups.queries + BillingRollups.rebuildQueries),
            "every rollup query is run by the rebuild")
        XCTAssertTrue(QueryCatalog.names.allSatisfy { $0.contains("/") }, "every query lives in a folder")
        for entry in ReportCatalog.entries {
            XCTAssertTrue(
                reports.contains { entry.name.hasPrefix($0) } || entry.name.hasPrefix("billing-close")
                    || entry.name == "dashboard", entry.name)
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
