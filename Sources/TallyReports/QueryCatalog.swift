/// The SQL of each report, one file per report in `Queries/`, embedded in the binary.
public enum QueryCatalog {
    /// Report names, exactly the CLI names and the `Queries/*.sql` file names.
    public static var names: [String] { EmbeddedQueries.sql.keys.sorted() }

    /// The SQL of report `name`.
    public static func sql(_ name: String) -> String {
        guard let sql = EmbeddedQueries.sql[name] else { preconditionFailure("no query for report \(name)") }
        return sql
    }
}
