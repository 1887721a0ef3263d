import Crypto
import Foundation
import GRDB
import GRDBSQLite
import TallyCore
import TallyReporting

/// One CS AI usage record as a bill sees it (`Queries/billing-close/usage-records.sql`).
///
/// Read one at a time (``forEach(company:bounds:db:_:)``), never held as a period's array: a close
/// of millions of records keeps only per-component sums. Read straight from SQLite's statement:
/// GRDB's row decoding, Codable before it, and building the content text in SQL were each most of
/// a 5,000,000-record close's time (docs/BILLING.md, "Performance").
struct UsageRecord {
    let id: String
    let usageType: CSAIUsageType
    let tier: CSTier
    let durationSeconds: Int64?
    let messageCount: Int64
    let inputTokens: Int64
    let outputTokens: Int64
    /// SHA-256 of the fields the bill depends on — `usageType|tier|durationSeconds|messageCount|
    /// inputTokens|outputTokens|occurredAt|companyId`, NULL duration as empty text — whose hex is
    /// the record's content hash in the ledger: a change to any of them shows as a changed record.
    /// Kept as bytes: the close's digest takes the hex straight from them (``CloseDigest``), and
    /// only the ledger and the status compare need it as text.
    let contentDigest: SHA256Digest

    /// The content hash as the ledger stores it: lower-case hex.
    var contentHash: String { contentDigest.withUnsafeBytes(Hex.string(bytes:)) }

    /// Calls `body` with each record of `company` in `bounds`, in (`occurredAt`, id) order: the
    /// order allowances and graduated tiers are consumed in. `byID`: in id order instead (a close's
    /// ledger items, written in the ledger's key order).
    static func forEach(
        company: String, bounds: UTCRange, byID: Bool = false, db: Database, _ body: (UsageRecord) throws -> Void
    ) throws {
        let statement = try db.cachedStatement(
            sql: QueryCatalog.sql("billing-close/usage-records")
                + (byID ? #"ORDER BY u."id""# : #"ORDER BY u."occurredAt""#))
        try statement.setArguments(["companyId": company, "fromUTC": bounds.lowerText, "toUTC": bounds.upperText])
        var content: [UInt8] = []
        content.reserveCapacity(256)
        // Usage types and tiers are a handful of values: each row's bytes are matched against the
        // values already decoded instead of making a string per row.
        var usageTypes = InternedValues<CSAIUsageType>()
        var tiers = InternedValues<CSTier>()
        // Records sharing an occurredAt, held until the next instant so they can go out in id order
        // (in id order already when `byID`).
        var tied: [UsageRecord] = []
        var tiedAt: [UInt8] = []
        func flush() throws {
            if tied.count > 1 { tied.sort { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) } }
            for record in tied { try body(record) }
            tied.removeAll(keepingCapacity: true)
        }
        try StatementRows.forEach(statement, db: db) { handle in
            content.removeAll(keepingCapacity: true)
            for (column, isNumber) in contentColumns {
                if column > 1 { content.append(UInt8(ascii: "|")) }
                let index = Int32(column)
                if sqlite3_column_type(handle, index) == SQLITE_NULL { continue }
                if isNumber {
                    Decimal64.append(sqlite3_column_int64(handle, index), to: &content)
                } else if let text = sqlite3_column_text(handle, index) {
                    content.append(
                        contentsOf: UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, index))))
                }
            }
            let at = UnsafeBufferPointer(
                start: sqlite3_column_text(handle, 7), count: Int(sqlite3_column_bytes(handle, 7)))
            if !tied.isEmpty && !sameBytes(at, tiedAt) { try flush() }
            if tied.isEmpty { tiedAt.replaceSubrange(tiedAt.indices, with: at) }
            let counts = (
                sqlite3_column_int64(handle, 3), sqlite3_column_int64(handle, 4), sqlite3_column_int64(handle, 5),
                sqlite3_column_int64(handle, 6)
            )
            // Production's columns are 32-bit and the loader rejects more; a store edited by hand
            // could still hold more, which every sum of a close would overflow: refused here, by id.
            if Int32(exactly: counts.0) == nil || Int32(exactly: counts.1) == nil || Int32(exactly: counts.2) == nil
                || Int32(exactly: counts.3) == nil
            {
                let (name, value) = [
                    ("durationSeconds", counts.0), ("messageCount", counts.1), ("inputTokens", counts.2),
                    ("outputTokens", counts.3),
                ].first { Int32(exactly: $0.1) == nil }!
                throw BillingError.usageOutOfRange(id: StatementRows.text(handle, 0) ?? "", column: name, value: value)
            }
            let duration = sqlite3_column_type(handle, 3) == SQLITE_NULL ? nil : counts.0
            tied.append(
                UsageRecord(
                    id: StatementRows.text(handle, 0) ?? "",
                    usageType: try usageTypes.value(handle, 1) {
                        try CSAIUsageType.decode($0, table: "cs_ai_usage", column: "usageType")
                    },
                    tier: try tiers.value(handle, 2) { try CSTier.decode($0, table: "cs_ai_usage", column: "tier") },
                    durationSeconds: duration, messageCount: counts.1, inputTokens: counts.2, outputTokens: counts.3,
                    contentDigest: content.withUnsafeBytes { SHA256.hash(data: $0) }))
        }
        try flush()
    }

    /// The content's columns by position, and which are integers (written as decimal text).
    private static let contentColumns: [(Int, Bool)] = [
        (1, false), (2, false), (3, true), (4, true), (5, true), (6, true), (7, false), (8, false),
    ]
}

/// Decimal text of integers into a byte buffer, as SQLite writes an INTEGER as text.
enum Decimal64 {
    static func append(_ value: Int64, to buffer: inout [UInt8]) {
        if value < 0 { buffer.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)  // 32 bytes: room for 20 digits
        let count = withUnsafeMutableBytes(of: &digits) { scratch -> Int in
            var position = 0
            repeat {
                scratch[position] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                position += 1
            } while magnitude > 0
            return position
        }
        withUnsafeBytes(of: &digits) { scratch in
            for position in stride(from: count - 1, through: 0, by: -1) { buffer.append(scratch[position]) }
        }
    }
}
