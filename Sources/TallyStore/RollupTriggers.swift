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
    /// A table whose changes are recorded, old and new row, as a row of `into` (its `columns`, from
    /// the SQL `values` with `ROW` standing for OLD or NEW) instead of marking the whole family
    /// stale: the family is then rebuilt for what they name only.
    public let dirty: (table: String, into: String, columns: [String], values: [String])?

    init(
        tables: [String], stateTable: String, prefix: String,
        dirty: (table: String, into: String, columns: [String], values: [String])? = nil
    ) {
        self.tables = tables
        self.stateTable = stateTable
        self.prefix = prefix
        self.dirty = dirty
    }

    /// The report rollups (variant-conversion, discount-codes).
    public static let reports = RollupTriggers(
        tables: ["funnel_sessions", "orders", "refunds", "leads", "funnels", "funnel_variants", "companies"],
        stateTable: "tally_rollup_state", prefix: "tally_rollups_stale")
    /// The billing rollups (the CS AI billing close): a usage change marks its company's days (the
    /// first ten characters of `occurredAt`; '' for NULL: the refresh then rebuilds everything), a
    /// company change (its time zone moves local days) the whole family.
    public static let billing = RollupTriggers(
        tables: ["cs_ai_usage", "companies"], stateTable: "tally_rollup_billing_state",
        prefix: "tally_billing_rollups_stale",
        dirty: (
            table: "cs_ai_usage", into: "tally_rollup_billing_dirty", columns: ["companyId", "utcDay"],
            values: [#"ROW."companyId""#, #"COALESCE(substr(ROW."occurredAt", 1, 10), '')"#]
        ))

    /// The affiliate click rollup (the affiliate reports' click columns): a click change marks its
    /// visitor ('' for a click without one: the refresh then rebuilds everything); a program's
    /// deduplication window or fraud threshold marks the whole family stale.
    public static let affiliate = RollupTriggers(
        tables: ["affiliate_clicks", "affiliate_program_configs"], stateTable: "tally_rollup_affiliate_state",
        prefix: "tally_affiliate_rollups_stale",
        dirty: (
            table: "affiliate_clicks", into: "tally_rollup_affiliate_dirty", columns: ["visitorId"],
            values: [#"COALESCE(ROW."visitorId", '')"#]
        ))

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
        func mark(_ row: String) -> String {
            "INSERT OR IGNORE INTO \"\(dirty.into)\" (\(dirty.columns.map { "\"\($0)\"" }.joined(separator: ", "))) "
                + "VALUES (\(dirty.values.map { $0.replacingOccurrences(of: "ROW.", with: row + ".") }.joined(separator: ", ")));"
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
