import Foundation
import GRDB
import TallyCore
import TallyStore

extension VariantConversionReport {
    /// What `--write-results` did.
    public struct WriteOutcome: Equatable, Sendable {
        public var written = 0
        public var unchanged = 0
    }

    /// Why results cannot be written.
    public enum WriteProblem: Error, Equatable, CustomStringConvertible {
        case unknownTest(String)

        public var description: String {
            switch self {
            case .unknownTest(let id): return "no funnel_ab_tests row '\(id)' in the store"
            }
        }
    }

    /// Writes one `funnel_ab_test_results` row per variant of test `testID`'s funnel, idempotently.
    ///
    /// The row id is `tally:<testId>:<variantId>`, so writing again replaces the same rows, and a
    /// row whose values are already stored is left untouched. DECIMAL columns are rounded half away
    /// from zero at their scale: `conversionRate` and `confidenceLevel` to 4 decimals,
    /// `improvementOverControl` (the relative lift) to 4 decimals and null when undefined or beyond
    /// DECIMAL(6,4). `confidenceLevel` is 1 − the two-sided p-value (0 for the control), and
    /// `isStatisticallySignificant` means it reaches the test's `confidenceThreshold`.
    /// `calculatedAt` is the end of the range (`--to`), else the latest exposure — never the clock,
    /// so the same inputs write the same bytes.
    public func writeResults(testID: String, on store: Store) throws -> WriteOutcome {
        let test = try store.queue.read { db in
            try Row.fetchOne(db, sql: #"SELECT "funnelId", "confidenceThreshold" FROM "funnel_ab_tests" WHERE "id" = ?"#, arguments: [testID])
        }
        guard let test else { throw WriteProblem.unknownTest(testID) }
        let funnelID: String = test["funnelId"]
        let threshold = Double(test["confidenceThreshold"] as Int64) / 100  // DECIMAL(3,2)
        var scoped = self
        scoped.scope.funnels = [funnelID]
        scoped.view = .sessions
        let arms = markingControl(try scoped.fetchArms(on: store))
        let control = arms.first(where: \.isControl)
        let calculatedAt = try store.queue.write { db -> String in
            try scope.install(in: db)
            if to != nil, let upper = try String.fetchOne(db, sql: #"SELECT "toUTC" FROM temp."report_scope" LIMIT 1"#) {
                return upper
            }
            return try String.fetchOne(
                db, sql: #"SELECT MAX("startedAt") FROM "funnel_sessions" WHERE "funnelId" = ?"#, arguments: [funnelID])
                ?? "1970-01-01T00:00:00.000Z"
        }
        var outcome = WriteOutcome()
        try store.queue.write { db in
            for arm in arms {
                let rate = arm.sessions > 0 ? Double(arm.conversions) / Double(arm.sessions) : 0
                var confidence = 0.0
                var improvement: Int64?
                if let control, !arm.isControl {
                    if let p = Proportions.pooledZTestPValue(
                        successesA: control.conversions, trialsA: control.sessions, successesB: arm.conversions, trialsB: arm.sessions)
                    {
                        confidence = 1 - p
                    }
                    if let lift = Proportions.relativeLift(
                        successesA: control.conversions, trialsA: control.sessions, successesB: arm.conversions, trialsB: arm.sessions)?.lift,
                        abs(lift) < 100
                    {
                        improvement = Int64((lift * 10_000).rounded(.toNearestOrAwayFromZero))
                    }
                }
                let revenueHundredths = Self.hundredths(arm.revenue)
                let values: [DatabaseValueConvertible?] = [
                    "tally:\(testID):\(arm.variant)", testID, arm.variant, arm.sessions, arm.conversions,
                    Int64((rate * 10_000).rounded(.toNearestOrAwayFromZero)), revenueHundredths,
                    arm.conversions > 0 ? Money.divideRounded(revenueHundredths, by: Int64(arm.conversions)) : 0,
                    Int64((confidence * 10_000).rounded(.toNearestOrAwayFromZero)), improvement,
                    confidence >= threshold && !arm.isControl, calculatedAt,
                ]
                let existing = try Row.fetchOne(
                    db, sql: #"SELECT * FROM "funnel_ab_test_results" WHERE "id" = ?"#, arguments: [values[0]!.databaseValue])
                if let existing, Array(existing.databaseValues) == values.map({ $0?.databaseValue ?? .null }) {
                    outcome.unchanged += 1
                    continue
                }
                try db.execute(
                    sql: """
                        INSERT OR REPLACE INTO "funnel_ab_test_results" ("id", "testId", "variantId", "sessions", "conversions",
                            "conversionRate", "revenue", "avgOrderValue", "confidenceLevel", "improvementOverControl",
                            "isStatisticallySignificant", "calculatedAt")
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, arguments: StatementArguments(values))
                outcome.written += 1
            }
        }
        return outcome
    }

    /// Exact money back to DECIMAL(·,2) hundredths.
    static func hundredths(_ money: Money?) -> Int64 {
        guard let money else { return 0 }
        return Money.rescale(money.minorUnits, decimals: CurrencyExponent.of(money.currency), to: 2)
    }

    private var to: String? { scope.to }
}
