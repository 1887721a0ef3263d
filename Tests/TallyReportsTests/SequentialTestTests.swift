import Foundation
import TallySample
import XCTest

@testable import TallyReporting

/// The mSPRT and the planning numbers (docs/REPORTS.md "Peeking-safe results and planning").
/// Reference values: the formulas of Johari et al. (2022) and Chow, Shao & Wang (2008) evaluated
/// independently in Python (`math`, `scipy.stats.norm`); inputs are SampleData's funnels.
final class SequentialTestTests: XCTestCase {
    private func assertClose(_ actual: Double?, _ expected: Double, file: StaticString = #filePath, line: UInt = #line)
    {
        guard let actual else { return XCTFail("nil, expected \(expected)", file: file, line: line) }
        XCTAssertEqual(actual, expected, accuracy: abs(expected) * 1e-9, file: file, line: line)
    }

    func testTheAlwaysValidPValueAndConfidenceSequenceMatchTheFormulas() throws {
        // Holiday Checkout: control 214/2416, urgency banner 281/2565, τ = 0.02.
        let holiday = try XCTUnwrap(
            SequentialTest.compare(successesA: 214, trialsA: 2416, successesB: 281, trialsB: 2565, tau: 0.02))
        assertClose(holiday.pValue, 0.18843655397750067)
        assertClose(holiday.low, -0.004781329932922188)
        assertClose(holiday.high, 0.04673232589228343)
        // The fixed-horizon test calls it (p = 0.013); the peeking-safe one does not yet, and its
        // interval contains 0 exactly because its p-value is above α.
        XCTAssertLessThan(holiday.low, 0)
        let launch = try XCTUnwrap(
            SequentialTest.compare(successesA: 101, trialsA: 1135, successesB: 93, trialsB: 863, tau: 0.02))
        assertClose(launch.pValue, 0.9212365985666603)
        assertClose(launch.low, -0.024870395160539217)
        assertClose(launch.high, 0.06242405746956265)
        // τ = 0.05 on an A/A-like pair: the likelihood ratio is below 1, the p-value capped at 1.
        let upsell = try XCTUnwrap(
            SequentialTest.compare(successesA: 152, trialsA: 1491, successesB: 153, trialsB: 1497, tau: 0.05))
        XCTAssertEqual(upsell.pValue, 1)
        assertClose(upsell.low, -0.03387845602451601)
        assertClose(upsell.high, 0.03439726695287843)
        // Undefined: an empty arm, or no variance (nothing ever converts).
        XCTAssertNil(SequentialTest.compare(successesA: 0, trialsA: 0, successesB: 3, trialsB: 9, tau: 0.02))
        XCTAssertNil(SequentialTest.compare(successesA: 0, trialsA: 50, successesB: 0, trialsB: 60, tau: 0.02))
    }

    /// What the test is for: in A/A tests looked at 20 times each, stopping at the first p < 0.05
    /// rejects far more than 5% of the time with the fixed-horizon z-test, and at most 5% with the
    /// mSPRT. Seeded, so the counts are the same on every run.
    func testPeekingInflatesTheFixedHorizonTestButNotTheSequentialOne() {
        var random = SplitMix64(seed: 20_261_203)
        let simulations = 400
        var fixedRejections = 0
        var sequentialRejections = 0
        for _ in 0..<simulations {
            var (conversionsA, conversionsB, sessions) = (0, 0, 0)
            var (fixed, sequential) = (false, false)
            for _ in 0..<20 {
                for _ in 0..<200 {
                    if random.below(10) == 0 { conversionsA += 1 }
                    if random.below(10) == 0 { conversionsB += 1 }
                }
                sessions += 200
                if let p = Proportions.pooledZTestPValue(
                    successesA: conversionsA, trialsA: sessions, successesB: conversionsB, trialsB: sessions), p < 0.05
                {
                    fixed = true
                }
                if let result = SequentialTest.compare(
                    successesA: conversionsA, trialsA: sessions, successesB: conversionsB, trialsB: sessions, tau: 0.02),
                    result.pValue < 0.05
                {
                    sequential = true
                }
            }
            if fixed { fixedRejections += 1 }
            if sequential { sequentialRejections += 1 }
        }
        XCTAssertGreaterThan(Double(fixedRejections) / Double(simulations), 0.1, "peeking inflates the z-test")
        XCTAssertLessThanOrEqual(Double(sequentialRejections) / Double(simulations), 0.05, "the mSPRT stays valid")
    }

    func testPlanningNumbers() throws {
        // Chow, Shao & Wang, two-sample test for equality: p = 0.65 vs 0.85, α = 0.05 two-sided,
        // 80% power → 70 per group (69.66 rounded up).
        XCTAssertEqual(SamplePlanning.sessionsPerArm(successesA: 65, trialsA: 100, successesB: 85, trialsB: 100), 70)
        XCTAssertEqual(SamplePlanning.zPower80, 0.8416212335729143)  // scipy.stats.norm.ppf(0.8)
        // Holiday Checkout: detectable at today's samples, and what detecting the observed lift needs.
        assertClose(
            SamplePlanning.minimumDetectableEffect(successesA: 214, trialsA: 2416, trialsB: 2565),
            0.022567766126590033)
        XCTAssertEqual(
            SamplePlanning.sessionsPerArm(successesA: 214, trialsA: 2416, successesB: 281, trialsB: 2565), 3181)
        XCTAssertEqual(
            SamplePlanning.sessionsStillNeeded(successesA: 214, trialsA: 2416, successesB: 281, trialsB: 2565), 1381)
        // Subscription Upsell's near-zero lift needs tens of millions of sessions.
        XCTAssertEqual(
            SamplePlanning.sessionsStillNeeded(successesA: 152, trialsA: 1491, successesB: 153, trialsB: 1497),
            42_759_966)
        XCTAssertNil(SamplePlanning.sessionsPerArm(successesA: 10, trialsA: 100, successesB: 10, trialsB: 100))
        XCTAssertNil(SamplePlanning.minimumDetectableEffect(successesA: 0, trialsA: 100, trialsB: 100))
    }
}
