import Foundation
import GRDB
import GRDBSQLite
import TallyCore
import TallyReporting

/// A conversion as attribution sees it (`Queries/affiliate/conversions.sql`).
///
/// Decoded by column position, in the query's column order (``init(row:)``): Codable decoding
/// with snake-case key conversion took 0.9 s of a 3.5 s report for 25,020 conversions.
struct AffiliateConversion: FetchableRecord {
    let id: String
    let companyId: String
    let partnerId: String
    let linkId: String?
    let clickId: String?
    let orderId: String?
    let status: ConversionStatus
    let currency: String
    let orderTotal: Int64?
    let commissionAmount: Int64?
    let reversalAmount: Int64?
    let convertedAt: String
    let approvedAt: String?
    let reversedAt: String?
    let customerId: String?
    let subId1: String?
    let subId2: String?
    let subId3: String?
    let subId4: String?
    let subId5: String?
    let customerEmail: String?
    let ownVisitorId: String?
    let clickSubId1: String?
    let clickSubId2: String?
    let clickSubId3: String?
    let clickSubId4: String?
    let clickSubId5: String?
    let orderSessionId: String?
    let refunded: Int64?

    init(row: GRDB.Row) throws {
        (id, companyId, partnerId, linkId, clickId, orderId) = (row[0], row[1], row[2], row[3], row[4], row[5])
        status = try ConversionStatus.decode(row[6], table: "affiliate_conversions", column: "status")
        (currency, orderTotal, commissionAmount, reversalAmount) = (row[7], row[8], row[9], row[10])
        (convertedAt, approvedAt, reversedAt, customerId) = (row[11], row[12], row[13], row[14])
        (subId1, subId2, subId3, subId4, subId5) = (row[15], row[16], row[17], row[18], row[19])
        (customerEmail, ownVisitorId) = (row[20], row[21])
        (clickSubId1, clickSubId2, clickSubId3, clickSubId4, clickSubId5) = (
            row[22], row[23], row[24], row[25], row[26]
        )
        (orderSessionId, refunded) = (row[27], row[28])
    }

    var time: Int64 { (try? UTCTimestamp.parse(convertedAt).get()) ?? 0 }
    var isActive: Bool { status.isActive }
    /// Production view's SubID: the conversion's, else its click's.
    func subId(_ number: Int) -> String? {
        [subId1, subId2, subId3, subId4, subId5][number - 1]
            ?? [clickSubId1, clickSubId2, clickSubId3, clickSubId4, clickSubId5][number - 1]
    }
    /// Completed refunds of the order, in minor units of the conversion's currency.
    var refundedMinor: Int64 { Money.rescale(refunded ?? 0, decimals: 2, to: CurrencyExponent.of(currency)) }
}
