import TallyCore

/// Why a pull from PostgreSQL loaded nothing (docs/LOADING.md, "Pulling from PostgreSQL"). The
/// store is unchanged: the load's transaction never commits. Sources are named without credentials.
public enum PullError: TallyError, Equatable {
    /// The server refused the connection, the credentials, or plain TLS.
    case cannotConnect(source: String, reason: String)
    /// The connection dropped while the pull read.
    case connectionLost(source: String, reason: String)
    /// A statement failed on the source.
    case sourceFailed(source: String, reason: String, sqlState: String?)
    /// `--table T` names a mirrored table that the source's schema lacks.
    case missingTable(source: String, schema: String, table: String)
    /// `--table T` names a table tally does not mirror.
    case unknownTable(String)
    /// A mirrored column whose source type tally cannot read as the mirror's type.
    case typeMismatch(table: String, column: String, sourceType: String, expected: String)
    /// The source's schema has none of the mirrored tables.
    case noMirroredTables(source: String, schema: String)
    /// `--since-last` and `--full` together, or `--apply-deletes` without `--full`.
    case conflictingModes(String)

    public var message: String {
        switch self {
        case .cannotConnect(let source, let reason):
            return "cannot connect to \(source): \(reason); nothing was loaded"
        case .connectionLost(let source, let reason):
            return "the connection to \(source) was lost during the pull (\(reason)); nothing was loaded"
        case .sourceFailed(let source, let reason, let state):
            return "\(source) refused a statement of the pull: \(reason)\(state.map { " (SQLSTATE \($0))" } ?? ""); "
                + "nothing was loaded"
        case .missingTable(let source, let schema, let table):
            return "--table \(table): \(source) has no table \(schema).\(table); nothing was loaded"
        case .unknownTable(let table):
            return "--table \(table) is not a mirrored table; 'tally status' lists them"
        case .typeMismatch(let table, let column, let sourceType, let expected):
            return "\(table).\(column) is \(sourceType) in the source, but tally mirrors it as \(expected); "
                + "nothing was loaded"
        case .noMirroredTables(let source, let schema):
            return "\(source) has none of the mirrored tables in schema \(schema); nothing was loaded"
        case .conflictingModes(let detail):
            return detail
        }
    }

    public var hint: String? {
        switch self {
        case .cannotConnect:
            return "check host, port, user and database; a password comes from the URL, PGPASSWORD or ~/.pgpass; "
                + "a server that requires TLS needs ?sslmode=require"
        case .connectionLost: return "run the pull again; it starts from the same store"
        case .sourceFailed: return "check the user may read the tables (GRANT SELECT) and the server's log"
        case .missingTable, .noMirroredTables: return "check the database and --schema (default public)"
        case .unknownTable: return nil
        case .typeMismatch:
            return "point the pull at a production-shaped source ('tally schema dump --dialect postgresql' "
                + "prints the expected DDL), or leave the table out with --table"
        case .conflictingModes: return "'tally load --help' lists the pull's modes"
        }
    }

    public var exitStatus: ExitStatus {
        switch self {
        case .cannotConnect, .connectionLost: return .sourceUnavailable
        case .sourceFailed: return .sourceUnavailable
        case .missingTable, .noMirroredTables: return .missingInput
        case .unknownTable, .conflictingModes: return .usage
        case .typeMismatch: return .dataError
        }
    }
}
