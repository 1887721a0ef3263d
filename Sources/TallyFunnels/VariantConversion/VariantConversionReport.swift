import Foundation
import GRDB
import TallyCore
import TallyOutput
import TallyReporting

/// A/B variant conversion (docs/REPORTS.md, "variant-conversion"): per funnel and variant, counts
/// and revenue from `Queries/variant-conversion/`, statistics against the control computed here.
///
/// Row order: funnel id; within a funnel the control first, then variant name, then variant id.
/// Revenue is exact money in the company currency; revenue per session is in major units with 4
/// decimals. Undefined values are null: no sessions, a control with no conversions (relative lift),
/// no control, one variant.
public struct VariantConversionReport: ReportDefinition {
    public static let name = "variant-conversion"

    public enum View: String, CaseIterable, Sendable {
        case sessions
        case leads
    }

    public var scope: ReportScope
    public var view: View
    /// `--control`: the variant to compare against, instead of the funnel's `isControl` one.
    public var controlVariant: String?
    /// `--no-rollups` sets it false: read the base tables even when the rollups are fresh.
    public var readsRollups = true
    /// `--sequential-tau`: the mSPRT's mixing scale (``SequentialTest``), > 0.
    public var sequentialTau = SequentialTest.defaultTau
    /// `--cuped-days`: CUPED's pre-period, the days before the test started whose revenue is the
    /// covariate (1 to 3650).
    public var cupedDays = defaultCupedDays
    public static let defaultCupedDays = 30
    /// CUPED is applied only when both arms of a comparison have this many sessions with
    /// pre-period revenue; below it the `_cuped` columns repeat the unadjusted ones (docs/REPORTS.md).
    public static let defaultMinimumSessionsWithHistory = 50
    public var minimumSessionsWithHistory = defaultMinimumSessionsWithHistory
    /// Arms below this many sessions are flagged when the funnel has no A/B test row
    /// (`funnel_ab_tests.minimumSessions` otherwise; 100 is production's own default).
    public static let defaultMinimumSessions = 100
    /// SRM p-values below this are flagged (the usual threshold of GrowthBook and others).
    public static let sampleRatioMismatchThreshold = 0.001

    public init(scope: ReportScope, view: View = .sessions, controlVariant: String? = nil) {
        self.scope = scope
        self.view = view
        self.controlVariant = controlVariant
    }

    /// A variant of a funnel in scope (`Queries/variant-conversion/variants.sql`).
    struct Variant: QueryRow {
        let companyId: String
        let currency: String
        let funnelId: String
        let funnelName: String
        let minimumSessions: Int?
        let variantId: String
        let variantName: String
        let isControl: Bool
        let trafficWeight: Int
    }

    /// One variant's counts over the range (`session-arms.sql`, `lead-arms.sql` and their rollup twins).
    struct ArmCounts: QueryRow {
        let funnelId: String
        let variantId: String
        let sessions: Int
        let leads: Int
        let conversions: Int
        let revenueHundredths: Int64?
        let revenueSquaresHundredths: Int64?
    }

    /// One variant's CUPED sums over its identified sessions (`session-covariates.sql`).
    struct ArmCovariates: QueryRow {
        let funnelId: String
        let variantId: String
        let sessionsWithHistory: Int
        let covariateSum: Int64
        let covariateSquares: Int64
        let crossProducts: Int64
    }

    /// A variant with its counts: zero when it had no sessions in the range. The variant's columns
    /// read through (`arm.funnelId`); `isControl` is the arm's own, since `--control` moves it.
    @dynamicMemberLookup
    struct Arm {
        let variant: Variant
        var isControl: Bool
        let sessions: Int
        let leads: Int
        let conversions: Int
        let revenueHundredths: Int64?
        let revenueSquaresHundredths: Int64?
        /// CUPED's sums (sessions view): nil in the leads view.
        var covariates: ArmCovariates? = nil

        /// Per-session revenue and the pre-period covariate, for CUPED (no covariate row: x = 0).
        var covariateMoments: CovariateMoments {
            CovariateMoments(
                count: Int64(sessions), sumY: revenueHundredths ?? 0, sumYSquares: revenueSquaresHundredths ?? 0,
                sumX: covariates?.covariateSum ?? 0, sumXSquares: covariates?.covariateSquares ?? 0,
                sumXY: covariates?.crossProducts ?? 0)
        }

        /// Per-session revenue in hundredths as exact moments (sessions that did not convert count 0).
        var revenueMoments: ExactMoments {
            ExactMoments(
                count: Int64(sessions), sum: revenueHundredths ?? 0, sumOfSquares: revenueSquaresHundredths ?? 0)
        }

        subscript<T>(dynamicMember path: KeyPath<Variant, T>) -> T { variant[keyPath: path] }
    }

    /// One output row: an arm and its statistics against the funnel's control.
    public struct Row: Sendable {
        public let company: String
        public var companyName: String?
        public let funnel: String
        public let funnelName: String
        public let variant: String
        public let variantName: String
        public let isControl: Bool
        public let trafficWeight: Int
        public let sessions: Int
        public let leads: Int
        public let conversions: Int
        public let currency: String
        /// Exact revenue of converted sessions; nil in the leads view.
        public let revenue: Money?
        public let comparison: ProportionComparison
        /// Holm-adjusted p-value, with three or more arms.
        public let pValueHolm: Double?
        public let sampleRatioMismatchPValue: Double?
        public let isLowSample: Bool
        /// Always-valid p-value and 95% confidence sequence of the rate difference against the
        /// control (``SequentialTest``); nil on the control's row.
        public var sequential: (pValue: Double, low: Double, high: Double)? = nil
        /// Planning (``SamplePlanning``): the absolute difference detectable with 80% power at
        /// today's samples, and the sessions both arms still need to detect the observed one.
        public var minimumDetectableEffect: Double? = nil
        /// ``minimumDetectableEffect`` over the control's rate.
        public var relativeMinimumDetectableEffect: Double? = nil
        public var sessionsStillNeeded: Int? = nil
        /// Revenue per session (sessions view): its standard error in major units, and against the
        /// control the relative lift with its delta-method 95% interval and Welch's p-value.
        public var revenuePerSessionStandardError: Double? = nil
        public var revenueLift: (lift: Double, low: Double, high: Double)? = nil
        public var revenuePValue: Double? = nil
        /// Sessions whose customer had revenue in the pre-period (sessions view).
        public var sessionsWithHistory: Int? = nil
        /// The revenue lift after CUPED, its interval and Welch's p on the adjusted values; when CUPED
        /// does not apply (too few sessions with history), the unadjusted figures.
        public var revenueLiftCUPED: (lift: Double, low: Double, high: Double)? = nil
        public var revenuePValueCUPED: Double? = nil
        /// The share of the difference's variance CUPED removed; nil when it was not applied.
        public var cupedVarianceReduction: Double? = nil

        public var revenuePerSession: Double? {
            guard let revenue, sessions > 0 else { return nil }
            let major = Double(revenue.minorUnits) / pow(10, Double(CurrencyExponent.of(revenue.currency)))
            return major / Double(sessions)
        }
    }

    public static var columns: [ReportColumn<Row>] {
        [
            .text("company_id") { $0.company }, .text("company_name") { $0.companyName },
            .text("funnel_id") { $0.funnel }, .text("funnel_name", scan: 1) { $0.funnelName },
            .text("variant_id") { $0.variant }, .text("variant_name", scan: 2) { $0.variantName },
            .bool("is_control") { $0.isControl }, .integer("traffic_weight") { $0.trafficWeight },
            .integer("sessions", scan: 8) { $0.sessions }, .integer("leads") { $0.leads },
            .integer("conversions", scan: 9) { $0.conversions },
            .rate("conversion_rate", scan: 3) { $0.comparison.rate },
            .rate("conversion_rate_low", scan: 12) { $0.comparison.rateLow },
            .rate("conversion_rate_high", scan: 13) { $0.comparison.rateHigh },
            .text("currency") { $0.currency }, .money("revenue") { $0.revenue },
            .number("revenue_per_session", decimals: 4, scan: 14) { $0.revenuePerSession },
            .number("revenue_per_session_se", decimals: 4) { $0.revenuePerSessionStandardError },
            .rate("revenue_lift", shown: .signedPercent, scan: 17) { $0.revenueLift?.lift },
            .rate("revenue_lift_low", shown: .signedPercent) { $0.revenueLift?.low },
            .rate("revenue_lift_high", shown: .signedPercent) { $0.revenueLift?.high },
            .statistic("revenue_p_value", scan: 18) { $0.revenuePValue },
            .integer("cuped_sessions_with_history") { $0.sessionsWithHistory },
            .rate("revenue_lift_cuped", shown: .signedPercent, scan: 19) { $0.revenueLiftCUPED?.lift },
            .rate("revenue_lift_low_cuped", shown: .signedPercent) { $0.revenueLiftCUPED?.low },
            .rate("revenue_lift_high_cuped", shown: .signedPercent) { $0.revenueLiftCUPED?.high },
            .statistic("revenue_p_value_cuped", scan: 20) { $0.revenuePValueCUPED },
            .rate("cuped_variance_reduction", scan: 21) { $0.cupedVarianceReduction },
            .rate("absolute_lift", shown: .percentagePoints) { $0.comparison.absoluteLift },
            .rate("relative_lift", shown: .signedPercent, scan: 4) { $0.comparison.relativeLift },
            .rate("relative_lift_low", shown: .signedPercent) { $0.comparison.relativeLiftLow },
            .rate("relative_lift_high", shown: .signedPercent) { $0.comparison.relativeLiftHigh },
            .statistic("p_value", scan: 5) { $0.comparison.pValue }, .statistic("p_value_holm") { $0.pValueHolm },
            .rate("chance_to_beat_control", scan: 6) { $0.comparison.chanceToBeat },
            .statistic("srm_p_value") { $0.sampleRatioMismatchPValue },
            .statistic("p_value_sequential", scan: 7) { $0.sequential?.pValue },
            .rate("lift_low_sequential", shown: .percentagePoints) { $0.sequential?.low },
            .rate("lift_high_sequential", shown: .percentagePoints) { $0.sequential?.high },
            .rate("mde_absolute", shown: .percentagePoints) { $0.minimumDetectableEffect },
            .rate("mde_relative", scan: 15) { $0.relativeMinimumDetectableEffect },
            .integer("sessions_still_needed", scan: 16) { $0.sessionsStillNeeded },
            .bool("srm_flag", scan: 10) { $0.sampleRatioMismatchPValue.map { $0 < sampleRatioMismatchThreshold } },
            .bool("low_sample", scan: 11) { $0.isLowSample },
        ]
    }

    public func validate(in context: ReportContext) throws {
        guard let controlVariant else { return }
        let variants = try String.fetchAll(
            context.db,
            sql:
                #"SELECT v."id" FROM "funnel_variants" AS v JOIN funnels_in_scope AS f ON f.funnel_id = v."funnelId" ORDER BY v."id""#
        )
        if !variants.contains(controlVariant) { throw ReportError.unknownVariant(id: controlVariant, known: variants) }
    }

    public func rows(in context: ReportContext) throws -> [Row] {
        let arms = try fetchArms(in: context)
        // A rate above 1 means the numerator is not drawn from the denominator's population: every
        // statistic on it would be wrong, so the report refuses rather than print it.
        if let arm = arms.first(where: { $0.conversions > $0.sessions }) {
            throw ReportError.inconsistentCounts(
                "variant \(arm.variantId) has \(arm.conversions) conversions from \(arm.sessions) exposures")
        }
        return Self.grouped(arms).flatMap { statistics(for: markingControl($0)) }.map { row in
            var named = row
            named.companyName = context.scope.company(row.company)?.name
            return named
        }
    }

    /// Counts and revenue per funnel and variant, every variant of the funnels in scope, in the
    /// order of `variants.sql` (funnel, variant name, variant id).
    func fetchArms(in context: ReportContext) throws -> [Arm] {
        let query = view == .sessions ? "variant-conversion/session-arms" : "variant-conversion/lead-arms"
        let counts = try context.fetch(
            ArmCounts.self, query: try context.reads(FunnelRollups.self) ? query + "-rollup" : query)
        let byVariant = Dictionary(
            counts.map { ("\($0.funnelId)\u{1F}\($0.variantId)", $0) }, uniquingKeysWith: { a, _ in a })
        // CUPED reads the base tables in both modes: its pre-period depends on the test start and on
        // --cuped-days, which no rollup fixes.
        var covariates: [String: ArmCovariates] = [:]
        if view == .sessions {
            let rows = try context.fetch(
                ArmCovariates.self, query: "variant-conversion/session-covariates", arguments: ["cuped_days": cupedDays]
            )
            covariates = Dictionary(
                rows.map { ("\($0.funnelId)\u{1F}\($0.variantId)", $0) }, uniquingKeysWith: { a, _ in a })
        }
        return try context.fetch(Variant.self, query: "variant-conversion/variants").map { variant in
            let key = "\(variant.funnelId)\u{1F}\(variant.variantId)"
            let count = byVariant[key]
            return Arm(
                variant: variant, isControl: variant.isControl, sessions: count?.sessions ?? 0,
                leads: count?.leads ?? 0, conversions: count?.conversions ?? 0,
                revenueHundredths: count?.revenueHundredths,
                revenueSquaresHundredths: count?.revenueSquaresHundredths, covariates: covariates[key])
        }
    }

    /// Arms grouped by funnel (SQL order kept).
    static func grouped(_ arms: [Arm]) -> [[Arm]] {
        var groups: [[Arm]] = []
        for arm in arms {
            if groups.last?.first?.funnelId == arm.funnelId {
                groups[groups.count - 1].append(arm)
            } else {
                groups.append([arm])
            }
        }
        return groups
    }

    /// One funnel's arms with exactly the control marked, control first: `--control` when it names a
    /// variant of this funnel, else the one `isControl`; with two flagged, the first by name is the
    /// control and the rest compare against it.
    func markingControl(_ funnel: [Arm]) -> [Arm] {
        var arms = funnel
        if let controlVariant, arms.contains(where: { $0.variantId == controlVariant }) {
            for index in arms.indices { arms[index].isControl = arms[index].variantId == controlVariant }
        } else if let first = arms.firstIndex(where: \.isControl) {
            for index in arms.indices where index != first { arms[index].isControl = false }
        }
        // Sort key: control first, then variant name, then variant id (ids are unique: a total order).
        return arms.sorted { a, b in
            if a.isControl != b.isControl { return a.isControl }
            return a.variantName != b.variantName ? a.variantName < b.variantName : a.variantId < b.variantId
        }
    }

    /// CUPED's lift when both arms have enough sessions with pre-period revenue; otherwise the
    /// unadjusted lift in the `_cuped` columns, no variance reduction, and a warning saying so.
    private func applyCUPED(to row: inout Row, control: Arm, arm: Arm) {
        let histories = [control, arm].map { $0.covariates?.sessionsWithHistory ?? 0 }
        if histories.allSatisfy({ $0 >= minimumSessionsWithHistory }),
            let cuped = CUPED.compare(control.covariateMoments, arm.covariateMoments)
        {
            row.revenueLiftCUPED = (cuped.lift, cuped.low, cuped.high)
            row.revenuePValueCUPED = cuped.pValue
            row.cupedVarianceReduction = cuped.varianceReduction
            return
        }
        row.revenueLiftCUPED = row.revenueLift
        row.revenuePValueCUPED = row.revenuePValue
        ReportWarnings.emit(
            "funnel \(arm.funnelId), variant \(arm.variantId): CUPED not applied — \(histories[1]) sessions of the "
                + "variant and \(histories[0]) of the control \(control.variantId) have revenue in the \(cupedDays) "
                + "days before the test started (it needs \(minimumSessionsWithHistory) in each); "
                + "revenue_lift_cuped repeats the unadjusted revenue_lift")
    }

    private func statistics(for arms: [Arm]) -> [Row] {
        let control = arms.first(where: \.isControl)
        let srm = Proportions.sampleRatioMismatchPValue(
            observed: arms.map(\.sessions), weights: arms.map(\.trafficWeight))
        let comparisons = arms.map { arm in
            ProportionComparison(
                successes: arm.conversions, trials: arm.sessions,
                reference: control.flatMap { arm.isControl ? nil : ($0.conversions, $0.sessions) })
        }
        // Holm over the comparisons that have a p-value, when there are two or more (three or more arms).
        var holm: [Int: Double] = [:]
        let tested = comparisons.indices.filter { !arms[$0].isControl && comparisons[$0].pValue != nil }
        if arms.count >= 3 && tested.count >= 2 {
            let adjusted = Proportions.holmAdjusted(tested.map { comparisons[$0].pValue! })
            for (index, value) in zip(tested, adjusted) { holm[index] = value }
        }
        return arms.indices.map { index in
            let arm = arms[index]
            var row = Row(
                company: arm.companyId, funnel: arm.funnelId, funnelName: arm.funnelName, variant: arm.variantId,
                variantName: arm.variantName, isControl: arm.isControl, trafficWeight: arm.trafficWeight,
                sessions: arm.sessions, leads: arm.leads, conversions: arm.conversions, currency: arm.currency,
                revenue: view == .leads
                    ? nil
                    : Money(hundredths: arm.revenueHundredths ?? 0, currency: arm.currency),
                comparison: comparisons[index], pValueHolm: holm[index], sampleRatioMismatchPValue: srm,
                isLowSample: arm.sessions < (arm.minimumSessions ?? Self.defaultMinimumSessions))
            if view == .sessions {
                // Hundredths of a major unit, whatever the currency: / 100 is major units.
                row.revenuePerSessionStandardError = arm.revenueMoments.standardError.map { $0 / 100 }
                row.sessionsWithHistory = arm.covariates?.sessionsWithHistory ?? 0
            }
            if let control, !arm.isControl {
                if view == .sessions {
                    row.revenueLift = MeanComparison.relativeLift(control.revenueMoments, arm.revenueMoments)
                    row.revenuePValue = MeanComparison.welchPValue(control.revenueMoments, arm.revenueMoments)
                    applyCUPED(to: &row, control: control, arm: arm)
                }
                row.sequential = SequentialTest.compare(
                    successesA: control.conversions, trialsA: control.sessions, successesB: arm.conversions,
                    trialsB: arm.sessions, tau: sequentialTau)
                row.minimumDetectableEffect = SamplePlanning.minimumDetectableEffect(
                    successesA: control.conversions, trialsA: control.sessions, trialsB: arm.sessions)
                // A detectable effect exists only when the control has sessions and a rate in (0, 1).
                row.relativeMinimumDetectableEffect = row.minimumDetectableEffect.map {
                    $0 / (Double(control.conversions) / Double(control.sessions))
                }
                row.sessionsStillNeeded = SamplePlanning.sessionsStillNeeded(
                    successesA: control.conversions, trialsA: control.sessions, successesB: arm.conversions,
                    trialsB: arm.sessions)
            }
            return row
        }
    }
}
