import GRDB
import TallyCore
import XCTest

@testable import TallyLoad
@testable import TallyStore

/// One tiny fixture per defect under Fixtures/bad, each asserting the exact reject or error.
final class BadInputTests: XCTestCase {
    private var store: Store!

    override func setUpWithError() throws {
        (store, _) = try makeStoreWithParents()
    }

    private func assertSingleReject(
        _ fixture: String, table: String = "affiliate_click_queue", line: Int, column: String?, value: String?,
        reason: RejectReason, message: String, file: StaticString = #filePath, lineNumber: UInt = #line
    ) throws {
        let (summary, sink) = try load("bad/" + fixture, into: table, store: store)
        XCTAssertEqual(
            sink.rejects,
            [
                Reject(
                    file: Fixture.path("bad/" + fixture), line: line, column: column, value: value, reason: reason,
                    message: message)
            ],
            file: file, line: lineNumber)
        XCTAssertEqual(summary.files.first?.inserted, 1, "the good row still loads", file: file, line: lineNumber)
        XCTAssertEqual(
            summary.read, summary.files.reduce(0) { $0 + $1.inserted + $1.updated + $1.unchanged + $1.rejected })
    }

    /// Issue 11.3: a quote that reaches the end of the file swallowed every line after it; the
    /// file fails whole (store unchanged) instead of reporting one reject for a thousand lost rows.
    func testUnterminatedQuoteFailsTheFileNamingTheLine() throws {
        let before = try contentDump(store)
        for (fixture, swallowed) in [("unterminated_quote.csv", 0), ("unterminated_quote_swallows_rows.csv", 1000)] {
            XCTAssertThrowsError(try load("bad/" + fixture, store: store)) { error in
                XCTAssertEqual(
                    error as? LoadError,
                    .malformedFile(
                        path: Fixture.path("bad/" + fixture), line: 3,
                        reason: "a quoted field in the record starting on this line never closes before the end "
                            + "of the file (\(swallowed) more lines were swallowed by it); close the quote or re-export the file"
                    ))
                XCTAssertEqual((error as? LoadError)?.exitStatus, .dataError)
            }
        }
        XCTAssertEqual(try contentDump(store), before)
    }

    func testNULCharacterInText() throws {
        try assertSingleReject(
            "nul_byte.csv", line: 3, column: "userAgent", value: "bad\u{0}ua", reason: .nulCharacter,
            message: "userAgent holds a NUL character (U+0000); remove it from the export")
    }

    func testYearZero() throws {
        try assertSingleReject(
            "year_zero.csv", line: 3, column: "queuedAt", value: "0000-02-01 10:00:01", reason: .badTimestamp,
            message: "'0000-02-01 10:00:01' has an impossible year 0")
    }

    func testDecimalPointOrExponentInAnIntegerColumnIsNotANumberOutOfRange() throws {
        for (fixture, value) in [("integer_with_decimal_point.csv", "5.0"), ("integer_with_exponent.csv", "1e3")] {
            (store, _) = try makeStoreWithParents()  // each fixture's good row inserts into a fresh store
            try assertSingleReject(
                fixture, line: 3, column: "retryCount", value: value, reason: .badNumber,
                message: "'\(value)' is not an integer (write whole numbers without a decimal point or exponent)")
        }
    }

    func testMalformedCurrencyIsRejected() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "tally-currency-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("affiliate_payouts.csv")
        try
            "id,partnerId,companyId,amount,currency,periodStart,periodEnd,grossAmount,netAmount,conversionsCount,method,updatedAt\nx,p1,c1,1.00,usd,2026-01-01,2026-02-01,1.00,1.00,1,PAYPAL,2026-01-01\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let sink = CollectingSink()
        _ = try Loader(store: store).load(paths: [file.path], options: LoadOptions(), sink: sink)
        XCTAssertEqual(sink.rejects.map(\.reason), [.badCurrency])
        XCTAssertEqual(sink.rejects.first?.column, "currency")
    }

    func testDuplicateKeyInAnNDJSONObject() throws {
        try assertSingleReject(
            "duplicate_key.ndjson", line: 2, column: "status", value: nil, reason: .duplicateKey,
            message: "the object has \"status\" more than once")
    }

    func testTooManyFields() throws {
        try assertSingleReject(
            "too_many_fields.csv", line: 3, column: nil, value: nil, reason: .fieldCount,
            message: "too many fields: 14, the header has 13")
    }

    func testTooFewFields() throws {
        try assertSingleReject(
            "too_few_fields.csv", line: 3, column: nil, value: nil, reason: .fieldCount,
            message: "too few fields: 7, the header has 13")
    }

    func testTextAfterClosingQuote() throws {
        try assertSingleReject(
            "text_after_closing_quote.csv", line: 3, column: nil, value: nil, reason: .badQuote,
            message: "text follows a closing quote")
    }

    func testInvalidUTF8() throws {
        try assertSingleReject(
            "invalid_utf8.csv", line: 3, column: "userAgent", value: nil, reason: .invalidUTF8,
            message: "userAgent is not valid UTF-8")
    }

    func testBadTimestamp() throws {
        try assertSingleReject(
            "bad_timestamp.csv", line: 3, column: "queuedAt", value: "2026-02-30 10:00:01", reason: .badTimestamp,
            message: "'2026-02-30 10:00:01' has an impossible day 30 of 2026-02")
    }

    func testBadNumber() throws {
        try assertSingleReject(
            "bad_number.csv", line: 3, column: "retryCount", value: "two", reason: .badNumber,
            message: "'two' is not an integer (write whole numbers without a decimal point or exponent)")
    }

    func testBadBoolean() throws {
        try assertSingleReject(
            "bad_boolean.csv", line: 3, column: "isUnique", value: "maybe", reason: .badBoolean,
            message: "'maybe' is not a boolean (t/f, true/false, 1/0)")
    }

    func testUnknownEnumValueIsNamed() throws {
        try assertSingleReject(
            "unknown_enum.csv", line: 3, column: "status", value: "LOST", reason: .unknownEnum,
            message: "'LOST' is not one of ClickQueueStatus (PENDING, PROCESSING, COMPLETED, FAILED, DUPLICATE)")
    }

    func testInvalidJSON() throws {
        try assertSingleReject(
            "invalid_json.csv", line: 3, column: "customParams", value: "{\"a\": }", reason: .invalidJSON,
            message: "invalid JSON at character 7: unexpected character '}'")
    }

    func testMalformedArrayLiteral() throws {
        try assertSingleReject(
            "malformed_array.csv", line: 3, column: "fraudReasons", value: "{unclosed,\"x}", reason: .badArray,
            message: "'{unclosed,\"x}' is not a PostgreSQL array literal: a quoted element is not closed")
    }

    func testNullInANotNullColumn() throws {
        try assertSingleReject(
            "null_in_not_null.csv", line: 3, column: "ipAddress", value: nil, reason: .nullValue,
            message: "ipAddress is NULL but the column is NOT NULL")
    }

    func testMissingID() throws {
        try assertSingleReject(
            "missing_id.csv", line: 3, column: "id", value: nil, reason: .missingID, message: "the row has no id")
    }

    func testMoneyWithTooManyDecimals() throws {
        try assertSingleReject(
            "money_too_many_decimals.csv", table: "products", line: 3, column: "price", value: "12.345",
            reason: .tooManyDecimals, message: "'12.345' has more than 2 decimals (DECIMAL(10,2))")
    }

    func testNegativeQuantityWhereProductionForbidsIt() throws {
        try assertSingleReject(
            "negative_quantity.csv", table: "cs_ai_usage", line: 3, column: "durationSeconds", value: "-30",
            reason: .negativeValue, message: "durationSeconds cannot be negative, got -30")
    }

    func testOrphanIsRejectedAndNamesTheParent() throws {
        try assertSingleReject(
            "orphan.csv", table: "cs_ai_usage", line: 3, column: "companyId", value: "c9", reason: .orphan,
            message: "companyId 'c9' has no row in companies; load companies first or include its export")
    }

    func testNDJSONLineThatIsNotAnObject() throws {
        try assertSingleReject(
            "not_an_object.ndjson", line: 2, column: nil, value: nil, reason: .notAnObject,
            message: "a array, expected an object with column names as keys")
    }

    func testNDJSONLineThatIsNotJSON() throws {
        try assertSingleReject(
            "invalid_json_line.ndjson", line: 2, column: nil, value: nil, reason: .invalidJSON,
            message: "not valid JSON at character 26: unexpected character '}'")
    }

    func testJSONArrayWithANonObject() throws {
        try assertSingleReject(
            "array_with_non_object.json", line: 3, column: nil, value: nil, reason: .notAnObject,
            message: "a number, expected an object with column names as keys")
    }

    func testDuplicateIDWithDifferentContentRejectsTheLaterLineNamingBoth() throws {
        let (summary, sink) = try load("bad/duplicate_id_different_content.csv", store: store)
        XCTAssertEqual(
            sink.rejects,
            [
                Reject(
                    file: Fixture.path("bad/duplicate_id_different_content.csv"), line: 4, column: "id", value: "q1",
                    reason: .duplicateID,
                    message: "id 'q1' is also on line 2 with different content; the earlier line was kept")
            ])
        let result = try XCTUnwrap(summary.files.first)
        XCTAssertEqual(
            [result.read, result.inserted, result.unchanged, result.rejected, result.duplicates], [4, 2, 1, 1, 1])
    }

    func testEmbeddedNewlinesKeepLineNumbersRight() throws {
        let (_, sink) = try load("bad/embedded_newlines.csv", store: store)
        XCTAssertEqual(sink.rejects.map(\.line), [4])
        let agent = try store.queue.read { db in
            try String.fetchOne(db, sql: #"SELECT "userAgent" FROM "affiliate_click_queue" WHERE id = 'q1'"#)
        }
        XCTAssertEqual(agent, "line one\nline two, with comma")
    }

    func testBOMAndCRLFLoadCleanly() throws {
        for fixture in ["bad/bom.csv", "bad/crlf.csv"] {
            let (summary, sink) = try load(fixture, store: store)
            XCTAssertEqual(sink.rejects, [], fixture)
            XCTAssertEqual(summary.rejected, 0, fixture)
        }
        let count = try store.queue.read { db in
            try Int.fetchOne(db, sql: #"SELECT COUNT(*) FROM "affiliate_click_queue""#)
        }
        XCTAssertEqual(count, 2)
    }

    func testHeaderOnlyLoadsNothing() throws {
        let (summary, sink) = try load("bad/header_only.csv", store: store)
        XCTAssertEqual(summary.read, 0)
        XCTAssertEqual(sink.rejects, [])
    }

    func testTimestampWithOffsetIsStoredInUTCWithMilliseconds() throws {
        _ = try load("bad/timestamp_with_offset.csv", store: store)
        let queuedAt = try store.queue.read { db in
            try String.fetchOne(db, sql: #"SELECT "queuedAt" FROM "affiliate_click_queue" WHERE id = 'q1'"#)
        }
        XCTAssertEqual(queuedAt, "2026-01-31T22:30:00.500Z")
    }

    func testUnknownAndMissingColumns() throws {
        let (summary, sink) = try load("bad/header_unknown_and_missing_columns.csv", store: store)
        XCTAssertEqual(sink.unknownColumns, ["affiliateClickId", "postbackSecretKey"])
        XCTAssertEqual(summary.files.first?.unknownColumns, ["affiliateClickId", "postbackSecretKey"])
        XCTAssertEqual(summary.files.first?.inserted, 1)
        let row = try store.queue.read { db in
            try Row.fetchOne(db, sql: #"SELECT "status", "retryCount" FROM "affiliate_click_queue" WHERE id = 'q1'"#)
        }
        XCTAssertEqual(row?["status"], "PENDING")  // columns missing from an older export take their default
        XCTAssertEqual(row?["retryCount"], 0)
    }

    func testStrictRefusesUnknownColumnsAndLoadsNothing() throws {
        XCTAssertThrowsError(
            try load("bad/header_unknown_and_missing_columns.csv", store: store, options: LoadOptions(isStrict: true))
        ) { error in
            XCTAssertEqual(
                error as? LoadError,
                .strictRefusal(
                    rejected: 0,
                    unknownColumns: [
                        "affiliate_click_queue.affiliateClickId", "affiliate_click_queue.postbackSecretKey",
                    ]))
        }
        let count = try store.queue.read { db in
            try Int.fetchOne(db, sql: #"SELECT COUNT(*) FROM "affiliate_click_queue""#)
        }
        XCTAssertEqual(count, 0)
    }

    func testStrictRefusesRejectedRows() throws {
        XCTAssertThrowsError(try load("bad/unknown_enum.csv", store: store, options: LoadOptions(isStrict: true))) {
            XCTAssertEqual($0 as? LoadError, .strictRefusal(rejected: 1, unknownColumns: []))
        }
    }

    func testFileLevelErrors() throws {
        let cases: [(String, LoadError)] = [
            (
                "bad/duplicate_header.csv",
                .duplicateHeader(path: Fixture.path("bad/duplicate_header.csv"), column: "status")
            ),
            ("bad/empty_file.csv", .emptyFile(path: Fixture.path("bad/empty_file.csv"))),
            ("bad/truncated.csv.gz", .truncatedGzip(path: Fixture.path("bad/truncated.csv.gz"))),
            (
                "bad/array_not_closed.json",
                .malformedFile(
                    path: Fixture.path("bad/array_not_closed.json"), line: 3,
                    reason: "the JSON array is not closed (file truncated?)")
            ),
        ]
        for (fixture, expected) in cases {
            XCTAssertThrowsError(try load(fixture, store: store), fixture) { error in
                XCTAssertEqual(error as? LoadError, expected, fixture)
            }
        }
        // Issue 11.6: a damaged gzip and a cut-off one are the same kind of failure: bad data (65).
        XCTAssertThrowsError(try load("bad/corrupt.csv.gz", store: store)) { error in
            guard case .corruptGzip = error as? LoadError else { return XCTFail("\(error)") }
            XCTAssertEqual((error as? LoadError)?.exitStatus, .dataError)
        }
        XCTAssertEqual(
            LoadError.truncatedGzip(path: "x").exitStatus, LoadError.corruptGzip(path: "x", reason: "").exitStatus)
    }

    /// Issue 11.6: the exit status of every load failure, written once in LoadError and checked here row by row.
    func testExitStatusOfEveryLoadFailure() {
        let table: [(LoadError, ExitStatus)] = [
            (.cannotRead(path: "d", reason: "r"), .ioError),
            (.missingInput(path: "p"), .missingInput),
            (.corruptGzip(path: "p", reason: "r"), .dataError),
            (.truncatedGzip(path: "p"), .dataError),
            (.emptyFile(path: "p"), .dataError),
            (.malformedFile(path: "p", line: 1, reason: "r"), .dataError),
            (.duplicateHeader(path: "p", column: "c"), .dataError),
            (.missingIDColumn(path: "p"), .dataError),
            (.unknownTable(path: "p"), .usage),
            (.unknownTableOption("t"), .usage),
            (.bookkeepingTable(path: "p", table: "tally_loads"), .usage),
            (.unmirroredTable(path: "p", table: "users"), .dataError),
            (.strictRefusal(rejected: 1, unknownColumns: []), .dataError),
        ]
        for (error, status) in table { XCTAssertEqual(error.exitStatus, status, "\(error)") }
        let store: [(StoreError, ExitStatus)] = [
            (.notAStore(path: "p", tables: ["t"]), .dataError), (.notADatabase(path: "p"), .dataError),
            (.busy(path: "p"), .ioError), (.sqlite(code: 13, message: "full"), .ioError),
            (.sqlite(code: 8, message: "readonly"), .ioError), (.sqlite(code: 10, message: "io"), .ioError),
            (.sqlite(code: 19, message: "constraint"), .dataError), (.missingStore(path: "p"), .missingInput),
            (.cannotOpen(path: "p", reason: "r"), .ioError), (.unknownMigration("m"), .usage),
        ]
        for (error, status) in store { XCTAssertEqual(error.exitStatus, status, "\(error)") }
    }

    func testGzipLoads() throws {
        let (summary, sink) = try load("bad/good.csv.gz", store: store)
        XCTAssertEqual(sink.rejects, [])
        XCTAssertEqual(summary.files.first?.inserted, 2)
        XCTAssertEqual(summary.files.first?.format, "csv+gzip")
    }
}
