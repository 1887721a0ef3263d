/// One arm's conversion rate compared with a reference arm's: the statistics both the A/B report
/// (variant against control) and the discount report (code against the no-code baseline) print.
///
/// Every value is nil when undefined — no trials on either side, a zero reference rate for the
/// relative lift, a p-value with no variance — so writers print null, never NaN.
public struct ProportionComparison: Sendable, Equatable {
    /// The arm's rate and Wilson 95% interval (nil with no trials).
    public let rate: Double?
    public let rateLow: Double?
    public let rateHigh: Double?
    /// Arm rate − reference rate.
    public let absoluteLift: Double?
    /// Arm rate / reference rate − 1, with its delta-method 95% interval.
    public let relativeLift: Double?
    public let relativeLiftLow: Double?
    public let relativeLiftHigh: Double?
    /// Two-sided pooled two-proportion z-test.
    public let pValue: Double?
    /// P(arm rate > reference rate) under Beta(1,1) priors, computed exactly.
    public let chanceToBeat: Double?

    /// The arm alone: its rate and interval, no comparison.
    public init(successes: Int, trials: Int) {
        self.init(successes: successes, trials: trials, reference: nil)
    }

    /// - Parameters:
    ///   - reference: the control or baseline as (successes, trials); nil for none (the control itself).
    ///   - includesChanceToBeat: false to skip the exact Bayesian sum (up to one term per conversion
    ///     of the smaller arm) for reports that do not print it.
    public init(
        successes: Int, trials: Int, reference: (successes: Int, trials: Int)?, includesChanceToBeat: Bool = true
    ) {
        rate = trials > 0 ? Double(successes) / Double(trials) : nil
        let interval = Proportions.wilsonInterval(successes: successes, trials: trials)
        rateLow = interval?.low
        rateHigh = interval?.high
        guard let reference, reference.trials > 0, trials > 0, let rate else {
            (absoluteLift, relativeLift, relativeLiftLow, relativeLiftHigh, pValue, chanceToBeat) = (
                nil, nil, nil, nil, nil, nil
            )
            return
        }
        absoluteLift = rate - Double(reference.successes) / Double(reference.trials)
        let relative = Proportions.relativeLift(
            successesA: reference.successes, trialsA: reference.trials, successesB: successes, trialsB: trials)
        relativeLift = relative?.lift
        relativeLiftLow = relative?.low
        relativeLiftHigh = relative?.high
        pValue = Proportions.pooledZTestPValue(
            successesA: reference.successes, trialsA: reference.trials, successesB: successes, trialsB: trials)
        chanceToBeat =
            !includesChanceToBeat
            ? nil
            : Proportions.chanceToBeat(
                successesA: reference.successes, trialsA: reference.trials, successesB: successes, trialsB: trials)
    }
}
