import GRDB
import TallyStore

/// The rows a load inserted into the table whose changes a rollup family records one by one
/// (``RollupTriggers/dirty``: the billing days, the affiliate visitors), found without the insert
/// trigger: its cost per row (about 10 µs: 3.3 s against 2.2 s for 100,000 usage records into a
/// 500,000-record store) outweighs a look at the loaded rows afterwards.
extension RollupTriggers {
    private var loadMarkTable: String { stateTable + "_load_mark" }

    /// First in a load that refreshes part of the family: notes the table's largest rowid and
    /// drops the insert trigger. The rows the load inserts are the ones above that rowid (SQLite
    /// gives a new row the largest rowid plus one, and a load deletes nothing); the update and
    /// delete triggers stay (a load's updates are few, and their old rows matter).
    func setLoadMark(_ db: Database) throws {
        guard let dirty, let trigger = dirtyInsertTrigger else { return }
        try db.execute(
            sql: """
                CREATE TEMP TABLE \(loadMarkTable.quotedDatabaseIdentifier) ("maxRowid" INTEGER);
                INSERT INTO temp.\(loadMarkTable.quotedDatabaseIdentifier) SELECT MAX("rowid") FROM \(dirty.table.quotedDatabaseIdentifier);
                DROP TRIGGER \(trigger.quotedDatabaseIdentifier);
                """)
    }

    /// Last in such a load: the rowid noted, the load's rows being above it (0 for an empty table);
    /// nil when no mark was set, or when the noted rowid was the largest possible — past it SQLite
    /// picks rowids at random, so the whole family is marked stale instead.
    func takeLoadMark(_ db: Database) throws -> Int64? {
        let exists = try Bool.fetchOne(
            db, sql: #"SELECT EXISTS (SELECT 1 FROM temp."sqlite_master" WHERE "name" = ?)"#,
            arguments: [loadMarkTable])
        guard exists ?? false else { return nil }
        let mark = try Int64.fetchOne(
            db, sql: "SELECT \"maxRowid\" FROM temp.\(loadMarkTable.quotedDatabaseIdentifier)")
        try db.execute(sql: "DROP TABLE temp.\(loadMarkTable.quotedDatabaseIdentifier)")
        if mark == Int64.max {
            try db.execute(sql: "DELETE FROM \(stateTable.quotedDatabaseIdentifier)")
            return nil
        }
        return mark ?? 0
    }
}
