import GRDB
import TallyCore
import TallyReporting
import TallyStore

extension VariantConversionReport {
    /// The `funnel_ab_test_results` rows for test `testID`, as a close (`--write-results`).
    ///
    /// One row per variant of the test's funnel, id `tally:<testId>:<variantId>`. DECIMAL columns are
    /// rounded half away from zero at their scale: `conversionRate` and `confidenceLevel` to 4
    /// decimals, `improvementOverControl` (the relative lift) to 4 decimals and null when undefined or
    /// beyond DECIMAL(6,4). `confidenceLevel` is 1 − the two-sided p-value (0 for the control), and
    /// `isStatisticallySignificant` means it reaches the test's `confidenceThreshold`.
    /// `calculatedAt` is `asOf` when given, else the end of the range in the test's own company's
    /// time zone, else the funnel's latest exposure — never the clock.
    ///
    /// Close key (docs/CLOSES.md): kind `ab-test-results`, scope `<testId>|<fromUTC>|<toUTC>`; the
    /// inputs are the variants' counts and revenue.
    /// - Throws: ``ReportError/unknownTest(id:known:)`` before anything is computed or written.
    public func resultsPlan(testID: String, asOf: UTCTimestamp.Milliseconds?, on store: Store) throws -> ClosePlan {
        try ReportContext.reading(store, scope: scope, rollups: readsRollups) { context in
            try resultsPlan(testID: testID, asOf: asOf, context: context)
        }
    }

    /// The same plan, on a connection inside the caller's transaction (the close stage's:
    /// ``ABTestResultsClose``).
    public func resultsPlan(testID: String, asOf: UTCTimestamp.Milliseconds?, db: Database) throws -> ClosePlan {
        try ReportContext.within(db, scope: scope, rollups: readsRollups) { context in
            try resultsPlan(testID: testID, asOf: asOf, context: context)
        }
    }

    private func resultsPlan(testID: String, asOf: UTCTimestamp.Milliseconds?, context: ReportContext) throws
        -> ClosePlan
    {
        var scoped = self
        scoped.view = .sessions
        let tests = try String.fetchAll(context.db, sql: #"SELECT "id" FROM "funnel_ab_tests" ORDER BY "id""#)
        guard
            let test = try GRDB.Row.fetchOne(
                context.db,
                sql:
                    #"SELECT t."funnelId", t."confidenceThreshold", f."companyId" FROM "funnel_ab_tests" AS t JOIN "funnels" AS f ON f."id" = t."funnelId" WHERE t."id" = ?"#,
                arguments: [testID])
        else { throw ReportError.unknownTest(id: testID, known: tests) }
        let funnelID: String = test["funnelId"]
        let companyID: String = test["companyId"]
        guard let company = context.scope.company(companyID) else {
            throw ReportError.unknownTest(id: testID, known: tests)
        }
        try validate(in: context)
        let rows = try scoped.rows(in: context).filter { $0.funnel == funnelID }
        let threshold = Double(test["confidenceThreshold"] as Int64) / 100  // DECIMAL(3,2)
        let latest = try String.fetchOne(
            context.db, sql: #"SELECT MAX("startedAt") FROM "funnel_sessions" WHERE "funnelId" = ?"#,
            arguments: [funnelID])
        let calculatedAt =
            asOf ?? company.range.upper ?? latest.flatMap { try? UTCTimestamp.parse($0).get() } ?? 0
        let writes = rows.map { row in
            Self.resultRow(row, testID: testID, threshold: threshold, calculatedAt: calculatedAt)
        }
        let inputs = rows.map { row in
            CloseItem(
                table: "funnel_variants", rowId: row.variant,
                fields: [
                    String(row.sessions), String(row.conversions), String(row.revenue?.hundredths ?? 0),
                    String(row.isControl),
                ])
        }
        return ClosePlan(
            kind: ABTestResultsClose.kind, scopeKey: "\(testID)|\(company.range.lowerText)|\(company.range.upperText)",
            asOf: calculatedAt, inputs: inputs, writes: writes)
    }

    private static func resultRow(
        _ row: Row, testID: String, threshold: Double, calculatedAt: UTCTimestamp.Milliseconds
    )
        -> CloseWrite
    {
        // DECIMAL(·,4) columns hold value × 10^4, rounded half away from zero.
        func scaled4(_ value: Double) -> Int64 { Int64((value * 10_000).rounded(.toNearestOrAwayFromZero)) }
        let rate = row.comparison.rate ?? 0
        let confidence = row.isControl ? 0 : row.comparison.pValue.map { 1 - $0 } ?? 0
        let improvement =
            row.isControl ? nil : row.comparison.relativeLift.flatMap { abs($0) < 100 ? scaled4($0) : nil }
        let revenue = row.revenue?.hundredths ?? 0
        return CloseWrite(
            table: "funnel_ab_test_results",
            values: [
                ("id", "tally:\(testID):\(row.variant)"), ("testId", testID), ("variantId", row.variant),
                ("sessions", row.sessions), ("conversions", row.conversions), ("conversionRate", scaled4(rate)),
                ("revenue", revenue),
                ("avgOrderValue", row.conversions > 0 ? Money.divideRounded(revenue, by: Int64(row.conversions)) : 0),
                ("confidenceLevel", scaled4(confidence)), ("improvementOverControl", improvement),
                ("isStatisticallySignificant", confidence >= threshold && !row.isControl),
                ("calculatedAt", UTCTimestamp.format(calculatedAt)),
            ])
    }
}
