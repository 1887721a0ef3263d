/// tally's own tables (`tally_` prefix): which a user may load like an export, and which are
/// bookkeeping that only tally writes.
public enum OwnTables {
    /// Input tables users supply as files (`tally load tally_cs_ai_price_tiers.csv`).
    public static let loadable: Set<String> = ["tally_cs_ai_price_tiers"]

    /// Whether `table` is tally's bookkeeping (load history, settings, close ledger): never loaded.
    public static func isBookkeeping(_ table: String) -> Bool {
        table.hasPrefix("tally_") && !loadable.contains(table)
    }
}
