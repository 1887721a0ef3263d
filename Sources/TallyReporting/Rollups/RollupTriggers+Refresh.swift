import GRDB
import TallyStore

/// What every rollup family shares about staying fresh: whether it is, whether a load may refresh
/// part of it, and the load mark.
///
/// The load mark: the rows a load inserted into the table whose changes a rollup family records one by one
/// (``RollupTriggers/dirty``: the billing days, the affiliate visitors), found without the insert
/// trigger: its cost per row (about 10 µs: 3.3 s against 2.2 s for 100,000 usage records into a
/// 500,000-record store) outweighs a look at the loaded rows afterwards.
extension RollupTriggers {
    private var loadMarkTable: String { stateTable + "_load_mark" }

    /// Whether the family matches its base tables: rebuilt, and no change recorded since.
    public func areFresh(_ db: Database) throws -> Bool {
        var sql = "SELECT EXISTS (SELECT 1 FROM \(stateTable.quotedDatabaseIdentifier))"
        if let dirty { sql += " AND NOT EXISTS (SELECT 1 FROM \(dirty.into.quotedDatabaseIdentifier))" }
        return try Bool.fetchOne(db, sql: sql) ?? false
    }

    /// Whether a load of `tables` can leave the update and delete triggers in place and have the
    /// family refresh only what it touched: the family is fresh, the load writes none of
    /// `wholeChanges` (tables whose change redoes everything), and the recorded table already has
    /// rows (into an empty table a rebuild after the load costs less than a trigger per row).
    public func canRefreshPart(after tables: Set<String>, unless wholeChanges: Set<String>, _ db: Database) throws
        -> Bool
    {
        guard let dirty, tables.isDisjoint(with: wholeChanges), try areFresh(db) else { return false }
        return try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(dirty.table.quotedDatabaseIdentifier))")
            ?? false
    }

    /// First in a load that refreshes part of the family: notes the table's largest rowid and
    /// drops the insert trigger. The rows the load inserts are the ones above that rowid (SQLite
    /// gives a new row the largest rowid plus one, and a load deletes nothing); the update and
    /// delete triggers stay (a load's updates are few, and their old rows matter).
    public func setLoadMark(_ db: Database) throws {
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
    public func takeLoadMark(_ db: Database) throws -> Int64? {
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
