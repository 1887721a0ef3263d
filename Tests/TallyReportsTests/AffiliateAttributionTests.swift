import GRDB
import TallyCore
import XCTest

@testable import TallyAffiliate
@testable import TallyReporting
@testable import TallyStore

/// The attribution models on small hand-checked examples (docs/AFFILIATE.md), the arithmetic in
/// comments, and the identities every run must keep.
final class AffiliateAttributionTests: XCTestCase {
    private var store: Store!
    private let day: Int64 = 86_400_000
    private let base = try! UTCTimestamp.parse("2026-02-01T00:00:00.000Z").get()

    override func setUpWithError() throws {
        store = try Store.open(path: ":memory:")
        try execute(
            """
            INSERT INTO "organizations" ("id", "name", "slug", "updatedAt") VALUES ('o', 'O', 'o', '2026-01-01T00:00:00.000Z');
            INSERT INTO "clients" ("id", "organizationId", "name", "slug", "updatedAt") VALUES ('cl', 'o', 'C', 'c', '2026-01-01T00:00:00.000Z');
            INSERT INTO "companies" ("id", "clientId", "name", "slug", "timezone", "currency", "updatedAt")
            VALUES ('co', 'cl', 'Co', 'co', 'UTC', 'USD', '2026-01-01T00:00:00.000Z');
            INSERT INTO "customers" ("id", "companyId", "email", "updatedAt") VALUES
              ('cu', 'co', 'buyer@x', '2026-01-01T00:00:00.000Z'), ('cs', 'co', ' Self@Partner.example ', '2026-01-01T00:00:00.000Z');
            INSERT INTO "affiliate_program_configs" ("id", "companyId", "attributionWindowDays", "deduplicationWindowMins", "fraudScoreThreshold", "updatedAt")
            VALUES ('pc', 'co', 30, 60, 0.605, '2026-01-01T00:00:00.000Z');
            """)
        for partner in ["pa", "pb", "pc", "self"] {
            try execute(
                """
                INSERT INTO "affiliate_partners" ("id", "companyId", "email", "firstName", "lastName", "affiliateCode", "commissionRate", "status", "updatedAt")
                VALUES ('\(partner)', 'co', '\(partner == "self" ? "self@partner.example" : partner + "@p")', 'F', 'L', 'code_\(partner)', 10, 'ACTIVE', '2026-01-01T00:00:00.000Z');
                INSERT INTO "affiliate_links" ("id", "partnerId", "companyId", "destinationUrl", "trackingCode", "updatedAt")
                VALUES ('l_\(partner)', '\(partner)', 'co', 'https://x', 't_\(partner)', '2026-01-01T00:00:00.000Z');
                """)
        }
    }

    private func execute(_ sql: String) throws { try store.queue.write { db in try db.execute(sql: sql) } }

    private func click(
        _ id: String, partner: String, visitor: String? = "v", at time: Int64, status: String = "VALID",
        score: Double? = nil,
        reasons: String = "[]", session: String? = nil
    ) throws {
        try execute(
            """
            INSERT INTO "affiliate_clicks" ("id", "partnerId", "linkId", "companyId", "ipAddressHash", "clickedAt", "status", "fraudScore", "fraudReasons", "visitorId", "sessionId")
            VALUES ('\(id)', '\(partner)', 'l_\(partner)', 'co', 'h', '\(UTCTimestamp.format(time))', '\(status)', \(score.map { "\($0)" } ?? "NULL"), '\(reasons)', \(visitor.map { "'\($0)'" } ?? "NULL"), \(session.map { "'\($0)'" } ?? "NULL"))
            """)
    }

    private func conversion(
        _ id: String, partner: String = "pa", click: String, at time: Int64, total: Int64 = 1000,
        customer: String = "cu",
        status: String = "APPROVED", order: String? = nil
    ) throws {
        try execute(
            """
            INSERT INTO "affiliate_conversions" ("id", "partnerId", "linkId", "companyId", "clickId", "orderTotal", "currency", "commissionRate",
              "commissionAmount", "attributionWindow", "customerId", "status", "convertedAt", "updatedAt", "orderId")
            VALUES ('\(id)', '\(partner)', 'l_\(partner)', 'co', '\(click)', \(total), 'USD', 10, \(total / 10), 30, '\(customer)', '\(status)',
              '\(UTCTimestamp.format(time))', '2026-01-01T00:00:00.000Z', \(order.map { "'\($0)'" } ?? "NULL"))
            """)
    }

    private func credits(_ model: AttributionModel) throws -> [AffiliateCreditsReport.Row] {
        var options = AttributionOptions()
        options.model = model
        return try AffiliateCreditsReport(scope: ReportScope(), options: options).typedRows(on: store)
    }

    func testWeightsOfEveryModel() {
        let ages: [Int64] = [3, 2, 1, 0].map { $0 * 7 * day }  // four touchpoints a week apart, oldest first
        XCTAssertEqual(AttributionModel.lastClick.weights(ages: ages), [0, 0, 0, 1])
        XCTAssertEqual(AttributionModel.firstClick.weights(ages: ages), [1, 0, 0, 0])
        XCTAssertEqual(AttributionModel.linear.weights(ages: ages), [1, 1, 1, 1])
        // n = 4: 2(n − 2) = 4 for the ends, 1 for each middle one: 4/10, 1/10, 1/10, 4/10.
        XCTAssertEqual(AttributionModel.positionBased.weights(ages: ages), [4, 1, 1, 4])
        XCTAssertEqual(AttributionModel.positionBased.weights(ages: [5, 0]), [1, 1])
        // Time decay, half-life 7 days: ages one half-life apart halve the weight; the newest is 10^9.
        XCTAssertEqual(
            AttributionModel.timeDecay.weights(ages: ages), [125_000_000, 250_000_000, 500_000_000, 1_000_000_000])
    }

    func testSplitIsExactWithRemaindersToTheLargestThenTheLater() {
        // 10.00 over three equal partners: 333 each, the one unit left to the latest (equal remainders).
        XCTAssertEqual(Split.split(1000, weights: [1, 1, 1]), [333, 333, 334])
        XCTAssertEqual(Split.split(1_000_000, weights: [1, 1, 1]), [333_333, 333_333, 333_334])
        // 40/20/40 of 101: 40.4, 20.2, 40.4 → 40, 20, 40 and one unit left: equal remainders .4, later wins.
        XCTAssertEqual(Split.split(101, weights: [2, 1, 2]), [40, 20, 41])
        XCTAssertEqual(Split.split(7, weights: [0, 1]), [0, 7])  // a zero weight never receives a unit
        // amount × weight passes 64 bits: 9.2e18 × 1e9 — 128-bit products keep it exact.
        let huge: Int64 = 9_000_000_000_000_000_000
        XCTAssertEqual(
            Split.split(huge, weights: [1_000_000_000, 1_000_000_000]),
            [4_500_000_000_000_000_000, 4_500_000_000_000_000_000])
        XCTAssertEqual(Split.split(-5, weights: [1, 1]).reduce(0, +), -5)
    }

    func testOneTouchTwoPartnersAndTheSameMillisecond() throws {
        let t = base + 10 * day
        try click("a1", partner: "pa", at: t - 2 * day)
        try click("b1", partner: "pb", at: t - 1 * day)
        // Two clicks at the same millisecond: ordered by id as bytes, so "c2" is later than "c1".
        try click("c1", partner: "pa", visitor: "w", at: t - 3 * day)
        try click("c2", partner: "pb", visitor: "w", at: t - 3 * day)
        try conversion("x", click: "a1", at: t)
        try conversion("y", click: "c1", at: t + 1)
        let linear = try credits(.linear)
        XCTAssertEqual(
            linear.filter { $0.conversion.conversionId == "x" }.map { $0.touchpoint!.creditedRevenue }, [500, 500])
        let last = try credits(.lastClick).filter { $0.conversion.conversionId == "y" }
        XCTAssertEqual(last.map { $0.touchpoint!.clickId }, ["c1", "c2"])
        XCTAssertEqual(last.map { $0.touchpoint!.weight }, [0, 1])  // the later id is the last click
        // Linear over the tie: 500/500 of 1000, and of 1,000,000 millionths 500,000 each.
        XCTAssertEqual(
            try credits(.linear).filter { $0.conversion.conversionId == "y" }.map { $0.touchpoint!.millionths },
            [500_000, 500_000])
    }

    func testWindowEdgesToTheMillisecond() throws {
        let t = base + 40 * day
        try click("edge", partner: "pa", visitor: "e", at: t - 30 * day)  // exactly W days old: counts
        try click("old", partner: "pb", visitor: "e", at: t - 30 * day - 1)  // one millisecond older: out
        try click("late", partner: "pb", visitor: "e", at: t + 1)  // after the conversion: out
        try conversion("x", click: "edge", at: t)
        XCTAssertEqual(try credits(.linear).map { $0.touchpoint?.clickId }, ["edge"])
    }

    func testDerivedDuplicatesBotsFraudScoreAndSelfReferral() throws {
        let t = base + 10 * day
        try click("k1", partner: "pa", visitor: "d", at: t - 5 * day)
        // k2 is 1 ms inside the 60-minute window: a duplicate; k3 exactly one window after k1: kept.
        try click("k2", partner: "pa", visitor: "d", at: t - 5 * day + 3_600_000 - 1)
        try click("k3", partner: "pa", visitor: "d", at: t - 5 * day + 3_600_000)
        try click("bot", partner: "pb", visitor: "d", at: t - 4 * day, reasons: #"["bot_user_agent"]"#)
        // The threshold 0.605 reads as 60.5: f1's 60.6 is above it, f2's 60.5 is not (eligible).
        try click("f1", partner: "pc", visitor: "d", at: t - 3 * day, score: 60.6)
        try click("f2", partner: "pc", visitor: "d", at: t - 3 * day + 2 * 3_600_000, score: 60.5)
        try click("s", partner: "self", visitor: "d", at: t - 2 * day)
        try conversion("x", click: "k1", at: t, customer: "cs")
        let rows = try credits(.linear)
        XCTAssertEqual(rows.map { $0.touchpoint?.clickId }, ["k1", "k3", "f2"])  // the self-referrer's click dropped
        XCTAssertTrue(rows[0].conversion.isSelfReferral)
        XCTAssertEqual(rows[0].conversion.selfReferringPartners, ["self"])
        // The production view reads the clicks only of conversions whose customer's email is a
        // partner's: "self" is flagged by its click although "pa" is the production partner.
        let production = try AffiliateReport(scope: ReportScope()).typedRows(on: store)
        XCTAssertEqual(production.first { $0.group == "self" }?.selfReferredConversions, 1)
        XCTAssertEqual(production.first { $0.group == "pa" }?.productionConversions, 1)
        XCTAssertEqual(production.reduce(0) { $0 + $1.selfReferredConversions }, 1)
    }

    func testAConversionWithNoEligibleClickIsUnattributedNeverDropped() throws {
        let t = base + 10 * day
        try click("only", partner: "pa", visitor: "n", at: t - 2 * day, status: "FRAUD")
        try conversion("x", click: "only", at: t, total: 777)
        let rows = try credits(.lastClick)
        XCTAssertEqual(rows.count, 1)
        XCTAssertNil(rows[0].touchpoint)
        var options = AttributionOptions()
        options.model = .lastClick
        let report = try AffiliateReport(scope: ReportScope(), options: options).typedRows(on: store)
        XCTAssertEqual(report.first { $0.group == AffiliateReport.unattributed }?.revenue, 777)
    }

    /// AFFILIATE.md §5: `reversed_conversions` is a credited share, like `conversions`. One
    /// REVERSED conversion touched by three partners under linear: each partner carries a third of
    /// it (333,333 / 333,333 / 333,334 millionths, the unit left to the later touchpoint), and its
    /// reversal rate is that share over its own active share plus it.
    func testAReversedConversionSharedByThreeClicksChargesEachPartnerItsShare() throws {
        let t = base + 10 * day
        try click("r1", partner: "pa", visitor: "r", at: t - 3 * day)
        try click("r2", partner: "pb", visitor: "r", at: t - 2 * day)
        try click("r3", partner: "pc", visitor: "r", at: t - 1 * day)
        try conversion("rev", click: "r1", at: t, total: 900, status: "REVERSED")
        // pa also has one active conversion of its own: conversions 1, reversed 1/3.
        try click("a", partner: "pa", visitor: "s", at: t - day)
        try conversion("ok", click: "a", at: t, total: 500)
        var options = AttributionOptions()
        options.model = .linear
        let table = try AffiliateReport(scope: ReportScope(), options: options).run(on: store)
        func cell(_ group: String, _ column: String) -> String? {
            let row = table.rows.first { $0[table.columns.firstIndex(of: "group")!] == .text(group) }
            return row?[table.columns.firstIndex(of: column)!].plainText
        }
        XCTAssertEqual(cell("pa", "reversed_conversions"), "0.333333")
        XCTAssertEqual(cell("pb", "reversed_conversions"), "0.333333")
        XCTAssertEqual(cell("pc", "reversed_conversions"), "0.333334")
        XCTAssertEqual(cell("pa", "reversed_revenue"), "3.00")  // 900 / 3 in minor units
        // pa: 0.333333 / (1 + 0.333333) = 0.249999 8…; pb: only reversed credit, rate 1.
        XCTAssertEqual(cell("pa", "reversal_rate"), "0.250000")
        XCTAssertEqual(cell("pb", "reversal_rate"), "1.000000")
        // Last click: only pc (the last touchpoint) is charged, the whole conversion.
        options.model = .lastClick
        let last = try AffiliateReport(scope: ReportScope(), options: options).typedRows(on: store)
        XCTAssertEqual(last.first { $0.group == "pc" }?.reversedMillionths, 1_000_000)
        XCTAssertEqual(last.first { $0.group == "pa" }?.reversedMillionths, 0)
        XCTAssertEqual(last.first { $0.group == "pb" }?.reversedMillionths, 0)
    }

    /// AFFILIATE.md §5: the `(unattributed)` row carries production's figures for the active
    /// conversions no touchpoint credited — the commission paid without click evidence — while the
    /// production partner's own row keeps them too.
    func testTheUnattributedRowCarriesProductionsCommission() throws {
        let t = base + 10 * day
        try click("gone", partner: "pb", visitor: "n", at: t - 2 * day, status: "FRAUD")
        try conversion("u", partner: "pb", click: "gone", at: t, total: 4000)  // production commission 400
        try click("fine", partner: "pa", visitor: "m", at: t - day)
        try conversion("c", click: "fine", at: t, total: 1000)
        try conversion("ur", partner: "pb", click: "gone", at: t + 1, total: 3000, status: "REVERSED")
        var options = AttributionOptions()
        options.model = .linear
        let rows = try AffiliateReport(scope: ReportScope(), options: options).typedRows(on: store)
        let unattributed = try XCTUnwrap(rows.first { $0.group == AffiliateReport.unattributed })
        XCTAssertEqual(unattributed.productionConversions, 1)  // the reversed one is not active
        XCTAssertEqual(unattributed.productionRevenue, 4000)
        XCTAssertEqual(unattributed.productionCommission, 400)
        XCTAssertEqual(unattributed.commission, 0)  // no click evidence: no model commission
        XCTAssertEqual(unattributed.reversedMillionths, 1_000_000)
        XCTAssertEqual(rows.first { $0.group == "pb" }?.productionCommission, 400)
        XCTAssertEqual(rows.first { $0.group == "pa" }?.productionCommission, 100)
    }

    /// Names beside ids (docs/REPORTS.md): a partner's `displayName`, else its first and last
    /// name; a link's `name`, else its tracking code; a combined group names each component.
    func testGroupsCarryTheNamesPeopleUse() throws {
        try execute(
            """
            UPDATE "affiliate_partners" SET "displayName" = 'Ada''s Shop' WHERE "id" = 'pa';
            UPDATE "affiliate_links" SET "name" = 'Spring mailer' WHERE "id" = 'l_pa';
            """)
        let t = base + 10 * day
        try click("n1", partner: "pa", visitor: "n", at: t - day)
        try click("n2", partner: "pb", visitor: "m", at: t - day)
        try conversion("x", click: "n1", at: t)
        func names(_ groupings: [AffiliateReport.Grouping]) throws -> [String: String] {
            let rows = try AffiliateReport(scope: ReportScope(), groupings: groupings).typedRows(on: store)
            return Dictionary(uniqueKeysWithValues: rows.map { ($0.group, $0.groupName ?? "nil") })
        }
        XCTAssertEqual(try names([.partner]), ["pa": "Ada's Shop", "pb": "F L"])
        XCTAssertEqual(try names([.link]), ["l_pa": "Spring mailer", "l_pb": "t_pb"])
        XCTAssertEqual(
            try names([.partner, .link]), ["pa | l_pa": "Ada's Shop | Spring mailer", "pb | l_pb": "F L | t_pb"])
        XCTAssertEqual(try names([.tier]), ["BRONZE": "BRONZE"])
        // affiliate-credits names the touchpoint's partner and link beside their ids.
        let credit = try XCTUnwrap(try credits(.lastClick).first)
        XCTAssertEqual(credit.partnerName, "Ada's Shop")
        XCTAssertEqual(credit.linkName, "Spring mailer")
        XCTAssertEqual(credit.productionPartnerName, "Ada's Shop")
    }

    /// A2's second step: a conversion whose own click has no visitor takes the visitors of the
    /// clicks whose session is its order's funnel session — here two, each with a click.
    func testAConversionWithoutAVisitorTakesTheVisitorsOfItsOrdersFunnelSession() throws {
        let t = base + 10 * day
        try execute(
            """
            INSERT INTO "orders" ("id", "companyId", "customerId", "orderNumber", "shippingSnapshot", "billingSnapshot", "subtotal", "total", "updatedAt")
            VALUES ('ord', 'co', 'cu', 'N1', '{}', '{}', 1000, 1000, '2026-01-01T00:00:00.000Z');
            INSERT INTO "funnels" ("id", "companyId", "name", "slug", "shortId", "type", "updatedAt", "createdBy")
            VALUES ('f', 'co', 'F', 'f', 'F1', 'FULL_FUNNEL', '2026-01-01T00:00:00.000Z', 'u');
            INSERT INTO "funnel_sessions" ("id", "funnelId", "sessionToken", "orderId") VALUES ('fs_1', 'f', 'tok', 'ord');
            """)
        try click("w1-click", partner: "pa", visitor: "w1", at: t - 3 * day, session: "fs_1")
        try click("w2-click", partner: "pb", visitor: "w2", at: t - day, session: "fs_1")
        try click("other", partner: "pc", visitor: "w3", at: t - day, session: "fs_2")  // another session
        try click("own", partner: "pa", visitor: nil, at: t - 1000)  // the conversion's own click: no visitor
        try conversion("oc", click: "own", at: t, total: 1000, order: "ord")
        // Linear: the two session visitors' clicks share the credit, 500 each; the own click (no
        // visitor) and the other session's click are not touchpoints.
        let rows = try credits(.linear)
        XCTAssertEqual(rows.map(\.conversion.visitorSource), ["order_session", "order_session"])
        XCTAssertEqual(rows.compactMap(\.touchpoint?.clickId), ["w1-click", "w2-click"])
        XCTAssertEqual(rows.compactMap(\.touchpoint?.creditedRevenue), [500, 500])
    }

    /// The identities, over SampleData's affiliate exports, for every model.
    func testIdentitiesOverSampleData() throws {
        let fixture = try ReportFixture.sampleData()
        // One model keeps the suite fast (the run itself checks the identities on every model: the
        // goldens run all of them); this checks them from the outside.
        for model in [AttributionModel.linear] {
            var options = AttributionOptions()
            options.model = model
            let rows = try AffiliateCreditsReport(scope: ReportScope(), options: options).typedRows(on: fixture)
            var byConversion: [String: [AffiliateCreditsReport.Row]] = [:]
            for row in rows { byConversion[row.conversion.conversionId, default: []].append(row) }
            for (id, rows) in byConversion where rows[0].touchpoint != nil {
                XCTAssertEqual(rows.reduce(0) { $0 + $1.touchpoint!.millionths }, 1_000_000, "\(model) \(id)")
                XCTAssertEqual(
                    rows.reduce(0) { $0 + $1.touchpoint!.creditedRevenue }, rows[0].conversion.orderTotal,
                    "\(model) \(id)")
            }
            let report = try AffiliateReport(scope: ReportScope(), options: options).typedRows(on: fixture)
            for currency in Set(report.map(\.currency)) {
                let total = report.filter { $0.currency == currency }
                let conversions = byConversion.values.map { $0[0].conversion }.filter {
                    $0.currency == currency && $0.status != .reversed
                }
                XCTAssertEqual(
                    total.reduce(0) { $0 + $1.revenue }, conversions.reduce(0) { $0 + $1.orderTotal },
                    "\(model) \(currency)")
                XCTAssertEqual(
                    total.reduce(0) { $0 + $1.commission },
                    rows.filter { $0.conversion.currency == currency }.reduce(0) {
                        $0 + ($1.touchpoint?.commission ?? 0)
                    },
                    "\(model) \(currency): partner totals are the sums of touchpoint commissions")
            }
        }
    }

    func testClickQueueCountsByStatusOldestPendingAgeAndRetries() throws {
        for (id, status, queued, retries) in [
            ("q1", "PENDING", "2026-02-01T00:00:00.000Z", 0), ("q2", "PENDING", "2026-02-01T00:10:00.000Z", 0),
            ("q3", "FAILED", "2026-02-01T00:00:00.000Z", 3), ("q4", "FAILED", "2026-02-01T00:00:00.000Z", 3),
            ("q5", "FAILED", "2026-02-01T00:00:00.000Z", 1), ("q6", "COMPLETED", "2026-02-01T00:00:00.000Z", 0),
            ("q7", "PENDING", "2026-03-01T00:00:00.000Z", 0),  // queued after --as-of: not yet in the queue
        ] {
            try execute(
                """
                INSERT INTO "affiliate_click_queue" ("id", "partnerId", "linkId", "companyId", "ipAddress", "status", "queuedAt", "retryCount")
                VALUES ('\(id)', 'pa', 'l_pa', 'co', 'h:x', '\(status)', '\(queued)', \(retries))
                """)
        }
        let asOf = try UTCTimestamp.parse("2026-02-01T01:00:00.000Z").get()
        let rows = try ClickQueueReport(scope: ReportScope(), asOf: asOf).typedRows(on: store)
        XCTAssertEqual(rows.count, 1)
        XCTAssertEqual(rows[0].pending, 2)
        XCTAssertEqual(rows[0].failed, 3)
        XCTAssertEqual(rows[0].oldestPendingAgeSeconds, 3600)  // q1, one hour before --as-of
        XCTAssertEqual(rows[0].failedByRetries, "1:1 3:2")
    }
}
