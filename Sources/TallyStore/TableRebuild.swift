import GRDB

/// Table rebuilds for the schema changes SQLite cannot make in place.
///
/// This is the recipe of GRDB's Migrations guide ("Good Practices"): create the new table under a
/// temporary name, copy the rows, drop the old table, rename, and recreate the indexes. The caller
/// runs it inside a transaction with foreign keys off and checks them before commit.
enum TableRebuild {
    struct Failure: Error {
        let reason: String
    }

    /// Removes a column that `ALTER TABLE ... ADD COLUMN <definition>` appended.
    ///
    /// `ADD COLUMN` appends `, <definition>` to the table's stored SQL; removing exactly that text
    /// gives back the bytes the table had before, which keeps `up` then `down` dump-identical.
    static func removeAddedColumn(_ db: Database, table: String, column: String, definition: String) throws {
        let sql = try storedSQL(db, table: table)
        let fragment = ", " + definition
        let pieces = sql.components(separatedBy: fragment)
        guard pieces.count == 2 else {
            throw Failure(reason: "column \(column) of \(table) is not defined as '\(definition)'")
        }
        let prefix = "CREATE TABLE \(table.quotedDatabaseIdentifier) "
        let withoutColumn = pieces.joined()
        guard withoutColumn.hasPrefix(prefix) else {
            throw Failure(reason: "unexpected stored SQL for table \(table)")
        }
        try rebuild(db, table: table, body: String(withoutColumn.dropFirst(prefix.count)), resetColumns: [])
    }

    /// Rebuilds `table` as `CREATE TABLE "table" <body>`, copying the columns both versions share
    /// except `resetColumns` (which take their new default) and recreating the table's indexes.
    static func rebuild(_ db: Database, table: String, body: String, resetColumns: [String]) throws {
        let indexSQL = try String.fetchAll(
            db,
            sql:
                "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name",
            arguments: [table])
        let oldColumns = Set(try db.columns(in: table).map(\.name))
        let temporary = "tally_rebuild_" + table
        try db.execute(sql: "CREATE TABLE \(temporary.quotedDatabaseIdentifier) \(body)")
        let copied = try db.columns(in: temporary).map(\.name)
            .filter { oldColumns.contains($0) && !resetColumns.contains($0) }
        let columnList = copied.map(\.quotedDatabaseIdentifier).joined(separator: ", ")
        try db.execute(
            sql: """
                INSERT INTO \(temporary.quotedDatabaseIdentifier) (\(columnList))
                SELECT \(columnList) FROM \(table.quotedDatabaseIdentifier)
                """)
        try db.execute(sql: "DROP TABLE \(table.quotedDatabaseIdentifier)")
        try db.execute(
            sql: "ALTER TABLE \(temporary.quotedDatabaseIdentifier) RENAME TO \(table.quotedDatabaseIdentifier)")
        for sql in indexSQL {
            try db.execute(sql: sql)
        }
    }

    private static func storedSQL(_ db: Database, table: String) throws -> String {
        guard
            let sql = try String.fetchOne(
                db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", arguments: [table])
        else { throw Failure(reason: "table \(table) does not exist") }
        return sql
    }
}
