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

    func testDivisionRoundsHalfAwayFromZero() {
        XCTAssertEqual(Money.divideRounded(5, by: 2), 3)
        XCTAssertEqual(Money.divideRounded(-5, by: 2), -3)
        XCTAssertEqual(Money.divideRounded(4, by: 3), 1)
        XCTAssertEqual(Money.divideRounded(-4, by: 3), -1)
        XCTAssertEqual(Money.divideRounded(1_000, by: 7), 143)  // 142.857…
        XCTAssertEqual(Money.divideRounded(0, by: 9), 0)
    }

    func testRescaleIsExactUpwardAndRoundsDownward() {
        XCTAssertEqual(Money.rescale(150_050, decimals: 2, to: 0), 1_501)  // hundredths → yen, .50 up
        XCTAssertEqual(Money.rescale(-150_049, decimals: 2, to: 0), -1_500)
        XCTAssertEqual(Money.rescale(1_250, decimals: 2, to: 3), 12_500)  // hundredths → fils
        XCTAssertEqual(Money.rescale(12_345, decimals: 3, to: 2), 1_235)
        XCTAssertEqual(Money.rescale(1_500, decimals: 0, to: 2), 150_000)
        XCTAssertEqual(Money.rescale(42, decimals: 2, to: 2), 42)
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

final class HexTests: XCTestCase {
    func testHexIsLowerCaseTwoDigitsPerByte() {
        XCTAssertEqual(Hex.string([0x00, 0x0F, 0xA5, 0xFF]), "000fa5ff")
        XCTAssertEqual(Hex.string([UInt8]()), "")
    }

    func testCheckedSumsNameWhatOverflowed() throws {
        XCTAssertEqual(try Int64(2).adding(3, "x"), 5)
        XCTAssertEqual(try Int64(-4).multiplied(by: 3, "x"), -12)
        XCTAssertThrowsError(try Int64.max.adding(1, "the gross")) {
            XCTAssertEqual($0 as? ArithmeticOverflow, ArithmeticOverflow(what: "the gross"))
        }
        XCTAssertThrowsError(try Int64.max.multiplied(by: 2, "the hold")) {
            XCTAssertEqual(
                ($0 as? ArithmeticOverflow)?.message,
                "the hold is beyond 64-bit integers; nothing was computed or written")
        }
    }
}
