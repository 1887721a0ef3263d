import TallyCore
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
        XCTAssertTrue(narrow.contains("(1\nmore\ncolumn:\nc;"), narrow)  // the footer wraps to the width too
        // CSV and JSON keep every column whatever the table shows.
        XCTAssertEqual(CSVWriter().render(table), "a,b,c\n1,2,3\n")
    }

    /// docs/REPORTS.md "The terminal table": with a width to fit, long headers wrap after their
    /// underscores, the last-ranked columns leave first, and the footer wraps to the width.
    func testANarrowTerminalKeepsTheKeyFiguresByWrappingHeaders() {
        let table = ReportTable(
            columns: ["name", "chance_to_beat_control", "conversion_rate", "detail_column_that_is_long"],
            rows: [[.text("Urgency"), .rate(0.9942, shown: .percent), .rate(0.1096, shown: .percent), .integer(1)]],
            defaultColumns: ["name", "chance_to_beat_control", "conversion_rate", "detail_column_that_is_long"])
        let narrow = TerminalTableWriter(maximumWidth: 32).render(table)
        XCTAssertEqual(
            narrow,
            """
            name      chance_  conversion_
                     to_beat_         rate
                      control
            -------  --------  -----------
            Urgency    99.42%       10.96%
            (1 more column:
            detail_column_that_is_long;
            --all-columns, --columns a,b or
            --format csv show them)

            """)
        // Without a width (a pipe), headers stay on one line.
        XCTAssertTrue(TerminalTableWriter().render(table).hasPrefix("name     chance_to_beat_control"))
    }

    /// Display formats (docs/REPORTS.md "Display"): people's text; CSV keeps the fraction.
    func testRatesShowAsPercentagesAndMoneyWithItsCurrency() {
        XCTAssertEqual(RateDisplay.percent.format(0.088632), "8.86%")
        XCTAssertEqual(RateDisplay.signedPercent.format(0.23741), "+23.7%")
        XCTAssertEqual(RateDisplay.signedPercent.format(-0.05), "-5.0%")
        XCTAssertEqual(RateDisplay.signedPercent.format(0.00001), "0.0%")  // rounds to zero: no sign
        XCTAssertEqual(RateDisplay.percentagePoints.format(0.0052), "+0.52 pp")
        XCTAssertNil(RateDisplay.percent.format(.nan))
        XCTAssertEqual(MoneyDisplay.format(Money(minorUnits: 3_061_211, currency: "USD")), "$30,612.11")
        XCTAssertEqual(MoneyDisplay.format(Money(minorUnits: 594_767, currency: "JPY")), "¥594,767")
        XCTAssertEqual(MoneyDisplay.format(Money(minorUnits: -15_000, currency: "EUR")), "-€150.00")
        XCTAssertEqual(MoneyDisplay.format(Money(minorUnits: 123_450, currency: "CHF")), "CHF 1,234.50")
        XCTAssertEqual(MoneyDisplay.format(Money(minorUnits: 99, currency: "USD")), "$0.99")
        XCTAssertEqual(ReportValue.rate(0.088632, shown: .percent).plainText, "0.088632")
    }
}
