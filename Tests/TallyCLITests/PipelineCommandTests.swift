import Foundation
import XCTest

/// The report pipeline as a user meets it: typed options fail before any store is touched, the
/// embedded queries are inspectable, and tally's own input tables load like exports.
final class PipelineCommandTests: XCTestCase {
    func testBadDatesAndPeriodsFailWithUsageBeforeAStoreIsOpened() throws {
        let directory = try TallyRunner.temporaryDirectory(for: self)
        let db = directory.appendingPathComponent("never.sqlite").path
        for arguments in [
            ["report", "variant-conversion", "--from", "2026-02-30"],
            ["report", "discount-codes", "--to", "2026-13-01"],
            ["report", "discount-codes", "--from", "2026-03-01", "--to", "2026-02-01"],
            ["report", "variant-conversion", "--write-results", "t", "--as-of", "yesterday"],
            ["report", "variant-conversion", "--dry-run"],
            ["report", "variant-conversion", "--sequential-tau", "0"],
            ["report", "variant-conversion", "--sequential-tau", "-0.5"],
        ] {
            let result = try TallyRunner.run(arguments + ["--db", db])
            XCTAssertEqual(result.status, 64, "\(arguments): \(result.stderr)")
            XCTAssertEqual(result.stdout, "")
            XCTAssertFalse(FileManager.default.fileExists(atPath: db), "\(arguments) created the store")
        }
    }

    func testQueryListAndShowPrintWhatTheBinaryCarries() throws {
        let list = try TallyRunner.run(["query", "list"])
        XCTAssertEqual(list.status, 0)
        XCTAssertTrue(list.stdout.contains("variant-conversion/session-arms\n"))
        XCTAssertTrue(list.stdout.contains("shared/session-outcomes\n"))
        let show = try TallyRunner.run(["query", "show", "shared/session-outcomes"])
        XCTAssertTrue(show.stdout.hasPrefix("-- session-outcomes:"))
        let missing = try TallyRunner.run(["query", "show", "nope"])
        XCTAssertEqual(missing.status, 64)
        XCTAssertEqual(missing.stderr, "tally: error: no query named 'nope'; 'tally query list' prints the names\n")
    }

    func testTallysInputTableLoadsLikeAnExportAndBookkeepingIsRefused() throws {
        let directory = try TallyRunner.temporaryDirectory(for: self)
        let db = directory.appendingPathComponent("t.sqlite").path
        let organizations = directory.appendingPathComponent("organizations.csv")
        try "id,name,slug,updatedAt\norg_acme,Acme,acme,2026-01-01 00:00:00\n".write(
            to: organizations, atomically: true, encoding: .utf8)
        let tiers = directory.appendingPathComponent("tally_cs_ai_price_tiers.csv")
        try """
        id,organizationId,effectiveFrom,currency,minimumMonthlyFeeMinor,usageType,meter,unit,pricingUnitBase,includedUnits,tierMode,tierIndex,upToUnits,unitPriceMicros
        t0,org_acme,2025-01-01T00:00:00.000Z,USD,2500,VOICE_CALL,CALL_SECONDS,MINUTE,60,100,GRADUATED,0,500,45000000
        t1,org_acme,2025-01-01T00:00:00.000Z,USD,2500,VOICE_CALL,CALL_SECONDS,MINUTE,60,100,GRADUATED,1,,40000000
        t2,org_acme,2025-01-01T00:00:00.000Z,USD,2500,VOICE_CALL,FAX_PAGES,MINUTE,60,100,GRADUATED,2,,1

        """.write(to: tiers, atomically: true, encoding: .utf8)
        let load = try TallyRunner.run(["load", organizations.path, tiers.path, "--db", db, "--format", "csv"])
        XCTAssertEqual(load.status, 3, load.stderr)
        XCTAssertTrue(load.stdout.contains("tally_cs_ai_price_tiers,1,3,2,0,0,1,0"), load.stdout)
        XCTAssertTrue(load.stderr.contains("PriceTierMeter"), load.stderr)

        let ledger = directory.appendingPathComponent("tally_loads.csv")
        try "id,startedAt\n1,2026-01-01\n".write(to: ledger, atomically: true, encoding: .utf8)
        let refused = try TallyRunner.run(["load", ledger.path, "--db", db])
        XCTAssertEqual(refused.status, 64)
        XCTAssertTrue(refused.stderr.contains("tally's own bookkeeping table"), refused.stderr)
        let byOption = try TallyRunner.run(["load", ledger.path, "--table", "tally_closes", "--db", db])
        XCTAssertEqual(byOption.status, 64, byOption.stderr)
    }
}

/// Issue 10.5: a production export directory loads, skipping the tables tally does not mirror.
final class ExportDirectoryTests: XCTestCase {
    func testUnmirroredProductionTablesAreSkippedWithANoticeAndRefusedUnderStrict() throws {
        let directory = try TallyRunner.temporaryDirectory(for: self)
        let exports = directory.appendingPathComponent("export")
        try FileManager.default.createDirectory(at: exports, withIntermediateDirectories: true)
        try "id,name,slug,updatedAt\no1,Org,org,2026-01-01 00:00:00\n".write(
            to: exports.appendingPathComponent("organizations.csv"), atomically: true, encoding: .utf8)
        try "id,email\nu1,a@example.com\n".write(
            to: exports.appendingPathComponent("users.csv"), atomically: true, encoding: .utf8)
        try "id\nm1\n".write(
            to: exports.appendingPathComponent("_prisma_migrations.csv"), atomically: true, encoding: .utf8)
        let db = directory.appendingPathComponent("t.sqlite").path
        let load = try TallyRunner.run(["load", exports.path, "--db", db, "--format", "csv"])
        XCTAssertEqual(load.status, 0, load.stderr)
        XCTAssertTrue(load.stdout.contains("organizations,1,1,1,0,0,0,0"), load.stdout)
        XCTAssertTrue(load.stderr.contains("users.csv (a production table tally does not mirror)"), load.stderr)
        XCTAssertTrue(load.stderr.contains("2 file(s) of unmirrored production tables skipped"), load.stderr)

        let strict = try TallyRunner.run(["load", exports.path, "--db", db, "--strict"])
        XCTAssertEqual(strict.status, 65, strict.stderr)
        XCTAssertTrue(strict.stderr.contains("does not mirror"), strict.stderr)

        // A name that is no production table at all is still an error, naming the file.
        try "id\nx\n".write(to: exports.appendingPathComponent("userz.csv"), atomically: true, encoding: .utf8)
        let typo = try TallyRunner.run(["load", exports.path, "--db", db])
        XCTAssertEqual(typo.status, 64, typo.stderr)  // which table: a usage error, as with --table
        XCTAssertTrue(typo.stderr.contains("userz.csv"), typo.stderr)
    }
}
