import TallyCore
import TallyOutput
import TallyReporting

/// The audit trail behind the affiliate report (docs/AFFILIATE.md): one row per conversion and
/// touchpoint under the chosen model — the visitor step that found it, the integer weight, credited
/// revenue, millionths and commission — and one row for a conversion with no touchpoint.
///
/// Row order: company, conversion time, conversion id, then touchpoints oldest first (click time,
/// then click id as bytes).
public struct AffiliateCreditsReport: ReportDefinition {
    public static let name = "affiliate-credits"

    public var scope: ReportScope
    public var options: AttributionOptions

    public init(scope: ReportScope, options: AttributionOptions = AttributionOptions()) {
        self.scope = scope
        var options = options
        if options.model == .production { options.model = .lastClick }  // the trail is of a click model
        self.options = options
    }

    public struct Row: Sendable {
        public let conversion: CreditedConversion
        public let touchpoint: Touchpoint?
        func money(_ minor: Int64?) -> Money? { minor.map { Money(minorUnits: $0, currency: conversion.currency) } }
    }

    public static var columns: [ReportColumn<Row>] {
        [
            .text("company_id") { $0.conversion.companyId },
            .text("conversion_id", shown: true) { $0.conversion.conversionId },
            .text("status", shown: true) { $0.conversion.status.rawValue },
            .timestamp("converted_at") { $0.conversion.convertedAt },
            .text("currency", shown: true) { $0.conversion.currency },
            .money("order_total", shown: true) { $0.money($0.conversion.orderTotal) },
            .text("production_partner_id") { $0.conversion.productionPartnerId },
            .money("production_commission") { $0.money($0.conversion.productionCommission) },
            .text("visitor_step", shown: true) { $0.conversion.visitorSource },
            .bool("self_referral") { $0.conversion.isSelfReferral },
            .text("click_id", shown: true) { $0.touchpoint?.clickId },
            .text("partner_id", shown: true) { $0.touchpoint?.partnerId },
            .text("link_id") { $0.touchpoint?.linkId }, .timestamp("clicked_at") { $0.touchpoint?.clickedAt },
            .integer("age_ms") { $0.touchpoint.map { Int($0.ageMilliseconds) } },
            .integer("weight", shown: true) { $0.touchpoint.map { Int($0.weight) } },
            .money("credited_revenue", shown: true) { $0.money($0.touchpoint?.creditedRevenue) },
            .exactDecimal("credited_conversions", shown: true) {
                $0.touchpoint.map { Money.decimalText(minorUnits: $0.millionths, exponent: 6) }
            },
            .money("credited_refunds") { $0.money($0.touchpoint?.creditedRefunds) },
            .money("commission", shown: true) { $0.money($0.touchpoint?.commission) },
        ]
    }

    public func rows(in context: ReportContext) throws -> [Row] {
        var credited: [CreditedConversion] = []
        try AffiliateAttribution.forEachCredited(options: options, context: context) { credited.append($0) }
        credited.sort {
            ($0.companyId, $0.convertedAt, $0.conversionId) < ($1.companyId, $1.convertedAt, $1.conversionId)
        }
        return credited.flatMap { conversion in
            conversion.touchpoints.isEmpty
                ? [Row(conversion: conversion, touchpoint: nil)]
                : conversion.touchpoints.map { Row(conversion: conversion, touchpoint: $0) }
        }
    }
}
