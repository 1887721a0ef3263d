import Foundation

/// Statistics on conversion counts: intervals, tests and the Bayesian chance to beat control.
///
/// Every function returns nil where the statistic is undefined (no sessions, zero variance), so
/// reports print null and never NaN or infinity. Reference values in the tests come from scipy and
/// statsmodels (inputs and outputs pasted in `ProportionsTests`).
public enum Proportions {
    /// z for a two-sided 95% interval: Φ⁻¹(0.975).
    public static let z95 = 1.959963984540054

    /// Wilson score interval for `successes` of `trials` at 95%.
    public static func wilsonInterval(successes: Int, trials: Int) -> (low: Double, high: Double)? {
        guard trials > 0 else { return nil }
        let n = Double(trials)
        let p = Double(successes) / n
        let z2 = z95 * z95
        let center = (p + z2 / (2 * n)) / (1 + z2 / n)
        let half = z95 * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot() / (1 + z2 / n)
        return (max(0, center - half), min(1, center + half))
    }

    /// Two-sided p-value of the pooled two-proportion z-test of b against a.
    public static func pooledZTestPValue(successesA: Int, trialsA: Int, successesB: Int, trialsB: Int) -> Double? {
        guard trialsA > 0, trialsB > 0 else { return nil }
        let pooled = Double(successesA + successesB) / Double(trialsA + trialsB)
        let standardError = (pooled * (1 - pooled) * (1 / Double(trialsA) + 1 / Double(trialsB))).squareRoot()
        guard standardError > 0 else { return nil }
        let z = (Double(successesB) / Double(trialsB) - Double(successesA) / Double(trialsA)) / standardError
        return erfc(abs(z) / 2.0.squareRoot())
    }

    /// Relative lift (b − a) / a with a 95% interval by the delta method on the ratio b / a.
    public static func relativeLift(successesA: Int, trialsA: Int, successesB: Int, trialsB: Int)
        -> (lift: Double, low: Double, high: Double)?
    {
        guard trialsA > 0, trialsB > 0, successesA > 0 else { return nil }
        let pa = Double(successesA) / Double(trialsA)
        let pb = Double(successesB) / Double(trialsB)
        let varianceA = pa * (1 - pa) / Double(trialsA)
        let varianceB = pb * (1 - pb) / Double(trialsB)
        let ratioVariance = varianceB / (pa * pa) + (pb * pb) * varianceA / (pa * pa * pa * pa)
        let lift = pb / pa - 1
        let half = z95 * ratioVariance.squareRoot()
        return (lift, lift - half, lift + half)
    }

    /// P(B > A) for conversion rates with Beta(1, 1) priors, computed exactly (no sampling):
    /// with αA = 1 + xA, βA = 1 + nA − xA and likewise for B,
    /// P = Σ_{i=0}^{αB−1} B(αA + i, βA + βB) / ((βB + i) · B(1 + i, βB) · B(αA, βA))
    /// (Evan Miller, "Formulas for Bayesian A/B testing"), each term in log space. The sum runs over
    /// the smaller arm's α by symmetry, so 1M conversions cost at most 1M terms.
    public static func chanceToBeat(successesA: Int, trialsA: Int, successesB: Int, trialsB: Int) -> Double? {
        guard trialsA > 0, trialsB > 0 else { return nil }
        let alphaA = Double(1 + successesA)
        let betaA = Double(1 + trialsA - successesA)
        let alphaB = Double(1 + successesB)
        let betaB = Double(1 + trialsB - successesB)
        if alphaB <= alphaA {
            return sum(alphaA: alphaA, betaA: betaA, alphaB: alphaB, betaB: betaB)
        }
        // P(B > A) = 1 − P(A > B) for continuous distributions.
        return 1 - sum(alphaA: alphaB, betaA: betaB, alphaB: alphaA, betaB: betaA)
    }

    private static func sum(alphaA: Double, betaA: Double, alphaB: Double, betaB: Double) -> Double {
        var total = 0.0
        let constant = logBeta(alphaA, betaA)
        var i = 0.0
        while i < alphaB {
            let term = logBeta(alphaA + i, betaA + betaB) - log(betaB + i) - logBeta(1 + i, betaB) - constant
            total += exp(term)
            i += 1
        }
        return min(1, max(0, total))
    }

    static func logBeta(_ a: Double, _ b: Double) -> Double {
        lgamma(a) + lgamma(b) - lgamma(a + b)
    }

    /// Upper-tail p-value of Pearson's chi-square statistic with `degreesOfFreedom`.
    public static func chiSquarePValue(_ statistic: Double, degreesOfFreedom: Int) -> Double? {
        guard degreesOfFreedom > 0, statistic.isFinite, statistic >= 0 else { return nil }
        return regularizedUpperGamma(Double(degreesOfFreedom) / 2, statistic / 2)
    }

    /// Sample-ratio mismatch: chi-square p-value of observed counts against configured weights.
    public static func sampleRatioMismatchPValue(observed: [Int], weights: [Int]) -> Double? {
        let total = observed.reduce(0, +)
        let weightSum = weights.reduce(0, +)
        guard observed.count >= 2, total > 0, weightSum > 0, weights.allSatisfy({ $0 > 0 }) else { return nil }
        var statistic = 0.0
        for (count, weight) in zip(observed, weights) {
            let expected = Double(total) * Double(weight) / Double(weightSum)
            statistic += (Double(count) - expected) * (Double(count) - expected) / expected
        }
        return chiSquarePValue(statistic, degreesOfFreedom: observed.count - 1)
    }

    /// Holm–Bonferroni adjusted p-values, in the order given.
    public static func holmAdjusted(_ pValues: [Double]) -> [Double] {
        let m = pValues.count
        let order = pValues.indices.sorted { pValues[$0] < pValues[$1] || (pValues[$0] == pValues[$1] && $0 < $1) }
        var adjusted = Array(repeating: 0.0, count: m)
        var running = 0.0
        for (rank, index) in order.enumerated() {
            running = max(running, min(1, Double(m - rank) * pValues[index]))
            adjusted[index] = running
        }
        return adjusted
    }

    /// Q(a, x) = Γ(a, x) / Γ(a): series for x < a + 1, Lentz's continued fraction otherwise
    /// (Numerical Recipes §6.2), to 1e-15.
    static func regularizedUpperGamma(_ a: Double, _ x: Double) -> Double {
        if x <= 0 { return 1 }
        let logPrefix = -x + a * log(x) - lgamma(a)
        if x < a + 1 {
            var term = 1 / a
            var total = term
            var n = a
            for _ in 0..<10_000 {
                n += 1
                term *= x / n
                total += term
                if abs(term) < abs(total) * 1e-15 { break }
            }
            return max(0, min(1, 1 - total * exp(logPrefix)))
        }
        let tiny = 1e-300
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var h = d
        for i in 1..<10_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-15 { break }
        }
        return max(0, min(1, exp(logPrefix) * h))
    }
}
