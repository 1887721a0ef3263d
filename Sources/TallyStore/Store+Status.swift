import GRDB

extension Store {
    /// One table of the store and its row count.
    public struct TableCount: Equatable, Sendable {
        public let table: String
        public let rows: Int
    }

    /// One recorded load, with its files' counts summed.
    public struct LoadRecord: Equatable, Sendable {
        public let id: Int64
        public let finishedAt: String
        public let files: Int
        public let read: Int
        public let inserted: Int
        public let updated: Int
        public let unchanged: Int
        public let rejected: Int
        /// A pull's source (without credentials) and its snapshot instant; nil for files.
        public var source: String? = nil
        public var snapshotAt: String? = nil
    }

    /// Every table (SQLite's internal ones aside) with its row count, by name.
    ///
    /// Costs one `COUNT(*)` per table: SQLite keeps no row count, so this reads each table's
    /// smallest index (0.4 s on a scale-100 store).
    public func tableCounts() throws -> [TableCount] {
        try queue.read { db in
            let names = try String.fetchAll(
                db,
                sql:
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"
            )
            return try names.map { name in
                TableCount(
                    table: name,
                    rows: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(name.quotedDatabaseIdentifier)") ?? 0)
            }
        }
    }

    /// The `limit` most recent loads, newest first.
    public func recentLoads(limit: Int) throws -> [LoadRecord] {
        try queue.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT l."id", l."finishedAt", COUNT(f."position") AS files, SUM(f."read") AS read,
                        SUM(f."inserted") AS inserted, SUM(f."updated") AS updated, SUM(f."unchanged") AS unchanged,
                        SUM(f."rejected") AS rejected, p."source", p."snapshotAt"
                    FROM "tally_loads" l LEFT JOIN "tally_load_files" f ON f."loadId" = l."id"
                    LEFT JOIN "tally_pulls" p ON p."loadId" = l."id"
                    GROUP BY l."id" ORDER BY l."id" DESC LIMIT ?
                    """, arguments: [limit]
            ).map { row in
                LoadRecord(
                    id: row["id"], finishedAt: row["finishedAt"], files: row["files"], read: row["read"] ?? 0,
                    inserted: row["inserted"] ?? 0, updated: row["updated"] ?? 0, unchanged: row["unchanged"] ?? 0,
                    rejected: row["rejected"] ?? 0, source: row["source"], snapshotAt: row["snapshotAt"])
            }
        }
    }

    /// One file of a recorded load: what a report was computed from.
    public struct LoadedFile: Equatable, Sendable {
        public let loadId: Int64
        public let path: String
        public let tableName: String
        public let format: String
        public let bytes: Int64
        public let sha256: String
        public let read: Int
        public let inserted: Int
        public let updated: Int
        public let unchanged: Int
        public let rejected: Int
    }

    /// Every file of every recorded load, oldest load first, in each load's file order.
    public func loadedFiles() throws -> [LoadedFile] {
        try queue.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT "loadId", "path", "tableName", "format", "bytes", "sha256", "read", "inserted", "updated",
                        "unchanged", "rejected"
                    FROM "tally_load_files" ORDER BY "loadId", "position"
                    """
            ).map { row in
                LoadedFile(
                    loadId: row["loadId"], path: row["path"], tableName: row["tableName"], format: row["format"],
                    bytes: row["bytes"], sha256: row["sha256"], read: row["read"], inserted: row["inserted"],
                    updated: row["updated"], unchanged: row["unchanged"], rejected: row["rejected"])
            }
        }
    }
}
