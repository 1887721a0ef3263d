/// What loading one file did: every row read is inserted, updated, unchanged or rejected.
public struct FileLoadResult: Equatable, Sendable {
    public let path: String
    public let table: String
    public let format: String
    public internal(set) var bytes: Int64
    public internal(set) var sha256: String
    public internal(set) var read = 0
    public internal(set) var inserted = 0
    public internal(set) var updated = 0
    public internal(set) var unchanged = 0
    public internal(set) var rejected = 0
    /// Rows identical to an earlier row of the same file (counted in `unchanged`).
    public internal(set) var duplicates = 0
    public internal(set) var warnings = 0
    /// Columns in the file that the table does not have, reported once per file.
    public internal(set) var unknownColumns: [String] = []
    /// Rejects by reason code.
    public internal(set) var rejectsByReason: [RejectReason: Int] = [:]
}
