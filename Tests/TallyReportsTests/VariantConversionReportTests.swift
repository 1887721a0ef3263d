import GRDB
import TallyCore
import TallyOutput
import XCTest

@testable import TallyFunnels
@testable import TallyReporting

final class VariantConversionReportTests: XCTestCase {
    private func run(
        _ fixture: ReportFixture, _ report: VariantConversionReport = VariantConversionReport(scope: ReportScope())
    )
        throws -> [[String: String]]
    {
        let table = try report.run(on: fixture.store)
        return table.rows.map { row in
            Dictionary(uniqueKeysWithValues: zip(table.columns, row.map { $0.plainText ?? "null" }))
        }
    }

    func testGivenAHandfulOfSessionsExpectExactCountsRevenueAndOrder() throws {
        let fixture = try ReportFixture()
        try fixture.funnel("f1", variants: [("vb", "B", false, 50), ("va", "A", true, 50)], minimumSessions: 5)
        try fixture.sessions("a", funnel: "f1", variant: "va", count: 10, converted: 2, total: 1250)
        try fixture.sessions("b", funnel: "f1", variant: "vb", count: 10, converted: 4, total: 1000)
        // A canceled order is not a conversion; a session outside the range is not an exposure.
        try fixture.sessions("c", funnel: "f1", variant: "vb", count: 1, converted: 1, orderStatus: "CANCELED")
        try fixture.sessions("d", funnel: "f1", variant: "va", count: 1, startedAt: "2026-05-01T00:00:00.000Z")
        let rows = try run(
            fixture,
            VariantConversionReport(scope: ReportScope(from: CalendarDay("2026-02-01"), to: CalendarDay("2026-03-01"))))
        XCTAssertEqual(rows.map { $0["variant_id"] }, ["va", "vb"])  // control first
        XCTAssertEqual(rows[0]["sessions"], "10")
        XCTAssertEqual(rows[0]["conversions"], "2")
        XCTAssertEqual(rows[0]["conversion_rate"], "0.200000")
        XCTAssertEqual(rows[0]["revenue"], "25.00")
        XCTAssertEqual(rows[0]["revenue_per_session"], "2.5000")
        XCTAssertEqual(rows[0]["relative_lift"], "null")
        XCTAssertEqual(rows[1]["sessions"], "11")
        XCTAssertEqual(rows[1]["conversions"], "4")
        XCTAssertEqual(rows[1]["revenue"], "40.00")
        XCTAssertEqual(rows[1]["absolute_lift"], "0.163636")
        XCTAssertEqual(rows[1]["relative_lift"], "0.818182")
        XCTAssertEqual(rows[1]["p_value_holm"], "null")  // two arms: no adjustment
        XCTAssertEqual(rows[1]["low_sample"], "false")
        XCTAssertEqual(rows[0]["srm_flag"], "false")
    }

    func testEdgeCasesPrintNullNeverNaN() throws {
        let fixture = try ReportFixture()
        // Control with zero conversions, a 100% arm, and a variant with no sessions in range.
        try fixture.funnel(
            "f2", variants: [("c", "Control", true, 50), ("all", "All", false, 25), ("none", "None", false, 25)])
        try fixture.sessions("c", funnel: "f2", variant: "c", count: 4)
        try fixture.sessions("x", funnel: "f2", variant: "all", count: 3, converted: 3)
        // No control at all, a single variant.
        try fixture.funnel("f3", variants: [("solo", "Solo", false, 100)])
        try fixture.sessions("s", funnel: "f3", variant: "solo", count: 2, converted: 1)
        let table = try VariantConversionReport(scope: ReportScope()).run(on: fixture.store)
        let csv = CSVWriter().render(table)
        XCTAssertFalse(csv.contains("nan") || csv.contains("inf"), csv)
        let rows = try run(fixture)
        let byVariant = Dictionary(uniqueKeysWithValues: rows.map { ($0["variant_id"]!, $0) })
        XCTAssertEqual(byVariant["all"]?["conversion_rate"], "1.000000")
        XCTAssertEqual(byVariant["all"]?["relative_lift"], "null")  // control converts 0%: undefined
        XCTAssertEqual(byVariant["all"]?["absolute_lift"], "1.000000")
        XCTAssertEqual(byVariant["none"]?["sessions"], "0")
        XCTAssertEqual(byVariant["none"]?["conversion_rate"], "null")
        XCTAssertEqual(byVariant["none"]?["p_value"], "null")
        XCTAssertEqual(byVariant["solo"]?["chance_to_beat_control"], "null")  // no control
        XCTAssertEqual(byVariant["solo"]?["srm_p_value"], "null")  // one variant
        XCTAssertEqual(byVariant["solo"]?["low_sample"], "true")  // 2 < default 100
    }

    func testControlOptionAndHolmWithThreeArms() throws {
        let fixture = try ReportFixture()
        try fixture.funnel("f4", variants: [("a", "A", true, 34), ("b", "B", false, 33), ("c", "C", false, 33)])
        try fixture.sessions("a", funnel: "f4", variant: "a", count: 100, converted: 10)
        try fixture.sessions("b", funnel: "f4", variant: "b", count: 100, converted: 20)
        try fixture.sessions("c", funnel: "f4", variant: "c", count: 100, converted: 25)
        let rows = try run(fixture)
        XCTAssertNotEqual(rows[1]["p_value_holm"], "null")
        XCTAssertGreaterThanOrEqual(Double(rows[1]["p_value_holm"]!)!, Double(rows[1]["p_value"]!)!)
        let againstB = try run(fixture, VariantConversionReport(scope: ReportScope(), controlVariant: "b"))
        XCTAssertEqual(againstB.first?["variant_id"], "b")
        XCTAssertEqual(againstB.first?["is_control"], "true")
    }

    func testRevenueOfAZeroDecimalCurrencyIsInYen() throws {
        let fixture = try ReportFixture()
        try fixture.funnel("ft", company: "tk", variants: [("tc", "Control", true, 100)])
        try fixture.sessions(
            "t", funnel: "ft", variant: "tc", count: 2, converted: 2, total: 150_000, company: "tk", currency: "JPY")
        let rows = try run(fixture)
        XCTAssertEqual(rows[0]["revenue"], "3000")
        XCTAssertEqual(rows[0]["currency"], "JPY")
    }

    func testDatesAreCompanyLocalDays() throws {
        // 2026-02-10 04:30Z is still February 9 in New York: a range starting Feb 10 local excludes it.
        let fixture = try ReportFixture()
        try fixture.funnel("f5", variants: [("v", "V", true, 100)])
        try fixture.sessions("e", funnel: "f5", variant: "v", count: 1, startedAt: "2026-02-10T04:30:00.000Z")
        try fixture.sessions("l", funnel: "f5", variant: "v", count: 1, startedAt: "2026-02-10T05:30:00.000Z")
        let rows = try run(
            fixture,
            VariantConversionReport(scope: ReportScope(from: CalendarDay("2026-02-10"), to: CalendarDay("2026-02-11"))))
        XCTAssertEqual(rows[0]["sessions"], "1")
        let newYork = try CompanyTimeZone(identifier: "America/New_York")
        XCTAssertEqual(UTCTimestamp.format(newYork.start(of: CalendarDay("2026-03-08")!)), "2026-03-08T05:00:00.000Z")
        XCTAssertEqual(UTCTimestamp.format(newYork.start(of: CalendarDay("2026-03-09")!)), "2026-03-09T04:00:00.000Z")
    }

    func testWriteResultsIsACloseThatWritesOnceAndRefusesChangedInputs() throws {
        let fixture = try ReportFixture()
        try fixture.funnel("fw", variants: [("wa", "A", true, 50), ("wb", "B", false, 50)], minimumSessions: 10)
        try fixture.sessions("a", funnel: "fw", variant: "wa", count: 200, converted: 20, total: 1000)
        try fixture.sessions("b", funnel: "fw", variant: "wb", count: 200, converted: 40, total: 1000)
        let report = VariantConversionReport(scope: ReportScope())
        let plan = try report.resultsPlan(testID: "t_fw", asOf: nil, on: fixture.store)
        XCTAssertEqual(
            try CloseStage.execute(plan, on: fixture.store, dryRun: true), .dryRun(rows: 2, alreadyClosed: false))
        XCTAssertEqual(
            try fixture.store.queue.read { db in
                try Int.fetchOne(db, sql: #"SELECT COUNT(*) FROM "funnel_ab_test_results""#)
            }, 0)
        XCTAssertEqual(try CloseStage.execute(plan, on: fixture.store, dryRun: false), .closed(rows: 2))
        let again = try report.resultsPlan(testID: "t_fw", asOf: nil, on: fixture.store)
        XCTAssertEqual(try CloseStage.execute(again, on: fixture.store, dryRun: false), .unchanged)
        XCTAssertEqual(again.writtenTable, plan.writtenTable, "a re-run prints the same rows")
        let rows = try fixture.store.queue.read { db in
            try Row.fetchAll(db, sql: #"SELECT * FROM "funnel_ab_test_results" ORDER BY "variantId""#)
        }
        XCTAssertEqual(rows.map { $0["id"] as String }, ["tally:t_fw:wa", "tally:t_fw:wb"])
        XCTAssertEqual(rows[1]["conversionRate"], 2000)  // 0.2000 at DECIMAL(5,4)
        XCTAssertEqual(rows[1]["improvementOverControl"], 10000)  // +100%
        XCTAssertEqual(rows[1]["isStatisticallySignificant"], 1)
        XCTAssertEqual(rows[1]["avgOrderValue"], 1000)
        XCTAssertEqual(rows[0]["calculatedAt"], "2026-02-10T12:00:00.000Z")
        XCTAssertThrowsError(try report.resultsPlan(testID: "nope", asOf: nil, on: fixture.store)) { error in
            XCTAssertEqual((error as? ReportError)?.exitStatus, .usage)
        }
        // One more converted session for B: the inputs changed, so the close is refused and names it.
        try fixture.sessions("late", funnel: "fw", variant: "wb", count: 1, converted: 1, total: 1000)
        let changed = try report.resultsPlan(testID: "t_fw", asOf: nil, on: fixture.store)
        XCTAssertThrowsError(try CloseStage.execute(changed, on: fixture.store, dryRun: false)) { error in
            guard let error = error as? CloseError else { return XCTFail("\(error)") }
            XCTAssertEqual(error.exitStatus, .closedPeriodChanged)
            XCTAssertTrue(error.message.contains("funnel_variants wb changed"), error.message)
            XCTAssertTrue(error.message.contains("funnel_ab_test_results tally:t_fw:wb changed"), error.message)
        }
        let ledger = try fixture.store.queue.read { db in
            try Row.fetchAll(db, sql: #"SELECT "role", "rowId" FROM "tally_close_items" ORDER BY "role", "rowId""#)
        }
        XCTAssertEqual(
            ledger.map { "\($0["role"] as String) \($0["rowId"] as String)" },
            ["INPUT wa", "INPUT wb", "OUTPUT tally:t_fw:wa", "OUTPUT tally:t_fw:wb"])
        // A new --as-of is a different output: refused too, since calculatedAt would change.
        let later = try report.resultsPlan(testID: "t_fw", asOf: 1_900_000_000_000, on: fixture.store)
        XCTAssertThrowsError(try CloseStage.execute(later, on: fixture.store, dryRun: false))
    }

    /// Issue 10.2: the leads view is a cohort. A lead created before --from and converted inside the
    /// range is not a conversion of this range; conversions never exceed exposures.
    func testLeadsViewIsACohortOfLeadsCreatedInTheRange() throws {
        let fixture = try ReportFixture()
        try fixture.funnel("fl", variants: [("la", "A", true, 50), ("lb", "B", false, 50)])
        try fixture.execute(
            """
            INSERT INTO "leads" ("id", "companyId", "variantId", "createdAt", "convertedAt", "updatedAt") VALUES
              ('old1', 'ny', 'la', '2026-01-20T12:00:00.000Z', '2026-02-05T12:00:00.000Z', '2026-01-01T00:00:00.000Z'),
              ('old2', 'ny', 'la', '2026-01-21T12:00:00.000Z', '2026-02-06T12:00:00.000Z', '2026-01-01T00:00:00.000Z'),
              ('new1', 'ny', 'la', '2026-02-10T12:00:00.000Z', NULL, '2026-01-01T00:00:00.000Z'),
              ('new2', 'ny', 'lb', '2026-02-11T12:00:00.000Z', '2026-03-20T12:00:00.000Z', '2026-01-01T00:00:00.000Z')
            """)
        let report = VariantConversionReport(
            scope: ReportScope(from: CalendarDay("2026-02-01"), to: CalendarDay("2026-03-01")), view: .leads)
        let rows = try run(fixture, report)
        XCTAssertEqual(rows[0]["variant_id"], "la")
        XCTAssertEqual(rows[0]["sessions"], "1")
        XCTAssertEqual(rows[0]["conversions"], "0")  // was 2: the January leads converted in February
        XCTAssertEqual(rows[1]["sessions"], "1")
        XCTAssertEqual(rows[1]["conversions"], "1")  // converted after --to: still this cohort's
        for row in rows { XCTAssertLessThanOrEqual(Int(row["conversions"]!)!, Int(row["sessions"]!)!) }
    }

    /// Issue 10.6: calculatedAt is the range end in the test's own company's time zone.
    func testWriteResultsUsesTheTestsOwnCompanyRangeEnd() throws {
        let fixture = try ReportFixture()
        try fixture.funnel(
            "ft", company: "tk", variants: [("ta", "A", true, 50), ("tb", "B", false, 50)], minimumSessions: 5)
        try fixture.funnel("fn", variants: [("na", "A", true, 50)])
        let report = VariantConversionReport(
            scope: ReportScope(from: CalendarDay("2026-02-01"), to: CalendarDay("2026-03-01")))
        let plan = try report.resultsPlan(testID: "t_ft", asOf: nil, on: fixture.store)
        // Tokyo midnight of March 1 is 15:00Z on February 28 (New York's would be 05:00Z on March 1).
        XCTAssertEqual(plan.writtenTable.rows.first?[11], .text("2026-02-28T15:00:00.000Z"))
        XCTAssertEqual(plan.scopeKey, "t_ft|2026-01-31T15:00:00.000Z|2026-02-28T15:00:00.000Z")
    }

    func testUnknownControlFailsBeforeAnyOutput() throws {
        let fixture = try ReportFixture()
        try fixture.funnel("fc", variants: [("ca", "A", true, 50)])
        XCTAssertThrowsError(
            try VariantConversionReport(scope: ReportScope(), controlVariant: "nope").run(on: fixture.store)
        ) {
            XCTAssertEqual(($0 as? ReportError)?.exitStatus, .usage)
            XCTAssertTrue(($0 as? ReportError)?.message.contains("variants: ca") ?? false)
        }
        XCTAssertThrowsError(try VariantConversionReport(scope: ReportScope(funnels: ["nope"])).run(on: fixture.store))
        XCTAssertThrowsError(
            try VariantConversionReport(scope: ReportScope(companies: ["nope"])).run(on: fixture.store))
    }
}
