import XCTest

@testable import TallyCore

final class ExactDecimalTests: XCTestCase {
    private func scaled(_ text: String, _ scale: Int) -> Result<Int64, ExactDecimal.ScalingFailure>? {
        ExactDecimal(text)?.scaled(by: scale)
    }

    func testTheSameAmountWrittenDifferentlyIsEqual() {
        XCTAssertEqual(ExactDecimal("12.5"), ExactDecimal("12.50"))
        XCTAssertEqual(ExactDecimal("1.25e1"), ExactDecimal("12.5"))
        XCTAssertEqual(ExactDecimal("-0"), ExactDecimal("0.000"))
        XCTAssertEqual(ExactDecimal("+7"), ExactDecimal("7."))
    }

    func testScalingIsExact() {
        XCTAssertEqual(scaled("12.5", 2), .success(1250))
        XCTAssertEqual(scaled("12.50", 2), .success(1250))
        XCTAssertEqual(scaled("-0.07", 2), .success(-7))
        XCTAssertEqual(scaled(".5", 2), .success(50))
        XCTAssertEqual(scaled("12.345", 2), .failure(.tooManyDecimals))
        XCTAssertEqual(scaled("12.3400", 2), .success(1234))
        XCTAssertEqual(scaled("99999999999999999999", 0), .failure(.outOfRange))
        XCTAssertEqual(scaled("92233720368547758.07", 2), .success(Int64.max))
        XCTAssertEqual(scaled("92233720368547758.08", 2), .failure(.outOfRange))
    }

    func testRoundingIsHalfAwayFromZeroOnTheExactValue() {
        func rounded(_ text: String, _ scale: Int) -> Int64? {
            guard case .success(let result) = ExactDecimal(text)!.rounded(scale: scale) else { return nil }
            return result.value
        }
        XCTAssertEqual(rounded("12.345", 2), 1235)
        XCTAssertEqual(rounded("-12.345", 2), -1235)
        XCTAssertEqual(rounded("12.344999", 2), 1234)
        // A double's shortest text: 0.1 * 3 exports as 0.30000000000000004.
        XCTAssertEqual(rounded("0.30000000000000004", 2), 30)
        XCTAssertEqual(rounded("0.004", 2), 0)
        XCTAssertEqual(rounded("0.005", 2), 1)
        XCTAssertEqual(rounded("1500", 0), 1500)
        XCTAssertEqual(rounded("2.5", 0), 3)
        if case .success(let result) = ExactDecimal("12.30")!.rounded(scale: 2) {
            XCTAssertFalse(result.isRounded)
        } else {
            XCTFail("12.30 should scale")
        }
    }

    func testRejectsWhatIsNotANumber() {
        for text in ["", "-", ".", "1.2.3", "1e", "abc", "12,5", "1 000", "0x10", "NaN", "Infinity"] {
            XCTAssertNil(ExactDecimal(text), text)
        }
    }

    func testIntegerDigitCount() {
        XCTAssertEqual(ExactDecimal("12345.67")?.integerDigitCount, 5)
        XCTAssertEqual(ExactDecimal("0.5")?.integerDigitCount, 0)
        XCTAssertEqual(ExactDecimal("100")?.integerDigitCount, 3)
    }
}
