import Foundation
import XCTest

@testable import TallyReporting

/// Revenue per session with intervals (docs/REPORTS.md): reference values from scipy 1.17
/// (`stats.ttest_ind(b, a, equal_var=False)`, `stats.beta.cdf`) and the delta method in numpy,
/// inputs pasted here.
final class MeanComparisonTests: XCTestCase {
    private func assertClose(_ actual: Double?, _ expected: Double, file: StaticString = #filePath, line: UInt = #line)
    {
        guard let actual else { return XCTFail("nil, expected \(expected)", file: file, line: line) }
        XCTAssertEqual(actual, expected, accuracy: abs(expected) * 1e-9, file: file, line: line)
    }

    // a = [0]*40 + [1999, 4500, 2500, 0, 12000, 3999, 2999, 0, 5999, 1500]
    private let control = ExactMoments(count: 50, sum: 35_496, sumOfSquares: 237_720_004)
    // b = [0]*35 + [2999, 4500, 7999, 2500, 1999, 12000, 3999, 6500, 0, 5999, 1500, 4999, 2500, 8999, 999]
    private let variant = ExactMoments(count: 50, sum: 67_492, sumOfSquares: 457_174_008)

    func testWelchPValueMatchesScipy() {
        assertClose(MeanComparison.welchPValue(control, variant), 0.19118937696317131)
        XCTAssertNil(MeanComparison.welchPValue(ExactMoments(count: 1, sum: 5, sumOfSquares: 25), variant))
        XCTAssertNil(
            MeanComparison.welchPValue(
                ExactMoments(count: 3, sum: 0, sumOfSquares: 0), ExactMoments(count: 4, sum: 0, sumOfSquares: 0)))
    }

    func testRevenueLiftIntervalByTheDeltaMethod() throws {
        let lift = try XCTUnwrap(MeanComparison.relativeLift(control, variant))
        assertClose(lift.lift, 0.9013973405454137)
        assertClose(lift.low, -0.977221113037273)
        assertClose(lift.high, 2.7800157941281003)
        assertClose(control.standardError.map { $0 / 100 }, 2.9452187727895254)  // major units
        XCTAssertNil(MeanComparison.relativeLift(ExactMoments(count: 9, sum: 0, sumOfSquares: 0), variant))
    }

    /// n·Σx² − (Σx)² in 128-bit integers: values near 10⁹ with variance 1 keep it exactly, where
    /// the textbook Σx²/n − mean² in doubles cancels to noise.
    func testVarianceIsExactForLargeValues() {
        let moments = ExactMoments(count: 3, sum: 3_000_000_006, sumOfSquares: 3_000_000_012_000_000_014)
        XCTAssertEqual(moments.variance, 1)
    }

    func testIncompleteBetaMatchesScipy() {
        assertClose(IncompleteBeta.regularized(0.3, 2.5, 0.5), 0.018927124071945658)
        assertClose(IncompleteBeta.regularized(0.9, 10, 0.5), 0.15164090963470994)
        assertClose(IncompleteBeta.regularized(0.01, 0.5, 30), 0.560665631094749)
        XCTAssertEqual(IncompleteBeta.regularized(0, 2, 3), 0)
        XCTAssertEqual(IncompleteBeta.regularized(1, 2, 3), 1)
    }
}
