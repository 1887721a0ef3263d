import Foundation
import XCTest

@testable import TallyFunnels
@testable import TallyOutput
@testable import TallyRegistry
@testable import TallyReporting

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The HTML pages (docs/HTML.md): well-formed, self-contained, escaped, with round ticks.
final class HTMLTests: XCTestCase {
    private static let hostile = "<script>alert('x')</script> \"quoted\" & 🎉 שלום"

    /// Parses `html` as XML; returns the element names and the text content, or fails.
    private func parse(_ html: String, file: StaticString = #filePath, line: UInt = #line) -> (
        elements: [String], text: String
    ) {
        final class Collector: NSObject, XMLParserDelegate {
            var elements: [String] = []
            var text = ""
            func parser(
                _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]
            ) { elements.append(name) }
            func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
        }
        // The doctype line is HTML's, not XML's: XMLParser would try to resolve it.
        let body = html.replacingOccurrences(of: "<!DOCTYPE html>\n", with: "")
        let parser = XMLParser(data: Data(body.utf8))
        let collector = Collector()
        parser.delegate = collector
        XCTAssertTrue(
            parser.parse(), "not well-formed: \(parser.parserError.map(String.init(describing:)) ?? "?")", file: file,
            line: line)
        return (collector.elements, collector.text)
    }

    /// No request can leave the page: no http(s) or protocol-relative address, no src attribute,
    /// url() only to the page's own fragments, no script, no link, no image, no font download.
    private func assertSelfContained(_ html: String, file: StaticString = #filePath, line: UInt = #line) {
        for needle in ["http:", "https:", "src=", "href=\"//", "@import", "@font-face", "<link", "<img", "<script"] {
            XCTAssertFalse(html.contains(needle), "the page contains \(needle)", file: file, line: line)
        }
        for match in html.components(separatedBy: "url(").dropFirst() {
            XCTAssertTrue(
                match.hasPrefix("#"), "url() outside the page: url(\(match.prefix(30))", file: file, line: line)
        }
    }

    private func variantTable(srm: Bool, lowSample: Bool) -> ReportTable {
        let columns = [
            "company_id", "funnel_id", "funnel_name", "variant_id", "variant_name", "is_control", "sessions",
            "conversions", "conversion_rate", "conversion_rate_low", "conversion_rate_high", "relative_lift",
            "relative_lift_low", "relative_lift_high", "p_value", "p_value_holm", "chance_to_beat_control",
            "srm_p_value",
            "srm_flag", "low_sample",
            // Present and null: the peeking-safe and revenue charts draw nothing here.
            "absolute_lift", "lift_low_sequential", "lift_high_sequential", "p_value_sequential", "revenue_lift",
            "revenue_lift_low", "revenue_lift_high", "revenue_p_value",
        ]
        let later = [ReportValue](repeating: .null, count: 8)
        let control: [ReportValue] =
            [
                .text("co"), .text("fn"), .text(Self.hostile), .text("a"), .text(Self.hostile), .bool(true),
                .integer(1000),
                .integer(100), .statistic(0.1), .statistic(0.083), .statistic(0.12), .null, .null, .null, .null, .null,
                .null,
                .statistic(srm ? 1e-9 : 0.5), .bool(srm), .bool(false),
            ] + later
        let variant: [ReportValue] =
            [
                .text("co"), .text("fn"), .text(Self.hostile), .text("b"), .text("‏מבחן B"), .bool(false),
                .integer(1000),
                .integer(120), .statistic(0.12), .statistic(0.101), .statistic(0.142), .statistic(0.2),
                .statistic(-0.05),
                .statistic(0.48), .statistic(0.17), .statistic(0.17), .statistic(0.91), .statistic(srm ? 1e-9 : 0.5),
                .bool(srm),
                .bool(lowSample),
            ] + later
        return ReportTable(columns: columns, rows: [control, variant])
    }

    func testHostileNamesRenderAsTextInAWellFormedSelfContainedPage() {
        let html = Registry.page(
            report: VariantConversionReport.name, table: variantTable(srm: false, lowSample: false))
        let (elements, text) = parse(html)
        XCTAssertFalse(elements.contains("script"), "a name became an element")
        XCTAssertTrue(text.contains(Self.hostile), "the name is not shown as the same text")
        XCTAssertTrue(text.contains("‏מבחן B"))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &quot;quoted&quot; &amp; 🎉"))
        assertSelfContained(html)
        XCTAssertEqual(elements.filter { $0 == "svg" }.count, 2, "a rate chart and a lift chart")
        XCTAssertFalse(html.contains("class=\"banner\""), "no SRM banner without a flag")
    }

    func testSRMBannerAndLowSampleBadgeAppearWhereFlagged() {
        let html = Registry.page(
            report: VariantConversionReport.name, table: variantTable(srm: true, lowSample: true))
        XCTAssertTrue(html.contains("<p class=\"banner\" role=\"alert\">Sample ratio mismatch (p = 1.0e-09)"))
        XCTAssertTrue(html.contains("<span class=\"badge\">low sample</span>"))
        XCTAssertTrue(html.contains(">low sample</text>"), "the variant's row in the chart says so too")
        _ = parse(html)
    }

    /// A renamed column does not draw nothing in silence: the lookup remembers it and the page says so.
    func testAChartColumnTheTableLacksIsNamedOnThePage() {
        let full = variantTable(srm: false, lowSample: false)
        let renamed = ReportTable(
            columns: full.columns.map { $0 == "conversion_rate_low" ? "rate_low" : $0 }, rows: full.rows)
        let lookup = TableLookup(renamed)
        _ = VariantConversionHTML.parts(lookup)
        XCTAssertEqual(lookup.unknownColumns, ["conversion_rate_low"])
        let html = Registry.page(report: VariantConversionReport.name, table: renamed)
        XCTAssertTrue(
            html.contains(
                "The charts asked for columns this table does not have, and drew them empty: "
                    + "conversion_rate_low."))
        XCTAssertTrue(TableLookup(full).unknownColumns.isEmpty)
        let intact = TableLookup(full)
        _ = VariantConversionHTML.parts(intact)
        XCTAssertEqual(intact.unknownColumns, [], "every column the charts read is in the report's table")
    }

    func testTicksFallOnRoundNumbers() {
        XCTAssertEqual(ChartScale.niceStep(0.03), 0.05)
        XCTAssertEqual(ChartScale.niceStep(7), 10)
        XCTAssertEqual(ChartScale.niceStep(0.2), 0.2)
        XCTAssertEqual(ChartScale.niceStep(1), 1)
        // 7.7%–10.02%: a fifth of the range is 0.46%, so steps of 0.5%, one decimal, no float noise.
        let scale = ChartScale(covering: [0.077, 0.1002], includesZero: false, pixels: 0...100)
        XCTAssertEqual(
            scale.ticks.map { scale.label($0, percent: true) },
            ["7.5%", "8.0%", "8.5%", "9.0%", "9.5%", "10.0%", "10.5%"])
        let wide = ChartScale(covering: [0.05, 0.31], includesZero: false, pixels: 0...100)
        XCTAssertEqual(wide.ticks.map { wide.label($0, percent: true) }, ["0%", "10%", "20%", "30%", "40%"])
        let money = ChartScale(covering: [-142.91, 6569.64], includesZero: true, pixels: 0...100)
        XCTAssertEqual(
            money.ticks.map { money.label($0, percent: false) }, ["-2000", "0", "2000", "4000", "6000", "8000"])
        XCTAssertEqual(money.position(money.lower), 0)
        XCTAssertEqual(money.position(money.upper), 100)
    }

    func testAFiftyVariantChartStaysSmall() {
        let rows = (0..<50).map {
            IntervalChart.Row(
                label: "variant number \($0) with a long descriptive name", estimate: 0.1 + Double($0) / 1000,
                low: 0.08, high: 0.13, note: "low sample")
        }
        let svg = IntervalChart(title: "fifty", rows: rows).render()
        XCTAssertLessThan(svg.utf8.count, 40_000)
        XCTAssertTrue(
            svg.contains("<title>variant number 0 with a long descriptive name</title>"),
            "cut labels keep the full text")
        _ = parse("<html><body>\(svg)</body></html>")
    }

    /// Every golden page over SampleData (the dashboard among them) is well-formed and self-contained.
    func testEveryExpectedPageOfSampleDataIsWellFormedAndSelfContained() throws {
        let expected = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("SampleData/expected")
        let pages = try FileManager.default.contentsOfDirectory(atPath: expected.path).filter { $0.hasSuffix(".html") }
        XCTAssertGreaterThanOrEqual(pages.count, 13)
        for page in pages.sorted() {
            let html = try String(contentsOf: expected.appendingPathComponent(page), encoding: .utf8)
            let (elements, _) = parse(html)
            XCTAssertEqual(elements.first, "html", page)
            assertSelfContained(html)
            XCTAssertFalse(html.contains("The charts asked for columns"), "\(page): a chart reads a missing column")
        }
        let dashboard = try String(contentsOf: expected.appendingPathComponent("dashboard.html"), encoding: .utf8)
        for section in ["A/B tests: variant conversion", "Affiliates: production attribution", "Data: what this page"] {
            XCTAssertTrue(dashboard.contains(section), section)
        }
        XCTAssertTrue(dashboard.contains("<nav aria-label=\"Contents\">"))
        XCTAssertTrue(dashboard.contains("Sample ratio mismatch"), "the planted SRM funnel is flagged")
    }
}
