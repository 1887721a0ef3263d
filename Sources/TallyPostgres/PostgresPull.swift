import Foundation
import GRDB
import TallyCore
import TallyLoad
import TallyStore

/// `tally load postgresql://…`: every mirrored table the source has, read inside one
/// `REPEATABLE READ READ ONLY` transaction (one snapshot: orders, conversions and clicks as of one
/// instant), loaded through the file loader as streams, in one store transaction
/// (docs/LOADING.md, "Pulling from PostgreSQL").
///
/// ## Topics
/// - ``Mode``: everything, changes since the last pull, or everything with hard deletes found.
/// - ``run(store:options:sink:)``: the pull; returns the load's summary with what it found.
public struct PostgresPull: Sendable {
    public enum Mode: String, Sendable {
        /// Every row of every table.
        case all
        /// Per table, rows whose `updatedAt` is at or after the last pull's snapshot less
        /// ``overlap``; tables without `updatedAt` (or never pulled) are read whole.
        case sinceLast = "since-last"
        /// Every row, and the ids the store has that the source no longer has (hard deletes).
        case full
    }

    /// What `--since-last` re-reads before the previous snapshot: rows committed after it by a
    /// transaction that stamped `updatedAt` before it (a long transaction), and clock skew between
    /// the application servers that stamp `updatedAt` and the database.
    public static let overlapMilliseconds: Int64 = 10 * 60 * 1000

    public let address: SourceAddress
    public var schema = "public"
    /// `--table`: only these (each must exist in the source); empty: every mirrored table it has.
    public var tables: [String] = []
    public var mode = Mode.all
    /// `--apply-deletes` (with ``Mode/full``): delete the store's rows the source no longer has.
    public var appliesDeletes = false

    public init(address: SourceAddress) { self.address = address }

    /// What a pull found beside the load's own summary.
    public struct Summary {
        public let load: LoadSummary
        /// The source's `now()` inside the snapshot, UTC.
        public let snapshotAt: String
        /// Mirrored tables the source lacks (skipped; only without `--table`).
        public let missingTables: [String]
        /// Per table, the store's ids the source no longer has (``Mode/full`` only).
        public let deletes: [(table: String, ids: [String])]
        /// Tables read incrementally, with the `updatedAt` bound used.
        public let incremental: [(table: String, since: String)]
    }

    /// Pulls into `store`. Nothing is written unless the whole pull commits.
    public func run(store: Store, options: LoadOptions, sink: LoadEventSink) throws -> Summary {
        if appliesDeletes && mode != .full {
            throw PullError.conflictingModes("--apply-deletes needs --full: only a full read can tell what was deleted")
        }
        let connection = try PostgresConnection(address: address)
        try connection.execute(
            "SET client_encoding = 'UTF8'; SET DateStyle = 'ISO, YMD'; SET TimeZone = 'UTC'; "
                + "SET IntervalStyle = 'iso_8601'; SET extra_float_digits = 1; SET statement_timeout = 0")
        try connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        let snapshotAt = try connection.query(
            #"SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')"#)[0][0]!
        let catalog = try SourceCatalog.read(connection, schema: schema)
        let plan = try store.queue.read { db in try planTables(catalog: catalog, db: db) }
        let streams = plan.tables.map { table in
            StreamedTable(
                CopyStream(
                    table: table.name, name: "\(schema).\(table.name)", sql: table.copySQL,
                    estimatedBytes: table.estimatedBytes, connection: connection))
        }
        var pullOptions = options
        pullOptions.commandLine = address.redact(options.commandLine)
        let preparing = options.preparing
        let deletesBox = DeletesBox()
        pullOptions.preparing = { db, written in
            if mode == .full {
                deletesBox.found = try HardDeletes.find(
                    tables: plan.tables.map(\.name), schema: schema, connection: connection, db: db)
                if appliesDeletes { try HardDeletes.apply(deletesBox.found, db: db) }
            }
            try preparing?(db, written)
        }
        let modeName = mode.rawValue
        let source = address.display
        let schemaName = schema
        let applies = appliesDeletes
        pullOptions.recording = { db, loadID in
            try PullHistory.record(
                db, loadID: loadID, source: source, schema: schemaName, snapshotAt: snapshotAt, mode: modeName,
                tables: plan.tables.map { ($0.name, $0.since != nil) },
                deletesFound: deletesBox.found.reduce(0) { $0 + $1.ids.count },
                deletesApplied: applies ? deletesBox.found.reduce(0) { $0 + $1.ids.count } : 0)
        }
        let load = try Loader(store: store).load(streams: streams, options: pullOptions, sink: sink)
        try? connection.execute("COMMIT")
        return Summary(
            load: load, snapshotAt: snapshotAt, missingTables: plan.missing, deletes: deletesBox.found,
            incremental: plan.tables.compactMap { table in table.since.map { (table.name, $0) } })
    }

    // MARK: Planning

    struct TablePlan {
        let name: String
        let copySQL: String
        let estimatedBytes: Int64
        /// The `updatedAt` bound of an incremental read.
        let since: String?
    }

    /// The tables to read and how, checked against the mirror before any row moves.
    func planTables(catalog: SourceCatalog, db: Database) throws -> (tables: [TablePlan], missing: [String]) {
        let mirrored = try PostgresSchema.mirroredTables(db)
        var chosen: [String] = []
        var missing: [String] = []
        if tables.isEmpty {
            for table in mirrored {
                if catalog.tables[table] == nil { missing.append(table) } else { chosen.append(table) }
            }
            if chosen.isEmpty { throw PullError.noMirroredTables(source: address.display, schema: schema) }
        } else {
            for table in tables {
                guard mirrored.contains(table) else { throw PullError.unknownTable(table) }
                guard catalog.tables[table] != nil else {
                    throw PullError.missingTable(source: address.display, schema: schema, table: table)
                }
                chosen.append(table)
            }
        }
        let watermarks =
            mode == .sinceLast ? try PullHistory.watermarks(db, source: address.display, schema: schema) : [:]
        return (
            try chosen.map { table in
                try tablePlan(
                    table, columns: catalog.tables[table]!, size: catalog.sizes[table] ?? 0,
                    watermark: watermarks[table],
                    db: db)
            }, missing
        )
    }

    private func tablePlan(
        _ table: String, columns: [SourceCatalog.Column], size: Int64, watermark: String?, db: Database
    ) throws -> TablePlan {
        let mirror = try SourceCatalog.mirrorColumns(db, table: table)
        let sourceByName = Dictionary(columns.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for column in mirror {
            guard let source = sourceByName[column.name] else { continue }
            if !SourceCatalog.isCompatible(source, declared: column.declared, enumName: column.enumName) {
                throw PullError.typeMismatch(
                    table: table, column: column.name, sourceType: source.type,
                    expected: PostgresSchema.type(declared: column.declared, enumName: column.enumName))
            }
        }
        var since: String?
        if let watermark, sourceByName["updatedAt"] != nil, mirror.contains(where: { $0.name == "updatedAt" }),
            case .success(let instant) = UTCTimestamp.parse(watermark)
        {
            since = UTCTimestamp.format(instant - Self.overlapMilliseconds)
        }
        let selectList = columns.map(SourceCatalog.selectExpression).joined(separator: ", ")
        let relation = "\(schema.quotedDatabaseIdentifier).\(table.quotedDatabaseIdentifier)"
        let filter = since.map { " WHERE \"updatedAt\" >= '\(Self.sqlTimestamp($0))'" } ?? ""
        return TablePlan(
            name: table,
            copySQL: "COPY (SELECT \(selectList) FROM \(relation)\(filter)) TO STDOUT WITH (FORMAT csv, HEADER)",
            estimatedBytes: since == nil ? size : 0, since: since)
    }

    /// `2026-03-01T00:00:00.000Z` as a PostgreSQL timestamp literal in UTC (the session's zone).
    static func sqlTimestamp(_ utc: String) -> String {
        utc.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: "")
    }
}

/// The hard deletes found inside the load's transaction, carried out to the summary.
private final class DeletesBox: @unchecked Sendable {
    var found: [(table: String, ids: [String])] = []
}
