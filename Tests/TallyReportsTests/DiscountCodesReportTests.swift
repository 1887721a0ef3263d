import XCTest

@testable import TallyReports

final class DiscountCodesReportTests: XCTestCase {
    private func run(_ fixture: ReportFixture) throws -> [String: [String: String]] {
        let table = try DiscountCodesReport(scope: ReportScope()).run(on: fixture.store)
        var rows: [String: [String: String]] = [:]
        for row in table.rows {
            let fields = Dictionary(uniqueKeysWithValues: zip(table.columns, row.map { $0.plainText ?? "null" }))
            rows["\(fields["company_id"]!)/\(fields["currency"]!)/\(fields["code"]!)"] = fields
        }
        return rows
    }

    func testCodesFoldCaseAndSpaceAndCompareWithTheNoCodeBaseline() throws {
        let fixture = try ReportFixture()
        try fixture.funnel("f", variants: [])
        try fixture.sessions("n", funnel: "f", variant: nil, count: 10, converted: 1)
        try fixture.sessions("s1", funnel: "f", variant: nil, count: 2, converted: 1, code: "save10", discount: 100)
        try fixture.sessions("s2", funnel: "f", variant: nil, count: 2, converted: 1, code: " SAVE10 ", discount: 100)
        let rows = try run(fixture)
        let code = try XCTUnwrap(rows["ny/USD/SAVE10"])
        XCTAssertEqual(code["spellings"], " SAVE10  | SAVE10 | save10")  // sessions and orders
        XCTAssertEqual(code["sessions"], "4")
        XCTAssertEqual(code["completed_sessions"], "2")
        XCTAssertEqual(code["completion_rate"], "0.500000")
        XCTAssertEqual(code["completion_lift"], "0.400000")
        XCTAssertEqual(code["orders"], "2")
        XCTAssertEqual(code["total_discount"], "2.00")
        XCTAssertEqual(code["gross_revenue"], "22.00")
        XCTAssertEqual(code["average_discount"], "1.00")
        let baseline = try XCTUnwrap(rows["ny/USD/(no code)"])
        XCTAssertEqual(baseline["is_baseline"], "true")
        XCTAssertEqual(baseline["sessions"], "10")
        XCTAssertEqual(baseline["completion_rate"], "0.100000")
    }

    func testACodeOnTheSessionButNotTheOrderAndTheReverse() throws {
        let fixture = try ReportFixture()
        try fixture.funnel("f", variants: [])
        // The session typed the code, the order carries none: the order still counts for the code.
        try fixture.sessions(
            "a", funnel: "f", variant: nil, count: 1, converted: 1, code: "ONLYSESSION", orderCode: .some(nil),
            discount: 300)
        // The order carries a code the session never saw: an orders-only code.
        try fixture.sessions(
            "b", funnel: "f", variant: nil, count: 1, converted: 1, orderCode: "ONLYORDER", discount: 200)
        let rows = try run(fixture)
        XCTAssertEqual(rows["ny/USD/ONLYSESSION"]?["orders"], "1")
        XCTAssertEqual(rows["ny/USD/ONLYSESSION"]?["total_discount"], "3.00")  // from the session
        XCTAssertEqual(rows["ny/USD/ONLYORDER"]?["orders_only"], "true")
        XCTAssertEqual(rows["ny/USD/ONLYORDER"]?["sessions"], "null")
        XCTAssertEqual(rows["ny/USD/ONLYORDER"]?["total_discount"], "2.00")
    }

    func testNetRevenueSubtractsCompletedRefundsPartialAndFull() throws {
        let fixture = try ReportFixture()
        try fixture.funnel("f", variants: [])
        try fixture.sessions("r", funnel: "f", variant: nil, count: 3, converted: 3, total: 4000, code: "R")
        try fixture.execute(
            """
            INSERT INTO "refunds" ("id", "companyId", "customerId", "orderId", "status", "reason", "requestedAmount", "approvedAmount", "approvalLevel", "initiatedBy", "updatedAt")
            VALUES ('rf1', 'ny', 'cu', 'o_r0', 'COMPLETED', 'OTHER', 4000, 4000, 'x', 'u', '2026-02-11T00:00:00.000Z'),
                   ('rf2', 'ny', 'cu', 'o_r1', 'COMPLETED', 'OTHER', 1000, 1000, 'x', 'u', '2026-02-11T00:00:00.000Z'),
                   ('rf3', 'ny', 'cu', 'o_r2', 'PENDING', 'OTHER', 2000, NULL, 'x', 'u', '2026-02-11T00:00:00.000Z')
            """)
        let code = try XCTUnwrap(try run(fixture)["ny/USD/R"])
        XCTAssertEqual(code["gross_revenue"], "120.00")
        XCTAssertEqual(code["net_revenue"], "70.00")  // 120 − 40 (full) − 10 (partial); the pending one does not count
    }

    func testACompanyWithSeveralCurrenciesGetsOneRowPerCurrencyAndCodesWithNoCompletedOrder() throws {
        let fixture = try ReportFixture()
        try fixture.funnel("f", variants: [])
        try fixture.sessions("u", funnel: "f", variant: nil, count: 1, converted: 1, total: 1000, code: "MIX")
        try fixture.sessions(
            "e", funnel: "f", variant: nil, count: 1, converted: 1, total: 900, code: "MIX", currency: "EUR")
        try fixture.sessions("z", funnel: "f", variant: nil, count: 5, code: "ZERO")
        let rows = try run(fixture)
        XCTAssertEqual(rows["ny/USD/MIX"]?["gross_revenue"], "10.00")
        XCTAssertEqual(rows["ny/EUR/MIX"]?["gross_revenue"], "9.00")
        XCTAssertEqual(rows["ny/USD/ZERO"]?["completed_sessions"], "0")
        XCTAssertEqual(rows["ny/USD/ZERO"]?["completion_rate"], "0.000000")
        XCTAssertEqual(rows["ny/USD/ZERO"]?["orders"], "null")
        XCTAssertEqual(rows["ny/USD/ZERO"]?["average_order_value"], "null")
    }

    func testSampleDataPlantedCodesShowUp() throws {
        // Golden bytes live in SampleData/expected (tally verify); here the planted direction is asserted.
        let expected = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("SampleData/expected/discount-codes.csv")
        let lines = try String(contentsOf: expected, encoding: .utf8).split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false)
        }
        func lift(_ code: String) -> Double? {
            lines.first { $0.count > 11 && $0[0] == "co_ny" && $0[2] == code }.flatMap { Double($0[11]) }
        }
        XCTAssertGreaterThan(try XCTUnwrap(lift("WELCOME5")), 0.05)
        XCTAssertLessThan(try XCTUnwrap(lift("FREESHIP")), -0.04)
    }
}
