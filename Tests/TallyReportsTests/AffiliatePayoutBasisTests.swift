import GRDB
import TallyCore
import XCTest

@testable import TallyAffiliate
@testable import TallyReporting
@testable import TallyStore

/// Payouts on a model basis (docs/AFFILIATE.md, "Payouts on a model basis"), over SampleData.
final class AffiliatePayoutBasisTests: XCTestCase {
    private let asOf: Int64 = 1_778_803_200_000  // 2026-05-15T00:00:00.000Z
    private let months = ["2026-01", "2026-02", "2026-03", "2026-04"].map { CalendarMonth($0)! }

    private func linear() -> AffiliatePayouts.Basis {
        var options = AttributionOptions()
        options.model = .linear
        return .model(options)
    }

    func testEachAccruedConversionPaysItsPartnersExactlyTheModelCommissionAndReRunsWriteNothing() throws {
        let store = try ReportFixture.sampleData()
        var closes: [[AffiliatePayouts.Row]] = []
        for month in months {
            let run = try AffiliatePayouts.run(
                period: month, asOf: asOf, companies: ["co_ny"], basis: linear(), on: store, dryRun: false)
            XCTAssertTrue(run.allSatisfy { if case .closed = $0.outcome { true } else { false } }, "\(month)")
            closes.append(run.flatMap(\.detail))
        }
        // Several partners per conversion: the linear model splits multi-touch conversions.
        let ledger = try store.queue.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT "conversionId", "partnerId", "amountMinor" FROM "tally_affiliate_ledger"
                    WHERE "kind" = 'ACCRUAL' AND "closeId" LIKE 'affiliate-payouts-linear:%'
                    """)
        }
        var accrued: [String: [String: Int64]] = [:]
        for row in ledger { accrued[row["conversionId"], default: [:]][row["partnerId"]] = row["amountMinor"] }
        XCTAssertTrue(accrued.values.contains { $0.count > 1 }, "a conversion paying two partners")
        var options = AttributionOptions()
        options.model = .linear
        let credits = try AffiliateCreditsReport(scope: ReportScope(companies: ["co_ny"]), options: options)
            .typedRows(on: store)
        var modelCommission: [String: [String: Int64]] = [:]
        for row in credits {
            guard let touchpoint = row.touchpoint else { continue }
            modelCommission[row.conversion.conversionId, default: [:]][touchpoint.partnerId, default: 0] +=
                touchpoint.commission
        }
        for (conversion, partners) in accrued {
            XCTAssertEqual(partners, modelCommission[conversion], conversion)
        }
        // Gross over the closes = Σ accruals; a re-run of a closed month writes nothing, same rows.
        XCTAssertEqual(
            closes.flatMap { $0 }.reduce(0) { $0 + $1.gross }, ledger.reduce(0) { $0 + ($1["amountMinor"] as Int64) })
        let again = try AffiliatePayouts.run(
            period: months[1], asOf: asOf, companies: ["co_ny"], basis: linear(), on: store, dryRun: false)
        XCTAssertEqual(again.map(\.outcome), [.unchanged])
        XCTAssertEqual(again.flatMap(\.detail).map(\.balance), closes[1].map(\.balance))
    }

    func testACompanysPayoutsFollowOneBasis() throws {
        let store = try ReportFixture.sampleData()
        _ = try AffiliatePayouts.run(
            period: months[0], asOf: asOf, companies: ["co_ny"], basis: linear(), on: store, dryRun: false)
        XCTAssertThrowsError(
            try AffiliatePayouts.run(period: months[0], asOf: asOf, companies: ["co_ny"], on: store, dryRun: false)
        ) { error in
            XCTAssertEqual(
                error as? PayoutError, .otherPayoutBasis(company: "co_ny", closedKind: "affiliate-payouts-linear"))
            XCTAssertEqual((error as? PayoutError)?.exitStatus, .usage)
        }
        // Another company is free to use production (from its first month with conversions, February).
        XCTAssertNoThrow(
            try AffiliatePayouts.run(period: months[1], asOf: asOf, companies: ["co_be"], on: store, dryRun: true))
    }
}
