import XCTest

@testable import TallyOutput

/// Issue 10.4 (statistics keep their value) and 10.7 (a terminal table people can read).
final class StatisticAndWidthTests: XCTestCase {
    func testStatisticsKeepTinyValuesAndJSONRoundTrips() {
        XCTAssertEqual(StatisticText.fixed(0.0123455), "0.012346")
        XCTAssertEqual(StatisticText.fixed(0), "0.000000")
        XCTAssertEqual(StatisticText.fixed(-0.0), "0.000000")
        XCTAssertEqual(StatisticText.fixed(0.0000005), "0.000001")  // rounds to a non-zero 6-decimal value
        XCTAssertEqual(StatisticText.fixed(3.2e-9), "3.2e-09")
        XCTAssertEqual(StatisticText.fixed(1e-40), "1.0e-40")
        XCTAssertEqual(StatisticText.fixed(-4.44e-8), "-4.4e-08")
        XCTAssertNil(StatisticText.fixed(.nan))
        for value in [0.1, 1e-40, 3.2e-9, 0.07756695796842891, 1.0, 123456.789, Double.leastNonzeroMagnitude] {
            let text = StatisticText.roundTrip(value)!
            XCTAssertEqual(Double(text), value, text)
            XCTAssertNotNil(try? JSONSerialization.jsonObject(with: Data("[\(text)]".utf8)), text)
        }
        XCTAssertEqual(StatisticText.roundTrip(-0.0), "0.0")
        let table = ReportTable(columns: ["p"], rows: [[.statistic(1e-7)], [.statistic(1e-40)]])
        XCTAssertEqual(JSONWriter().render(table), "[\n  {\n    \"p\": 1e-07\n  },\n  {\n    \"p\": 1e-40\n  }\n]\n")
        XCTAssertEqual(CSVWriter().render(table), "p\n1.0e-07\n1.0e-40\n")
    }

    func testDisplayWidthCountsWideCharactersTwiceAndMarksZero() {
        XCTAssertEqual(DisplayWidth.of("abc"), 3)
        XCTAssertEqual(DisplayWidth.of("東京ファネル"), 12)
        XCTAssertEqual(DisplayWidth.of("☕️"), 2)
        XCTAssertEqual(DisplayWidth.of("🚀"), 2)
        XCTAssertEqual(DisplayWidth.of("e\u{0301}"), 1)  // e + combining acute: one column
        XCTAssertEqual(DisplayWidth.of("ＡＢ"), 4)  // fullwidth Latin
    }

    func testTerminalTablePadsByDisplayWidth() {
        let table = ReportTable(
            columns: ["name", "sessions"], rows: [[.text("東京ファネル"), .integer(5)], [.text("ab"), .integer(12)]])
        XCTAssertEqual(
            TerminalTableWriter().render(table),
            """
            name          sessions
            ------------  --------
            東京ファネル         5
            ab                  12

            """)
    }

    func testTerminalTableShowsDefaultColumnsThenChosenOnesAndFitsTheWidth() {
        let table = ReportTable(
            columns: ["a", "b", "c"], rows: [[.integer(1), .integer(2), .integer(3)]], defaultColumns: ["a", "c"])
        let standard = TerminalTableWriter().render(table)
        XCTAssertTrue(standard.hasPrefix("a  c\n"), standard)
        XCTAssertTrue(
            standard.hasSuffix("(1 more column: b; --all-columns, --columns a,b or --format csv show them)\n"))
        XCTAssertTrue(TerminalTableWriter(showsAllColumns: true).render(table).hasPrefix("a  b  c\n"))
        XCTAssertTrue(TerminalTableWriter(columns: ["c", "b"]).render(table).hasPrefix("c  b\n"))
        let narrow = TerminalTableWriter(showsAllColumns: true, maximumWidth: 4).render(table)
        XCTAssertTrue(narrow.hasPrefix("a  b\n"), narrow)
        XCTAssertTrue(narrow.contains("1 more column: c"), narrow)
        // CSV and JSON keep every column whatever the table shows.
        XCTAssertEqual(CSVWriter().render(table), "a,b,c\n1,2,3\n")
    }
}
