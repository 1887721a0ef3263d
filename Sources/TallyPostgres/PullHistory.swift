import GRDB

/// What tally records of each pull (`tally_pulls`, `tally_pull_tables`; migration
/// `tally_0011_pulls`), and the watermarks `--since-last` reads back.
enum PullHistory {
    static func record(
        _ db: Database, loadID: Int64, source: String, schema: String, snapshotAt: String, mode: String,
        tables: [(name: String, incremental: Bool)], deletesFound: Int, deletesApplied: Int
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO "tally_pulls" ("loadId", "source", "schemaName", "snapshotAt", "mode", "deletesFound",
                    "deletesApplied") VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [loadID, source, schema, snapshotAt, mode, deletesFound, deletesApplied])
        for table in tables {
            try db.execute(
                sql: """
                    INSERT INTO "tally_pull_tables" ("source", "schemaName", "tableName", "snapshotAt", "loadId", "incremental")
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT ("source", "schemaName", "tableName") DO UPDATE SET "snapshotAt" = excluded."snapshotAt",
                        "loadId" = excluded."loadId", "incremental" = excluded."incremental"
                    """,
                arguments: [source, schema, table.name, snapshotAt, loadID, table.incremental])
        }
    }

    /// Per table, the snapshot of the last pull of `source`'s `schema`.
    static func watermarks(_ db: Database, source: String, schema: String) throws -> [String: String] {
        Dictionary(
            try Row.fetchAll(
                db,
                sql:
                    #"SELECT "tableName", "snapshotAt" FROM "tally_pull_tables" WHERE "source" = ? AND "schemaName" = ?"#,
                arguments: [source, schema]
            ).map { ($0["tableName"], $0["snapshotAt"]) }, uniquingKeysWith: { first, _ in first })
    }
}
