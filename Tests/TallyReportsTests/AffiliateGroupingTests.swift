import TallyCore
import XCTest

@testable import TallyReports

/// Combined groupings (`--by partner,day`; docs/AFFILIATE.md "any combination"): each combined row
/// splits a single grouping's row, so summing the parts over the other component gives it back.
final class AffiliateGroupingTests: XCTestCase {
    func testPartnerByDaySumsBackToPartnerForEveryAdditiveColumn() throws {
        let store = try ReportFixture.sampleData()
        var options = AttributionOptions()
        options.model = .linear
        let byPartner = try AffiliateReport(scope: ReportScope(), options: options, grouping: .partner)
            .typedRows(on: store)
        let byPartnerDay = try AffiliateReport(scope: ReportScope(), options: options, groupings: [.partner, .day])
            .typedRows(on: store)
        XCTAssertGreaterThan(byPartnerDay.count, byPartner.count)
        for row in byPartnerDay where row.group != AffiliateReport.unattributed {
            let parts = row.group.components(separatedBy: AffiliateReport.componentSeparator)
            XCTAssertEqual(parts.count, 2, row.group)
            XCTAssertNotNil(CalendarDay(parts[1]), row.group)
        }
        for partner in byPartner {
            let parts = byPartnerDay.filter {
                $0.currency == partner.currency
                    && ($0.group == partner.group
                        || $0.group.hasPrefix(partner.group + AffiliateReport.componentSeparator))
            }
            XCTAssertEqual(parts.reduce(0) { $0 + $1.revenue }, partner.revenue, partner.group)
            XCTAssertEqual(parts.reduce(0) { $0 + $1.commission }, partner.commission, partner.group)
            XCTAssertEqual(parts.reduce(0) { $0 + $1.millionths }, partner.millionths, partner.group)
            XCTAssertEqual(parts.reduce(0) { $0 + $1.productionRevenue }, partner.productionRevenue, partner.group)
            XCTAssertEqual(
                parts.reduce(0) { $0 + $1.selfReferredConversions }, partner.selfReferredConversions, partner.group)
        }
        // Clicks carry no currency: compare one currency row per group.
        let clicksByPartner = Dictionary(byPartner.map { ($0.group, $0.clicksTotal) }, uniquingKeysWith: { a, _ in a })
        var clicksFromDays: [String: Int] = [:]
        var seen = Set<String>()
        for row in byPartnerDay where row.group != AffiliateReport.unattributed && seen.insert(row.group).inserted {
            let partner = row.group.components(separatedBy: AffiliateReport.componentSeparator)[0]
            clicksFromDays[partner, default: 0] += row.clicksTotal
        }
        XCTAssertEqual(clicksFromDays, clicksByPartner.filter { $0.key != AffiliateReport.unattributed })
    }

    func testRepeatedGroupingsAreDroppedAndOrderIsKept() {
        let report = AffiliateReport(scope: ReportScope(), groupings: [.day, .partner, .day])
        XCTAssertEqual(report.groupings, [.day, .partner])
        XCTAssertEqual(AffiliateReport(scope: ReportScope(), groupings: []).groupings, [.partner])
    }
}
