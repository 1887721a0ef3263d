import Crypto
import Foundation
import GRDB
import TallyCore
import XCTest

@testable import TallyCSAI
@testable import TallyReporting
@testable import TallyStore

/// Hand-derived billing examples beyond the shared vectors, with the arithmetic in comments, and
/// the pricing table's refusals.
final class BillingCloseTests: XCTestCase {
    private var store: Store!

    override func setUpWithError() throws {
        store = try Store.open(path: ":memory:")
        try execute(
            """
            INSERT INTO "organizations" ("id", "name", "slug", "updatedAt") VALUES ('org', 'Org', 'org', '2026-01-01T00:00:00.000Z');
            INSERT INTO "clients" ("id", "organizationId", "name", "slug", "updatedAt") VALUES ('cl', 'org', 'C', 'c', '2026-01-01T00:00:00.000Z');
            INSERT INTO "companies" ("id", "clientId", "name", "slug", "timezone", "currency", "updatedAt") VALUES
              ('us', 'cl', 'US', 'us', 'America/New_York', 'USD', '2026-01-01T00:00:00.000Z'),
              ('be', 'cl', 'BE', 'be', 'Europe/Berlin', 'USD', '2026-01-01T00:00:00.000Z');
            """)
    }

    private func execute(_ sql: String) throws { try store.queue.write { db in try db.execute(sql: sql) } }

    private func usage(
        _ id: String, company: String = "us", type: String = "VOICE_CALL", tier: String = "AI_REP", seconds: Int? = nil,
        messages: Int = 0, tokens: (input: Int, output: Int) = (0, 0), at occurredAt: String, call: String? = nil
    ) throws {
        if let call {
            try execute(
                """
                INSERT OR IGNORE INTO "customers" ("id", "companyId", "email", "updatedAt") VALUES ('cu', '\(company)', 'a@x', '2026-01-01T00:00:00.000Z');
                INSERT OR IGNORE INTO "voice_calls" ("id", "companyId", "customerId", "twilioCallSid", "direction", "fromNumber", "toNumber", "scriptId", "updatedAt")
                VALUES ('\(call)', '\(company)', 'cu', 'sid_\(call)', 'INBOUND', '1', '2', 's', '2026-01-01T00:00:00.000Z');
                """)
        }
        try execute(
            """
            INSERT OR REPLACE INTO "cs_ai_usage" ("id", "companyId", "clientId", "usageType", "tier", "channel", "durationSeconds", "messageCount", "inputTokens", "outputTokens", "occurredAt", "voiceCallId")
            VALUES ('\(id)', '\(company)', 'cl', '\(type)', '\(tier)', 'c', \(seconds.map(String.init) ?? "NULL"), \(messages), \(tokens.input), \(tokens.output), '\(occurredAt)', \(call.map { "'\($0)'" } ?? "NULL"))
            """)
    }

    /// One voice component: `included` free minutes, one graduated tier at `micros` per minute.
    private func voicePricing(
        id: String = "v", effectiveFrom: String = "2025-01-01T00:00:00.000Z", included: Int = 0, micros: Int,
        minimum: Int = 0,
        currency: String = "USD", mode: String = "GRADUATED", tierIndex: Int = 0, upTo: Int? = nil
    ) throws {
        try execute(
            """
            INSERT INTO "tally_cs_ai_price_tiers" ("id", "organizationId", "effectiveFrom", "currency", "minimumMonthlyFeeMinor", "usageType", "meter",
              "pricingUnitBase", "includedUnits", "tierMode", "tierIndex", "upToUnits", "unitPriceMicros")
            VALUES ('\(id)', 'org', '\(effectiveFrom)', '\(currency)', \(minimum), 'VOICE_CALL', 'CALL_SECONDS', 60, \(included), '\(mode)', \(tierIndex),
              \(upTo.map(String.init) ?? "NULL"), \(micros))
            """)
    }

    /// Closes `period` for `company`, after checking that the billing rollups plan the same close.
    private func close(_ company: String, _ period: String, asOf: String = "2027-01-01T00:00:00Z") throws
        -> BillingClose.Result
    {
        try assertBillingRollupsAgree(
            company: company, period: CalendarMonth(period)!, asOf: try UTCTimestamp.parse(asOf).get(), on: store)
        let (result, plan) = try BillingClose.plan(
            company: company, period: CalendarMonth(period)!, asOf: try UTCTimestamp.parse(asOf).get(), on: store)
        _ = try CloseStage.execute(plan, on: store, dryRun: false)
        return result
    }

    private func amount(_ result: BillingClose.Result, _ meter: String, kind: BillingClose.Line.Kind = .usage) -> Int64?
    {
        result.lines.first { $0.kind == kind && $0.meter == meter }?.amountMinor
    }

    func testProductionPricingMultipliersOnAnOverageStraddlingTheAllowance() throws {
        // 10 free minutes = 600 s; overage 75 c/min = 1.25 c/s.
        try execute(
            """
            INSERT INTO "cs_ai_pricing" ("id", "organizationId", "aiRepMultiplier", "aiManagerMultiplier", "humanAgentMultiplier",
              "monthlyMinutesAllowance", "overageVoicePerMinuteCents", "updatedAt")
            VALUES ('p', 'org', 1.1, 1.25, 2.5, 10, 75, '2026-01-01T00:00:00.000Z')
            """)
        // In record order: r1 (AI_REP, 400 s) is all free; r2 (AI_MANAGER, 500 s) straddles: 200 s
        // free, 300 s over × 1.25 c/s × 1.25 = 468.75 c; r3 (HUMAN_AGENT, 60 s) all over:
        // 60 × 1.25 × 2.5 = 187.5 c. Voice line = 656.25 c, rounded once → 656 c.
        try usage("r1", tier: "AI_REP", seconds: 400, at: "2026-03-02T12:00:00.000Z")
        try usage("r2", tier: "AI_MANAGER", seconds: 500, at: "2026-03-03T12:00:00.000Z")
        try usage("r3", tier: "HUMAN_AGENT", seconds: 60, at: "2026-03-04T12:00:00.000Z")
        let result = try close("us", "2026-03")
        XCTAssertEqual(amount(result, "CALL_SECONDS"), 656)
        XCTAssertEqual(result.minimumTrueUpMinor, 0)  // production pricing has no minimum
        let summary = Dictionary(uniqueKeysWithValues: result.summaryFields)
        XCTAssertEqual(summary["allowanceUsedMinutes"], "10")  // 600 s
        XCTAssertEqual(summary["overageMinutes"], "6")  // 360 s
        XCTAssertEqual(summary["aiManagerMinutes"], "\"8.33\"")  // 500 s
        // Base cost: voicePerMinuteCents 50 → 50/60 c/s: 400×1.1 + 500×1.25 + 60×2.5 = 1215 weighted s → 1012.5 c → 1013.
        XCTAssertEqual(summary["totalBaseCost"], "1013")
    }

    /// BILLING.md: the summary row's token totals are the priced tokens (voice and chat), so that
    /// `aiTokenCostCents` is the price of exactly those totals; an email's tokens are not in them.
    func testSummaryTokensCountOnlyThePricedRecordsTokens() throws {
        try execute(
            """
            INSERT INTO "cs_ai_pricing" ("id", "organizationId", "inputTokenPrice", "outputTokenPrice", "updatedAt")
            VALUES ('p', 'org', 2, 6, '2026-01-01T00:00:00.000Z')
            """)
        try usage("chat", type: "CHAT_SESSION", messages: 3, tokens: (1500, 500), at: "2026-03-02T12:00:00.000Z")
        try usage("mail", type: "EMAIL_SUPPORT", messages: 1, tokens: (9000, 7000), at: "2026-03-03T12:00:00.000Z")
        let result = try close("us", "2026-03")
        let summary = Dictionary(uniqueKeysWithValues: result.summaryFields)
        XCTAssertEqual(summary["totalInputTokens"], "1500")  // not 10,500: the email's 9,000 are unpriced
        XCTAssertEqual(summary["totalOutputTokens"], "500")
        // 1,500 × 2 c / 1,000 = 3 c; 500 × 6 c / 1,000 = 3 c: the price of exactly those totals.
        XCTAssertEqual(summary["aiTokenCostCents"], "6")
    }

    func testACorrectionThatLowersAClosedPeriodIsANegativeAdjustment() throws {
        try voicePricing(micros: 60_000_000)  // 60 c per minute = 1 c per second, nothing included
        try usage("a", seconds: 600, at: "2026-02-10T12:00:00.000Z")
        XCTAssertEqual(amount(try close("us", "2026-02"), "CALL_SECONDS"), 600)
        try usage("a", seconds: 450, at: "2026-02-10T12:00:00.000Z")  // corrected: 150 s less
        let march = try close("us", "2026-03")
        let adjustment = try XCTUnwrap(march.lines.first { $0.kind == .adjustment })
        XCTAssertEqual(adjustment.amountMinor, -150)
        XCTAssertEqual(adjustment.quantityBase, -150)
        XCTAssertEqual(march.recomputed.map(\.changedRecordIds), [["a"]])
        XCTAssertEqual(march.amountDueMinor, -150)
        // A re-run of February now has changed inputs: refused (exit 4), February never rewritten.
        XCTAssertThrowsError(
            try BillingClose.run(
                period: CalendarMonth("2026-02")!, asOf: try UTCTimestamp.parse("2027-01-01T00:00:00Z").get(),
                companies: ["us"], on: store, dryRun: false)
        ) {
            XCTAssertEqual(($0 as? CloseError)?.exitStatus, .closedPeriodChanged)
            XCTAssertEqual(($0 as? CloseError)?.hint, BillingPeriodClose.afterChange, "the billing close's own word")
        }
    }

    func testEachPeriodIsPricedByItsOwnVersionAlsoWhenReRated() throws {
        try voicePricing(id: "old", effectiveFrom: "2025-01-01T00:00:00.000Z", micros: 60_000_000)  // 1 c/s
        try voicePricing(id: "new", effectiveFrom: "2026-03-01T05:00:00.000Z", micros: 120_000_000)  // 2 c/s from March
        try usage("feb", seconds: 100, at: "2026-02-10T12:00:00.000Z")
        try usage("mar", seconds: 100, at: "2026-03-10T12:00:00.000Z")
        XCTAssertEqual(amount(try close("us", "2026-02"), "CALL_SECONDS"), 100)
        try usage("feb2", seconds: 10, at: "2026-02-11T12:00:00.000Z")  // late February usage
        let march = try close("us", "2026-03")
        XCTAssertEqual(amount(march, "CALL_SECONDS"), 200)  // March at the new price
        // February re-rated at its own price.
        XCTAssertEqual(march.lines.first { $0.kind == .adjustment }?.amountMinor, 10)
    }

    func testABerlinPeriodCrossingDSTAndSharedVoiceCallsWarn() throws {
        try voicePricing(micros: 60_000_000)
        // Berlin's March ends at 22:00Z on March 31 (CEST); 22:30Z is already April there.
        try usage("in", company: "be", seconds: 60, at: "2026-03-31T21:59:59.999Z", call: "vc1")
        try usage("out", company: "be", seconds: 60, at: "2026-03-31T22:30:00.000Z")
        try usage("dup", company: "be", seconds: 30, at: "2026-03-15T12:00:00.000Z", call: "vc1")
        let result = try close("be", "2026-03")
        XCTAssertEqual(result.periodStart, "2026-02-28T23:00:00.000Z")
        XCTAssertEqual(result.periodEnd, "2026-03-31T22:00:00.000Z")
        XCTAssertEqual(result.recordIds.sorted(), ["dup", "in"])
        XCTAssertEqual(result.warnings.count, 1)
        XCTAssertTrue(result.warnings[0].hasPrefix("voice call vc1 has 2 usage records (dup, in)"), result.warnings[0])
    }

    func testPeriodsCloseInOrder() throws {
        try voicePricing(micros: 60_000_000)
        try usage("j", seconds: 1, at: "2026-01-10T12:00:00.000Z")
        try usage("m", seconds: 1, at: "2026-03-10T12:00:00.000Z")
        XCTAssertThrowsError(try close("us", "2026-03")) {
            XCTAssertEqual(
                $0 as? CloseError,
                .periodOutOfOrder(company: "us", period: CalendarMonth("2026-03")!, open: CalendarMonth("2026-01")!))
        }
        _ = try close("us", "2026-01")
        _ = try close("us", "2026-02")  // a quiet month closes too
        _ = try close("us", "2026-03")
        XCTAssertThrowsError(try close("us", "2026-03", asOf: "2026-03-15T00:00:00Z"))  // before the period ends
    }

    func testABadPricingTableIsRefusedWholeNamingTheRowAndRule() throws {
        try usage("x", seconds: 60, at: "2026-03-10T12:00:00.000Z")
        let cases: [(String, () throws -> Void, String)] = [
            (
                "gap",
                {
                    try self.voicePricing(id: "t0", micros: 1, upTo: 10)
                    try self.voicePricing(id: "t2", micros: 1, tierIndex: 2)
                },
                "tierIndex runs 0, 1, 2, … without gaps or repeats (expected 1, got 2)"
            ),
            (
                "overlap",
                {
                    try self.voicePricing(id: "t0", micros: 1, upTo: 100)
                    try self.voicePricing(id: "t1", micros: 1, tierIndex: 1, upTo: 50)
                },
                "tier bounds strictly increase (upToUnits 50 after 100)"
            ),
            (
                "modes",
                {
                    try self.voicePricing(id: "t0", micros: 1, upTo: 10)
                    try self.voicePricing(id: "t1", micros: 1, mode: "VOLUME", tierIndex: 1)
                },
                "one tierMode per component"
            ),
        ]
        for (name, setUp, rule) in cases {
            try execute(#"DELETE FROM "tally_cs_ai_price_tiers""#)
            try setUp()
            XCTAssertThrowsError(try close("us", "2026-03"), name) { error in
                guard case .invalidPricing(_, _, _, let message)? = error as? BillingError else {
                    return XCTFail("\(name): \(error)")
                }
                XCTAssertTrue(message.hasPrefix(rule), "\(name): \(message)")
            }
        }
        try execute(#"DELETE FROM "tally_cs_ai_price_tiers""#)
        try voicePricing(micros: 1, currency: "EUR")
        XCTAssertThrowsError(try close("us", "2026-03")) {
            XCTAssertEqual(
                $0 as? BillingError, .currencyMismatch(company: "us", companyCurrency: "USD", pricingCurrency: "EUR"))
        }
        try execute(#"DELETE FROM "tally_cs_ai_price_tiers""#)
        XCTAssertThrowsError(try close("us", "2026-03")) {
            XCTAssertEqual(
                $0 as? BillingError, .noPricing(company: "us", organization: "org", period: CalendarMonth("2026-03")!))
            XCTAssertTrue(($0 as? BillingError)?.message.contains("organization org") ?? false)
        }
    }

    // MARK: - Streaming (docs/BILLING.md, "Performance")

    private func streamed(_ company: String = "us", period: String = "2026-03") throws -> [UsageRecord] {
        let bounds = try CompanyTimeZone(identifier: "America/New_York").bounds(of: CalendarMonth(period)!)
        var records: [UsageRecord] = []
        try store.queue.read { db in
            try UsageRecord.forEach(company: company, bounds: bounds, db: db) { records.append($0) }
        }
        return records
    }

    func testRecordsSharingAnInstantStreamInIdOrderWhateverOrderTheyWereStoredIn() throws {
        // SQLite returns ties of occurredAt in rowid order (z, then m, then a); the stream sorts
        // each tie by id, so allowances are consumed in (occurredAt, id) order.
        try usage("z", seconds: 10, at: "2026-03-05T12:00:00.000Z")
        try usage("m", seconds: 10, at: "2026-03-05T12:00:00.000Z")
        try usage("early", seconds: 10, at: "2026-03-04T12:00:00.000Z")
        try usage("a", seconds: 10, at: "2026-03-05T12:00:00.000Z")
        try usage("late", seconds: 10, at: "2026-03-06T12:00:00.000Z")
        XCTAssertEqual(try streamed().map(\.id), ["early", "a", "m", "z", "late"])
    }

    func testAContentHashCoversTheDocumentedFieldsAsSQLiteWritesThem() throws {
        // The hash must not change with how the content is assembled: SHA-256 of the fields as
        // SQLite's own text, joined by |, NULL duration as empty text.
        try usage("n", seconds: nil, messages: 7, at: "2026-03-05T12:00:00.000Z")
        try usage("v", seconds: 61, at: "2026-03-06T12:00:00.000Z")
        let expected = try store.queue.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT "usageType" || '|' || "tier" || '|' || COALESCE("durationSeconds", '') || '|' || "messageCount"
                        || '|' || "inputTokens" || '|' || "outputTokens" || '|' || "occurredAt" || '|' || "companyId"
                    FROM "cs_ai_usage" ORDER BY "occurredAt"
                    """)
        }.map { Hex.string(SHA256.hash(data: Data($0.utf8))) }
        XCTAssertEqual(try streamed().map(\.contentHash), expected)
        XCTAssertEqual(expected.count, 2)
    }

    func testAStreamedCloseWritesOneLedgerItemPerRecordAndRefusesInputsThatMovedSincePlanning() throws {
        try voicePricing(micros: 60_000_000)
        try usage("a", seconds: 60, at: "2026-03-05T12:00:00.000Z")
        try usage("b", seconds: 60, at: "2026-03-06T12:00:00.000Z")
        // Planned in a read of its own, then a record changes before the write: the inputs read
        // again no longer hash as planned, and nothing is written.
        let (_, plan) = try BillingClose.plan(
            company: "us", period: CalendarMonth("2026-03")!,
            asOf: try UTCTimestamp.parse("2027-01-01T00:00:00Z").get(), on: store)
        try usage("b", seconds: 90, at: "2026-03-06T12:00:00.000Z")
        XCTAssertThrowsError(try CloseStage.execute(plan, on: store, dryRun: false)) {
            XCTAssertEqual($0 as? CloseError, .inputsMoved(closeId: plan.id))
        }
        XCTAssertEqual(try store.queue.read { try Int.fetchOne($0, sql: #"SELECT COUNT(*) FROM "tally_closes""#) }, 0)
        // Through run, planned inside the close's transaction: written, one item per record.
        _ = try BillingClose.run(
            period: CalendarMonth("2026-03")!, asOf: try UTCTimestamp.parse("2027-01-01T00:00:00Z").get(),
            companies: ["us"], on: store, dryRun: false)
        let items = try store.queue.read { db in
            try String.fetchAll(
                db, sql: #"SELECT "rowId" FROM "tally_close_items" WHERE "role" = 'INPUT' ORDER BY "rowId""#)
        }
        XCTAssertEqual(items, ["a", "b"])
    }
}
