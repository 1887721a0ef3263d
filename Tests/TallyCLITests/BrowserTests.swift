import Foundation
import XCTest

/// The HTML pages in a real browser (issue 15): headless Chromium renders the SampleData dashboard
/// and a report page through `scripts/browser-check.sh`, which fails on any console message or
/// network request and on an SVG without a rendered size. `.ci/run` installs Debian's chromium.
final class BrowserTests: XCTestCase {
    private var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    private func check(_ page: String) throws -> TallyRunner.Result {
        let directory = try TallyRunner.temporaryDirectory(for: self)
        return try TallyRunner.run(
            [
                root.appendingPathComponent("scripts/browser-check.sh").path,
                root.appendingPathComponent("SampleData/expected/\(page)").path,
                directory.appendingPathComponent("page.png").path,
            ], program: URL(fileURLWithPath: "/bin/bash"))
    }

    func testEveryPageRendersInChromiumWithEverySVGSizedNoTextOutsideAndNoTableCut() throws {
        let pages = try FileManager.default.contentsOfDirectory(
            atPath: root.appendingPathComponent("SampleData/expected").path
        ).filter { $0.hasSuffix(".html") }.sorted()
        XCTAssertGreaterThan(pages.count, 10)
        for page in pages {
            let result = try check(page)
            if result.status == 69 { throw XCTSkip("chromium is not installed: \(result.stderr)") }
            XCTAssertEqual(result.status, 0, "\(page): \(result.stderr)")
            XCTAssertTrue(result.stdout.contains("all with a size"), result.stdout)
        }
    }

    func testTheCheckFailsOnAnExternalRequestAndAnEmptyChart() throws {
        let directory = try TallyRunner.temporaryDirectory(for: self)
        let page = directory.appendingPathComponent("bad.html")
        try """
        <!DOCTYPE html><html><body><img src="http://example.invalid/x.png" /><svg width="0" height="0"></svg></body></html>
        """.write(to: page, atomically: true, encoding: .utf8)
        let result = try TallyRunner.run(
            [root.appendingPathComponent("scripts/browser-check.sh").path, page.path],
            program: URL(fileURLWithPath: "/bin/bash"))
        if result.status == 69 { throw XCTSkip("chromium is not installed") }
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("the page requested: http://example.invalid/x.png"), result.stderr)
        XCTAssertTrue(result.stderr.contains("an SVG rendered at 0x0"), result.stderr)
    }

    /// Issue 25.8: a legend past its viewBox and a number table cut beside its chart both fail.
    func testTheCheckFailsOnTextOutsideItsSVGAndATableCutAtTheRightEdge() throws {
        let directory = try TallyRunner.temporaryDirectory(for: self)
        let page = directory.appendingPathComponent("cut.html")
        let cells = (0..<40).map { "<td>column_\($0)_value</td>" }.joined()
        try """
        <!DOCTYPE html><html><body style="width: 1200px">
        <svg viewBox="0 0 200 40" width="200" height="40"><text x="150" y="20">position-based</text></svg>
        <figure><figcaption>Revenue by model</figcaption><div class="numbers" style="width: 300px; overflow-x: auto">
        <table><tr>\(cells)</tr></table></div></figure></body></html>
        """.write(to: page, atomically: true, encoding: .utf8)
        let result = try TallyRunner.run(
            [root.appendingPathComponent("scripts/browser-check.sh").path, page.path],
            program: URL(fileURLWithPath: "/bin/bash"))
        if result.status == 69 { throw XCTSkip("chromium is not installed") }
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("SVG text drawn outside its SVG: \"position-based\""), result.stderr)
        XCTAssertTrue(
            result.stderr.contains("cut at the right edge at 1280 px (figure: \"Revenue by model\")"), result.stderr)
    }
}
