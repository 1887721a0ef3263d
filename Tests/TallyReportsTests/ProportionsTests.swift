import XCTest

@testable import TallyReporting

/// Reference values computed independently with Python 3.11, scipy 1.17.1 and statsmodels:
///   proportion_confint(80, 1000, method="wilson") = (0.06474803809836388, 0.09846643902950242)
///   proportion_confint(0, 50, method="wilson")    = (0.0, 0.07134759913335874)
///   proportion_confint(50, 50, method="wilson")   = (0.9286524008666412, 1.0)
///   proportions_ztest([125, 80], [1000, 1000])    → p = 0.0009080848106277993
///   proportions_ztest([30, 20], [200, 180])       → p = 0.26281422254966735
///   chi2.sf(3.0, 2) = 0.22313016014842982, chi2.sf(0.5, 1) = 0.47950012218695337,
///   chi2.sf(45.0, 1) = 1.970344471179912e-11, chi2.sf(12.5, 3) = 0.005852662593326735
///   chisquare([600, 450], [525, 525])             → p = 3.6725751142656362e-06
///   P(B > A) by numerical integration (integrate.quad of pdf_B · cdf_A):
///     (80/1000 vs 125/1000) 0.999551781824075, (10/100 vs 10/100) 0.5,
///     (0/50 vs 3/50) 0.941194119411941, (20/200 vs 15/180) 0.29331339667759065
final class ProportionsTests: XCTestCase {
    func testWilsonInterval() throws {
        let interval = try XCTUnwrap(Proportions.wilsonInterval(successes: 80, trials: 1000))
        XCTAssertEqual(interval.low, 0.06474803809836388, accuracy: 1e-12)
        XCTAssertEqual(interval.high, 0.09846643902950242, accuracy: 1e-12)
        let zero = try XCTUnwrap(Proportions.wilsonInterval(successes: 0, trials: 50))
        XCTAssertEqual(zero.low, 0, accuracy: 1e-12)
        XCTAssertEqual(zero.high, 0.07134759913335874, accuracy: 1e-12)
        let all = try XCTUnwrap(Proportions.wilsonInterval(successes: 50, trials: 50))
        XCTAssertEqual(all.low, 0.9286524008666412, accuracy: 1e-12)
        XCTAssertEqual(all.high, 1, accuracy: 1e-12)
        XCTAssertNil(Proportions.wilsonInterval(successes: 0, trials: 0))
    }

    func testPooledZTest() throws {
        XCTAssertEqual(
            try XCTUnwrap(Proportions.pooledZTestPValue(successesA: 80, trialsA: 1000, successesB: 125, trialsB: 1000)),
            0.0009080848106277993, accuracy: 1e-12)
        XCTAssertEqual(
            try XCTUnwrap(Proportions.pooledZTestPValue(successesA: 20, trialsA: 180, successesB: 30, trialsB: 200)),
            0.26281422254966735, accuracy: 1e-12)
        // No variance (both arms 0% or both 100%) and empty arms: undefined, not NaN.
        XCTAssertNil(Proportions.pooledZTestPValue(successesA: 0, trialsA: 10, successesB: 0, trialsB: 10))
        XCTAssertNil(Proportions.pooledZTestPValue(successesA: 10, trialsA: 10, successesB: 5, trialsB: 5))
        XCTAssertNil(Proportions.pooledZTestPValue(successesA: 0, trialsA: 0, successesB: 1, trialsB: 5))
    }

    func testChanceToBeatControlMatchesNumericalIntegration() throws {
        let cases: [((Int, Int, Int, Int), Double)] = [
            ((80, 1000, 125, 1000), 0.999551781824075),
            ((10, 100, 10, 100), 0.5),
            ((0, 50, 3, 50), 0.941194119411941),
            ((20, 200, 15, 180), 0.29331339667759065),
        ]
        for ((xa, na, xb, nb), expected) in cases {
            let value = try XCTUnwrap(
                Proportions.chanceToBeat(successesA: xa, trialsA: na, successesB: xb, trialsB: nb))
            XCTAssertEqual(value, expected, accuracy: 1e-9, "\(xa)/\(na) vs \(xb)/\(nb)")
        }
        XCTAssertNil(Proportions.chanceToBeat(successesA: 0, trialsA: 0, successesB: 1, trialsB: 2))
    }

    func testChiSquareAndSampleRatioMismatch() throws {
        XCTAssertEqual(
            try XCTUnwrap(Proportions.chiSquarePValue(3.0, degreesOfFreedom: 2)), 0.22313016014842982, accuracy: 1e-12)
        XCTAssertEqual(
            try XCTUnwrap(Proportions.chiSquarePValue(0.5, degreesOfFreedom: 1)), 0.47950012218695337, accuracy: 1e-12)
        XCTAssertEqual(
            try XCTUnwrap(Proportions.chiSquarePValue(45.0, degreesOfFreedom: 1)), 1.970344471179912e-11,
            accuracy: 1e-20)
        XCTAssertEqual(
            try XCTUnwrap(Proportions.chiSquarePValue(12.5, degreesOfFreedom: 3)), 0.005852662593326735, accuracy: 1e-12
        )
        XCTAssertEqual(
            try XCTUnwrap(Proportions.sampleRatioMismatchPValue(observed: [600, 450], weights: [50, 50])),
            3.6725751142656362e-06, accuracy: 1e-15)
        XCTAssertNil(Proportions.sampleRatioMismatchPValue(observed: [10], weights: [100]))
        XCTAssertNil(Proportions.sampleRatioMismatchPValue(observed: [0, 0], weights: [50, 50]))
    }

    func testRelativeLiftByTheDeltaMethod() throws {
        // Hand check: pa = 0.08, pb = 0.125, n = 1000 each.
        // Var(R) = pb(1−pb)/n / pa² + pb² · pa(1−pa)/n / pa⁴ = 0.01708984375 + 0.028076171875 = 0.045166015625
        let lift = try XCTUnwrap(
            Proportions.relativeLift(successesA: 80, trialsA: 1000, successesB: 125, trialsB: 1000))
        XCTAssertEqual(lift.lift, 0.5625, accuracy: 1e-12)
        XCTAssertEqual(lift.low, 0.5625 - 1.959963984540054 * 0.045166015625.squareRoot(), accuracy: 1e-12)
        XCTAssertEqual(lift.high, 0.5625 + 1.959963984540054 * 0.045166015625.squareRoot(), accuracy: 1e-12)
        // A control at 0% has no relative lift.
        XCTAssertNil(Proportions.relativeLift(successesA: 0, trialsA: 100, successesB: 5, trialsB: 100))
    }

    func testHolmAdjustment() {
        // statsmodels.stats.multitest.multipletests([0.01, 0.04, 0.03], method="holm") → [0.03, 0.06, 0.06]
        let adjusted = Proportions.holmAdjusted([0.01, 0.04, 0.03])
        XCTAssertEqual(adjusted[0], 0.03, accuracy: 1e-15)
        XCTAssertEqual(adjusted[1], 0.06, accuracy: 1e-15)
        XCTAssertEqual(adjusted[2], 0.06, accuracy: 1e-15)
    }
}
