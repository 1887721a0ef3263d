/// The triggers that mark the report rollups stale (migration `tally_0007_rollups`,
/// docs/ROLLUPS.md): after any insert, update or delete on a table a rollup reads, the one row of
/// `tally_rollup_state` goes, and reports read the base tables until the next rebuild.
///
/// A load drops them while it writes and creates them again before it commits (SQLite's DDL is
/// transactional): measured on 100,000 funnel sessions, the per-row trigger doubled the rows'
/// time (1.3 s → 2.6 s), and the load rebuilds the rollups anyway.
public enum RollupTriggers {
    /// The base tables the rollups read.
    public static let tables = [
        "funnel_sessions", "orders", "refunds", "leads", "funnels", "funnel_variants", "companies",
    ]
    static let operations = [("INSERT", "insert"), ("UPDATE", "update"), ("DELETE", "delete")]

    public static var names: [String] {
        tables.flatMap { table in operations.map { "tally_rollups_stale_\(table)_\($0.1)" } }
    }

    /// `CREATE TRIGGER` statements, one per table and operation.
    public static var creates: [String] {
        tables.flatMap { table in
            operations.map { operation, short in
                "CREATE TRIGGER \"tally_rollups_stale_\(table)_\(short)\" AFTER \(operation) ON \"\(table)\" "
                    + "BEGIN DELETE FROM \"tally_rollup_state\"; END;"
            }
        }
    }

    public static var drops: [String] { names.map { "DROP TRIGGER \"\($0)\";" } }
}
