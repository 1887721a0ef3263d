import XCTest

@testable import TallyLoad

final class ValueConverterTests: XCTestCase {
    private func column(_ kind: ColumnKind, notNull: Bool = false, neverNegative: Bool = false) -> ColumnSpec {
        ColumnSpec(
            name: "c", kind: kind, isNotNull: notNull, hasDefault: false, isPrimaryKey: false,
            isNeverNegative: neverNegative, sensitivity: nil)
    }

    private func value(_ input: FieldInput, _ kind: ColumnKind, exponent: Int = 2) -> SQLValue? {
        if case .value(let value) = ValueConverter.convert(input, for: column(kind), currencyExponent: exponent) {
            return value
        }
        return nil
    }

    private func reason(_ input: FieldInput, _ column: ColumnSpec) -> RejectReason? {
        if case .reject(let reason, _) = ValueConverter.convert(input, for: column, currencyExponent: 2) {
            return reason
        }
        return nil
    }

    func testDecimalsAreScaledExactly() {
        XCTAssertEqual(value(.text("12.5"), .scaled(precision: 10, scale: 2)), .integer(1250))
        XCTAssertEqual(value(.text("12.50"), .scaled(precision: 10, scale: 2)), .integer(1250))
        XCTAssertEqual(value(.json(.number("12.5")), .scaled(precision: 10, scale: 2)), .integer(1250))
        XCTAssertEqual(value(.json(.string("-3")), .scaled(precision: 10, scale: 2)), .integer(-300))
        XCTAssertEqual(reason(.text("123456789.01"), column(.scaled(precision: 10, scale: 2))), .outOfRange)
        XCTAssertEqual(reason(.text("1.005"), column(.scaled(precision: 10, scale: 2))), .tooManyDecimals)
        XCTAssertEqual(reason(.text("1,5"), column(.scaled(precision: 10, scale: 2))), .badNumber)
    }

    func testBooleansAcceptPostgreSQLAndJSONSpellings() {
        for text in ["t", "true", "TRUE", "1", "yes", "on"] {
            XCTAssertEqual(value(.text(text), .boolean), .integer(1), text)
        }
        for text in ["f", "false", "0", "no", "off"] { XCTAssertEqual(value(.text(text), .boolean), .integer(0), text) }
        XCTAssertEqual(value(.json(.bool(true)), .boolean), .integer(1))
    }

    func testArraysFromPostgreSQLLiteralsAndJSON() {
        XCTAssertEqual(value(.text(#"{a,"b c",NULL,"x\"y"}"#), .textArray), .text(#"["a","b c",null,"x\"y"]"#))
        XCTAssertEqual(value(.text("{}"), .textArray), .text("[]"))
        XCTAssertEqual(value(.text(#"["a"]"#), .textArray), .text(#"["a"]"#))
        XCTAssertEqual(value(.text("{1,2,3}"), .numberArray), .text("[1,2,3]"))
        XCTAssertEqual(reason(.text("{1,x}"), column(.numberArray)), .badArray)
        XCTAssertEqual(reason(.text("{{1,2}}"), column(.textArray)), .badArray)
        XCTAssertEqual(reason(.text("a,b"), column(.textArray)), .badArray)
    }

    func testJSONIsStoredCompactWithNumbersVerbatim() {
        XCTAssertEqual(
            value(.text(#"{"a": 1.10, "b": [true, null], "é": "\u00e9"}"#), .json),
            .text(#"{"a":1.10,"b":[true,null],"é":"é"}"#))
        XCTAssertEqual(reason(.text("{'a': 1}"), column(.json)), .invalidJSON)
    }

    func testIntegersAndReals() {
        XCTAssertEqual(value(.text("-42"), .integer), .integer(-42))
        XCTAssertEqual(reason(.text("4.2"), column(.integer)), .badNumber)
        XCTAssertEqual(reason(.text("99999999999999999999"), column(.integer)), .outOfRange)
        XCTAssertEqual(reason(.text("-1"), column(.integer, neverNegative: true)), .negativeValue)
        XCTAssertEqual(value(.text("0.1"), .real), .real(0.1))
        XCTAssertEqual(reason(.text("NaN"), column(.real)), .badNumber)
        XCTAssertEqual(reason(.text("inf"), column(.real)), .badNumber)
    }

    func testMoneyRoundsOnceHalfAwayFromZeroToTheCurrency() {
        XCTAssertEqual(value(.text("19.99"), .money), .integer(1999))
        XCTAssertEqual(value(.text("1500"), .money, exponent: 0), .integer(1500))
        XCTAssertEqual(value(.text("1.2345"), .money, exponent: 3), nil)  // rounded: a warning, not a plain value
        if case .valueWithWarning(let stored, _) = ValueConverter.convert(
            .text("1.2345"), for: column(.money), currencyExponent: 3)
        {
            XCTAssertEqual(stored, .integer(1235))
        } else {
            XCTFail("expected a warning")
        }
    }

    func testWrongJSONKindsAreRejected() {
        XCTAssertEqual(reason(.json(.object([])), column(.integer)), .wrongType)
        XCTAssertEqual(reason(.json(.array([])), column(.text)), .wrongType)
        XCTAssertEqual(reason(.null, column(.text, notNull: true)), .nullValue)
    }

    /// Issue 23, item 8: a negative order total made affiliate revenue −997,610.28 and a negative
    /// commission a −7.00 payout entry; such amounts are rejected, zero is kept.
    func testNegativeAmountsWhereProductionForbidsThemAreRejected() {
        let amount = { (kind: ColumnKind) in
            ColumnSpec(
                name: "orderTotal", kind: kind, isNotNull: true, hasDefault: false, isPrimaryKey: false,
                isNeverNegative: false, isNeverNegativeAmount: true, sensitivity: nil)
        }
        XCTAssertEqual(reason(.text("-997610.28"), amount(.money)), .negativeAmount)
        XCTAssertEqual(reason(.text("-7.00"), amount(.scaled(precision: 10, scale: 2))), .negativeAmount)
        XCTAssertNil(reason(.text("0"), amount(.money)))
        XCTAssertNil(reason(.text("-7.00"), column(.money)), "a column without the rule keeps its sign")
    }

    /// Issue 23, items 7 and 8: a company time zone that is not IANA is rejected (it made every
    /// all-company report exit 65); a currency outside ISO 4217 is a warning naming the decimals assumed.
    func testCompanyTimeZoneAndUnknownCurrencies() {
        let zone = ColumnSpec(
            name: "timezone", kind: .text, isNotNull: true, hasDefault: true, isPrimaryKey: false,
            isNeverNegative: false, isCompanyTimeZone: true, sensitivity: nil)
        XCTAssertEqual(reason(.text("Mars/Olympus_Mons"), zone), .badTimezone)
        XCTAssertNil(reason(.text("America/New_York"), zone))
        XCTAssertNil(reason(.text("UTC"), zone))
        let currency = ColumnSpec(
            name: "currency", kind: .text, isNotNull: true, hasDefault: false, isPrimaryKey: false,
            isNeverNegative: false, sensitivity: nil)
        guard
            case .valueWithWarning(.text("XXX"), let warning) = ValueConverter.convert(
                .text("XXX"), for: currency, currencyExponent: 2)
        else { return XCTFail("XXX is kept with a warning") }
        XCTAssertEqual(
            warning, "currency 'XXX' is not an ISO 4217 currency tally knows; its amounts are read with 2 decimals")
        for code in ["USD", "EUR", "JPY", "KWD", "CLF"] {
            guard case .value(.text(code)) = ValueConverter.convert(.text(code), for: currency, currencyExponent: 2)
            else {
                return XCTFail("\(code) is a known currency")
            }
        }
    }

    /// Issue 23, item 1: production's `Int` columns are 32-bit; 9223372036854775807 tokens loaded
    /// and then crashed the billing close summing them. Beyond 32 bits is `out_of_range`.
    func testProductionIntColumnsHold32Bits() {
        let tokens = ColumnSpec(
            name: "inputTokens", kind: .integer, isNotNull: true, hasDefault: true, isPrimaryKey: false,
            isNeverNegative: true, isInt32: true, sensitivity: nil)
        XCTAssertEqual(reason(.text("9223372036854775807"), tokens), .outOfRange)
        XCTAssertEqual(reason(.text("2147483648"), tokens), .outOfRange)
        XCTAssertNil(reason(.text("2147483647"), tokens))
        XCTAssertNil(reason(.text("2147483648"), column(.integer)), "a column without the rule keeps 64 bits")
    }
}
