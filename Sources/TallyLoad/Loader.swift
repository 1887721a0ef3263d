import Crypto
import Foundation
import GRDB
import TallyCore
import TallyStore

/// How a load behaves.
public struct LoadOptions: Sendable {
    /// `--table`: load every file into this table instead of detecting it from the file name.
    public var tableOverride: String?
    /// `--strict`: any rejected row or unknown column fails the whole load.
    public var isStrict = false
    /// `--keep-sensitive`: store credentials and raw IP addresses as exported.
    public var keepsSensitive = false
    /// The command line, recorded in the load history.
    public var commandLine = ""
    /// Work run first in the load's transaction, before any row, with the tables the load writes
    /// (the rollup families' triggers are set aside: `Registry.rollups.prepareLoad`, of modules
    /// TallyLoad does not depend on).
    public var preparing: (@Sendable (Database, Set<String>) throws -> Void)?
    /// Work that must commit with the rows, run last in the load's transaction, with the tables
    /// the load wrote (the rollups' rebuild: `RollupFamilies.finishLoad`).
    public var finishing: (@Sendable (Database, Set<String>) throws -> Void)?
    /// Work run right after the load is recorded in `tally_loads`, with its id: a pull records
    /// its source, snapshot and per-table watermarks (TallyPostgres).
    package var recording: (@Sendable (Database, Int64) throws -> Void)?

    public init(
        tableOverride: String? = nil, isStrict: Bool = false, keepsSensitive: Bool = false, commandLine: String = ""
    ) {
        self.tableOverride = tableOverride
        self.isStrict = isStrict
        self.keepsSensitive = keepsSensitive
        self.commandLine = commandLine
    }
}

/// Receives what happens during a load as it happens, so rejects stream to a file and progress
/// to a terminal without the loader holding them in memory.
public protocol LoadEventSink: AnyObject {
    func reject(_ reject: Reject)
    func warning(_ warning: LoadWarning)
    func unknownColumn(file: String, column: String)
    func progress(file: String, rows: Int, bytesRead: Int64, bytesTotal: Int64)
}

/// The outcome of a load that committed.
public struct LoadSummary: Equatable, Sendable {
    public let files: [FileLoadResult]
    /// Files inside given directories that were not loaded (not data files).
    public let skipped: [String]
    /// Files of production tables tally does not mirror (`users.csv`), skipped.
    public var unmirrored: [String] = []

    public var read: Int { files.reduce(0) { $0 + $1.read } }
    public var rejected: Int { files.reduce(0) { $0 + $1.rejected } }
    public var warnings: Int { files.reduce(0) { $0 + $1.warnings } }
}

/// Loads export files into the store: one call, one transaction.
///
/// ```swift
/// let summary = try Loader(store: store).load(paths: ["SampleData"], options: LoadOptions(), sink: sink)
/// ```
///
/// A fatal error (``LoadError``), a `--strict` refusal, a crash or Ctrl-C leave the store exactly as
/// it was: the transaction never commits, and SQLite's rollback journal undoes a half-written one
/// when the store is next opened.
public struct Loader {
    public let store: Store

    public init(store: Store) {
        self.store = store
    }

    /// Files of at least this many bytes on disk (×4 for gzip) load into an empty table with its
    /// non-unique indexes dropped and rebuilt after the file: building a B-tree from sorted keys
    /// beats inserting 1M random keys into 11 of them. Unique indexes stay so that a duplicate
    /// still rejects its own row.
    static let deferredIndexThreshold: Int64 = 1 << 20

    /// Builds the indexes dropped before a big file. Sorter helper threads (`PRAGMA threads`) are on
    /// for these builds only: at scale 100 (10M clicks) one helper took one index build from 10.4 s
    /// to 8.1 s at the same peak memory; at 1M clicks two helpers built the 11 indexes in 4.44–4.57 s
    /// against 4.65–5.01 s with one (paired runs, +4 MB peak; issue 14). For the row phase they
    /// bought nothing (see `load`).
    static func buildDeferredIndexes(_ statements: [String], in db: Database) throws {
        guard !statements.isEmpty else { return }
        try db.execute(sql: "PRAGMA threads = 2")
        defer { try? db.execute(sql: "PRAGMA threads = 0") }
        for sql in statements { try db.execute(sql: sql) }
    }

    public func load(paths: [String], options: LoadOptions, sink: LoadEventSink) throws -> LoadSummary {
        try load(options: options, sink: sink) { tables in
            try LoadPlan.make(
                paths: paths, tables: tables, tableOverride: options.tableOverride, isStrict: options.isStrict)
        }
    }

    /// Loads streamed tables (a PostgreSQL pull) exactly as files: one transaction, the same
    /// conversion, rejects and history. Streams load in the store's foreign-key order.
    package func load(streams: [StreamedTable], options: LoadOptions, sink: LoadEventSink) throws -> LoadSummary {
        try load(options: options, sink: sink) { tables in
            let order = Dictionary(uniqueKeysWithValues: tables.enumerated().map { ($1, $0) })
            let items = streams.map(\.input).sorted {
                (order[$0.table] ?? .max, $0.name) < (order[$1.table] ?? .max, $1.name)
            }
            .map { LoadPlan.Item(path: $0.name, format: .csv, isGzip: false, table: $0.table, stream: $0) }
            return LoadPlan(items: items, skipped: [], unmirrored: [])
        }
    }

    private func load(options: LoadOptions, sink: LoadEventSink, planning: ([String]) throws -> LoadPlan) throws
        -> LoadSummary
    {
        try store.queue.writeWithoutTransaction { db in
            // SQLite's default 2 MiB page cache is kept: measured at 1M rows, a 16–32 MiB cache or a
            // sorter helper thread (PRAGMA threads) for the whole load made no load faster and raised
            // peak memory from 47 MB to 74–153 MB. The helper thread does pay during deferred index
            // builds, so it is on for those alone (buildDeferredIndexes).
            let tables = try Self.tablesInForeignKeyOrder(db)
            if let table = options.tableOverride, !tables.contains(table) {
                throw LoadError.unknownTableOption(table)
            }
            let plan = try planning(tables)
            var results: [FileLoadResult] = []
            let loadStarted = Date()
            let startedAt = UTCTimestamp.format(Int64(Date().timeIntervalSince1970 * 1000))
            try db.inTransaction(.immediate) {
                let written = Set(plan.items.map(\.table))
                try options.preparing?(db, written)
                let parents = ParentChecker(db: db)
                let needsHasher =
                    !options.keepsSensitive
                    && plan.items.contains { item in
                        SensitiveData.ipAddresses.contains { $0.hasPrefix(item.table + ".") }
                    }
                let hasher = needsHasher ? try IPAddressHasher.make(db) : nil
                var schemas: [String: TableSchema] = [:]
                for item in plan.items {
                    let schema = try schemas[item.table] ?? TableSchema.read(db, table: item.table)
                    schemas[item.table] = schema
                    // A stream's size is unknown until it ends (progress shows rows only); its
                    // source table's size decides whether its indexes are built after the rows.
                    let bytes = item.stream == nil ? Self.fileSize(item.path) : 0
                    let deferred = try Self.dropDeferrableIndexes(
                        db, item: item, bytes: item.stream?.estimatedBytes ?? bytes)
                    let loader = try FileLoader(
                        db: db, schema: schema, item: item, options: options, sink: sink, parents: parents,
                        hasher: hasher, fileBytes: bytes)
                    let rowsStarted = Date()
                    results.append(try loader.load())
                    let indexesStarted = Date()
                    try Self.buildDeferredIndexes(deferred, in: db)
                    Timing.report(
                        "\(item.path): rows \(Timing.seconds(since: rowsStarted, until: indexesStarted)), "
                            + "\(deferred.count) deferred index builds \(Timing.seconds(since: indexesStarted))")
                }
                let rejected = results.reduce(0) { $0 + $1.rejected }
                let unknown = results.flatMap { result in result.unknownColumns.map { "\(result.table).\($0)" } }
                if options.isStrict && (rejected > 0 || !unknown.isEmpty) {
                    throw LoadError.strictRefusal(rejected: rejected, unknownColumns: unknown)
                }
                let loadID = try LoadHistory.record(db, startedAt: startedAt, options: options, results: results)
                try options.recording?(db, loadID)
                let finishingStarted = Date()
                try options.finishing?(db, written)
                Timing.report("finishing work (rollups) \(Timing.seconds(since: finishingStarted))")
                return .commit
            }
            Timing.report("load committed \(Timing.seconds(since: loadStarted)) after start")
            return LoadSummary(files: results, skipped: plan.skipped, unmirrored: plan.unmirrored.map(\.path))
        }
    }

    /// Mirrored tables with parents before children (foreign keys), ties by name.
    static func tablesInForeignKeyOrder(_ db: Database) throws -> [String] {
        // tally's bookkeeping tables (load history, close ledger) are never load targets; its
        // loadable input tables (OwnTables.loadable) are, like any export.
        let names = try String.fetchAll(
            db,
            sql:
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"
        ).filter { !OwnTables.isBookkeeping($0) }
        return try TableOrder.parentsFirst(names, in: db)
    }

    private static func fileSize(_ path: String) -> Int64 {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.int64Value ?? 0
    }

    /// Drops the table's non-unique indexes for a large file into an empty table; returns the SQL
    /// that recreates them.
    private static func dropDeferrableIndexes(_ db: Database, item: LoadPlan.Item, bytes: Int64) throws -> [String] {
        let effective = item.isGzip ? bytes * 4 : bytes
        guard effective >= deferredIndexThreshold,
            try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM \(item.table.quotedDatabaseIdentifier))")
                == true
        else { return [] }
        let indexes = try Row.fetchAll(
            db,
            sql:
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'",
            arguments: [item.table])
        for index in indexes {
            try db.execute(sql: "DROP INDEX \((index["name"] as String).quotedDatabaseIdentifier)")
        }
        return indexes.map { $0["sql"] }
    }
}

/// Records each committed load in `tally_loads` and `tally_load_files`.
enum LoadHistory {
    @discardableResult
    static func record(_ db: Database, startedAt: String, options: LoadOptions, results: [FileLoadResult]) throws
        -> Int64
    {
        let finishedAt = UTCTimestamp.format(Int64(Date().timeIntervalSince1970 * 1000))
        try db.execute(
            sql: """
                INSERT INTO "tally_loads" ("startedAt", "finishedAt", "commandLine", "isStrict", "keepsSensitive")
                VALUES (?, ?, ?, ?, ?)
                """,
            arguments: [startedAt, finishedAt, options.commandLine, options.isStrict, options.keepsSensitive])
        let loadID = db.lastInsertedRowID
        for (position, result) in results.enumerated() {
            try db.execute(
                sql: """
                    INSERT INTO "tally_load_files" ("loadId", "position", "path", "tableName", "format", "bytes", "sha256",
                        "read", "inserted", "updated", "unchanged", "rejected", "warnings")
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    loadID, position + 1, result.path, result.table, result.format, result.bytes, result.sha256,
                    result.read, result.inserted, result.updated, result.unchanged, result.rejected, result.warnings,
                ])
        }
        return loadID
    }
}

/// Phase timings on stderr when `TALLY_TIMING=1`: where a load spends its time, for tuning.
enum Timing {
    static let isEnabled = ProcessInfo.processInfo.environment["TALLY_TIMING"] == "1"

    static func report(_ text: @autoclosure () -> String) {
        guard isEnabled else { return }
        FileHandle.standardError.write(Data(("tally timing: " + text() + "\n").utf8))
    }

    static func seconds(since start: Date, until end: Date = Date()) -> String {
        String(format: "%.2fs", end.timeIntervalSince(start))
    }
}
