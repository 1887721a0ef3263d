import Foundation

/// One arm's per-session values as exact sums: n, Σx and Σx² (integers, e.g. hundredths), from
/// which mean and variance are computed without a pass over the sessions.
public struct ExactMoments: Sendable, Equatable {
    public let count: Int64
    public let sum: Int64
    public let sumOfSquares: Int64

    public init(count: Int64, sum: Int64, sumOfSquares: Int64) {
        self.count = count
        self.sum = sum
        self.sumOfSquares = sumOfSquares
    }

    public var mean: Double? { count > 0 ? Double(sum) / Double(count) : nil }

    /// The sample variance (n − 1), from n·Σx² − (Σx)² in 128-bit integers — exact before the one
    /// division, so no cancellation however large the values; nil below two values.
    public var variance: Double? {
        guard count > 1 else { return nil }
        let numerator = Int128(count) * Int128(sumOfSquares) - Int128(sum) * Int128(sum)
        return Double(numerator) / (Double(count) * Double(count - 1))
    }

    /// The standard error of the mean.
    public var standardError: Double? { variance.map { ($0 / Double(count)).squareRoot() } }
}

/// Comparing the mean of an arm with a reference arm's: the revenue per session of the A/B report.
public enum MeanComparison {
    /// Two-sided p-value of Welch's unequal-variances t-test of b against a (Welch–Satterthwaite
    /// degrees of freedom; scipy's `ttest_ind(equal_var=False)`); nil below two values per arm or
    /// with no variance.
    public static func welchPValue(_ a: ExactMoments, _ b: ExactMoments) -> Double? {
        guard let meanA = a.mean, let meanB = b.mean, let varianceA = a.variance, let varianceB = b.variance else {
            return nil
        }
        return welchPValue(
            Estimate(mean: meanA, variance: varianceA, count: a.count),
            Estimate(mean: meanB, variance: varianceB, count: b.count))
    }

    /// Relative lift mean_b / mean_a − 1 with a 95% interval by the delta method on the ratio
    /// (var(b/a) ≈ se_b²/a² + b²·se_a²/a⁴); nil when the reference mean is 0 or either arm has
    /// fewer than two values.
    public static func relativeLift(_ a: ExactMoments, _ b: ExactMoments) -> (lift: Double, low: Double, high: Double)?
    {
        guard let meanA = a.mean, let meanB = b.mean, let varianceA = a.variance, let varianceB = b.variance else {
            return nil
        }
        return relativeLift(
            Estimate(mean: meanA, variance: varianceA, count: a.count),
            Estimate(mean: meanB, variance: varianceB, count: b.count))
    }

    /// An arm's mean with the sample variance of the values it averages: what the two tests need,
    /// whether the values are the sessions' revenue or CUPED's adjusted revenue.
    public struct Estimate: Sendable {
        public let mean: Double
        public let variance: Double
        public let count: Int64

        public var standardError: Double { (variance / Double(count)).squareRoot() }
    }

    static func welchPValue(_ a: Estimate, _ b: Estimate) -> Double? {
        let termA = a.variance / Double(a.count)
        let termB = b.variance / Double(b.count)
        let standardError = (termA + termB).squareRoot()
        guard standardError > 0 else { return nil }
        let t = (b.mean - a.mean) / standardError
        let degrees =
            (termA + termB) * (termA + termB)
            / (termA * termA / Double(a.count - 1) + termB * termB / Double(b.count - 1))
        // P(|T| ≥ |t|) = I_{ν/(ν+t²)}(ν/2, 1/2).
        return IncompleteBeta.regularized(degrees / (degrees + t * t), degrees / 2, 0.5)
    }

    static func relativeLift(_ a: Estimate, _ b: Estimate) -> (lift: Double, low: Double, high: Double)? {
        guard a.mean != 0 else { return nil }
        let ratio = b.mean / a.mean
        let seA = a.standardError
        let seB = b.standardError
        let fromB: Double = seB * seB / (a.mean * a.mean)
        let fromA: Double = ratio * ratio * seA * seA / (a.mean * a.mean)
        let standardError = (fromB + fromA).squareRoot()
        return (ratio - 1, ratio - 1 - Proportions.z95 * standardError, ratio - 1 + Proportions.z95 * standardError)
    }
}

/// The regularized incomplete beta function I_x(a, b), by the continued fraction of Numerical
/// Recipes (3rd ed., §6.4, modified Lentz), relative error near 1e-15 — what Student's t needs.
enum IncompleteBeta {
    static func regularized(_ x: Double, _ a: Double, _ b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logPowers: Double = a * log(x) + b * log(1 - x)
        let logFront = logPowers - Proportions.logBeta(a, b)
        // The fraction converges fast for x < (a + 1)/(a + b + 2); otherwise use the symmetry.
        if x < (a + 1) / (a + b + 2) { return exp(logFront) * fraction(x, a, b) / a }
        return 1 - exp(logFront) * fraction(1 - x, b, a) / b
    }

    private static func fraction(_ x: Double, _ a: Double, _ b: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...10_000 {
            let m = Double(m)
            let even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            d = 1 + even * d
            if abs(d) < tiny { d = tiny }
            c = 1 + even / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            let odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
            d = 1 + odd * d
            if abs(d) < tiny { d = tiny }
            c = 1 + odd / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let step = d * c
            h *= step
            if abs(step - 1) < 1e-16 { break }
        }
        return h
    }
}
