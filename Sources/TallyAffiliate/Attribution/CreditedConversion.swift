import Foundation
import GRDB
import TallyCore
import TallyReporting

/// One touchpoint of a conversion with its credit under the chosen model.
public struct Touchpoint: Sendable {
    public let clickId: String
    public let partnerId: String
    public let linkId: String?
    public let subIds: [String?]
    public let clickedAt: String
    public let ageMilliseconds: Int64
    public let weight: Int64
    public let creditedRevenue: Int64
    public let millionths: Int64
    public let creditedRefunds: Int64
    public let commission: Int64
}

/// A conversion with its touchpoints: the audit trail behind every figure of the model view.
public struct CreditedConversion: Sendable {
    public let conversionId: String
    public let companyId: String
    public let currency: String
    public let status: ConversionStatus
    public let convertedAt: String
    public let productionPartnerId: String
    public let orderTotal: Int64
    public let productionCommission: Int64
    /// How the visitor was found: `own_click`, `order_session`, `own_click_only`, or `none`.
    public let visitorSource: String
    public let isSelfReferral: Bool
    /// The partners whose email is the customer's (A8), whether or not their touchpoints were dropped.
    public let selfReferringPartners: [String]
    public let touchpoints: [Touchpoint]
    var conversion: AffiliateConversion
    var isActiveConversion: Bool { conversion.isActive }
}
