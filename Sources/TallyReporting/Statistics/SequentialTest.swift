import Foundation

/// Peeking-safe inference for the difference of two conversion rates: the mixture sequential
/// probability ratio test (mSPRT) of Johari, Koomen, Pekelis and Walsh, "Always Valid Inference:
/// Continuous Monitoring of A/B Tests" (Operations Research, 2022; arXiv:1512.04922), with a
/// normal mixing distribution N(0, τ²) over the difference θ = rate_B − rate_A.
///
/// With θ̂ the observed difference and V = p̂_A(1 − p̂_A)/n_A + p̂_B(1 − p̂_B)/n_B its variance
/// (plug-in, unpooled), the mixture likelihood ratio of θ against θ₀ is
///
///     Λ(θ₀) = √(V / (V + τ²)) · exp(τ²(θ̂ − θ₀)² / (2V(V + τ²)))
///
/// - the always-valid p-value is min(1, 1/Λ(0)): the probability that it ever falls to α, at any
///   number of looks, is at most α under H₀ (the paper's running minimum over earlier looks is
///   smaller still; tally sees only the data of today's run, so it prints this value, which is
///   valid and conservative);
/// - the 1 − α confidence sequence is {θ₀ : Λ(θ₀) < 1/α}, the interval
///   θ̂ ± √(2V(V + τ²)/τ² · (ln(1/α) + ½ ln((V + τ²)/V))).
///
/// Both use the same V, so p < α exactly when the interval excludes 0. Assumptions: sessions are
/// independent, allocation is fixed while the test runs, and the normal approximation of each
/// arm's rate holds (tens of conversions per arm).
public enum SequentialTest {
    /// The default mixing scale τ: the size of rate difference the test is most sensitive to — two
    /// percentage points, the order of the effects A/B tests of checkout funnels look for.
    public static let defaultTau = 0.02
    /// The level of the confidence sequence (95%).
    public static let alpha = 0.05

    /// The always-valid p-value and 95% confidence sequence of rate_B − rate_A; nil when either
    /// arm has no trials or the variance is zero (every rate 0 or 1).
    /// - Precondition: `tau` > 0.
    public static func compare(successesA: Int, trialsA: Int, successesB: Int, trialsB: Int, tau: Double)
        -> (pValue: Double, low: Double, high: Double)?
    {
        precondition(tau > 0, "the mixing scale must be positive")
        guard trialsA > 0, trialsB > 0 else { return nil }
        let pa = Double(successesA) / Double(trialsA)
        let pb = Double(successesB) / Double(trialsB)
        let variance = pa * (1 - pa) / Double(trialsA) + pb * (1 - pb) / Double(trialsB)
        guard variance > 0 else { return nil }
        let difference = pb - pa
        let tau2 = tau * tau
        let logRatio =
            0.5 * log(variance / (variance + tau2))
            + tau2 * difference * difference / (2 * variance * (variance + tau2))
        let pValue = min(1, exp(-logRatio))
        let half =
            (2 * variance * (variance + tau2) / tau2 * (log(1 / alpha) + 0.5 * log((variance + tau2) / variance)))
            .squareRoot()
        return (pValue, difference - half, difference + half)
    }
}

/// Planning numbers for a two-arm test of rates, at α = 0.05 two-sided and 80% power, by the
/// normal approximation with unpooled variances (e.g. Chow, Shao and Wang, "Sample Size
/// Calculations in Clinical Research", 2nd ed., §4.2).
public enum SamplePlanning {
    /// Φ⁻¹(0.80).
    public static let zPower80 = 0.8416212335729143

    /// The smallest absolute difference the current samples detect with 80% power: (z₀.₉₇₅ +
    /// z₀.₈₀) · √(p(1 − p)(1/n_A + 1/n_B)) with p the control's rate for both arms; nil when an arm
    /// is empty or the control's rate is 0 or 1.
    public static func minimumDetectableEffect(successesA: Int, trialsA: Int, trialsB: Int) -> Double? {
        guard trialsA > 0, trialsB > 0 else { return nil }
        let p = Double(successesA) / Double(trialsA)
        let variance = p * (1 - p) * (1 / Double(trialsA) + 1 / Double(trialsB))
        guard variance > 0 else { return nil }
        return (Proportions.z95 + zPower80) * variance.squareRoot()
    }

    /// Sessions per arm for 80% power to detect the observed difference at the observed rates:
    /// (z₀.₉₇₅ + z₀.₈₀)² · (p_A(1 − p_A) + p_B(1 − p_B)) / (p_B − p_A)², rounded up; nil when an
    /// arm is empty or the rates are equal.
    public static func sessionsPerArm(successesA: Int, trialsA: Int, successesB: Int, trialsB: Int) -> Int? {
        guard trialsA > 0, trialsB > 0 else { return nil }
        let pa = Double(successesA) / Double(trialsA)
        let pb = Double(successesB) / Double(trialsB)
        let difference = pb - pa
        guard difference != 0 else { return nil }
        let z = Proportions.z95 + zPower80
        let needed = (z * z * (pa * (1 - pa) + pb * (1 - pb)) / (difference * difference)).rounded(.up)
        return needed < Double(Int.max / 4) ? Int(needed) : nil
    }

    /// Sessions still to come in both arms together before each holds ``sessionsPerArm``.
    public static func sessionsStillNeeded(successesA: Int, trialsA: Int, successesB: Int, trialsB: Int) -> Int? {
        sessionsPerArm(successesA: successesA, trialsA: trialsA, successesB: successesB, trialsB: trialsB).map {
            max(0, $0 - trialsA) + max(0, $0 - trialsB)
        }
    }
}
