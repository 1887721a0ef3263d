import TallyCore
import XCTest

@testable import TallyFunnels
@testable import TallyReporting

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
        // Each order: subtotal 11.00, discount 1.00, total 10.00, no shipping or tax.
        XCTAssertEqual(code["gross_sales"], "22.00")
        XCTAssertEqual(code["discounts"], "2.00")
        XCTAssertEqual(code["returns"], "0.00")
        XCTAssertEqual(code["net_sales"], "20.00")  // 22 − 2 − 0
        XCTAssertEqual(code["total_sales"], "20.00")  // net + 0 shipping + 0 taxes
        XCTAssertEqual(code["average_order_value"], "10.00")  // (22 − 2) / 2
        XCTAssertEqual(code["discount_share"], "0.090909")  // 2 / 22
        XCTAssertEqual(code["inconsistent_orders"], "0")
        let baseline = try XCTUnwrap(rows["ny/USD/(no code)"])
        XCTAssertEqual(baseline["is_baseline"], "true")
        XCTAssertEqual(baseline["sessions"], "10")
        XCTAssertEqual(baseline["completion_rate"], "0.100000")
    }

    /// Issue 10.1: SQLite's UPPER folds ASCII only, which split `café` and `CAFÉ` into two rows.
    func testCodesFoldWithUnicodeRules() throws {
        let fixture = try ReportFixture()
        try fixture.funnel("f", variants: [])
        try fixture.sessions("c1", funnel: "f", variant: nil, count: 1, converted: 1, code: "café")
        try fixture.sessions("c2", funnel: "f", variant: nil, count: 1, code: " Café ")
        try fixture.sessions("c3", funnel: "f", variant: nil, count: 1, code: "CAFÉ")
        try fixture.sessions("ss", funnel: "f", variant: nil, count: 2, code: "straße")
        try fixture.sessions("tr", funnel: "f", variant: nil, count: 1, code: "kırmızı")
        try fixture.sessions("bl", funnel: "f", variant: nil, count: 3, code: "\u{3000} \t")
        let rows = try run(fixture)
        XCTAssertEqual(rows["ny/USD/CAFÉ"]?["sessions"], "3")
        XCTAssertEqual(rows["ny/USD/CAFÉ"]?["spellings"], " Café  | CAFÉ | café")
        XCTAssertEqual(rows["ny/USD/CAFÉ"]?["orders"], "1")
        XCTAssertNil(rows["ny/USD/CAFé"])
        XCTAssertEqual(rows["ny/USD/STRASSE"]?["sessions"], "2")
        XCTAssertEqual(rows["ny/USD/KIRMIZI"]?["sessions"], "1")
        // A code of only (Unicode) spaces is no code: those sessions are in the baseline.
        XCTAssertEqual(rows["ny/USD/(no code)"]?["sessions"], "3")
        XCTAssertEqual(rows.count, 4)
        XCTAssertEqual(DiscountCode.canonical(" \u{00A0}straße\u{2003}"), "STRASSE")
        XCTAssertNil(DiscountCode.canonical("\u{3000}"))
    }

    /// Issue 10.3: an order is a sale of the code it carries itself, never of a code its session typed.
    func testACodeOnTheSessionButNotTheOrderAndTheReverse() throws {
        let fixture = try ReportFixture()
        try fixture.funnel("f", variants: [])
        // The session typed the code, the order carries none: a no-code sale. Its subtotal (13.00)
        // minus its discount (0) is not its total (10.00): counted as inconsistent, not corrected.
        try fixture.sessions(
            "a", funnel: "f", variant: nil, count: 1, converted: 1, code: "ONLYSESSION", orderCode: .some(nil),
            discount: 300)
        // The order carries a code the session never saw: an orders-only code.
        try fixture.sessions(
            "b", funnel: "f", variant: nil, count: 1, converted: 1, orderCode: "ONLYORDER", discount: 200)
        let rows = try run(fixture)
        XCTAssertEqual(rows["ny/USD/ONLYSESSION"]?["sessions"], "1")
        XCTAssertEqual(rows["ny/USD/ONLYSESSION"]?["orders"], "null")
        XCTAssertEqual(rows["ny/USD/(no code)"]?["orders"], "1")
        XCTAssertEqual(rows["ny/USD/(no code)"]?["gross_sales"], "13.00")
        XCTAssertEqual(rows["ny/USD/(no code)"]?["inconsistent_orders"], "1")
        XCTAssertEqual(rows["ny/USD/ONLYORDER"]?["orders_only"], "true")
        XCTAssertEqual(rows["ny/USD/ONLYORDER"]?["sessions"], "null")
        XCTAssertEqual(rows["ny/USD/ONLYORDER"]?["discounts"], "2.00")
        XCTAssertEqual(rows["ny/USD/ONLYORDER"]?["inconsistent_orders"], "0")
    }

    func testReturnsAreCompletedRefundsAndPendingOrCanceledOrdersAreNotSales() throws {
        let fixture = try ReportFixture()
        try fixture.funnel("f", variants: [])
        try fixture.sessions("r", funnel: "f", variant: nil, count: 4, converted: 4, total: 4000, code: "R")
        try fixture.sessions("p", funnel: "f", variant: nil, count: 1, converted: 1, orderStatus: "PENDING", code: "R")
        try fixture.sessions("x", funnel: "f", variant: nil, count: 1, converted: 1, orderStatus: "CANCELED", code: "R")
        try fixture.sessions(
            "f", funnel: "f", variant: nil, count: 1, converted: 1, total: 500, orderStatus: "REFUNDED", code: "R")
        try fixture.execute(
            """
            INSERT INTO "refunds" ("id", "companyId", "customerId", "orderId", "status", "reason", "requestedAmount", "approvedAmount", "approvalLevel", "initiatedBy", "updatedAt")
            VALUES ('rf1', 'ny', 'cu', 'o_r0', 'COMPLETED', 'OTHER', 4000, 4000, 'x', 'u', '2026-02-11T00:00:00.000Z'),
                   ('rf2', 'ny', 'cu', 'o_r1', 'COMPLETED', 'OTHER', 1000, 1000, 'x', 'u', '2026-02-11T00:00:00.000Z'),
                   ('rf3', 'ny', 'cu', 'o_r2', 'PENDING', 'OTHER', 2000, NULL, 'x', 'u', '2026-02-11T00:00:00.000Z'),
                   ('rf4', 'ny', 'cu', 'o_r3', 'COMPLETED', 'OTHER', 700, NULL, 'x', 'u', '2026-02-11T00:00:00.000Z'),
                   ('rf5', 'ny', 'cu', 'o_f0', 'COMPLETED', 'OTHER', 500, 500, 'x', 'u', '2026-02-11T00:00:00.000Z')
            """)
        let code = try XCTUnwrap(try run(fixture)["ny/USD/R"])
        XCTAssertEqual(code["orders"], "5")  // 4 completed + 1 refunded; the pending and canceled ones are not sales
        XCTAssertEqual(code["gross_sales"], "165.00")  // 4 × 40 + 5
        // 40 (full) + 10 (partial) + 7 (requested, no approved amount) + 5 (the refunded order); pending not
        XCTAssertEqual(code["returns"], "62.00")
        XCTAssertEqual(code["net_sales"], "103.00")
        XCTAssertEqual(code["average_order_value"], "33.00")  // (165 − 0) / 5
    }

    func testACompanyWithSeveralCurrenciesGetsOneRowPerCurrencyAndCodesWithNoCompletedOrder() throws {
        let fixture = try ReportFixture()
        try fixture.funnel("f", variants: [])
        try fixture.sessions("u", funnel: "f", variant: nil, count: 1, converted: 1, total: 1000, code: "MIX")
        try fixture.sessions(
            "e", funnel: "f", variant: nil, count: 1, converted: 1, total: 900, code: "MIX", currency: "EUR")
        try fixture.sessions("z", funnel: "f", variant: nil, count: 5, code: "ZERO")
        let rows = try run(fixture)
        XCTAssertEqual(rows["ny/USD/MIX"]?["gross_sales"], "10.00")
        XCTAssertEqual(rows["ny/EUR/MIX"]?["gross_sales"], "9.00")
        XCTAssertEqual(rows["ny/USD/ZERO"]?["completed_sessions"], "0")
        XCTAssertEqual(rows["ny/USD/ZERO"]?["completion_rate"], "0.000000")
        XCTAssertEqual(rows["ny/USD/ZERO"]?["orders"], "null")
        XCTAssertEqual(rows["ny/USD/ZERO"]?["average_order_value"], "null")
    }

    func testSampleDataPlantedCodesShowUp() throws {
        // Golden bytes live in SampleData/expected (tally verify); here the planted direction is asserted.
        let expected = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("SampleData/expected/discount-codes.json")
        // JSON, not a split of the CSV by commas: company names hold commas ("Hudson Coffee, Inc.").
        let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: expected)) as? [[String: Any]])
        func lift(_ code: String) -> Double? {
            rows.first { $0["company_id"] as? String == "co_ny" && $0["code"] as? String == code }?["completion_lift"]
                as? Double
        }
        XCTAssertGreaterThan(try XCTUnwrap(lift("WELCOME5")), 0.05)
        XCTAssertLessThan(try XCTUnwrap(lift("FREESHIP")), -0.04)
    }
}
