import XCTest

@testable import TallyOutput

final class FixedDecimalTests: XCTestCase {
    func testRoundsHalfAwayFromZeroAtTheBinaryValue() {
        XCTAssertEqual(FixedDecimal.format(0.5, decimals: 0), "1")
        XCTAssertEqual(FixedDecimal.format(-0.5, decimals: 0), "-1")
        XCTAssertEqual(FixedDecimal.format(0.125, decimals: 2), "0.13")  // 0.125 is exact in binary
        XCTAssertEqual(FixedDecimal.format(1.0 / 3.0, decimals: 6), "0.333333")
        XCTAssertEqual(FixedDecimal.format(2.0 / 3.0, decimals: 6), "0.666667")
    }

    func testNegativeZeroPrintsAsZero() {
        XCTAssertEqual(FixedDecimal.format(-0.0, decimals: 4), "0.0000")
        XCTAssertEqual(FixedDecimal.format(-0.00001, decimals: 4), "0.0000")
    }

    func testNonFiniteIsNil() {
        XCTAssertNil(FixedDecimal.format(.nan, decimals: 2))
        XCTAssertNil(FixedDecimal.format(-.infinity, decimals: 2))
    }
}
