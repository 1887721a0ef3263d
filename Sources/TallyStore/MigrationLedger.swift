import GRDB

/// The `tally_migrations` table: which migrations a store has applied, and when.
///
/// It is store bookkeeping, not part of the mirrored schema, so schema dumps leave it out.
enum MigrationLedger {
    static let tableName = "tally_migrations"

    static func create(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE IF NOT EXISTS "tally_migrations" (
                    "name" TEXT NOT NULL PRIMARY KEY,
                    "appliedAt" TEXT NOT NULL
                )
                """)
    }

    /// Applied migration names mapped to the UTC time they were applied.
    static func applied(_ db: Database) throws -> [String: String] {
        var result: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: #"SELECT "name", "appliedAt" FROM "tally_migrations""#) {
            result[row["name"]] = row["appliedAt"]
        }
        return result
    }

    static func record(_ db: Database, name: String) throws {
        try db.execute(
            sql:
                #"INSERT INTO "tally_migrations" ("name", "appliedAt") VALUES (?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))"#,
            arguments: [name])
    }

    static func remove(_ db: Database, name: String) throws {
        try db.execute(sql: #"DELETE FROM "tally_migrations" WHERE "name" = ?"#, arguments: [name])
    }
}
