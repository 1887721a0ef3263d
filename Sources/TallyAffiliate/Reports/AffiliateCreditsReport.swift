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
        /// Names of the production partner and the touchpoint's partner (``AffiliatePartner/name``).
        public var productionPartnerName: String? = nil
        public var partnerName: String? = nil
        /// The touchpoint's link as people name it (its `name`, else its tracking code).
        public var linkName: String? = nil
        func money(_ minor: Int64?) -> Money? { minor.map { Money(minorUnits: $0, currency: conversion.currency) } }
    }

    public static var columns: [ReportColumn<Row>] {
        [
            .text("company_id") { $0.conversion.companyId },
            .text("conversion_id", scan: 1) { $0.conversion.conversionId },
            .text("status", scan: 6) { $0.conversion.status.rawValue },
            .timestamp("converted_at") { $0.conversion.convertedAt },
            .text("currency", scan: 12) { $0.conversion.currency },
            .money("order_total", scan: 7) { $0.money($0.conversion.orderTotal) },
            .text("production_partner_id") { $0.conversion.productionPartnerId },
            .text("production_partner_name") { $0.productionPartnerName },
            .money("production_commission") { $0.money($0.conversion.productionCommission) },
            .text("visitor_step", scan: 9) { $0.conversion.visitorSource },
            .bool("self_referral") { $0.conversion.isSelfReferral },
            .text("click_id", scan: 10) { $0.touchpoint?.clickId },
            .text("partner_id") { $0.touchpoint?.partnerId },
            .text("partner_name", scan: 2) { $0.partnerName },
            .text("link_id") { $0.touchpoint?.linkId }, .text("link_name") { $0.linkName },
            .timestamp("clicked_at") { $0.touchpoint?.clickedAt },
            .integer("age_ms") { $0.touchpoint.map { Int($0.ageMilliseconds) } },
            .integer("weight", scan: 8) { $0.touchpoint.map { Int($0.weight) } },
            .money("credited_revenue", scan: 3) { $0.money($0.touchpoint?.creditedRevenue) },
            .exactDecimal("credited_conversions", scan: 5) {
                $0.touchpoint.map { Money.decimalText(minorUnits: $0.millionths, exponent: 6) }
            },
            .money("credited_refunds") { $0.money($0.touchpoint?.creditedRefunds) },
            .money("commission", scan: 4) { $0.money($0.touchpoint?.commission) },
        ]
    }

    public func rows(in context: ReportContext) throws -> [Row] {
        var credited: [CreditedConversion] = []
        try AffiliateAttribution.forEachCredited(options: options, context: context) { credited.append($0) }
        credited.sort {
            ($0.companyId, $0.convertedAt, $0.conversionId) < ($1.companyId, $1.convertedAt, $1.conversionId)
        }
        let partners = try AffiliatePartner.all(context.db)
        let links = try AffiliateReport.linkNames(context.db)
        return credited.flatMap { conversion in
            let production = partners[conversion.productionPartnerId]?.name
            return conversion.touchpoints.isEmpty
                ? [Row(conversion: conversion, touchpoint: nil, productionPartnerName: production)]
                : conversion.touchpoints.map {
                    Row(
                        conversion: conversion, touchpoint: $0, productionPartnerName: production,
                        partnerName: partners[$0.partnerId]?.name, linkName: $0.linkId.flatMap { links[$0] })
                }
        }
    }
}
