import Foundation
import GRDB
import GRDBSQLite
import TallyCore

/// A click as attribution sees it (`Queries/affiliate/clicks.sql`).
///
/// Read straight from SQLite's statement (``forEach(_:_:)``): a report reads every click of its
/// companies, and Codable decoding, then GRDB's row decoding, cost more than everything else per
/// click.
struct AffiliateClick {
    let id: String
    let companyId: String
    let partnerId: String
    let linkId: String?
    let visitorId: String?
    let sessionId: String?
    let clickedAt: String
    let status: String
    let fraudScore: Double?
    let fraudReasons: String?
    let ipAddressHash: String?
    let subId1: String?
    let subId2: String?
    let subId3: String?
    let subId4: String?
    let subId5: String?
    /// `clickedAt` in milliseconds, parsed once: every stage of a report asks for it.
    let time: Int64

    /// Calls `body` with each click of named query `query` (`affiliate/clicks` or
    /// `affiliate/candidate-clicks`, which share their columns), in the query's order.
    static func forEach(_ db: Database, query: String, _ body: (AffiliateClick) throws -> Void) throws {
        // The clicks query sorts every click of the companies (docs/AFFILIATE.md, "Performance").
        let statement = try db.cachedStatement(sql: QueryCatalog.sql(query))
        var statuses = InternedText()  // a handful of values: each made once, not once per click
        try StatementRows.withSorterThreads(db) {
            try StatementRows.forEach(statement, db: db) { handle in
                func text(_ column: Int32) -> String? { StatementRows.text(handle, column) }
                let status = statuses.string(handle, 7)
                let clickedAt = text(6) ?? ""
                try body(
                    AffiliateClick(
                        id: text(0) ?? "", companyId: text(1) ?? "", partnerId: text(2) ?? "", linkId: text(3),
                        visitorId: text(4), sessionId: text(5), clickedAt: clickedAt, status: status,
                        fraudScore: sqlite3_column_type(handle, 8) == SQLITE_NULL
                            ? nil : sqlite3_column_double(handle, 8),
                        fraudReasons: text(9), ipAddressHash: text(10), subId1: text(11), subId2: text(12),
                        subId3: text(13), subId4: text(14), subId5: text(15),
                        time: (try? UTCTimestamp.parse(clickedAt).get()) ?? 0))
            }
        }
    }

    /// A3: an element of `fraudReasons` equals `bot_user_agent`.
    var isDerivedBot: Bool {
        // Most clicks have no such reason: a byte search spares parsing their JSON (Foundation's
        // `contains` was a tenth of a 1M-click report).
        guard let fraudReasons, Self.containsBotReason(fraudReasons), let data = fraudReasons.data(using: .utf8),
            let reasons = try? JSONSerialization.jsonObject(with: data) as? [Any?]
        else { return false }
        return reasons.contains { ($0 as? String) == "bot_user_agent" }
    }

    private static let botReason = Array("bot_user_agent".utf8)

    private static func containsBotReason(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= botReason.count else { return false }
            for start in 0...(bytes.count - botReason.count)
            where bytes[start] == botReason[0] && botReason.indices.allSatisfy({ bytes[start + $0] == botReason[$0] }) {
                return true
            }
            return false
        }
    }

    var subIds: [String?] { [subId1, subId2, subId3, subId4, subId5] }
}

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
    let status: String
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
        (status, currency, orderTotal, commissionAmount, reversalAmount) = (row[6], row[7], row[8], row[9], row[10])
        (convertedAt, approvedAt, reversedAt, customerId) = (row[11], row[12], row[13], row[14])
        (subId1, subId2, subId3, subId4, subId5) = (row[15], row[16], row[17], row[18], row[19])
        (customerEmail, ownVisitorId) = (row[20], row[21])
        (clickSubId1, clickSubId2, clickSubId3, clickSubId4, clickSubId5) = (
            row[22], row[23], row[24], row[25], row[26]
        )
        (orderSessionId, refunded) = (row[27], row[28])
    }

    var time: Int64 { (try? UTCTimestamp.parse(convertedAt).get()) ?? 0 }
    var isActive: Bool { ["PENDING", "APPROVED", "DISPUTED"].contains(status) }
    /// Production view's SubID: the conversion's, else its click's.
    func subId(_ number: Int) -> String? {
        [subId1, subId2, subId3, subId4, subId5][number - 1]
            ?? [clickSubId1, clickSubId2, clickSubId3, clickSubId4, clickSubId5][number - 1]
    }
    /// Completed refunds of the order, in minor units of the conversion's currency.
    var refundedMinor: Int64 { Money.rescale(refunded ?? 0, decimals: 2, to: CurrencyExponent.of(currency)) }
}

/// A partner's settings and identity.
struct AffiliatePartner {
    let id: String
    let companyId: String
    let email: String?
    let status: String
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
                id: row["id"], companyId: row["companyId"], email: row["email"], status: row["status"],
                tier: row["tier"],
                partnershipType: row["partnershipType"], commissionRate: Fraction(double: row["commissionRate"]),
                commissionFlat: row["commissionFlat"], cookieDurationDays: row["cookieDurationDays"],
                payoutThreshold: row["payoutThreshold"], payoutMethod: row["payoutMethod"],
                comparableEmail: (row["email"] as String?).map(normalizedEmail).flatMap { $0.isEmpty ? nil : $0 })
        }
        return partners
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

/// A company's affiliate program settings, with the schema defaults when it has no row (A3).
struct AffiliateProgram {
    /// `fraudScoreThreshold`, read as ×100 when ≤ 1 (production writes both 70 and 0.7).
    let fraudThreshold: FraudThreshold
    let attributionWindowDays: Int64
    let deduplicationWindowMins: Int64
    let holdPeriodDays: Int64
    let defaultCommissionRate: Fraction
    let minimumPayoutThreshold: Int64?

    /// `score > threshold`, compared as exact decimals (0.605 × 100 is 60.5, not 60.49999…). Scores
    /// far from the threshold are decided on the doubles; only near ties pay for the exact compare.
    func isAboveFraudThreshold(_ score: Double) -> Bool {
        let approximate = fraudThreshold.approximate
        if score > approximate + 1e-6 { return true }
        if score < approximate - 1e-6 { return false }
        return (Fraction(double: score) ?? Fraction(0)) > fraudThreshold.exact
    }

    static let defaults = AffiliateProgram(
        fraudThreshold: FraudThreshold(Fraction(70)), attributionWindowDays: 30, deduplicationWindowMins: 60,
        holdPeriodDays: 30,
        defaultCommissionRate: Fraction(10), minimumPayoutThreshold: nil)

    static func all(_ db: Database) throws -> [String: AffiliateProgram] {
        var programs: [String: AffiliateProgram] = [:]
        for row in try Row.fetchAll(db, sql: #"SELECT * FROM "affiliate_program_configs" ORDER BY "id""#) {
            let company: String = row["companyId"]
            guard programs[company] == nil else { continue }
            var threshold = Fraction(double: row["fraudScoreThreshold"]) ?? Fraction(70)
            if threshold <= Fraction(1) { threshold = threshold * Fraction(100) }
            programs[company] = AffiliateProgram(
                fraudThreshold: FraudThreshold(threshold), attributionWindowDays: row["attributionWindowDays"],
                deduplicationWindowMins: row["deduplicationWindowMins"], holdPeriodDays: row["holdPeriodDays"],
                defaultCommissionRate: Fraction(double: row["defaultCommissionRate"]) ?? Fraction(10),
                minimumPayoutThreshold: row["minimumPayoutThreshold"])
        }
        return programs
    }
}

/// A fraud-score threshold: exact, and as a double for deciding scores far from it cheaply (the
/// double was computed per click before: a tenth of a 1M-click report).
struct FraudThreshold {
    let exact: Fraction
    let approximate: Double

    init(_ exact: Fraction) {
        self.exact = exact
        approximate = Double(exact.numerator) / Double(exact.denominator)
    }
}
