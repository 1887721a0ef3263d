import GRDB
import TallyCore

/// A failure of the store: opening it, migrating it, or finding it in a state tally cannot use.
///
/// Each case says what went wrong and what the user can do, through ``message``.
public enum StoreError: TallyError, Equatable {
    /// `--to` named a migration tally does not know.
    case unknownMigration(String)
    /// The store records migrations that this version of tally does not know.
    case appliedByNewerVersion([String])
    /// `migrate down` would drop tables that still hold rows, and `--force` was not given.
    case wouldDropTablesWithRows([String: Int])
    /// A migration step failed.
    case migrationFailed(migration: String, reason: String)
    /// Foreign keys are violated after a migration batch.
    case foreignKeyViolations(migration: String, count: Int)
    /// The store file cannot be opened as a SQLite database.
    case cannotOpen(path: String, reason: String)
    /// A command that needs an existing store was given a path with none.
    case missingStore(path: String)
    /// `--db` names another application's SQLite database (tables, but no tally marker).
    case notAStore(path: String, tables: [String])
    /// `--db` names a file that is not a SQLite database.
    case notADatabase(path: String)
    /// Another process holds the store for longer than `--wait`.
    case busy(path: String)
    /// SQLite refused an operation (`code` is its primary result code).
    case sqlite(code: Int32, message: String)

    /// A sentence saying what went wrong, where, and what to try next.
    public var message: String {
        switch self {
        case .unknownMigration(let name):
            return "no migration is named '\(name)'; run 'tally migrate status' to list the names"
        case .appliedByNewerVersion(let names):
            return "the store records migrations this tally does not know (\(names.joined(separator: ", "))); "
                + "use the tally version that migrated it, or a newer one"
        case .wouldDropTablesWithRows(let tables):
            let list = tables.sorted { $0.key < $1.key }.map {
                "\($0.key) (\($0.value) row\($0.value == 1 ? "" : "s"))"
            }
            return "rolling back would drop tables that hold rows: \(list.joined(separator: ", ")); "
                + "pass --force to drop them anyway"
        case .migrationFailed(let migration, let reason):
            return "migration \(migration) failed: \(reason); the store was left unchanged"
        case .foreignKeyViolations(let migration, let count):
            return "migration \(migration) left \(count) foreign key violation(s); the store was left unchanged"
        case .cannotOpen(let path, let reason):
            return "cannot open store \(path): \(reason); check the path given by --db or TALLY_DB"
        case .missingStore(let path):
            return "no store at \(path); create one with 'tally migrate up --db \(path)'"
        case .notAStore(let path, let tables):
            let shown =
                tables.prefix(10).joined(separator: ", ")
                + (tables.count > 10 ? ", … and \(tables.count - 10) more" : "")
            return "\(path) is a SQLite database that tally did not create (tables: \(shown)); it was left unchanged; "
                + "give --db a new path, or an empty file"
        case .notADatabase(let path):
            return
                "\(path) is not a SQLite database (or it is damaged); it was left unchanged; check the path given by --db"
        case .busy(let path):
            return "another tally process holds the store \(path); wait for it to finish, pass a longer --wait, "
                + "or use another --db"
        case .sqlite(let code, let message):
            switch code {
            case 13: return "the disk is full (\(message)); nothing was written; free space and run the command again"
            case 8:
                return
                    "the store is read-only (\(message)); check the file's permissions, or copy it somewhere writable"
            case 5, 6:
                return "another tally process holds the store (\(message)); wait for it to finish, or use another --db"
            case 26, 11: return "the store is not a usable SQLite database (\(message)); check the path given by --db"
            default: return "the store refused an operation: \(message)"
            }
        }
    }

    /// The process exit status this failure maps to.
    public var exitStatus: ExitStatus {
        switch self {
        case .unknownMigration, .wouldDropTablesWithRows: return .usage
        case .appliedByNewerVersion, .migrationFailed, .foreignKeyViolations: return .dataError
        case .cannotOpen: return .ioError
        case .missingStore: return .missingInput
        case .notAStore, .notADatabase: return .dataError
        case .busy: return .ioError
        case .sqlite(let code, _):
            // I/O-class failures (disk full, read-only, busy, cannot open, I/O error) are 74; the rest is data.
            return [5, 6, 8, 10, 13, 14].contains(code) ? .ioError : .dataError
        }
    }
}

extension StoreError {
    /// A store failure for `error` when it came from SQLite, so that layers above need not know GRDB.
    public static func describing(_ error: any Error) -> StoreError? {
        guard let error = error as? DatabaseError else { return nil }
        return .sqlite(
            code: error.resultCode.primaryResultCode.rawValue,
            message: error.message ?? "SQLite error \(error.resultCode.rawValue)")
    }
}
