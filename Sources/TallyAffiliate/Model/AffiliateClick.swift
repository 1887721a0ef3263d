import Foundation
import GRDB
import GRDBSQLite
import TallyCore
import TallyReporting

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
    let status: ClickStatus
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
    /// The click's rowid in `affiliate_clicks` (a rollup rebuild keys its address by it).
    let rowID: Int64

    /// Calls `body` with each click of named query `query` (`affiliate/clicks` or
    /// `affiliate/candidate-clicks`, which share their columns), in the query's order.
    static func forEach(_ db: Database, query: String, _ body: (AffiliateClick) throws -> Void) throws {
        // The clicks query sorts every click of the companies (docs/AFFILIATE.md, "Performance").
        let statement = try db.cachedStatement(sql: QueryCatalog.sql(query))
        var statuses = InternedValues<ClickStatus>()  // a handful of values: each decoded once, not once per click
        try StatementRows.withSorterThreads(db) {
            try StatementRows.forEach(statement, db: db) { handle in
                func text(_ column: Int32) -> String? { StatementRows.text(handle, column) }
                let status = try statuses.value(handle, 7) {
                    try ClickStatus.decode($0, table: "affiliate_clicks", column: "status")
                }
                let clickedAt = text(6) ?? ""
                try body(
                    AffiliateClick(
                        id: text(0) ?? "", companyId: text(1) ?? "", partnerId: text(2) ?? "", linkId: text(3),
                        visitorId: text(4), sessionId: text(5), clickedAt: clickedAt, status: status,
                        fraudScore: sqlite3_column_type(handle, 8) == SQLITE_NULL
                            ? nil : sqlite3_column_double(handle, 8),
                        fraudReasons: text(9), ipAddressHash: text(10), subId1: text(11), subId2: text(12),
                        subId3: text(13), subId4: text(14), subId5: text(15),
                        time: (try? UTCTimestamp.parse(clickedAt).get()) ?? 0,
                        rowID: sqlite3_column_int64(handle, 16)))
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
