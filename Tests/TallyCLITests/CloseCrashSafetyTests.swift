import Foundation
import XCTest

/// Issue 23: `kill -9` at any point of a real billing close or payout close leaves the store wholly
/// before or wholly after it — the ledger, the written rows and the schema — never in between.
final class CloseCrashSafetyTests: XCTestCase {
    private let sqlite3 = URL(fileURLWithPath: "/usr/bin/sqlite3")

    /// The close's footprint: ledger rows, ledger items, invoice lines, summary rows, payout rows and
    /// ledger entries (sqlite3 rolls a killed writer's hot journal back before it answers).
    private func footprint(_ db: String) throws -> String {
        let tables = [
            "tally_closes", "tally_close_items", "tally_billing_lines", "cs_ai_usage_summary", "affiliate_payouts",
            "tally_affiliate_ledger",
        ]
        let sql = tables.map { #"SELECT '\#($0)', COUNT(*) FROM "\#($0)";"# }.joined(separator: " ")
        let result = try TallyRunner.run([db, sql], program: sqlite3)
        XCTAssertEqual(result.status, 0, result.stderr)
        return result.stdout
    }

    /// Runs `arguments` and kills it after each delay, on a fresh copy of `source` each time.
    private func killAtPoints(
        _ arguments: [String], source: String, delays: [Double], directory: URL, label: String
    ) throws -> [String] {
        let after = directory.appendingPathComponent("\(label)-after.sqlite").path
        try FileManager.default.copyItem(atPath: source, toPath: after)
        let complete = try TallyRunner.run(arguments + ["--db", after])
        XCTAssertEqual(complete.status, 0, complete.stderr)
        let (before, done) = (try footprint(source), try footprint(after))
        XCTAssertNotEqual(before, done, "\(label): the close wrote something")
        var outcomes: [String] = []
        for (index, delay) in delays.enumerated() {
            let db = directory.appendingPathComponent("\(label)-kill-\(index).sqlite").path
            try FileManager.default.copyItem(atPath: source, toPath: db)
            try TallyRunner.runKilled(arguments + ["--db", db], after: delay)
            let now = try footprint(db)
            XCTAssertTrue(now == before || now == done, "\(label) killed after \(delay) s: neither before nor after")
            outcomes.append(now == before ? "before" : "after")
            let check = try TallyRunner.run(["schema", "check", "--db", db])
            XCTAssertEqual(check.status, 0, "\(label) killed after \(delay) s: \(check.stdout)\(check.stderr)")
        }
        return outcomes
    }

    func testAKilledBillingCloseLeavesTheStoreBeforeOrAfter() throws {
        let directory = try TallyRunner.temporaryDirectory(for: self)
        let db = directory.appendingPathComponent("usage.sqlite").path
        XCTAssertEqual(try TallyRunner.run(["migrate", "up", "--db", db]).status, 0)
        // 300,000 usage records of one month: the real close writes a ledger item per record (seconds).
        let fill = try TallyRunner.run(
            [
                db,
                """
                INSERT INTO organizations (id, name, slug, updatedAt) VALUES ('org', 'Org', 'org', '2026-01-01T00:00:00.000Z');
                INSERT INTO clients (id, organizationId, name, slug, updatedAt) VALUES ('cl', 'org', 'C', 'c', '2026-01-01T00:00:00.000Z');
                INSERT INTO companies (id, clientId, name, slug, timezone, currency, updatedAt)
                  VALUES ('co', 'cl', 'Co', 'co', 'UTC', 'USD', '2026-01-01T00:00:00.000Z');
                INSERT INTO tally_cs_ai_price_tiers (id, organizationId, effectiveFrom, currency, minimumMonthlyFeeMinor,
                  usageType, meter, pricingUnitBase, perRecordIncrementSeconds, includedUnits, tierMode, tierIndex, upToUnits,
                  unitPriceMicros)
                VALUES ('t0', 'org', '2025-01-01T00:00:00.000Z', 'USD', 2500, 'VOICE_CALL', 'CALL_SECONDS', 60, 6, 100,
                  'GRADUATED', 0, NULL, 45000000);
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300000)
                INSERT INTO cs_ai_usage (id, companyId, clientId, usageType, tier, channel, durationSeconds, occurredAt)
                SELECT printf('u%09d', i), 'co', 'cl', 'VOICE_CALL', 'AI_REP', 'x', 30 + i % 900,
                  strftime('%Y-%m-%dT%H:%M:%fZ', '2026-01-01', '+' || (i * 8) || ' seconds') FROM n;
                """,
            ], program: sqlite3)
        XCTAssertEqual(fill.status, 0, fill.stderr)
        let outcomes = try killAtPoints(
            ["billing", "close", "--period", "2026-01", "--as-of", "2026-02-05T00:00:00Z", "--format", "csv"],
            source: db, delays: [0.05, 0.3, 0.8, 1.5, 2.5, 4.0], directory: directory, label: "billing")
        XCTAssertTrue(outcomes.contains("before"), "at least one kill lands mid-close: \(outcomes)")
    }

    func testAKilledPayoutCloseLeavesTheStoreBeforeOrAfter() throws {
        let directory = try TallyRunner.temporaryDirectory(for: self)
        let db = directory.appendingPathComponent("sample.sqlite").path
        let sampleData = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("SampleData").path
        XCTAssertEqual(try TallyRunner.run(["load", sampleData, "--db", db, "--quiet"]).status, 0)
        // On a model basis the close credits every conversion through the clicks first.
        let outcomes = try killAtPoints(
            [
                "affiliate", "payouts", "--period", "2026-01", "--as-of", "2026-05-15T00:00:00Z", "--basis", "model",
                "--model", "linear", "--format", "csv",
            ],
            source: db, delays: [0.02, 0.05, 0.1, 0.2, 0.4, 0.8], directory: directory, label: "payouts")
        XCTAssertEqual(outcomes.count, 6)
    }
}
