import XCTest

@testable import TallyCore

final class MoneyTests: XCTestCase {
    func testDecimalTextUsesTheCurrencyExponent() {
        XCTAssertEqual(Money(minorUnits: 1250, currency: "USD").decimalText, "12.50")
        XCTAssertEqual(Money(minorUnits: -5, currency: "EUR").decimalText, "-0.05")
        XCTAssertEqual(Money(minorUnits: 0, currency: "USD").decimalText, "0.00")
        XCTAssertEqual(Money(minorUnits: 1500, currency: "JPY").decimalText, "1500")
        XCTAssertEqual(Money(minorUnits: 1234, currency: "KWD").decimalText, "1.234")
        XCTAssertEqual(Money(minorUnits: 7, currency: "usd").decimalText, "0.07")
    }

    func testExtremesDoNotOverflow() {
        XCTAssertEqual(
            Money(minorUnits: Int64.min, currency: "USD").decimalText, "-92233720368547758.08")
        XCTAssertEqual(Money(minorUnits: Int64.max, currency: "JPY").decimalText, "9223372036854775807")
    }

    func testExitCodesAreSysexitsStyleAndDistinct() {
        let values = ExitStatus.allCases.map(\.rawValue)
        XCTAssertEqual(Set(values).count, values.count)
        XCTAssertEqual(ExitStatus.usage.rawValue, 64)
        XCTAssertEqual(ExitStatus.dataError.rawValue, 65)
    }
}
