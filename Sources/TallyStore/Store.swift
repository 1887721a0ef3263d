import Foundation
import GRDB
import TallyCore

/// The SQLite file that mirrors the production schema.
///
/// Opening a store creates the file when it is missing and applies every pending migration, so a
/// fresh store is always complete. The connection keeps foreign keys on and uses only crash-safe
/// settings: a rollback journal with `synchronous=FULL`, and a 16 KiB page size chosen at creation.
///
/// ```swift
/// let store = try Store.open(path: "tally.sqlite")
/// let statuses = try store.migrationStatuses()
/// ```
///
/// ## Topics
/// - ``open(path:migrate:)``
/// - ``migrationStatuses()``
/// - ``migrateUp(to:)``
/// - ``migrateDown(to:force:)``
/// - ``checkSchema()``
public final class Store: Sendable {
    /// The store file path.
    public let path: String
    /// The connection. Internal layers may use it directly; the CLI goes through `Store`'s API.
    public let queue: DatabaseQueue

    /// Whether ``open(path:migrate:)`` should apply pending migrations.
    public enum MigrationPolicy: Sendable {
        /// Apply every pending migration (the default: a store is always complete).
        case applyPending
        /// Leave the schema as it is (for `migrate` and `schema` commands, which manage it themselves).
        case leaveAsIs
    }

    init(path: String, queue: DatabaseQueue) {
        self.path = path
        self.queue = queue
    }

    /// Opens the store at `path`, creating it when missing.
    ///
    /// Only a missing file, an empty database, or a store tally made is written to: anything else
    /// (another application's SQLite file) is refused before a table is created.
    ///
    /// - Parameters:
    ///   - path: The SQLite file; `:memory:` gives a private in-memory store (tests).
    ///   - migrate: Whether to apply pending migrations.
    ///   - busyTimeout: Seconds to wait for another process that holds the store (`--wait`).
    /// - Throws: ``StoreError/cannotOpen(path:reason:)``, ``StoreError/notAStore(path:tables:)``,
    ///   ``StoreError/notADatabase(path:)``, ``StoreError/busy(path:)``, or a migration failure.
    public static func open(path: String, migrate: MigrationPolicy = .applyPending, busyTimeout: Double = 5) throws
        -> Store
    {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(busyTimeout)
        configuration.prepareDatabase { db in
            // page_size only takes effect before the first table exists; on an existing file it is a no-op.
            try db.execute(sql: "PRAGMA page_size = 16384")
            try db.execute(sql: "PRAGMA synchronous = FULL")
            StoreFunctions.register(in: db)
        }
        let queue: DatabaseQueue
        do {
            queue =
                path == ":memory:"
                ? try DatabaseQueue(configuration: configuration)
                : try DatabaseQueue(path: path, configuration: configuration)
            try queue.write { db in
                try claim(db, path: path)
                try MigrationLedger.create(db)
            }
        } catch let error as DatabaseError {
            switch error.resultCode.primaryResultCode {
            case .SQLITE_NOTADB, .SQLITE_CORRUPT: throw StoreError.notADatabase(path: path)
            case .SQLITE_BUSY, .SQLITE_LOCKED: throw StoreError.busy(path: path)
            default: throw StoreError.cannotOpen(path: path, reason: error.message ?? "\(error)")
            }
        }
        let store = Store(path: path, queue: queue)
        if migrate == .applyPending {
            try store.migrateUp(to: nil)
        }
        return store
    }

    /// Opens an existing store; fails with ``StoreError/missingStore(path:)`` when the file does not
    /// exist, and never creates one (the read-only commands use it).
    public static func openExisting(path: String, migrate: MigrationPolicy = .applyPending, busyTimeout: Double = 5)
        throws -> Store
    {
        guard path == ":memory:" || FileManager.default.fileExists(atPath: path) else {
            throw StoreError.missingStore(path: path)
        }
        return try open(path: path, migrate: migrate, busyTimeout: busyTimeout)
    }

    /// `PRAGMA application_id` of a tally store: "taly" in ASCII, so `file` and tally itself can tell
    /// a tally store from any other SQLite database.
    public static let applicationID: Int32 = 0x7461_6C79

    /// Marks an empty database (or a store from before the marker existed, recognized by its
    /// `tally_migrations` ledger) as tally's, and refuses any other database that holds tables.
    private static func claim(_ db: Database, path: String) throws {
        if try Int32.fetchOne(db, sql: "PRAGMA application_id") == applicationID { return }
        let tables = try String.fetchAll(
            db,
            sql:
                "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"
        )
        guard tables.isEmpty || tables.contains("tally_migrations") else {
            throw StoreError.notAStore(path: path, tables: tables)
        }
        try db.execute(sql: "PRAGMA application_id = \(applicationID)")
    }
}
