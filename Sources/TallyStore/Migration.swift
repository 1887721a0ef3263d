/// One versioned change to the store schema, named exactly as production names it.
///
/// A migration carries its `up` and `down` steps side by side. Steps are SQL text, except the
/// table rebuilds SQLite needs where PostgreSQL would `ALTER` in place (dropping a column that
/// carries a foreign key, or changing a column's type). Migrations never use record types and
/// never change once released: the store's history depends on their exact text.
///
/// ## Topics
/// - ``MigrationStep``
/// - ``MigrationCatalog``
public struct Migration: Sendable {
    /// The production migration directory name, e.g. `20260131160000_phase4_lead_variant_discount_tracking`.
    public let name: String
    /// The name under which the schema changelog lists this migration, when it differs from `name`.
    public let changelogAlias: String?
    /// One line saying what the migration does to the mirrored tables.
    public let summary: String
    /// Steps that apply the migration.
    public let up: [MigrationStep]
    /// Steps that undo the migration, leaving the schema exactly as it was before `up`.
    public let down: [MigrationStep]

    public init(
        name: String, changelogAlias: String? = nil, summary: String,
        up: [MigrationStep], down: [MigrationStep]
    ) {
        self.name = name
        self.changelogAlias = changelogAlias
        self.summary = summary
        self.up = up
        self.down = down
    }
}

/// One step of a migration.
public enum MigrationStep: Sendable {
    /// Plain SQL, possibly several statements.
    case sql(String)
    /// Removes a column that an earlier `ALTER TABLE ... ADD COLUMN` appended, by rebuilding the
    /// table. SQLite cannot `DROP COLUMN` a column that has a foreign key; the rebuild removes
    /// exactly the text `, <definition>` that `ADD COLUMN` appended, so the table's stored SQL is
    /// the same bytes as before the column was added.
    case removeAddedColumn(table: String, name: String, definition: String)
    /// Rebuilds a table with a new `CREATE TABLE` body (the text after the table name), copying
    /// every column both versions share except `resetColumns`, which take their new default, and
    /// recreating the table's indexes. This is GRDB's "rebuild a table" recipe.
    case rebuildTable(table: String, body: String, resetColumns: [String])
}

/// SQL text shared by the migrations.
enum SQLText {
    /// Default for `TIMESTAMP(3) DEFAULT CURRENT_TIMESTAMP` columns: the store's one UTC form,
    /// `YYYY-MM-DDTHH:MM:SS.sssZ`, which sorts as text in time order.
    static let now = "(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))"
}
