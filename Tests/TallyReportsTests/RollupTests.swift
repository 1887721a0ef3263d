import GRDB
import TallyCore
import TallyLoad
import TallyOutput
import TallySample
import XCTest

@testable import TallyFunnels
@testable import TallyRegistry
@testable import TallyReporting
@testable import TallyStore

/// The report rollups (docs/ROLLUPS.md): every report that reads them prints the same bytes with
/// and without them, over SampleData and random ranges; a change outside a load marks them stale.
final class RollupTests: XCTestCase {
    private static func loadedWithRollups() throws -> Store {
        let store = try ReportFixture.sampleData()
        try store.queue.write { db in try FunnelRollups.rebuild(db) }
        return store
    }

    /// Both ways: the rollups must really be read (fresh), and give the base tables' bytes.
    private func assertSameBothWays(
        _ scope: ReportScope, on store: Store, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        XCTAssertTrue(try store.queue.read(FunnelRollups.areFresh), file: file, line: line)
        for view in [VariantConversionReport.View.sessions, .leads] {
            var report = VariantConversionReport(scope: scope, view: view)
            let fast = CSVWriter().render(try report.run(on: store))
            report.readsRollups = false
            XCTAssertEqual(
                fast, CSVWriter().render(try report.run(on: store)), "\(view) \(scope)", file: file, line: line)
        }
        var codes = DiscountCodesReport(scope: scope)
        let fast = CSVWriter().render(try codes.run(on: store))
        codes.readsRollups = false
        XCTAssertEqual(fast, CSVWriter().render(try codes.run(on: store)), "codes \(scope)", file: file, line: line)
    }

    func testEveryReportPrintsTheSameBytesWithAndWithoutRollupsOverRandomRanges() throws {
        let store = try Self.loadedWithRollups()
        try assertSameBothWays(ReportScope(), on: store)
        try assertSameBothWays(ReportScope(companies: ["co_be"]), on: store)
        try assertSameBothWays(ReportScope(funnels: ["fn_holiday"]), on: store)
        // Seeded, so a failure names a range that reproduces: SampleData spans 2026-01..2026-04.
        var generator = SplitMix64(seed: 42)
        let first = CalendarDay("2025-12-25")!
        for _ in 0..<8 {
            let from = first.adding(days: Int(generator.next() % 120))
            let to = from.adding(days: 1 + Int(generator.next() % 60))
            let companies = [[], ["co_ny"], ["co_be"]][Int(generator.next() % 3)]
            try assertSameBothWays(ReportScope(companies: companies, from: from, to: to), on: store)
            try assertSameBothWays(ReportScope(companies: companies, to: to), on: store)
            try assertSameBothWays(ReportScope(companies: companies, from: from), on: store)
        }
    }

    func testAnyChangeToABaseTableMarksTheRollupsStaleAndReportsReadTheBaseTables() throws {
        let store = try Self.loadedWithRollups()
        let before = CSVWriter().render(try VariantConversionReport(scope: ReportScope()).run(on: store))
        // A change by hand (the sqlite3 shell would do the same): one session converts no more.
        try store.queue.write { db in
            try db.execute(
                sql: """
                    UPDATE "funnel_sessions" SET "status" = 'ABANDONED'
                    WHERE "id" = (SELECT "id" FROM "funnel_sessions" WHERE "status" = 'COMPLETED' AND "variantId" IS NOT NULL ORDER BY "id" LIMIT 1)
                    """)
        }
        XCTAssertFalse(try store.queue.read(FunnelRollups.areFresh))
        let after = CSVWriter().render(try VariantConversionReport(scope: ReportScope()).run(on: store))
        XCTAssertNotEqual(before, after, "the stale rollup was not read: the change shows")
        var base = VariantConversionReport(scope: ReportScope())
        base.readsRollups = false
        XCTAssertEqual(after, CSVWriter().render(try base.run(on: store)))
        // A rebuild (what the next load does) makes them fresh and equal again.
        try store.queue.write { db in try FunnelRollups.refresh(db) }
        try assertSameBothWays(ReportScope(), on: store)
    }

    func testALoadRebuildsTheRollupsInItsOwnTransaction() throws {
        let store = try Store.open(path: ":memory:")
        XCTAssertFalse(try store.queue.read(FunnelRollups.areFresh), "a new store's rollups are stale until a load")
        var options = LoadOptions()
        options.preparing = { try Registry.rollups.prepareLoad($0, tables: $1) }
        options.finishing = { try Registry.rollups.finishLoad($0, tables: $1) }
        try ReportFixture.load(ReportFixture.sampleDataURL(), into: store, options: options)
        XCTAssertTrue(try store.queue.read(FunnelRollups.areFresh))
        let days = try store.queue.read {
            try Int.fetchOne($0, sql: #"SELECT COUNT(*) FROM "tally_rollup_variant_days""#)
        }
        XCTAssertGreaterThan(days ?? 0, 0)
        try assertSameBothWays(ReportScope(), on: store)
    }
}
