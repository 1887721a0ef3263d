import GRDB

/// `--full`: the ids the store has that the source no longer has — rows deleted in production
/// rather than soft-deleted — found inside the pull's snapshot, and with `--apply-deletes` removed
/// in the load's own transaction (children first; the store's foreign keys cascade as production's do).
enum HardDeletes {
    /// Per pulled table, the store's ids missing from the source, in id order.
    static func find(tables: [String], schema: String, connection: PostgresConnection, db: Database) throws
        -> [(table: String, ids: [String])]
    {
        var found: [(table: String, ids: [String])] = []
        try db.execute(sql: #"CREATE TEMP TABLE "tally_source_ids" ("id" TEXT NOT NULL PRIMARY KEY) WITHOUT ROWID"#)
        defer { try? db.execute(sql: #"DROP TABLE temp."tally_source_ids""#) }
        let insert = try db.makeStatement(sql: #"INSERT OR IGNORE INTO temp."tally_source_ids" ("id") VALUES (?)"#)
        for table in tables {
            try db.execute(sql: #"DELETE FROM temp."tally_source_ids""#)
            let relation = "\(schema.quotedDatabaseIdentifier).\(table.quotedDatabaseIdentifier)"
            try connection.startCopy(#"COPY (SELECT "id" FROM \#(relation)) TO STDOUT"#)
            var line: [UInt8] = []
            while try connection.nextCopyRow(into: &line) {
                // COPY text format: one id per line; ids are cuid/uuid text without tabs or backslashes.
                if line.last == UInt8(ascii: "\n") { line.removeLast() }
                try insert.execute(arguments: [String(decoding: line, as: UTF8.self)])
                line.removeAll(keepingCapacity: true)
            }
            let missing = try String.fetchAll(
                db,
                sql: """
                    SELECT "id" FROM \(table.quotedDatabaseIdentifier)
                    WHERE "id" NOT IN (SELECT "id" FROM temp."tally_source_ids") ORDER BY "id"
                    """)
            if !missing.isEmpty { found.append((table, missing)) }
        }
        return found
    }

    /// Deletes what ``find(tables:schema:connection:db:)`` found, children's tables first.
    static func apply(_ found: [(table: String, ids: [String])], db: Database) throws {
        for (table, ids) in found.reversed() {
            for id in ids {
                try db.execute(
                    sql: "DELETE FROM \(table.quotedDatabaseIdentifier) WHERE \"id\" = ?", arguments: [id])
            }
        }
    }
}
