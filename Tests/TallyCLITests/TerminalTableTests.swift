import Foundation
import XCTest

/// Issue 25.7: at 80 columns each report's terminal table still shows the name and the money or
/// the decision (docs/REPORTS.md "The terminal table"), and no line is wider than the terminal.
final class TerminalTableTests: XCTestCase {
    private var sampleData: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("SampleData")
    }

    func testTheKeyFiguresSurviveAt80Columns() throws {
        let directory = try TallyRunner.temporaryDirectory(for: self)
        let db = directory.appendingPathComponent("s.sqlite").path
        let load = try TallyRunner.run(["load", sampleData.path, "--db", db, "--quiet"])
        XCTAssertEqual(load.status, 0, load.stderr)
        let asOf = ["--as-of", "2026-06-01T00:00:00Z", "--dry-run"]
        // Each command and the header pieces (headers wrap after underscores) it must keep.
        let cases: [([String], [String])] = [
            (
                ["report", "variant-conversion"],
                ["funnel_name", "variant_name", "conversion_", "relative_", "p_value", "chance_"]
            ),
            (["report", "affiliate"], ["group_name", "revenue", "commission"]),
            (["report", "discount-codes"], ["code", "net_sales", "discounts", "p_value"]),
            (["report", "affiliate-fraud"], ["partner_name", "bot_", "ip_"]),
            (["billing", "close", "--period", "2026-01"] + asOf, ["company_name", "amount", "kind"]),
            (["affiliate", "payouts", "--period", "2026-01"] + asOf, ["partner_name", "paid", "balance"]),
        ]
        for (command, pieces) in cases {
            let result = try TallyRunner.run(
                command + ["--db", db, "--format", "table"], environment: ["COLUMNS": "80"])
            XCTAssertEqual(result.status, 0, result.stderr)
            let lines = result.stdout.split(separator: "\n").map(String.init)
            let header = lines.prefix { !$0.hasPrefix("-") }.joined(separator: " ")
            for piece in pieces {
                XCTAssertTrue(
                    header.contains(piece), "\(command.joined(separator: " ")): \(piece) in\n\(result.stdout)")
            }
            for line in lines { XCTAssertLessThanOrEqual(line.count, 80, "\(command): \(line)") }
            // People's formats on the terminal: money carries its currency.
            if command.contains("affiliate") && command.contains("report") {
                XCTAssertTrue(result.stdout.contains("€2,539.83"), result.stdout)
            }
        }
    }
}
