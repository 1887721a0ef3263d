/// The report SQL in `Queries/`, embedded in the binary at build time by the `EmbedQueries` build
/// plugin, so the binary never runs SQL older than the files beside it.
///
/// Names are paths under `Queries/` without `.sql`: `variant-conversion/session-arms`. Files under
/// `Queries/shared/` define temporary views every report's connection gets.
public enum QueryCatalog {
    /// Every embedded query name, sorted.
    public static var names: [String] { EmbeddedQueries.sql.keys.sorted() }

    /// The shared views, installed on every report connection.
    static var sharedViews: [String] { names.filter { $0.hasPrefix("shared/") } }

    /// The SQL of query `name`, or nil when the binary carries no such query.
    public static func text(of name: String) -> String? { EmbeddedQueries.sql[name] }

    /// The SQL of query `name`; a name the code uses but `Queries/` lacks is a build defect
    /// (`QueryFilesTests` catches it), not a user error.
    package static func sql(_ name: String) -> String {
        guard let sql = EmbeddedQueries.sql[name] else { preconditionFailure("no query Queries/\(name).sql") }
        return sql
    }
}
