import GRDB
import TallyCore
import TallyStore

/// Writes a ``ClosePlan`` to the store, or proves it was already written (docs/CLOSES.md).
///
/// One transaction: either every row and the ledger entry are written, or nothing is. A close is
/// identified by its kind and key:
/// - never closed: the rows are upserted by id and the ledger records every input and output with
///   its content hash;
/// - closed before from the same inputs with the same rows: nothing is written (``Outcome/unchanged``),
///   and the caller prints the same bytes as the first time;
/// - closed before, anything different: ``CloseError/changedSinceClose(closeId:asOf:changes:more:afterChange:)``,
///   naming what changed, and nothing is written.
/// A dry run decides the same way and writes nothing.
///
/// ## Topics
/// - ``run(_:on:dryRun:)``: the one way a close runs (a ``CloseDefinition``, planned inside the
///   stage's IMMEDIATE transaction), returning a ``CloseRun`` per plan.
/// - ``Outcome``: closed, unchanged, or what a dry run would do; a refusal is a ``CloseError``.
public enum CloseStage {
    /// What the stage did with one plan.
    public enum Outcome: Equatable, Sendable {
        /// The rows and the ledger entry were written.
        case closed(rows: Int)
        /// Already closed from identical inputs; nothing written.
        case unchanged
        /// `--dry-run`: what a close would do, nothing written.
        case dryRun(rows: Int, alreadyClosed: Bool)
    }

    /// How many changed ids a refusal names before "… and N more".
    static let namedChanges = 10

    /// Plans and runs several closes in one transaction that holds the write lock from the first
    /// read: what the plans were computed from cannot change before they are written, which is
    /// what lets a plan stream its inputs (``CloseInputs``) instead of holding them.
    static func executeAll<Detail>(
        on store: Store, dryRun: Bool, afterChange: String, planning: (Database) throws -> [(Detail, ClosePlan)]
    ) throws -> [(detail: Detail, plan: ClosePlan, outcome: Outcome)] {
        try store.queue.writeWithoutTransaction { db in
            var results: [(detail: Detail, plan: ClosePlan, outcome: Outcome)] = []
            try db.inTransaction(.immediate) {
                let planned = try planning(db)
                results = try planned.map {
                    ($0.0, $0.1, try decide($0.1, in: db, dryRun: dryRun, afterChange: afterChange))
                }
                for result in results {
                    if case .closed = result.outcome { try write(result.plan, in: db) }
                }
                return dryRun ? .rollback : .commit
            }
            return results
        }
    }

    private static func decide(_ plan: ClosePlan, in db: Database, dryRun: Bool, afterChange: String) throws
        -> Outcome
    {
        guard
            let ledger = try Row.fetchOne(
                db,
                sql:
                    #"SELECT "id", "asOf", "inputsHash", "outputsHash" FROM "tally_closes" WHERE "kind" = ? AND "scopeKey" = ?"#,
                arguments: [plan.kind, plan.scopeKey])
        else {
            return dryRun ? .dryRun(rows: plan.writes.count, alreadyClosed: false) : .closed(rows: plan.writes.count)
        }
        if ledger["outputsHash"] == plan.outputsHash,
            try ledger["inputsHash"] == plan.inputsHash || legacyInputsMatch(plan, ledger: ledger, in: db)
        {
            return dryRun ? .dryRun(rows: plan.writes.count, alreadyClosed: true) : .unchanged
        }
        let closedAsOf: String = ledger["asOf"]
        if ledger["inputsHash"] == plan.inputsHash, closedAsOf != UTCTimestamp.format(plan.asOf) {
            // Same inputs, another as-of: the rows differ only by the time written into them.
            throw CloseError.asOfDiffers(
                closeId: plan.id, closedAsOf: closedAsOf, requestedAsOf: UTCTimestamp.format(plan.asOf))
        }
        let changes = try differences(plan, closeId: ledger["id"], in: db)
        throw CloseError.changedSinceClose(
            closeId: plan.id, asOf: ledger["asOf"], changes: Array(changes.prefix(namedChanges)),
            more: max(0, changes.count - namedChanges), afterChange: afterChange)
    }

    /// Whether a close written before inputs were hashed per table (it recorded no
    /// `tally_close_input_digests`) hashed the same inputs in sequence: such a close re-runs as
    /// unchanged instead of being refused for a change of hash format alone.
    private static func legacyInputsMatch(_ plan: ClosePlan, ledger: Row, in db: Database) throws -> Bool {
        guard plan.inputs.hashing == .perTable,
            try !Bool.fetchOne(
                db, sql: #"SELECT EXISTS (SELECT 1 FROM "tally_close_input_digests" WHERE "closeId" = ?)"#,
                arguments: [ledger["id"] as String])!
        else { return false }
        var sequence = CloseDigest()
        try (plan.inputs.produceInSequence ?? plan.inputs.produce)(db) { sequence.add($0) }
        return sequence.hex == ledger["inputsHash"]
    }

    /// Each input or output whose id appeared, disappeared or changed content since the close.
    private static func differences(_ plan: ClosePlan, closeId: String, in db: Database) throws -> [String] {
        var recorded: [String: String] = [:]
        for row in try Row.fetchAll(
            db,
            sql: #"SELECT "role", "tableName", "rowId", "contentHash" FROM "tally_close_items" WHERE "closeId" = ?"#,
            arguments: [closeId])
        {
            recorded["\(row["role"] as String) \(row["tableName"] as String) \(row["rowId"] as String)"] =
                row["contentHash"]
        }
        var now: [String: String] = [:]
        try plan.inputs.produce(db) { now["INPUT \($0.table) \($0.rowId)"] = $0.contentHash }
        for write in plan.writes { now["OUTPUT \(write.table) \(write.id)"] = write.contentHash }
        var changes: [String] = []
        for key in Set(recorded.keys).union(now.keys).sorted() {
            let label = key.split(separator: " ", maxSplits: 1)[1]
            switch (recorded[key], now[key]) {
            case (nil, _): changes.append("\(label) is new")
            case (_, nil): changes.append("\(label) is gone")
            case (let before?, let after?) where before != after: changes.append("\(label) changed")
            default: break
            }
        }
        return changes
    }

    private static func write(_ plan: ClosePlan, in db: Database) throws {
        // The ledger row first: rows of tally_billing_lines reference it.
        try db.execute(
            sql: """
                INSERT INTO "tally_closes" ("id", "kind", "scopeKey", "asOf", "inputsHash", "outputsHash", "inputCount", "outputCount")
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT ("id") DO UPDATE SET "asOf" = excluded."asOf", "inputsHash" = excluded."inputsHash",
                    "outputsHash" = excluded."outputsHash", "inputCount" = excluded."inputCount", "outputCount" = excluded."outputCount"
                """,
            arguments: [
                plan.id, plan.kind, plan.scopeKey, UTCTimestamp.format(plan.asOf), plan.inputsHash, plan.outputsHash,
                plan.inputs.count, plan.writes.count,
            ])
        for row in plan.writes {
            let columns = row.columns.map(\.quotedDatabaseIdentifier)
            // An upsert, not INSERT OR REPLACE: REPLACE deletes first, which would cascade to child rows.
            let updates = columns.dropFirst().map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
            try db.execute(
                sql: """
                    INSERT INTO \(row.table.quotedDatabaseIdentifier) (\(columns.joined(separator: ", ")))
                    VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))
                    ON CONFLICT ("id") DO UPDATE SET \(updates)
                    """, arguments: StatementArguments(row.values))
        }
        try db.execute(sql: #"DELETE FROM "tally_close_items" WHERE "closeId" = ?"#, arguments: [plan.id])
        let insert = try db.makeStatement(
            sql:
                #"INSERT INTO "tally_close_items" ("closeId", "role", "tableName", "rowId", "contentHash") VALUES (?, ?, ?, ?, ?)"#
        )
        var sequence = CloseDigest()
        var perTable = PerTableDigest()
        try plan.inputs.produce(db) { item in
            switch plan.inputs.hashing {
            case .sequence: sequence.add(item)
            case .perTable: perTable.add(item)
            }
            try insert.execute(arguments: [plan.id, "INPUT", item.table, item.rowId, item.contentHash])
        }
        // Produced again in the plan's own transaction, the inputs cannot differ; if they do, the
        // plan was computed outside it, and writing would record inputs the rows were not computed from.
        let hash = plan.inputs.hashing == .sequence ? sequence.hex : perTable.hex
        guard hash == plan.inputsHash else { throw CloseError.inputsMoved(closeId: plan.id) }
        try db.execute(sql: #"DELETE FROM "tally_close_input_digests" WHERE "closeId" = ?"#, arguments: [plan.id])
        for (table, digest) in perTable.tables {
            try db.execute(
                sql:
                    #"INSERT INTO "tally_close_input_digests" ("closeId", "tableName", "count", "digest") VALUES (?, ?, ?, ?)"#,
                arguments: [plan.id, table, digest.count, digest.hex])
        }
        for row in plan.writes {
            try insert.execute(arguments: [plan.id, "OUTPUT", row.table, row.id, row.contentHash])
        }
    }
}
