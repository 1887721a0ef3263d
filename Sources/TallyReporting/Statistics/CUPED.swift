import Foundation

/// One arm's outcome y and covariate x per session as exact sums (integers, e.g. hundredths):
/// n, Σy, Σy², Σx, Σx², Σxy — all CUPED needs, without a pass over the sessions.
public struct CovariateMoments: Sendable, Equatable {
    public let count: Int64
    public let sumY: Int64
    public let sumYSquares: Int64
    public let sumX: Int64
    public let sumXSquares: Int64
    public let sumXY: Int64

    public init(count: Int64, sumY: Int64, sumYSquares: Int64, sumX: Int64, sumXSquares: Int64, sumXY: Int64) {
        self.count = count
        self.sumY = sumY
        self.sumYSquares = sumYSquares
        self.sumX = sumX
        self.sumXSquares = sumXSquares
        self.sumXY = sumXY
    }

    /// Both arms as one sample: what the pooled θ is estimated from.
    static func + (a: Self, b: Self) -> Self {
        Self(
            count: a.count + b.count, sumY: a.sumY + b.sumY, sumYSquares: a.sumYSquares + b.sumYSquares,
            sumX: a.sumX + b.sumX, sumXSquares: a.sumXSquares + b.sumXSquares, sumXY: a.sumXY + b.sumXY)
    }

    /// n·Σuv − Σu·Σv in 128 bits: exact, and (n(n − 1)) times the sample covariance of u and v.
    static func scaledCovariance(_ count: Int64, _ sumU: Int64, _ sumV: Int64, _ sumUV: Int64) -> Int128 {
        Int128(count) * Int128(sumUV) - Int128(sumU) * Int128(sumV)
    }

    var scaledVarianceY: Int128 { Self.scaledCovariance(count, sumY, sumY, sumYSquares) }
    var scaledVarianceX: Int128 { Self.scaledCovariance(count, sumX, sumX, sumXSquares) }
    var scaledCovarianceXY: Int128 { Self.scaledCovariance(count, sumX, sumY, sumXY) }
}

/// CUPED (Deng, Xu, Kohavi & Walker, "Improving the Sensitivity of Online Controlled Experiments by
/// Utilizing Pre-Experiment Data", WSDM 2013): each session's outcome y is adjusted by a covariate x
/// measured before the test, y − θ(x − x̄), with θ = cov(x, y) / var(x) over both arms together
/// and x̄ their pooled mean. The adjustment keeps each arm's expected mean (x does not depend on the
/// variant) and removes the share of the variance that x explains.
public enum CUPED {
    public struct Comparison: Sendable {
        /// Relative lift of the adjusted means with its delta-method 95% interval.
        public let lift: Double
        public let low: Double
        public let high: Double
        /// Welch's two-sided p-value on the adjusted values.
        public let pValue: Double?
        /// 1 − Var(adjusted difference) / Var(unadjusted difference), the difference of the arms'
        /// means with each arm's own sample variance: the share of the variance CUPED removed.
        public let varianceReduction: Double
        public let theta: Double
    }

    /// The CUPED comparison of b against the reference a; nil when either arm has fewer than two
    /// sessions, x has no variance in the pooled sample, or the adjusted reference mean is 0.
    public static func compare(_ a: CovariateMoments, _ b: CovariateMoments) -> Comparison? {
        guard a.count > 1, b.count > 1 else { return nil }
        let pooled = a + b
        let denominator = pooled.scaledVarianceX
        guard denominator > 0 else { return nil }
        // Both scaled by n(n − 1): the ratio is θ, with one rounding.
        let theta = Double(pooled.scaledCovarianceXY) / Double(denominator)
        let pooledMeanX = Double(pooled.sumX) / Double(pooled.count)
        func adjusted(_ arm: CovariateMoments) -> (estimate: MeanComparison.Estimate, unadjusted: Double) {
            let n = Double(arm.count)
            let scale = n * (n - 1)
            let varianceY = Double(arm.scaledVarianceY) / scale
            let varianceX = Double(arm.scaledVarianceX) / scale
            let covariance = Double(arm.scaledCovarianceXY) / scale
            // Var(y − θx) = Var(y) − 2θ·Cov(x, y) + θ²·Var(x): never negative in exact arithmetic.
            let variance = max(0, varianceY - 2 * theta * covariance + theta * theta * varianceX)
            let mean = Double(arm.sumY) / n - theta * (Double(arm.sumX) / n - pooledMeanX)
            return (MeanComparison.Estimate(mean: mean, variance: variance, count: arm.count), varianceY)
        }
        let (adjustedA, varianceA) = adjusted(a)
        let (adjustedB, varianceB) = adjusted(b)
        guard let lift = MeanComparison.relativeLift(adjustedA, adjustedB) else { return nil }
        let before = varianceA / Double(a.count) + varianceB / Double(b.count)
        let after = adjustedA.variance / Double(a.count) + adjustedB.variance / Double(b.count)
        guard before > 0 else { return nil }
        return Comparison(
            lift: lift.lift, low: lift.low, high: lift.high,
            pValue: MeanComparison.welchPValue(adjustedA, adjustedB), varianceReduction: 1 - after / before,
            theta: theta)
    }
}
