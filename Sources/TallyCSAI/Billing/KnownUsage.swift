import GRDB
import TallyCore
import TallyReporting

/// What the billing ledger knows of a company's usage records: each record's content hash as the
/// latest billing close saw it, looked up one record at a time (no period is held in memory).
///
/// The latest close is enough: every close re-reads every earlier closed period and records all of
/// their records among its inputs, so it knows each closed period as it was last billed. A record
/// is *late* when that close never saw it, *changed* when its content hash differs, and *gone* when
/// that close saw it in the period and it is no longer there (deleted, or moved to another period
/// or company).
struct KnownUsage {
    /// The ledger id of the latest billing close considered; nil before the first.
    let closeId: String?
    private let lookup: Statement?

    /// The latest close of a period before `period` (nil: the latest of all).
    init(company: String, closedBefore period: CalendarMonth?, db: Database) throws {
        let closed = try BillingClose.closedPeriods(of: company, db: db).filter { period == nil || $0 < period! }
        closeId = closed.last.map { MonthlyCloses.closeId(kind: BillingClose.kind, company, $0) }
        lookup =
            closeId == nil
            ? nil
            : try db.makeStatement(
                sql: """
                    SELECT "contentHash" FROM "tally_close_items"
                    WHERE "closeId" = ? AND "role" = 'INPUT' AND "tableName" = ? AND "rowId" = ?
                    """)
    }

    /// How a record of a closed period stands against the latest close.
    enum Standing { case known, late, changed }

    /// Whether the latest close saw `record` in `table` (`cs_ai_usage:<YYYY-MM>`), and as it is now.
    func standing(of record: UsageRecord, table: String) throws -> Standing {
        switch try contentHash(table: table, rowId: record.id) {
        case nil: return .late
        case let hash? where hash != record.contentHash: return .changed
        default: return .known
        }
    }

    /// The record's content hash as the latest close saw it in `table`.
    private func contentHash(table: String, rowId: String) throws -> String? {
        guard let lookup, let closeId else { return nil }
        return try String.fetchOne(lookup, arguments: [closeId, table, rowId])
    }

    /// The digest of `table`'s inputs as the latest close recorded it (`tally_close_input_digests`):
    /// empty when it had none of that table; nil before the first close, or when the close was
    /// written before closes recorded digests (its records are then compared one by one).
    func digest(table: String, db: Database) throws -> MultisetDigest? {
        guard let closeId else { return nil }
        let recorded = try Row.fetchAll(
            db, sql: #"SELECT "tableName", "count", "digest" FROM "tally_close_input_digests" WHERE "closeId" = ?"#,
            arguments: [closeId])
        if let row = recorded.first(where: { $0["tableName"] == table }) {
            return MultisetDigest(count: row["count"], hex: row["digest"])
        }
        let inputCount =
            try Int.fetchOne(
                db, sql: #"SELECT "inputCount" FROM "tally_closes" WHERE "id" = ?"#, arguments: [closeId]) ?? 0
        return recorded.isEmpty && inputCount > 0 ? nil : MultisetDigest()
    }

    /// Ids the latest close saw in `table` that are no longer among the records of `bounds`, in byte order.
    func gone(table: String, company: String, bounds: UTCRange, db: Database) throws -> [String] {
        guard let closeId else { return [] }
        return try String.fetchAll(
            db,
            sql: """
                SELECT i."rowId" FROM "tally_close_items" AS i
                WHERE i."closeId" = ? AND i."role" = 'INPUT' AND i."tableName" = ?
                    AND NOT EXISTS (
                        SELECT 1 FROM "cs_ai_usage" AS u
                        WHERE u."id" = i."rowId" AND u."companyId" = ? AND u."occurredAt" >= ? AND u."occurredAt" < ?)
                ORDER BY i."rowId"
                """, arguments: [closeId, table, company, bounds.lowerText, bounds.upperText])
    }
}
