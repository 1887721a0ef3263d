/// The triggers that mark a family of rollups stale (migrations `tally_0007_rollups` and
/// `tally_0008_billing_rollups`, docs/ROLLUPS.md): after any insert, update or delete on a table
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

    /// The report rollups (variant-conversion, discount-codes).
    public static let reports = RollupTriggers(
        tables: ["funnel_sessions", "orders", "refunds", "leads", "funnels", "funnel_variants", "companies"],
        stateTable: "tally_rollup_state", prefix: "tally_rollups_stale")
    /// The billing rollups (the CS AI billing close): a time zone change moves local days.
    public static let billing = RollupTriggers(
        tables: ["cs_ai_usage", "companies"], stateTable: "tally_rollup_billing_state",
        prefix: "tally_billing_rollups_stale")

    static let operations = [("INSERT", "insert"), ("UPDATE", "update"), ("DELETE", "delete")]

    public var names: [String] {
        tables.flatMap { table in Self.operations.map { "\(prefix)_\(table)_\($0.1)" } }
    }

    /// `CREATE TRIGGER` statements, one per table and operation.
    public var creates: [String] {
        tables.flatMap { table in
            Self.operations.map { operation, short in
                "CREATE TRIGGER \"\(prefix)_\(table)_\(short)\" AFTER \(operation) ON \"\(table)\" "
                    + "BEGIN DELETE FROM \"\(stateTable)\"; END;"
            }
        }
    }

    public var drops: [String] { names.map { "DROP TRIGGER \"\($0)\";" } }
}
