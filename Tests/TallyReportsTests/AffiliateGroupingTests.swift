import TallyCore
import XCTest

@testable import TallyAffiliate
@testable import TallyReporting

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

/// `clicks_unique_visitors` is counted as the clicks stream in visitor order, one visitor's groups
/// at a time; these tests hold it to the plain definition: the size of the set of visitors of each
/// group's eligible clicks in range, collected from the same standings.
final class AffiliateUniqueVisitorTests: XCTestCase {
    func testStreamedCountsEqualPerGroupSetsForPartnerAndLink() throws {
        let store = try ReportFixture.sampleData()
        for (grouping, groupOf) in [
            (AffiliateReport.Grouping.partner, { (click: AffiliateClick) in click.partnerId }),
            (.link, { (click: AffiliateClick) in click.linkId ?? "(no link)" }),
        ] {
            for scope in [ReportScope(), ReportScope(from: CalendarDay("2026-02-10"), to: CalendarDay("2026-02-20"))] {
                var sets: [String: Set<String>] = [:]
                try ReportContext.reading(store, scope: scope, rollups: false) { context in
                    try AffiliateAttribution.everyClick(context) { click, standing in
                        guard let company = context.scope.company(click.companyId),
                            company.range.contains(click.time), standing.isEligible, let visitor = click.visitorId
                        else { return }
                        sets[groupOf(click), default: []].insert(visitor)
                    }
                }
                let rows = try AffiliateReport(scope: scope, grouping: grouping).typedRows(on: store)
                var checked = 0
                for row in rows where row.group != AffiliateReport.unattributed {
                    XCTAssertEqual(row.uniqueVisitors, sets[row.group]?.count ?? 0, "\(grouping) \(row.group)")
                    checked += 1
                }
                XCTAssertGreaterThan(checked, 3, "\(grouping)")
                XCTAssertTrue(rows.contains { $0.uniqueVisitors > 1 }, "\(grouping)")
            }
        }
    }
}

final class AffiliateFraudIPHashTests: XCTestCase {
    /// `distinct_ip_hashes`, counted by SQLite, equals the set of hashes of each partner's clicks in
    /// range as the view streams them, over the whole data and a 10-day range.
    func testDistinctIPHashesEqualPerPartnerSetsOfTheClicksInRange() throws {
        let store = try ReportFixture.sampleData()
        for scope in [ReportScope(), ReportScope(from: CalendarDay("2026-02-10"), to: CalendarDay("2026-02-20"))] {
            var sets: [String: Set<String>] = [:]
            try ReportContext.reading(store, scope: scope, rollups: false) { context in
                try AffiliateAttribution.everyClick(context) { click, _ in
                    guard let company = context.scope.company(click.companyId), company.range.contains(click.time),
                        let hash = click.ipAddressHash
                    else { return }
                    sets[click.partnerId, default: []].insert(hash)
                }
            }
            let rows = try AffiliateFraudReport(scope: scope).typedRows(on: store)
            XCTAssertGreaterThan(rows.count, 3)
            for row in rows { XCTAssertEqual(row.distinctIPHashes, sets[row.partner]?.count ?? 0, row.partner) }
            XCTAssertTrue(rows.contains { $0.distinctIPHashes > 1 })
        }
    }
}

extension AffiliateAttribution {
    /// Every click of the scope's companies with its standing under the default options: the plain
    /// pass the reports' streamed counts are held to.
    static func everyClick(_ context: ReportContext, _ body: (AffiliateClick, ClickStanding) throws -> Void) throws {
        let attribution = AffiliateAttribution(
            options: AttributionOptions(), partners: [:], programs: try AffiliateProgram.all(context.db))
        try attribution.passClicks(context.db, visit: body)
    }
}
