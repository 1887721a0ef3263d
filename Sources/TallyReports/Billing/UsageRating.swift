import Crypto
import Foundation
import GRDB
import GRDBSQLite
import TallyCore

/// One CS AI usage record as a bill sees it (`Queries/cs-ai-billing/usage-records.sql`).
///
/// Read one at a time (``forEach(company:bounds:db:_:)``), never held as a period's array: a close
/// of millions of records keeps only per-component sums. Read straight from SQLite's statement:
/// GRDB's row decoding, Codable before it, and building the content text in SQL were each most of
/// a 5,000,000-record close's time (docs/BILLING.md, "Performance").
struct UsageRecord {
    let id: String
    let usageType: String
    let tier: String
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
            sql: QueryCatalog.sql("cs-ai-billing/usage-records")
                + (byID ? #"ORDER BY u."id""# : #"ORDER BY u."occurredAt""#))
        try statement.setArguments(["companyId": company, "fromUTC": bounds.lowerText, "toUTC": bounds.upperText])
        var content: [UInt8] = []
        content.reserveCapacity(256)
        // Usage types and tiers are a handful of values: each row's bytes are matched against the
        // strings already made instead of making a string per row.
        var usageTypes = InternedText()
        var tiers = InternedText()
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
            let duration = sqlite3_column_type(handle, 3) == SQLITE_NULL ? nil : sqlite3_column_int64(handle, 3)
            tied.append(
                UsageRecord(
                    id: StatementRows.text(handle, 0) ?? "", usageType: usageTypes.string(handle, 1),
                    tier: tiers.string(handle, 2),
                    durationSeconds: duration, messageCount: sqlite3_column_int64(handle, 4),
                    inputTokens: sqlite3_column_int64(handle, 5), outputTokens: sqlite3_column_int64(handle, 6),
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

/// One USAGE line of a period: a component's quantity, what the allowance left billable, and the
/// amount, rounded once.
struct RatedLine: Equatable {
    let usageType: String
    let meter: String
    let records: Int
    /// Seconds (after per-record rounding), records, messages or tokens.
    let quantityBase: Int64
    let includedBase: Int64
    let billableBase: Int64
    let amountMinor: Int64
}

/// Rates a period's usage records with tally pricing (docs/BILLING.md, "Money and rounding").
///
/// Money is computed exactly: each component's raw amount is a fraction with denominator
/// `pricingUnitBase × 10^6` (prices are millionths of a minor unit per priced unit), summed in 128
/// bits and rounded **once per line**, half away from zero. Lines are then summed as integers; the
/// minimum fee's true-up is `max(0, minimum − Σ lines)`. Nothing is rounded twice.
enum UsageRating {
    /// The base quantity of `usage` for `component`: per-record rounded call seconds, records,
    /// messages or tokens; 0 when the usage is of another usage type.
    static func quantity(of usage: UsageAggregate, for component: PriceTable.Component) -> Int64 {
        guard usage.usageType == component.usageType else { return 0 }
        switch component.meter {
        case "CALL_SECONDS":
            return roundedSeconds(
                usage.durationSeconds, increment: component.perRecordIncrementSeconds,
                minimum: component.perRecordMinimumSeconds) * usage.records
        case "RECORD_COUNT": return usage.records
        case "MESSAGE_COUNT": return usage.messages
        case "INPUT_TOKENS": return usage.inputTokens
        case "OUTPUT_TOKENS": return usage.outputTokens
        default: return 0
        }
    }

    /// Per-call rounding: a 0-second call bills 0; any other is raised to whole increments, then to
    /// the minimum (60/6: 61 s → 66 s, 59 s → 60 s, 1 s → 60 s).
    static func roundedSeconds(_ seconds: Int64, increment: Int64, minimum: Int64) -> Int64 {
        guard seconds > 0 else { return 0 }
        let increments = (seconds + increment - 1) / increment
        return max(minimum, increments * increment)
    }

    /// A component's USAGE line from its summed quantity and record count.
    static func line(for component: PriceTable.Component, quantity: Int64, records: Int) -> RatedLine {
        let included = component.includedUnits * component.pricingUnitBase
        let billable = max(0, quantity - included)
        return RatedLine(
            usageType: component.usageType, meter: component.meter, records: records, quantityBase: quantity,
            includedBase: included, billableBase: billable,
            amountMinor: amount(billableBase: billable, component: component))
    }

    /// The line amount for `billableBase` base units: graduated tiers fill in order, a volume tier
    /// prices every unit at the tier the total falls in (bounds inclusive); a tier's flat fee is
    /// charged when it receives units.
    static func amount(billableBase billable: Int64, component: PriceTable.Component) -> Int64 {
        guard billable > 0 else { return 0 }
        let base = Int128(component.pricingUnitBase)
        let denominator = base * 1_000_000
        var numerator: Int128 = 0
        switch component.tierMode {
        case "VOLUME":
            let tier =
                component.tiers.first { $0.upToUnits.map { Int128(billable) <= Int128($0) * base } ?? true }
                ?? component.tiers[component.tiers.count - 1]
            numerator = Int128(billable) * Int128(tier.unitPriceMicros) + Int128(tier.flatFeeMinor) * denominator
        default:  // GRADUATED
            var lower: Int128 = 0
            for tier in component.tiers {
                let upper = tier.upToUnits.map { Int128($0) * base }
                let inTier = min(Int128(billable), upper ?? Int128(billable)) - lower
                if inTier > 0 {
                    numerator += inTier * Int128(tier.unitPriceMicros) + Int128(tier.flatFeeMinor) * denominator
                }
                guard let upper, Int128(billable) > upper else { break }
                lower = upper
            }
        }
        return Fraction.roundHalfAwayFromZero(numerator, denominator)
    }

}
