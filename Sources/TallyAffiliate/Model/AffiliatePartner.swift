import Foundation
import GRDB
import GRDBSQLite
import TallyCore
import TallyReporting

/// A partner's settings and identity.
struct AffiliatePartner {
    let id: String
    let companyId: String
    let email: String?
    /// What people call the partner: `displayName`, else `firstName lastName` (trimmed).
    let name: String
    let status: AffiliateStatus
    let tier: String
    let partnershipType: String
    let commissionRate: Fraction?
    let commissionFlat: Int64?
    let cookieDurationDays: Int64?
    let payoutThreshold: Int64?
    let payoutMethod: String
    /// The email as A8 compares it (``normalizedEmail(_:)``); nil when NULL or blank.
    let comparableEmail: String?

    static func all(_ db: Database) throws -> [String: AffiliatePartner] {
        var partners: [String: AffiliatePartner] = [:]
        for row in try Row.fetchAll(db, sql: #"SELECT * FROM "affiliate_partners""#) {
            partners[row["id"]] = AffiliatePartner(
                id: row["id"], companyId: row["companyId"], email: row["email"],
                name: Self.name(display: row["displayName"], first: row["firstName"], last: row["lastName"]),
                status: try AffiliateStatus.decode(row["status"], table: "affiliate_partners", column: "status"),
                tier: row["tier"],
                partnershipType: row["partnershipType"], commissionRate: Fraction(double: row["commissionRate"]),
                commissionFlat: row["commissionFlat"], cookieDurationDays: row["cookieDurationDays"],
                payoutThreshold: row["payoutThreshold"], payoutMethod: row["payoutMethod"],
                comparableEmail: (row["email"] as String?).map(normalizedEmail).flatMap { $0.isEmpty ? nil : $0 })
        }
        return partners
    }

    static func name(display: String?, first: String?, last: String?) -> String {
        let trimmed = { (text: String?) in text?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }
        let display = trimmed(display)
        if !display.isEmpty { return display }
        return [trimmed(first), trimmed(last)].filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// A8: the partner's email equals the customer's, trimmed and case-insensitive; NULL never
    /// matches. `customerEmail` already through ``normalizedEmail(_:)`` (once per conversion: per
    /// candidate click, Foundation's trimming was 4% of a 10M-click report).
    func isSelfReferral(normalizedCustomerEmail: String?) -> Bool {
        guard let email = comparableEmail, let normalizedCustomerEmail else { return false }
        return email == normalizedCustomerEmail
    }

}

/// An email as A8 compares it: trimmed, lowercased.
func normalizedEmail(_ text: String) -> String { text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() }
