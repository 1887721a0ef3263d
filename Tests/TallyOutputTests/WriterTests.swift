import TallyCore
import XCTest

@testable import TallyOutput

final class WriterTests: XCTestCase {
    /// Edge values every writer must survive: NULL, empty string, negative money, Unicode,
    /// separators, quotes and line breaks.
    private let edgeTable = ReportTable(
        columns: ["code", "note", "revenue", "rate", "orders", "flag"],
        rows: [
            [
                .text("SUMMER,10"), .text(#"say "hi""#), .money(Money(minorUnits: -1250, currency: "USD")),
                .number(0.1234565, decimals: 6), .integer(3), .bool(true),
            ],
            [
                .text("Été ☕️"), .text("line1\nline2"), .money(Money(minorUnits: 1500, currency: "JPY")),
                .null, .integer(0), .bool(false),
            ],
            [
                .text(""), .null, .money(Money(minorUnits: 5, currency: "KWD")),
                .number(-0.0000001, decimals: 6), .null, .null,
            ],
        ])

    func testCSVQuotesOnlyWhenNeededAndKeepsNullApartFromEmpty() {
        XCTAssertEqual(
            CSVWriter().render(edgeTable),
            #"""
            code,note,revenue,rate,orders,flag
            "SUMMER,10","say ""hi""",-12.50,0.123457,3,true
            Été ☕️,"line1
            line2",1500,,0,false
            "",,0.005,0.000000,,

            """#)
    }

    func testJSONKeepsKeyOrderMoneyAsStringsAndEscapes() {
        XCTAssertEqual(
            JSONWriter().render(edgeTable),
            #"""
            [
              {
                "code": "SUMMER,10",
                "note": "say \"hi\"",
                "revenue": "-12.50",
                "rate": 0.123457,
                "orders": 3,
                "flag": true
              },
              {
                "code": "Été ☕️",
                "note": "line1\nline2",
                "revenue": "1500",
                "rate": null,
                "orders": 0,
                "flag": false
              },
              {
                "code": "",
                "note": null,
                "revenue": "0.005",
                "rate": 0.000000,
                "orders": null,
                "flag": null
              }
            ]

            """#)
    }

    func testTerminalTableAlignsNumbersRightAndShowsLineBreaksEscaped() {
        XCTAssertEqual(
            TerminalTableWriter().render(edgeTable),
            #"""
            code       note            revenue      rate  orders  flag
            ---------  ------------  ---------  --------  ------  -----
            SUMMER,10  say "hi"        -$12.50  0.123457       3  true
            Été ☕️     line1\nline2     ¥1,500                 0  false
                                     KWD 0.005  0.000000

            """#)
    }

    func testEmptyResultsStillCarryTheHeader() {
        let empty = ReportTable(columns: ["a", "b"], rows: [])
        XCTAssertEqual(CSVWriter().render(empty), "a,b\n")
        XCTAssertEqual(JSONWriter().render(empty), "[]\n")
        XCTAssertEqual(TerminalTableWriter().render(empty), "a  b\n-  -\n(no rows)\n")
    }

    func testJSONEscapesControlCharacters() {
        XCTAssertEqual(JSONWriter.string("a\u{1}b\\c\t"), #""a\u0001b\\c\t""#)
    }

    func testNonFiniteStatisticsPrintAsNull() {
        let table = ReportTable(
            columns: ["x"], rows: [[.number(.nan, decimals: 4)], [.number(.infinity, decimals: 4)]])
        XCTAssertEqual(CSVWriter().render(table), "x\n\n\n")
        XCTAssertEqual(JSONWriter().render(table), "[\n  {\n    \"x\": null\n  },\n  {\n    \"x\": null\n  }\n]\n")
    }

    func testEveryFormatHasAWriter() {
        XCTAssertEqual(OutputFormat.allCases.map(\.rawValue), ["csv", "json", "table", "html"])
        let table = ReportTable(columns: ["name", "n"], rows: [[.text("<b>&"), .integer(3)]])
        XCTAssertTrue(OutputFormat.html.writer.render(table).contains("<td>&lt;b&gt;&amp;</td><td class=\"n\">3</td>"))
    }
}

final class CSVFieldRegressionTests: XCTestCase {
    /// A field holding CRLF must be quoted: Swift's Character "\r\n" equals neither "\r" nor "\n".
    func testCRLFInsideAFieldIsQuoted() {
        XCTAssertEqual(CSVField.quote("a\r\nb"), "\"a\r\nb\"")
        XCTAssertEqual(CSVField.quote("\r\n"), "\"\r\n\"")
        XCTAssertEqual(CSVField.quote("plain"), "plain")
    }
}
