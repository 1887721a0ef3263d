import TallyCore

/// A failure that stops a whole load. The load's transaction rolls back: the store is unchanged.
///
/// Row-level problems are not errors but ``Reject`` records; these are the problems no row can be
/// blamed for (a file that cannot be read, a truncated gzip, a header that cannot be mapped), and
/// the `--strict` refusal.
public enum LoadError: TallyError, Equatable {
    case cannotRead(path: String, reason: String)
    case missingInput(path: String)
    case corruptGzip(path: String, reason: String)
    case truncatedGzip(path: String)
    case emptyFile(path: String)
    case malformedFile(path: String, line: Int, reason: String)
    case duplicateHeader(path: String, column: String)
    case missingIDColumn(path: String)
    case unknownTable(path: String)
    case unknownTableOption(String)
    case bookkeepingTable(path: String, table: String)
    case unmirroredTable(path: String, table: String)
    case strictRefusal(rejected: Int, unknownColumns: [String])

    /// What went wrong, where, and what to try next.
    public var message: String {
        switch self {
        case .cannotRead(let path, let reason):
            return "cannot read \(path): \(reason); check the path and its permissions"
        case .missingInput(let path):
            return "no such file or directory: \(path)"
        case .corruptGzip(let path, let reason):
            return "\(path): not a valid gzip stream (\(reason)); re-export the file or load it uncompressed"
        case .truncatedGzip(let path):
            return "\(path): the gzip stream ends before its end marker (truncated download or copy?); "
                + "nothing was loaded; fetch the file again"
        case .emptyFile(let path):
            return "\(path): the file is empty; an export always has at least a header row (CSV) or '[]' (JSON)"
        case .malformedFile(let path, let line, let reason):
            return "\(path):\(line): \(reason); nothing was loaded"
        case .duplicateHeader(let path, let column):
            return "\(path):1: column \(column) appears twice in the header; remove one and load again"
        case .missingIDColumn(let path):
            return "\(path):1: no \"id\" column; rows are keyed by id, so the export must include it"
        case .unknownTable(let path):
            return "cannot tell which table \(path) holds; name the file after the table "
                + "(affiliate_clicks.csv, AffiliateClick.json) or pass --table"
        case .bookkeepingTable(let path, let table):
            return "\(path) is named after \(table), tally's own bookkeeping table, which only tally writes; "
                + "rename the file after the table it holds"
        case .unmirroredTable(let path, let table):
            return
                "--strict: \(path) holds production table \(table), which tally does not mirror; nothing was loaded; "
                + "leave the file out, or load without --strict to skip it"
        case .unknownTableOption(let name):
            return "--table \(name) is not a mirrored table; 'tally status' lists them"
        case .strictRefusal(let rejected, let unknownColumns):
            var parts: [String] = []
            if rejected > 0 { parts.append("\(rejected) rejected row(s)") }
            if !unknownColumns.isEmpty { parts.append("unknown column(s) \(unknownColumns.joined(separator: ", "))") }
            return "--strict: \(parts.joined(separator: " and ")); nothing was loaded; "
                + "see the rejects above (or --rejects FILE), fix the export, or load without --strict"
        }
    }

    /// The exit status for this failure.
    public var exitStatus: ExitStatus {
        switch self {
        // Reading failed: the file system's fault (permissions, a directory that cannot be listed).
        case .cannotRead: return .ioError
        case .missingInput: return .missingInput
        // Which table: the user's choice, by file name or by --table, so both are usage errors.
        case .unknownTableOption, .unknownTable, .bookkeepingTable: return .usage
        // The bytes are wrong: a damaged or cut-off gzip alike, malformed text, a refused load.
        case .corruptGzip, .truncatedGzip, .emptyFile, .unmirroredTable, .malformedFile, .duplicateHeader,
            .missingIDColumn, .strictRefusal:
            return .dataError
        }
    }
}
