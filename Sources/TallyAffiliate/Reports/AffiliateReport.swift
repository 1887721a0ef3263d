import Foundation
import GRDB
import TallyCore
import TallyOutput
import TallyReporting

/// Affiliate attribution (docs/AFFILIATE.md, section 5): per group and currency, clicks and their
/// exclusions, the model's credited conversions, revenue and commission beside production's own.
///
/// Row order: currency, then the group key in byte order, `(unattributed)` last. Money is exact in
/// the conversion's currency; click columns carry no currency and repeat on each currency row.
public struct AffiliateReport: ReportDefinition {
    public static let name = "affiliate"
    public static let unattributed = "(unattributed)"
    /// Group labels for what a click or conversion lacks (shared with ``AffiliateClickColumns``,
    /// whose click groups must label alike).
    static let noLink = "(no link)"
    static let noSubId = "(none)"
    static let unknown = "(unknown)"

    /// What rows are grouped by.
    public enum Grouping: String, CaseIterable, Sendable {
        case partner, link, subid1, subid2, subid3, subid4, subid5, tier
        case partnershipType = "partnership-type"
        case day
    }

    public var scope: ReportScope
    public var options: AttributionOptions
    /// One grouping, or a combination (`--by partner,day`): the `group` column then holds each
    /// grouping's value, in the order given, joined by ``componentSeparator``.
    public var groupings: [Grouping]
    /// Whether the click columns may come from the affiliate click rollup when it is fresh
    /// (`--no-rollups`: from a pass over every click; the same bytes).
    public var readsRollups = true

    /// Between the values of a combined group (`ap_berlin | 2026-02-01`).
    public static let componentSeparator = " | "

    public init(scope: ReportScope, options: AttributionOptions = AttributionOptions(), grouping: Grouping = .partner) {
        self.init(scope: scope, options: options, groupings: [grouping])
    }

    /// - Parameter groupings: at least one; repeats are dropped (first kept).
    public init(scope: ReportScope, options: AttributionOptions = AttributionOptions(), groupings: [Grouping]) {
        self.scope = scope
        self.options = options
        var seen = Set<Grouping>()
        let distinct = groupings.filter { seen.insert($0).inserted }
        self.groupings = distinct.isEmpty ? [.partner] : distinct
    }

    /// One group and currency.
    public struct Row: Sendable {
        public var group: String
        /// The group as people name it (partner and link names; other values as they are).
        public var groupName: String?
        public var currency: String
        public var clicksTotal = 0
        public var clicksEligible = 0
        public var clicksByStatus: [String: Int] = [:]
        public var clicksExcludedByFraudScore = 0
        public var clicksDerivedDuplicate = 0
        public var clicksDerivedBot = 0
        public var uniqueVisitors = 0
        public var millionths: Int64 = 0
        public var touchedConversions = 0
        public var revenue: Int64 = 0
        public var commission: Int64 = 0
        public var refunded: Int64 = 0
        public var productionConversions = 0
        public var productionRevenue: Int64 = 0
        public var productionCommission: Int64 = 0
        /// Σ credited millionths of REVERSED conversions: a share, like `millionths` (AFFILIATE.md §5).
        public var reversedMillionths: Int64 = 0
        public var reversedRevenue: Int64 = 0
        public var selfReferredConversions = 0

        func money(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: currency) }
        func perClick(_ value: Int64) -> Double? { clicksEligible > 0 ? Double(value) / Double(clicksEligible) : nil }
        var conversions: Double { Double(millionths) / 1_000_000 }
        var reversedConversions: Double { Double(reversedMillionths) / 1_000_000 }
    }

    public static var columns: [ReportColumn<Row>] {
        [
            .text("group") { $0.group }, .text("group_name", scan: 1) { $0.groupName },
            .text("currency", scan: 13) { $0.currency },
            .integer("clicks_total", scan: 10) { $0.clicksTotal },
            .integer("clicks_eligible", scan: 7) { $0.clicksEligible },
            .text("clicks_by_status") { row in
                row.clicksByStatus.keys.sorted().map { "\($0):\(row.clicksByStatus[$0]!)" }.joined(separator: " ")
            },
            .integer("clicks_excluded_by_fraud_score") { $0.clicksExcludedByFraudScore },
            .integer("clicks_derived_duplicate") { $0.clicksDerivedDuplicate },
            .integer("clicks_derived_bot", scan: 11) { $0.clicksDerivedBot },
            .integer("clicks_unique_visitors") { $0.uniqueVisitors },
            .exactDecimal("conversions", scan: 4) { Money.decimalText(minorUnits: $0.millionths, exponent: 6) },
            .integer("touched_conversions") { $0.touchedConversions },
            .money("revenue", scan: 2) { $0.money($0.revenue) },
            .money("commission", scan: 3) { $0.money($0.commission) },
            .money("refunded") { $0.money($0.refunded) },
            .integer("production_conversions", scan: 9) { $0.productionConversions },
            .money("production_revenue", scan: 6) { $0.money($0.productionRevenue) },
            .money("production_commission", scan: 5) { $0.money($0.productionCommission) },
            .exactDecimal("reversed_conversions") { Money.decimalText(minorUnits: $0.reversedMillionths, exponent: 6) },
            .money("reversed_revenue") { $0.money($0.reversedRevenue) },
            .integer("self_referred_conversions", scan: 12) { $0.selfReferredConversions },
            .rate("conversion_rate") { $0.clicksEligible > 0 ? $0.conversions / Double($0.clicksEligible) : nil },
            .number("epc", decimals: 4, scan: 8) { $0.perClick($0.commission) },
            .number("revenue_per_click", decimals: 4) { $0.perClick($0.revenue) },
            .number("aov", decimals: 4) { $0.millionths > 0 ? Double($0.revenue) / $0.conversions : nil },
            .rate("reversal_rate") { row in
                let denominator = row.millionths + row.reversedMillionths
                return denominator > 0 ? Double(row.reversedMillionths) / Double(denominator) : nil
            },
        ]
    }

    public func rows(in context: ReportContext) throws -> [Row] {
        let partners = try AffiliatePartner.all(context.db)
        var rows: [String: Row] = [:]
        func key(_ group: String, _ currency: String) -> String { "\(currency)\u{1F}\(group)" }
        func touch(_ group: String, _ currency: String, _ body: (inout Row) -> Void) {
            var row = rows[key(group, currency)] ?? Row(group: group, currency: currency)
            body(&row)
            rows[key(group, currency)] = row
        }
        // Clicks in range, per group; they carry no currency, so the row remembers their company's.
        let names = AffiliateNames()
        var clicks = AffiliateClickColumns(
            groupings: groupings, includesSuspicious: options.includesSuspicious, partners: partners, names: names,
            scope: context.scope)
        // The identity of every run, per currency: what the active conversions must add up to.
        var expected: [String: (revenue: Int64, commission: Int64)] = [:]
        func fold(_ conversion: CreditedConversion) {
            let company = context.scope.company(conversion.companyId)!
            let isReversed = conversion.status == .reversed
            // Production view of the same population: the conversion's own partner.
            let production = groupKey(
                conversion: conversion.conversion, partner: partners[conversion.productionPartnerId], company: company)
            touch(production, conversion.currency) { row in
                if isReversed { return }
                row.productionConversions += 1
                row.productionRevenue += conversion.orderTotal
                row.productionCommission += conversion.productionCommission
            }
            if options.model == .production {
                touch(production, conversion.currency) { row in
                    if isReversed {
                        row.reversedMillionths += 1_000_000
                        row.reversedRevenue += conversion.orderTotal
                        return
                    }
                    row.millionths += 1_000_000
                    row.touchedConversions += 1
                    row.revenue += conversion.orderTotal
                    row.commission += conversion.productionCommission
                }
            }
            // A8: flagged on each self-referring partner's row, also when its touchpoints were dropped.
            if !isReversed {
                for partner in conversion.selfReferringPartners {
                    // Grouped by partner (alone or combined): the self-referring partner's own group;
                    // otherwise the conversion's production group.
                    let group =
                        groupings.contains(.partner)
                        ? groupKey(
                            conversion: conversion.conversion, partner: partners[partner], company: company,
                            partnerId: partner)
                        : production
                    touch(group, conversion.currency) {
                        $0.selfReferredConversions += 1
                    }
                }
            }
            if options.model == .production { return }
            if conversion.touchpoints.isEmpty {
                touch(Self.unattributed, conversion.currency) { row in
                    if isReversed {
                        row.reversedMillionths += 1_000_000
                        row.reversedRevenue += conversion.orderTotal
                    } else {
                        row.millionths += 1_000_000
                        row.revenue += conversion.orderTotal
                        // Production's side of what no click evidence supports (AFFILIATE.md §5).
                        row.productionConversions += 1
                        row.productionRevenue += conversion.orderTotal
                        row.productionCommission += conversion.productionCommission
                    }
                }
                return
            }
            var touchedGroups = Set<String>()
            for touchpoint in conversion.touchpoints {
                let group = groupKey(
                    touchpoint: touchpoint, conversion: conversion, partner: partners[touchpoint.partnerId],
                    company: company)
                touch(group, conversion.currency) { row in
                    if isReversed {
                        row.reversedMillionths += touchpoint.millionths
                        row.reversedRevenue += touchpoint.creditedRevenue
                    } else {
                        row.millionths += touchpoint.millionths
                        row.revenue += touchpoint.creditedRevenue
                        row.commission += touchpoint.commission
                        row.refunded += touchpoint.creditedRefunds
                        if !touchedGroups.contains(group) { row.touchedConversions += 1 }
                    }
                }
                touchedGroups.insert(group)
            }
        }
        try AffiliateAttribution.forEachCredited(
            options: options, context: context, names: names, needsTouchpoints: options.model != .production,
            visit: { clicks.count($0) },
            each: { conversion in
                var sums = expected[conversion.currency] ?? (0, 0)
                if conversion.isActiveConversion {
                    sums.revenue += conversion.orderTotal
                    sums.commission +=
                        options.model == .production
                        ? conversion.productionCommission : conversion.touchpoints.reduce(0) { $0 + $1.commission }
                }
                expected[conversion.currency] = sums
                fold(conversion)
            })
        let clickRows = clicks.finish()
        // Click columns on every currency row of their group; groups with clicks only get the company's currency.
        for (group, clicks) in clickRows {
            var currencies = rows.values.filter { $0.group == group }.map(\.currency)
            // A group with clicks and no conversion: the currency of the company whose clicks they are.
            if currencies.isEmpty { currencies = [clicks.currency] }
            for currency in currencies {
                touch(group, currency) { row in
                    row.clicksTotal = clicks.clicksTotal
                    row.clicksEligible = clicks.clicksEligible
                    row.clicksByStatus = clicks.clicksByStatus
                    row.clicksExcludedByFraudScore = clicks.clicksExcludedByFraudScore
                    row.clicksDerivedDuplicate = clicks.clicksDerivedDuplicate
                    row.clicksDerivedBot = clicks.clicksDerivedBot
                    row.uniqueVisitors = clicks.uniqueVisitors
                }
            }
        }
        // The identity of every run: credited plus unattributed revenue is the active conversions'
        // revenue, and commission totals are the sums of touchpoint commissions, per currency.
        for (currency, sums) in expected {
            let revenue = rows.values.filter { $0.currency == currency }.reduce(0) { $0 + $1.revenue }
            let commission = rows.values.filter { $0.currency == currency }.reduce(0) { $0 + $1.commission }
            guard revenue == sums.revenue, commission == sums.commission else {
                throw ReportError.inconsistentCounts(
                    "\(currency): credited revenue \(revenue) ≠ \(sums.revenue) or commission \(commission) ≠ \(sums.commission)"
                )
            }
        }
        let linkNames = try Self.linkNames(context.db)
        // Sort key: currency, group key in byte order, (unattributed) last.
        return rows.values.map { row in
            var named = row
            named.groupName = groupName(row.group, partners: partners, links: linkNames)
            return named
        }.sorted { a, b in
            if a.currency != b.currency { return a.currency < b.currency }
            let (aLast, bLast) = (a.group == Self.unattributed, b.group == Self.unattributed)
            return aLast != bLast ? bLast : Array(a.group.utf8).lexicographicallyPrecedes(Array(b.group.utf8))
        }
    }

    /// The group of a click, conversion or touchpoint: each grouping's value, joined. `day` is
    /// computed only when grouping by day: a calendar conversion per click costs seconds over
    /// millions of clicks.
    private func key(
        partner: AffiliatePartner?, partnerId: String, linkId: String?, subIds: [String?], day: () -> String
    ) -> String {
        func value(_ grouping: Grouping) -> String {
            switch grouping {
            case .partner: return partnerId
            case .link: return linkId ?? Self.noLink
            case .subid1: return subIds[0] ?? Self.noSubId
            case .subid2: return subIds[1] ?? Self.noSubId
            case .subid3: return subIds[2] ?? Self.noSubId
            case .subid4: return subIds[3] ?? Self.noSubId
            case .subid5: return subIds[4] ?? Self.noSubId
            case .tier: return partner?.tier ?? Self.unknown
            case .partnershipType: return partner?.partnershipType ?? Self.unknown
            case .day: return day()
            }
        }
        // One grouping (the usual case) needs no array and no join per click.
        if groupings.count == 1 { return value(groupings[0]) }
        return groupings.map(value).joined(separator: Self.componentSeparator)
    }

    /// Each link's `name`, else its `trackingCode`.
    static func linkNames(_ db: Database) throws -> [String: String] {
        let rows = try GRDB.Row.fetchAll(
            db,
            sql: #"SELECT "id", COALESCE(NULLIF(TRIM("name"), ''), "trackingCode") AS "label" FROM "affiliate_links""#)
        return Dictionary(rows.map { ($0["id"], $0["label"]) }, uniquingKeysWith: { first, _ in first })
    }

    /// The group as people name it: a partner component becomes the partner's name, a link the
    /// link's; the other groupings are names already. A combined key whose components cannot be
    /// told apart (a SubID that itself holds ` | `) keeps the key as it is.
    private func groupName(_ group: String, partners: [String: AffiliatePartner], links: [String: String]) -> String {
        if group == Self.unattributed { return group }
        let components = groupings.count == 1 ? [group] : group.components(separatedBy: Self.componentSeparator)
        guard components.count == groupings.count else { return group }
        return zip(groupings, components).map { grouping, value in
            switch grouping {
            case .partner: return partners[value].map(\.name).flatMap { $0.isEmpty ? nil : $0 } ?? value
            case .link: return links[value] ?? value
            default: return value
            }
        }.joined(separator: Self.componentSeparator)
    }

    /// `partnerId`: another partner than the conversion's own (a self-referring partner's group).
    private func groupKey(
        conversion: AffiliateConversion, partner: AffiliatePartner?, company: ResolvedScope.Company,
        partnerId: String? = nil
    ) -> String {
        key(
            partner: partner, partnerId: partnerId ?? conversion.partnerId, linkId: conversion.linkId,
            subIds: (1...5).map(conversion.subId),
            day: { "\(company.timeZone.day(containing: conversion.time))" })
    }

    private func groupKey(
        touchpoint: Touchpoint, conversion: CreditedConversion, partner: AffiliatePartner?,
        company: ResolvedScope.Company
    ) -> String {
        key(
            partner: partner, partnerId: touchpoint.partnerId, linkId: touchpoint.linkId, subIds: touchpoint.subIds,
            day: { "\(company.timeZone.day(containing: conversion.conversion.time))" })
    }
}
