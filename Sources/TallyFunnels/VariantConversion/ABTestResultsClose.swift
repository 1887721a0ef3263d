import GRDB
import TallyCore
import TallyReporting

/// `report variant-conversion --write-results TEST`: the test's `funnel_ab_test_results` rows as a
/// close (docs/CLOSES.md), planned inside the close stage's transaction
/// (``VariantConversionReport/resultsPlan(testID:asOf:db:)``).
public struct ABTestResultsClose: CloseDefinition {
    /// The ledger kind.
    public static let kind = "ab-test-results"

    /// The report whose session view the rows are computed from (its scope, control, `--no-rollups`).
    public var report: VariantConversionReport
    public var testID: String
    /// `calculatedAt`; nil: the range end, else the funnel's latest exposure.
    public var asOf: UTCTimestamp.Milliseconds?

    public init(report: VariantConversionReport, testID: String, asOf: UTCTimestamp.Milliseconds?) {
        self.report = report
        self.testID = testID
        self.asOf = asOf
    }

    /// One plan: the test's rows. Its detail is nothing beyond the plan (the command prints the rows written).
    public func plans(in db: Database) throws -> [(detail: Void, plan: ClosePlan)] {
        [((), try report.resultsPlan(testID: testID, asOf: asOf, db: db))]
    }
}
