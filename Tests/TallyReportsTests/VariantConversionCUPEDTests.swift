import Foundation
import Synchronization
import TallyCore
import XCTest

@testable import TallyFunnels
@testable import TallyReporting

/// Which sessions have a customer, which orders are their pre-period revenue, and when CUPED
/// applies (docs/REPORTS.md, "CUPED"), on a fixture small enough to add up by hand.
final class VariantConversionCUPEDTests: XCTestCase {
    /// The test of funnel fc started 2026-02-01T00:00Z. Control cc: p0 (lead → k1, converted 20.00),
    /// p1 (lead → k2), p2 (no customer). Variant cv: q0 (cart → k3, converted 30.00), q1 (a lead
    /// without customer, cart → k5), q2 (lead → k4 and cart → k5: the lead wins).
    private func fixture() throws -> ReportFixture {
        let fixture = try ReportFixture()
        try fixture.funnel(
            "fc", variants: [("cc", "Control", true, 50), ("cv", "Variant", false, 50)], minimumSessions: 1)
        try fixture.sessions("p", funnel: "fc", variant: "cc", count: 3, converted: 1, total: 2000)
        try fixture.sessions("q", funnel: "fc", variant: "cv", count: 3, converted: 1, total: 3000)
        let stamp = "'2026-01-01T00:00:00.000Z'"
        var sql = """
            UPDATE "funnel_ab_tests" SET "startedAt" = '2026-02-01T00:00:00.000Z' WHERE "id" = 't_fc';
            UPDATE "funnels" SET "activeTestId" = 't_fc' WHERE "id" = 'fc';
            INSERT INTO "customers" ("id", "companyId", "email", "updatedAt") VALUES
                ('k1', 'ny', 'k1@x', \(stamp)), ('k2', 'ny', 'k2@x', \(stamp)), ('k3', 'ny', 'k3@x', \(stamp)),
                ('k4', 'ny', 'k4@x', \(stamp)), ('k5', 'ny', 'k5@x', \(stamp));
            INSERT INTO "leads" ("id", "companyId", "email", "customerId", "updatedAt") VALUES
                ('l1', 'ny', 'l1@x', 'k1', \(stamp)), ('l2', 'ny', 'l2@x', 'k2', \(stamp)),
                ('l4', 'ny', 'l4@x', NULL, \(stamp)), ('l6', 'ny', 'l6@x', 'k4', \(stamp));
            INSERT INTO "carts" ("id", "companyId", "customerId", "updatedAt") VALUES
                ('c3', 'ny', 'k3', \(stamp)), ('c5', 'ny', 'k5', \(stamp)), ('c7', 'ny', 'k5', \(stamp));
            UPDATE "funnel_sessions" SET "leadId" = 'l1' WHERE "id" = 'p0';
            UPDATE "funnel_sessions" SET "leadId" = 'l2' WHERE "id" = 'p1';
            UPDATE "funnel_sessions" SET "cartId" = 'c3' WHERE "id" = 'q0';
            UPDATE "funnel_sessions" SET "leadId" = 'l4', "cartId" = 'c5' WHERE "id" = 'q1';
            UPDATE "funnel_sessions" SET "leadId" = 'l6', "cartId" = 'c7' WHERE "id" = 'q2';
            """
        // (customer, total in hundredths, orderedAt, status, currency)
        let orders: [(String, Int, String, String, String)] = [
            ("k1", 1000, "2026-01-15T00:00:00.000Z", "COMPLETED", "USD"),
            ("k1", 700, "2026-01-02T00:00:00.000Z", "COMPLETED", "USD"),  // the window's first instant: in
            ("k1", 500, "2026-01-01T23:59:59.999Z", "COMPLETED", "USD"),  // before the window
            ("k1", 900, "2026-02-01T00:00:00.000Z", "COMPLETED", "USD"),  // the test's start: not before it
            ("k2", 4000, "2026-01-20T00:00:00.000Z", "CANCELED", "USD"),
            ("k2", 300, "2026-01-20T00:00:00.000Z", "COMPLETED", "EUR"),  // another currency
            ("k3", 2500, "2026-01-25T00:00:00.000Z", "PENDING", "USD"),
            ("k4", 1200, "2026-01-10T00:00:00.000Z", "COMPLETED", "USD"),
            ("k5", 800, "2026-01-28T00:00:00.000Z", "COMPLETED", "USD"),
        ]
        for (index, order) in orders.enumerated() {
            sql += """

                INSERT INTO "orders" ("id", "companyId", "customerId", "orderNumber", "status", "shippingSnapshot",
                    "billingSnapshot", "subtotal", "total", "currency", "orderedAt", "updatedAt")
                VALUES ('pre\(index)', 'ny', '\(order.0)', 'PRE\(index)', '\(order.3)', '{}', '{}', \(order.1), \(order.1),
                    '\(order.4)', '\(order.2)', \(stamp));
                """
        }
        try fixture.execute(sql)
        return fixture
    }

    private func covariates(_ fixture: ReportFixture, days: Int) throws -> [String: CovariateMoments] {
        var report = VariantConversionReport(scope: ReportScope())
        report.cupedDays = days
        let arms = try ReportContext.reading(fixture.store, scope: ReportScope()) { try report.fetchArms(in: $0) }
        return Dictionary(uniqueKeysWithValues: arms.map { ($0.variantId, $0.covariateMoments) })
    }

    func testTheCovariateIsTheCustomersRevenueBeforeTheTestStarted() throws {
        let moments = try covariates(try fixture(), days: 30)
        // Control: p0 has 10.00 + 7.00 (k1), p1 nothing that counts (k2), p2 no customer.
        XCTAssertEqual(
            moments["cc"],
            CovariateMoments(
                count: 3, sumY: 2000, sumYSquares: 4_000_000, sumX: 1700, sumXSquares: 1700 * 1700,
                sumXY: 1700 * 2000))
        // Variant: q0 25.00 (k3, PENDING counts), q1 8.00 (k5 through the cart), q2 12.00 (k4, the lead's).
        XCTAssertEqual(
            moments["cv"],
            CovariateMoments(
                count: 3, sumY: 3000, sumYSquares: 9_000_000, sumX: 4500,
                sumXSquares: 2500 * 2500 + 800 * 800 + 1200 * 1200, sumXY: 2500 * 3000))
        // Ten days: [Jan 22, Feb 1) keeps k3's and k5's orders only.
        let short = try covariates(try fixture(), days: 10)
        XCTAssertEqual(short["cc"]?.sumX, 0)
        XCTAssertEqual(short["cv"]?.sumX, 3300)
    }

    func testTooFewSessionsWithHistoryFallBackToTheUnadjustedLiftAndSaySo() throws {
        let heard = Mutex<[String]>([])
        ReportWarnings.send { message in heard.withLock { $0.append(message) } }
        defer { ReportWarnings.send { _ in } }
        let fixture = try fixture()
        let table = try VariantConversionReport(scope: ReportScope()).run(on: fixture.store)
        let row = Dictionary(uniqueKeysWithValues: zip(table.columns, table.rows[1].map { $0.plainText ?? "null" }))
        XCTAssertEqual(row["cuped_sessions_with_history"], "3")
        XCTAssertEqual(row["revenue_lift_cuped"], row["revenue_lift"])
        XCTAssertEqual(row["revenue_p_value_cuped"], row["revenue_p_value"])
        XCTAssertEqual(row["cuped_variance_reduction"], "null")
        XCTAssertTrue(
            heard.withLock { $0 }.contains {
                $0.contains("funnel fc, variant cv: CUPED not applied — 3 sessions of the variant and 1 of the control")
            }, "\(heard.withLock { $0 })")

        // With the bar at one session per arm CUPED applies, and prints what CUPED.compare computes.
        var report = VariantConversionReport(scope: ReportScope())
        report.minimumSessionsWithHistory = 1
        let applied = try report.run(on: fixture.store)
        let adjusted = Dictionary(
            uniqueKeysWithValues: zip(applied.columns, applied.rows[1].map { $0.plainText ?? "null" }))
        let expected = try XCTUnwrap(
            CUPED.compare(
                CovariateMoments(
                    count: 3, sumY: 2000, sumYSquares: 4_000_000, sumX: 1700, sumXSquares: 2_890_000,
                    sumXY: 3_400_000),
                CovariateMoments(
                    count: 3, sumY: 3000, sumYSquares: 9_000_000, sumX: 4500, sumXSquares: 8_330_000,
                    sumXY: 7_500_000)))
        XCTAssertEqual(adjusted["revenue_lift_cuped"], String(format: "%.6f", expected.lift))
        XCTAssertEqual(adjusted["cuped_variance_reduction"], String(format: "%.6f", expected.varianceReduction))
    }
}
