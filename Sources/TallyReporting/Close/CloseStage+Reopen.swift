import Foundation
import GRDB
import TallyCore
import TallyStore

/// Undoing a mistaken close (docs/CLOSES.md, "Reopening a close").
extension CloseStage {
    /// What a reopening undid (or, in a dry run, would undo).
    public struct Reopening: Sendable, Equatable {
        public let closeId: String
        /// The close's own as-of.
        public let closedAsOf: String
        /// The rows it wrote, now deleted (or that a dry run would delete).
        public let deletedRows: Int
    }

    /// Reopens the close of `kind` and `scopeKey`, in one IMMEDIATE transaction: deletes every row
    /// it wrote (its OUTPUT items), its items and digests and its ledger row, and records the
    /// reopening in `tally_close_reopenings` with `asOf` and `by`. Only the company's latest close of
    /// the kind reopens, and `refuse` (the domain's own rule: a paid payout) may refuse it.
    /// - Parameters:
    ///   - later: the scope keys of the same company's closes that would depend on this one (its later months).
    /// - Throws: ``CloseError/notClosed(kind:scopeKey:)``, ``CloseError/laterCloseDepends(closeId:later:)``,
    ///   and what `refuse` throws; nothing is written then.
    public static func reopen(
        kind: String, scopeKey: String, later: ClosedRange<String>, asOf: UTCTimestamp.Milliseconds, by: String,
        on store: Store, dryRun: Bool, refuse: (Database, [(table: String, rowId: String)]) throws -> Void = { _, _ in }
    ) throws -> Reopening {
        try store.queue.writeWithoutTransaction { db in
            var reopening: Reopening?
            try db.inTransaction(.immediate) {
                reopening = try reopen(
                    kind: kind, scopeKey: scopeKey, later: later, asOf: asOf, by: by, in: db, refuse: refuse)
                return dryRun ? .rollback : .commit
            }
            return reopening!
        }
    }

    private static func reopen(
        kind: String, scopeKey: String, later: ClosedRange<String>, asOf: UTCTimestamp.Milliseconds, by: String,
        in db: Database, refuse: (Database, [(table: String, rowId: String)]) throws -> Void
    ) throws -> Reopening {
        guard
            let close = try Row.fetchOne(
                db,
                sql: #"SELECT * FROM "tally_closes" WHERE "kind" = ? AND "scopeKey" = ?"#,
                arguments: [kind, scopeKey])
        else { throw CloseError.notClosed(kind: kind, scopeKey: scopeKey) }
        let closeId: String = close["id"]
        if let dependent = try String.fetchOne(
            db,
            sql: """
                SELECT "id" FROM "tally_closes" WHERE "kind" = ? AND "scopeKey" > ? AND "scopeKey" >= ? AND "scopeKey" <= ?
                ORDER BY "scopeKey" LIMIT 1
                """, arguments: [kind, scopeKey, later.lowerBound, later.upperBound])
        {
            throw CloseError.laterCloseDepends(closeId: closeId, later: dependent)
        }
        let outputs = try Row.fetchAll(
            db,
            sql: """
                SELECT "tableName", "rowId" FROM "tally_close_items" WHERE "closeId" = ? AND "role" = 'OUTPUT'
                ORDER BY "tableName", "rowId"
                """, arguments: [closeId]
        ).map { (table: $0["tableName"] as String, rowId: $0["rowId"] as String) }
        try refuse(db, outputs)
        for output in outputs {
            try db.execute(
                sql: "DELETE FROM \(output.table.quotedDatabaseIdentifier) WHERE \"id\" = ?", arguments: [output.rowId])
        }
        try db.execute(sql: #"DELETE FROM "tally_close_items" WHERE "closeId" = ?"#, arguments: [closeId])
        try db.execute(sql: #"DELETE FROM "tally_close_input_digests" WHERE "closeId" = ?"#, arguments: [closeId])
        try db.execute(sql: #"DELETE FROM "tally_closes" WHERE "id" = ?"#, arguments: [closeId])
        let stamp = UTCTimestamp.format(asOf)
        try db.execute(
            sql: """
                INSERT INTO "tally_close_reopenings" ("id", "closeId", "kind", "scopeKey", "closedAsOf", "inputsHash",
                    "outputsHash", "outputCount", "reopenedAsOf", "reopenedBy")
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT ("id") DO NOTHING
                """,
            arguments: [
                "\(closeId)@\(stamp)", closeId, kind, scopeKey, close["asOf"], close["inputsHash"],
                close["outputsHash"],
                outputs.count, stamp, by,
            ])
        return Reopening(closeId: closeId, closedAsOf: close["asOf"], deletedRows: outputs.count)
    }

    /// Who runs this process, for the reopening's record: `$USER`, else `$LOGNAME`, else the
    /// account's name, else its numeric id.
    public static var currentUser: String {
        let environment = ProcessInfo.processInfo.environment
        for name in ["USER", "LOGNAME"] {
            if let user = environment[name], !user.isEmpty { return user }
        }
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return "uid \(getuid())"
    }
}
