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

    func testTheDashboardAndAReportPageRenderInChromiumWithEverySVGSizedAndNoRequest() throws {
        for page in ["dashboard.html", "variant-conversion.html"] {
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
}
