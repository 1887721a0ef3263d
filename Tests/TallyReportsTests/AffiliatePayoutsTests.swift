import GRDB
import TallyCore
import XCTest

@testable import TallyAffiliate
@testable import TallyReporting
@testable import TallyStore

/// Payout closes (docs/AFFILIATE.md, section 6) on hand-checked cases. Company in UTC, hold 14 days,
/// threshold 10.00, commissions in cents.
final class AffiliatePayoutsTests: XCTestCase {
    private var store: Store!
    private let day: Int64 = 86_400_000
    private let february = try! UTCTimestamp.parse("2026-02-01T00:00:00.000Z").get()
    private let march = try! UTCTimestamp.parse("2026-03-01T00:00:00.000Z").get()  // February's end E

    override func setUpWithError() throws {
        store = try Store.open(path: ":memory:")
        try execute(
            """
            INSERT INTO "organizations" ("id", "name", "slug", "updatedAt") VALUES ('o', 'O', 'o', '2026-01-01T00:00:00.000Z');
            INSERT INTO "clients" ("id", "organizationId", "name", "slug", "updatedAt") VALUES ('cl', 'o', 'C', 'c', '2026-01-01T00:00:00.000Z');
            INSERT INTO "companies" ("id", "clientId", "name", "slug", "timezone", "currency", "updatedAt")
            VALUES ('co', 'cl', 'Co', 'co', 'UTC', 'USD', '2026-01-01T00:00:00.000Z');
            INSERT INTO "affiliate_program_configs" ("id", "companyId", "holdPeriodDays", "minimumPayoutThreshold", "updatedAt")
            VALUES ('pc', 'co', 14, 1000, '2026-01-01T00:00:00.000Z');
            """)
        for (partner, status) in [("p", "ACTIVE"), ("idle", "INACTIVE")] {
            try execute(
                """
                INSERT INTO "affiliate_partners" ("id", "companyId", "email", "firstName", "lastName", "affiliateCode", "status", "payoutMethod", "payoutThreshold", "updatedAt")
                VALUES ('\(partner)', 'co', '\(partner)@p', 'F', 'L', 'c_\(partner)', '\(status)', 'BANK_TRANSFER', 1000, '2026-01-01T00:00:00.000Z');
                INSERT INTO "affiliate_links" ("id", "partnerId", "companyId", "destinationUrl", "trackingCode", "updatedAt")
                VALUES ('l_\(partner)', '\(partner)', 'co', 'https://x', 't_\(partner)', '2026-01-01T00:00:00.000Z');
                """)
        }
    }

    private func execute(_ sql: String) throws { try store.queue.write { db in try db.execute(sql: sql) } }

    private func conversion(
        _ id: String, partner: String = "p", at time: Int64, commission: Int64, status: String = "APPROVED",
        approved: Int64? = nil,
        reversed: Int64? = nil, reversal: Int64? = nil
    ) throws {
        func text(_ value: Int64?) -> String { value.map { "'\(UTCTimestamp.format($0))'" } ?? "NULL" }
        try execute(
            """
            INSERT INTO "affiliate_conversions" ("id", "partnerId", "linkId", "companyId", "orderTotal", "currency", "commissionRate",
              "commissionAmount", "attributionWindow", "status", "convertedAt", "approvedAt", "reversedAt", "reversalAmount", "updatedAt")
            VALUES ('\(id)', '\(partner)', 'l_\(partner)', 'co', 10000, 'USD', 10, \(commission), 30, '\(status)', \(text(time)),
              \(text(approved ?? time + day)), \(text(reversed)), \(reversal.map(String.init) ?? "NULL"), '2026-01-01T00:00:00.000Z')
            """)
    }

    private func close(_ period: String) throws -> [AffiliatePayouts.Row] {
        let result = try AffiliatePayouts.run(
            period: CalendarMonth(period)!, asOf: try UTCTimestamp.parse("2026-06-01T00:00:00Z").get(),
            companies: ["co"], on: store,
            dryRun: false)
        return result[0].detail
    }

    func testHoldEdgeAndApprovalAtMonthEnd() throws {
        try conversion("edge", at: march - 14 * day, commission: 1000)  // converted + 14 days = E exactly: accrued
        try conversion("inhold", at: march - 14 * day + 1, commission: 700)  // 1 ms later: still in hold
        try conversion("atend", at: february + day, commission: 500, approved: march)  // approved exactly at E: not yet
        let feb = try close("2026-02")
        XCTAssertEqual(feb.first?.gross, 1000)
        XCTAssertEqual(feb.first?.approvedInHold, 700)
        XCTAssertEqual(feb.first?.pendingOrDisputed, 500)  // approved exactly at E: PENDING as of E (strict)
        let mar = try close("2026-03")
        XCTAssertEqual(mar.first?.gross, 1200)  // both accrue in March
    }

    func testClawbacksWithAndWithoutReversalAmountAndReversalBeforeAccrual() throws {
        // Today all three are REVERSED; as of February's end only "early" was.
        try conversion(
            "a", at: february + day, commission: 2000, status: "REVERSED", reversed: march + 5 * day, reversal: 500)
        try conversion("b", at: february + day, commission: 1500, status: "REVERSED", reversed: march + 6 * day)
        // Reversed before it could accrue (still in hold): it never appears.
        try conversion(
            "early", at: february + 20 * day, commission: 900, status: "REVERSED", reversed: february + 25 * day)
        let feb = try close("2026-02")
        XCTAssertEqual(feb[0].gross, 3500)  // a and b accrue; "early" is REVERSED at E and was never accrued
        XCTAssertTrue(feb[0].isPaid)  // 35.00 ≥ 10.00, ACTIVE
        let mar = try close("2026-03")
        XCTAssertEqual(mar[0].reversals, 2000)  // 500 (its reversalAmount) + 1500 (its commission)
        XCTAssertEqual(mar[0].balance, -2000)  // a negative balance…
        XCTAssertFalse(mar[0].isPaid)
        XCTAssertEqual(mar[0].carriedOut, -2000)  // …is carried
        XCTAssertEqual(mar[0].carriedIn + mar[0].net, mar[0].paid + mar[0].carriedOut)
        let apr = try close("2026-04")
        XCTAssertEqual(apr[0].carriedIn, -2000)
        XCTAssertEqual(apr[0].reversals, 0)  // never clawed back twice
    }

    func testDisputedWaitsAndAnInactivePartnerCarries() throws {
        try conversion("d", at: february + day, commission: 3000, status: "DISPUTED")
        try conversion("i", partner: "idle", at: february + day, commission: 5000)
        let feb = try close("2026-02")
        let p = try XCTUnwrap(feb.first { $0.partner == "p" })
        XCTAssertEqual(p.gross, 0)
        XCTAssertEqual(p.pendingOrDisputed, 3000)
        let idle = try XCTUnwrap(feb.first { $0.partner == "idle" })
        XCTAssertEqual(idle.balance, 5000)
        XCTAssertFalse(idle.isPaid)  // INACTIVE: carried whatever the threshold
        XCTAssertEqual(idle.carriedOut, 5000)
    }

    func testAPaidBalanceIsAPayoutRowAndARerunWritesNothing() throws {
        try conversion("x", at: february + day, commission: 1234)
        let feb = try close("2026-02")
        let payout = try store.queue.read { db in try Row.fetchOne(db, sql: #"SELECT * FROM "affiliate_payouts""#) }
        XCTAssertEqual(payout?["id"], feb[0].payoutId)
        XCTAssertEqual(payout?["idempotencyKey"], "tally:payout:co:p:USD:2026-02")
        XCTAssertEqual(payout?["amount"], 1234)
        XCTAssertEqual(payout?["method"], "BANK_TRANSFER")
        XCTAssertEqual((payout?["id"] as String?)?.count, 28)  // tpo_ + 24 hex digits
        let again = try AffiliatePayouts.run(
            period: CalendarMonth("2026-02")!, asOf: try UTCTimestamp.parse("2026-06-01T00:00:00Z").get(),
            companies: ["co"],
            on: store, dryRun: false)
        XCTAssertEqual(again[0].outcome, .unchanged)
        XCTAssertEqual(again[0].detail.map(\.balance), feb.map(\.balance))
    }

    /// A value past the store's CHECK (a ledger or export edited by hand) is decoded where the row
    /// enters Swift and refused with table, column and value — before, an unknown ledger kind was
    /// read as a balance and an unknown status as not approved.
    func testValuesOutsideProductionsEnumsAreClearErrors() throws {
        try conversion("a", at: february + day, commission: 2000)
        _ = try close("2026-02")
        try execute(
            """
            PRAGMA ignore_check_constraints = ON;
            UPDATE "tally_affiliate_ledger" SET "kind" = 'BONUS' WHERE "kind" = 'BALANCE';
            """)
        XCTAssertThrowsError(try close("2026-03")) { error in
            XCTAssertEqual(
                error as? ReportError,
                .unknownValue(
                    table: "tally_affiliate_ledger", column: "kind", value: "BONUS",
                    known: ["ACCRUAL", "CLAWBACK", "BALANCE"]))
            XCTAssertEqual((error as? ReportError)?.exitStatus, .dataError)
            XCTAssertTrue(
                (error as? ReportError)?.message.contains("tally_affiliate_ledger.kind holds 'BONUS'") ?? false)
        }
        try execute(
            """
            UPDATE "tally_affiliate_ledger" SET "kind" = 'BALANCE' WHERE "kind" = 'BONUS';
            UPDATE "affiliate_conversions" SET "status" = 'ARCHIVED' WHERE "id" = 'a';
            """)
        XCTAssertThrowsError(try close("2026-03")) { error in
            guard case .unknownValue("affiliate_conversions", "status", "ARCHIVED", _)? = error as? ReportError else {
                return XCTFail("\(error)")
            }
        }
    }

    /// Issue 23, item 1: two commissions of 5·10^18 minor units (a store edited by hand) overflowed
    /// the partner's gross and trapped; the close now refuses with what overflowed, exit 65.
    func testAGrossBeyond64BitsIsAClearErrorNotATrap() throws {
        try conversion("big1", at: february + day, commission: 5_000_000_000_000_000_000)
        try conversion("big2", at: february + 2 * day, commission: 5_000_000_000_000_000_000)
        XCTAssertThrowsError(try close("2026-02")) { error in
            XCTAssertEqual(error as? ArithmeticOverflow, ArithmeticOverflow(what: "the gross of partner p (USD)"))
            XCTAssertEqual((error as? ArithmeticOverflow)?.exitStatus, .dataError)
        }
    }
}
