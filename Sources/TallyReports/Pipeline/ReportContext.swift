import GRDB
import TallyStore

/// What a report's stages share while it runs: the connection inside one read transaction, and the
/// resolved scope installed for the SQL.
public struct ReportContext {
    /// The connection. Reports read through ``fetch(_:query:arguments:)``.
    public let db: Database
    /// The companies, funnels and UTC ranges in scope.
    public let scope: ResolvedScope
    /// Whether queries may read the report rollups: asked for, and fresh in this transaction's snapshot.
    public let usesRollups: Bool
    /// Whether the report may read rollups at all (false with `--no-rollups`): a family other than
    /// the report rollups (the affiliate clicks') checks its own freshness.
    public var readsRollups = true

    /// Runs `body` with a context over `store`.
    ///
    /// One deferred transaction: every query of a report sees the same snapshot, and a report only
    /// takes a shared lock on the store, so it waits for (rather than blocks) a load. The scope's
    /// temp tables live in the connection's own temp schema.
    static func reading<T>(
        _ store: Store, scope: ReportScope, rollups: Bool = false, _ body: (ReportContext) throws -> T
    ) throws -> T {
        try store.queue.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.deferred) {
                let resolved = try ResolvedScope.resolve(scope, in: db)
                try resolved.install(in: db)
                for name in QueryCatalog.sharedViews { try db.execute(sql: QueryCatalog.sql(name)) }
                let fresh = try rollups && Rollups.areFresh(db)
                var context = ReportContext(db: db, scope: resolved, usesRollups: fresh)
                context.readsRollups = rollups
                result = try body(context)
                return .commit
            }
            return result!
        }
    }

    /// Decodes the rows of named query `query` (`Queries/<query>.sql`) as `Record`s.
    ///
    /// Columns are snake_case in SQL and camelCase in Swift (`revenue_hundredths` → `revenueHundredths`).
    public func fetch<Record: QueryRow>(
        _ type: Record.Type, query: String, arguments: StatementArguments = StatementArguments()
    ) throws -> [Record] {
        try Record.fetchAll(db, sql: QueryCatalog.sql(query), arguments: arguments)
    }
}

/// A row decoded from report SQL: snake_case columns to camelCase properties.
public protocol QueryRow: FetchableRecord, Decodable {}

extension QueryRow {
    public static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
}
