import Foundation
import XCTest

@testable import TallyFunnels
@testable import TallyReporting

/// CUPED (docs/REPORTS.md, "CUPED"): reference values computed by numpy and scipy 1.17 from the
/// sessions themselves (not from the sums tally keeps): θ = cov(x, y)/var(x) over both arms,
/// y − θ(x − x̄) per session, the delta-method ratio interval, `stats.ttest_ind(adjB, adjA,
/// equal_var=False)`; inputs pasted here.
final class CUPEDTests: XCTestCase {
    private func assertClose(_ actual: Double?, _ expected: Double, file: StaticString = #filePath, line: UInt = #line)
    {
        guard let actual else { return XCTFail("nil, expected \(expected)", file: file, line: line) }
        XCTAssertEqual(actual, expected, accuracy: abs(expected) * 1e-9, file: file, line: line)
    }

    /// (x, y) in hundredths: x the customer's pre-period revenue, y the session's revenue.
    static let control: [(Int64, Int64)] =
        Array(repeating: (0, 0), count: 14) + [
            (0, 2500), (4000, 0), (12000, 5000), (8000, 3000), (0, 0), (15000, 6000), (3000, 0), (0, 1800),
            (9000, 4200), (2500, 0), (6000, 2500), (0, 0), (11000, 3900), (7000, 0), (0, 0), (5000, 2100),
        ]
    static let variant: [(Int64, Int64)] =
        Array(repeating: (0, 0), count: 12) + [
            (0, 3100), (5000, 0), (13000, 7000), (9000, 4100), (0, 0), (16000, 7600), (3500, 2200), (0, 2900),
            (9500, 5200), (2000, 0), (6500, 3300), (0, 0), (12000, 5600), (7500, 0), (0, 2400), (5500, 2800),
            (4000, 0), (10000, 4800),
        ]

    static func moments(_ sessions: [(Int64, Int64)]) -> CovariateMoments {
        CovariateMoments(
            count: Int64(sessions.count), sumY: sessions.map(\.1).reduce(0, +),
            sumYSquares: sessions.map { $0.1 * $0.1 }.reduce(0, +), sumX: sessions.map(\.0).reduce(0, +),
            sumXSquares: sessions.map { $0.0 * $0.0 }.reduce(0, +), sumXY: sessions.map { $0.0 * $0.1 }.reduce(0, +))
    }

    func testTheSumsAreTheOnesNumpyPrints() {
        XCTAssertEqual(
            Self.moments(Self.control),
            CovariateMoments(
                count: 30, sumY: 31_000, sumYSquares: 123_000_000, sumX: 82_500, sumXSquares: 776_250_000,
                sumXY: 280_200_000))
    }

    func testAdjustedLiftIntervalPValueAndReductionMatchNumpyAndScipy() throws {
        let cuped = try XCTUnwrap(CUPED.compare(Self.moments(Self.control), Self.moments(Self.variant)))
        assertClose(cuped.theta, 0.39534219756913275)
        assertClose(cuped.lift, 0.332786631307983)
        assertClose(cuped.low, -0.19625233396353658)
        assertClose(cuped.high, 0.8618255965795026)
        assertClose(cuped.pValue, 0.17336670085978273)
        assertClose(cuped.varianceReduction, 0.7295289273657317)
    }

    /// A covariate that explains nothing removes (almost) nothing, and leaves the lift where the
    /// unadjusted one is: x independent of y in both arms, same x mean.
    func testAnUninformativeCovariateLeavesTheUnadjustedLift() throws {
        let a: [(Int64, Int64)] = [(100, 0), (100, 500), (300, 0), (300, 500)]
        let b: [(Int64, Int64)] = [(100, 0), (100, 900), (300, 0), (300, 900)]
        let cuped = try XCTUnwrap(CUPED.compare(Self.moments(a), Self.moments(b)))
        XCTAssertEqual(cuped.theta, 0, accuracy: 1e-15)
        let plain = try XCTUnwrap(
            MeanComparison.relativeLift(
                ExactMoments(count: 4, sum: 1000, sumOfSquares: 500_000),
                ExactMoments(count: 4, sum: 1800, sumOfSquares: 1_620_000)))
        XCTAssertEqual(cuped.lift, plain.lift, accuracy: 1e-12)
        XCTAssertEqual(cuped.low, plain.low, accuracy: 1e-12)
        XCTAssertEqual(cuped.varianceReduction, 0, accuracy: 1e-12)
    }

    func testUndefinedCasesAreNil() {
        // No variance in x (nobody has history), one session, an adjusted control mean of 0.
        let noHistory: [(Int64, Int64)] = [(0, 0), (0, 500), (0, 0)]
        XCTAssertNil(CUPED.compare(Self.moments(noHistory), Self.moments(noHistory)))
        XCTAssertNil(CUPED.compare(Self.moments([(100, 50)]), Self.moments(Self.variant)))
        let zero: [(Int64, Int64)] = [(100, 0), (300, 0)]
        XCTAssertNil(CUPED.compare(Self.moments(zero), Self.moments(zero)))
    }

    /// SampleData's planted history (SampleData/README.md, "Returning visitors"): tally's CUPED
    /// figures equal `scripts/cuped-reference.py`'s, which recomputes them session by session.
    func testSampleDataMatchesTheSessionBySessionRecomputation() throws {
        let store = try ReportFixture.sampleData()
        let rows = try ReportContext.reading(store, scope: ReportScope()) {
            try VariantConversionReport(scope: ReportScope()).rows(in: $0)
        }
        // variant: (sessions with history, lift, low, high, p-value, variance reduction)
        let expected: [String: (Int, Double, Double, Double, Double, Double)] = [
            "va_holiday_b": (
                478, 0.2662342725249409, 0.059269312071071834, 0.47319923297881, 0.004169855234529327,
                0.22533519162639126
            ),
            "va_launch_b": (
                165, 0.004635565177136591, -0.2599599945652957, 0.2692311249195689, 0.9725566422838019,
                0.20485744657807547
            ),
            "va_upsell_b": (
                289, 0.30102725852933254, 0.03449817201384542, 0.5675563450448197, 0.01286817065458068,
                0.2312278503405366
            ),
        ]
        for row in rows where !row.isControl {
            let figures = try XCTUnwrap(expected[row.variant], row.variant)
            XCTAssertEqual(row.sessionsWithHistory, figures.0, row.variant)
            // The lift near 0 (launch) compares absolutely: relative error is no measure there.
            XCTAssertEqual(try XCTUnwrap(row.revenueLiftCUPED?.lift), figures.1, accuracy: 1e-9, row.variant)
            assertClose(row.revenueLiftCUPED?.low, figures.2)
            assertClose(row.revenueLiftCUPED?.high, figures.3)
            assertClose(row.revenuePValueCUPED, figures.4)
            assertClose(row.cupedVarianceReduction, figures.5)
        }
        XCTAssertEqual(rows.filter { !$0.isControl }.count, 3)
    }
}
