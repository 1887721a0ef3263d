import Foundation
import GRDB
import TallyCore
import TallyOutput
import TallyStore

/// A/B variant conversion (DATA_MODEL §5.1): per funnel and variant, counts and revenue from
/// `Queries/variant-conversion.sql`, statistics against the control computed here.
///
/// Row order: funnel id; within a funnel the control first, then variant name, then variant id.
/// Rates, intervals, lifts, p-values and chances print with 6 decimals; revenue is exact money in
/// the company currency; revenue per session is in major units with 4 decimals. Undefined values
/// are null: no sessions, a control with no conversions (relative lift), no control, one variant.
public struct VariantConversionReport {
    public enum View: String, CaseIterable, Sendable {
        case sessions
        case leads
    }

    public var scope: ReportScope
    public var view: View
    /// `--control`: the variant to compare against, instead of the funnel's `isControl` one.
    public var controlVariant: String?
    /// Arms below this many sessions are flagged when the funnel has no A/B test row
    /// (`funnel_ab_tests.minimumSessions` otherwise).
    public static let defaultMinimumSessions = 100
    /// SRM p-values below this are flagged (the usual threshold of GrowthBook and others).
    public static let sampleRatioMismatchThreshold = 0.001

    public init(scope: ReportScope, view: View = .sessions, controlVariant: String? = nil) {
        self.scope = scope
        self.view = view
        self.controlVariant = controlVariant
    }

    public static let columns = [
        "company_id", "funnel_id", "funnel_name", "variant_id", "variant_name", "is_control", "traffic_weight",
        "sessions", "leads", "conversions", "conversion_rate", "conversion_rate_low", "conversion_rate_high", "currency",
        "revenue", "revenue_per_session", "absolute_lift", "relative_lift", "relative_lift_low", "relative_lift_high",
        "p_value", "p_value_holm", "chance_to_beat_control", "srm_p_value", "srm_flag", "low_sample",
    ]

    struct Arm {
        let company: String
        let currency: String
        let funnel: String
        let funnelName: String
        let minimumSessions: Int
        let variant: String
        let variantName: String
        var isControl: Bool
        let weight: Int
        let sessions: Int
        let leads: Int
        let conversions: Int
        let revenue: Money?
    }

    /// Runs the report on `store`.
    public func run(on store: Store) throws -> ReportTable {
        let arms = try fetchArms(on: store)
        var rows: [[ReportValue]] = []
        for funnel in Self.grouped(arms) {
            rows.append(contentsOf: statistics(for: funnel))
        }
        return ReportTable(columns: Self.columns, rows: rows)
    }

    /// Counts and revenue per funnel and variant, from `Queries/variant-conversion.sql`.
    func fetchArms(on store: Store) throws -> [Arm] {
        try store.queue.write { db -> [Arm] in
            try scope.install(in: db)
            let rows = try Row.fetchAll(
                db, sql: QueryCatalog.sql("variant-conversion"),
                arguments: ["view": view.rawValue, "hasFunnelFilter": scope.funnels.isEmpty ? 0 : 1])
            return rows.map { row in
                let currency: String = row["currency"]
                let hundredths: Int64? = row["revenue_hundredths"]
                return Arm(
                    company: row["company_id"], currency: currency, funnel: row["funnel_id"], funnelName: row["funnel_name"],
                    minimumSessions: row["minimum_sessions"] ?? Self.defaultMinimumSessions, variant: row["variant_id"],
                    variantName: row["variant_name"], isControl: (row["is_control"] as Int) == 1, weight: row["traffic_weight"],
                    sessions: row["sessions"], leads: row["leads"], conversions: row["conversions"],
                    revenue: view == .leads ? nil : Money(minorUnits: Self.minorUnits(hundredths ?? 0, currency: currency), currency: currency))
            }
        }
    }

    /// Hundredths (DECIMAL scale 2) to minor units of `currency`, rounded half away from zero when
    /// the currency has fewer decimals (JPY: 150000 hundredths → 1500 yen).
    static func minorUnits(_ hundredths: Int64, currency: String) -> Int64 {
        Money.rescale(hundredths, decimals: 2, to: CurrencyExponent.of(currency))
    }

    /// Arms grouped by funnel (SQL order kept), the control first within each funnel.
    static func grouped(_ arms: [Arm]) -> [[Arm]] {
        var groups: [[Arm]] = []
        for arm in arms {
            if groups.last?.first?.funnel == arm.funnel { groups[groups.count - 1].append(arm) } else { groups.append([arm]) }
        }
        return groups
    }

    /// One funnel's arms with exactly the control marked: `--control` when it names a variant of
    /// this funnel, else the one `isControl`; with two flagged, the first by name is the control
    /// and the rest compare against it.
    func markingControl(_ funnel: [Arm]) -> [Arm] {
        var arms = funnel
        if let controlVariant, arms.contains(where: { $0.variant == controlVariant }) {
            for index in arms.indices { arms[index].isControl = arms[index].variant == controlVariant }
        } else if let first = arms.firstIndex(where: \.isControl) {
            for index in arms.indices where index != first { arms[index].isControl = false }
        }
        return arms
    }

    private func statistics(for funnel: [Arm]) -> [[ReportValue]] {
        var arms = markingControl(funnel)
        arms.sort { a, b in
            if a.isControl != b.isControl { return a.isControl }
            return a.variantName != b.variantName ? a.variantName < b.variantName : a.variant < b.variant
        }
        let control = arms.first(where: \.isControl)
        let srm = Proportions.sampleRatioMismatchPValue(observed: arms.map(\.sessions), weights: arms.map(\.weight))
        let comparisons = arms.filter { !$0.isControl }
        var rawPValues: [String: Double] = [:]
        if let control {
            for arm in comparisons {
                rawPValues[arm.variant] = Proportions.pooledZTestPValue(
                    successesA: control.conversions, trialsA: control.sessions, successesB: arm.conversions, trialsB: arm.sessions)
            }
        }
        // Holm over the comparisons that have a p-value, when there are two or more (three or more arms).
        var holm: [String: Double] = [:]
        let tested = comparisons.compactMap { arm in rawPValues[arm.variant].map { (arm.variant, $0) } }
        if arms.count >= 3 && tested.count >= 2 {
            for (variant, adjusted) in zip(tested.map(\.0), Proportions.holmAdjusted(tested.map(\.1))) { holm[variant] = adjusted }
        }
        return arms.map { arm in
            let rate = arm.sessions > 0 ? Double(arm.conversions) / Double(arm.sessions) : nil
            let interval = Proportions.wilsonInterval(successes: arm.conversions, trials: arm.sessions)
            var absoluteLift: Double?
            var relative: (lift: Double, low: Double, high: Double)?
            var chance: Double?
            if let control, !arm.isControl, control.sessions > 0, arm.sessions > 0, let rate {
                absoluteLift = rate - Double(control.conversions) / Double(control.sessions)
                relative = Proportions.relativeLift(
                    successesA: control.conversions, trialsA: control.sessions, successesB: arm.conversions, trialsB: arm.sessions)
                chance = Proportions.chanceToBeat(
                    successesA: control.conversions, trialsA: control.sessions, successesB: arm.conversions, trialsB: arm.sessions)
            }
            let perSession: ReportValue = {
                guard let revenue = arm.revenue, arm.sessions > 0 else { return .null }
                let major = Double(revenue.minorUnits) / pow(10, Double(CurrencyExponent.of(revenue.currency)))
                return .number(major / Double(arm.sessions), decimals: 4)
            }()
            return [
                .text(arm.company), .text(arm.funnel), .text(arm.funnelName), .text(arm.variant), .text(arm.variantName),
                .bool(arm.isControl), .integer(Int64(arm.weight)), .integer(Int64(arm.sessions)), .integer(Int64(arm.leads)),
                .integer(Int64(arm.conversions)), Self.stat(rate), Self.stat(interval?.low), Self.stat(interval?.high),
                .text(arm.currency), arm.revenue.map(ReportValue.money) ?? .null, perSession, Self.stat(absoluteLift),
                Self.stat(relative?.lift), Self.stat(relative?.low), Self.stat(relative?.high), Self.stat(rawPValues[arm.variant]),
                Self.stat(holm[arm.variant]), Self.stat(chance), Self.stat(srm), srm.map { .bool($0 < Self.sampleRatioMismatchThreshold) } ?? .null,
                .bool(arm.sessions < arm.minimumSessions),
            ]
        }
    }

    /// Statistics print with 6 decimals; undefined is null.
    static func stat(_ value: Double?) -> ReportValue {
        value.map { .number($0, decimals: 6) } ?? .null
    }
}
