/// The triggers that mark a family of rollups stale (migrations `tally_0007_rollups`,
/// `tally_0008_billing_rollups` and `tally_0009_affiliate_click_rollups`, docs/ROLLUPS.md): after any insert, update or delete on a table
/// the family reads, the one row of its state table goes, and readers use the base tables until
/// the next rebuild.
///
/// A load drops them while it writes and creates them again before it commits (SQLite's DDL is
/// transactional): measured on 100,000 funnel sessions, the per-row trigger doubled the rows'
/// time (1.3 s → 2.6 s), and the load rebuilds the rollups anyway.
public struct RollupTriggers: Sendable {
    /// The base tables the family reads.
    public let tables: [String]
    /// The table whose one row says the family is fresh.
    public let stateTable: String
    /// The triggers' name prefix: `<prefix>_<table>_<insert|update|delete>`.
    let prefix: String
    /// A table whose changes are recorded as the (companyId, first ten characters of a time column)
    /// they touch, old and new row, in `into`, instead of marking the whole family stale: the
    /// family is then rebuilt for those days only.
    public let dirty: (table: String, timeColumn: String, into: String)?

    init(tables: [String], stateTable: String, prefix: String, dirty: (String, String, String)? = nil) {
        self.tables = tables
        self.stateTable = stateTable
        self.prefix = prefix
        self.dirty = dirty.map { (table: $0.0, timeColumn: $0.1, into: $0.2) }
    }

    /// The report rollups (variant-conversion, discount-codes).
    public static let reports = RollupTriggers(
        tables: ["funnel_sessions", "orders", "refunds", "leads", "funnels", "funnel_variants", "companies"],
        stateTable: "tally_rollup_state", prefix: "tally_rollups_stale")
    /// The billing rollups (the CS AI billing close): a usage change marks its company's days, a
    /// company change (its time zone moves local days) the whole family.
    public static let billing = RollupTriggers(
        tables: ["cs_ai_usage", "companies"], stateTable: "tally_rollup_billing_state",
        prefix: "tally_billing_rollups_stale", dirty: ("cs_ai_usage", "occurredAt", "tally_rollup_billing_dirty"))

    /// The affiliate click rollup (the affiliate reports' click columns): a click change, or a
    /// program's deduplication window or fraud threshold, marks it stale.
    public static let affiliate = RollupTriggers(
        tables: ["affiliate_clicks", "affiliate_program_configs"], stateTable: "tally_rollup_affiliate_state",
        prefix: "tally_affiliate_rollups_stale")

    /// Every family, in the order loads handle them.
    public static let families = [reports, billing, affiliate]

    static let operations = [("INSERT", "insert"), ("UPDATE", "update"), ("DELETE", "delete")]

    public var names: [String] {
        tables.flatMap { table in Self.operations.map { "\(prefix)_\(table)_\($0.1)" } }
    }

    /// `CREATE TRIGGER` statements, one per table and operation.
    public var creates: [String] {
        tables.flatMap { table in
            Self.operations.map { operation, short in
                "CREATE TRIGGER \"\(prefix)_\(table)_\(short)\" AFTER \(operation) ON \"\(table)\" "
                    + "BEGIN \(body(table: table, operation: operation)) END;"
            }
        }
    }

    private func body(table: String, operation: String) -> String {
        guard let dirty, dirty.table == table else { return "DELETE FROM \"\(stateTable)\";" }
        // A NULL time is recorded as '' (no day): the rebuild then rebuilds everything.
        func mark(_ row: String) -> String {
            "INSERT OR IGNORE INTO \"\(dirty.into)\" (\"companyId\", \"utcDay\") "
                + "VALUES (\(row).\"companyId\", COALESCE(substr(\(row).\"\(dirty.timeColumn)\", 1, 10), ''));"
        }
        switch operation {
        case "INSERT": return mark("NEW")
        case "DELETE": return mark("OLD")
        default: return mark("OLD") + " " + mark("NEW")
        }
    }

    public var drops: [String] { names.map { "DROP TRIGGER \"\($0)\";" } }

    /// The name of the trigger that records the days of rows inserted into the dirty-tracked table.
    public var dirtyInsertTrigger: String? { dirty.map { "\(prefix)_\($0.table)_insert" } }
}
