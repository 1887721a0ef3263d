import GRDB
import GRDBSQLite
import TallyCore
import TallyReporting

/// The integer key of each `ipAddressHash` in the click rollup (migration
/// `tally_0013_affiliate_ip_keys`): dense from 1, one per distinct hash text (SQLite's BINARY
/// comparison, as `COUNT(DISTINCT)` compares them), 0 for a NULL hash. Equal texts always get
/// equal keys and different texts different keys, so counting distinct keys is counting distinct
/// hashes exactly.
///
/// A rebuild assigns them in one walk of production's `affiliate_clicks_ipAddressHash_clickedAt_idx`
/// (hash order: each click's rowid comes with its hash, so no lookup per click), keeping each
/// click's key by rowid for the pass that follows. A refresh looks the few hashes of its visitors
/// up in `tally_rollup_affiliate_ips` and continues the numbering for new ones. Keys are never
/// reused: a hash no click holds any more keeps its key until the next rebuild.
struct AffiliateIPKeys {
    private let db: Database
    /// Rebuild only: the key of each click, at its rowid (0: no hash).
    private var keyOfRowID: [UInt32]
    /// Keys assigned so far (the highest key).
    private(set) var count: Int64
    private let lookup: Statement
    private let insert: Statement

    private init(db: Database, keyOfRowID: [UInt32], count: Int64) throws {
        self.db = db
        self.keyOfRowID = keyOfRowID
        self.count = count
        lookup = try db.makeStatement(sql: #"SELECT "key" FROM "tally_rollup_affiliate_ips" WHERE "hash" = ?"#)
        insert = try db.makeStatement(sql: #"INSERT INTO "tally_rollup_affiliate_ips" ("hash", "key") VALUES (?, ?)"#)
    }

    /// Empties the table and keys every hash the clicks hold, in hash order.
    static func rebuild(_ db: Database) throws -> AffiliateIPKeys {
        try db.execute(sql: #"DELETE FROM "tally_rollup_affiliate_ips""#)
        let maxRowID = try Int64.fetchOne(db, sql: #"SELECT MAX("rowid") FROM "affiliate_clicks""#) ?? 0
        var keys = try AffiliateIPKeys(db: db, keyOfRowID: Array(repeating: 0, count: Int(maxRowID) + 1), count: 0)
        let walk = try db.makeStatement(
            sql: """
                SELECT "rowid", "ipAddressHash" FROM "affiliate_clicks"
                INDEXED BY "affiliate_clicks_ipAddressHash_clickedAt_idx"
                WHERE "ipAddressHash" IS NOT NULL ORDER BY "ipAddressHash"
                """)
        var previous: [UInt8] = []
        try StatementRows.forEach(walk, db: db) { handle in
            let rowID = Int(sqlite3_column_int64(handle, 0))
            let bytes = UnsafeBufferPointer(
                start: sqlite3_column_text(handle, 1), count: Int(sqlite3_column_bytes(handle, 1)))
            if keys.count == 0 || !bytes.elementsEqual(previous) {
                previous = Array(bytes)
                try keys.add(previous)
            }
            guard keys.keyOfRowID.indices.contains(rowID) else {
                throw ReportError.inconsistentCounts("affiliate_clicks rowid \(rowID) above its maximum \(maxRowID)")
            }
            keys.keyOfRowID[rowID] = UInt32(keys.count)
        }
        return keys
    }

    /// The stored keys, continued from the state's count (a refresh).
    static func stored(_ db: Database) throws -> AffiliateIPKeys {
        let count = try Int64.fetchOne(db, sql: #"SELECT "ipKeys" FROM "tally_rollup_affiliate_state""#) ?? 0
        return try AffiliateIPKeys(db: db, keyOfRowID: [], count: count)
    }

    /// The key of `click`'s hash: from the rebuild's walk, else the table, else a new one.
    mutating func key(of click: AffiliateClick) throws -> Int32 {
        guard let hash = click.ipAddressHash else { return 0 }
        if keyOfRowID.indices.contains(Int(click.rowID)), keyOfRowID[Int(click.rowID)] != 0 {
            return Int32(keyOfRowID[Int(click.rowID)])
        }
        if let key = try Int32.fetchOne(lookup, arguments: [hash]) { return key }
        try add(Array(hash.utf8))
        return Int32(count)
    }

    private mutating func add(_ hash: [UInt8]) throws {
        guard count < Int64(Int32.max) else {
            throw ReportError.inconsistentCounts("more than \(Int32.max) distinct ipAddressHash values")
        }
        count += 1
        try insert.execute(arguments: [String(decoding: hash, as: UTF8.self), count])
    }
}
