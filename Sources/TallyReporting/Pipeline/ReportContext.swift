import GRDB
import TallyStore

/// What a report's stages share while it runs: the connection inside one read transaction, and the
/// resolved scope installed for the SQL.
public struct ReportContext {
    /// The connection. Reports read through ``fetch(_:query:arguments:)``.
    public let db: Database
    /// The companies, funnels and UTC ranges in scope.
    public let scope: ResolvedScope
    /// Whether the report may read rollups at all (false with `--no-rollups`); each family's
    /// freshness is asked with ``reads(_:)``.
    public let readsRollups: Bool

    /// Makes a context over a connection already inside a read transaction with the scope installed
    /// (a second connection reading alongside a report's own).
    package init(db: Database, scope: ResolvedScope, readsRollups: Bool) {
        self.db = db
        self.scope = scope
        self.readsRollups = readsRollups
    }

    /// Whether queries may read `family`'s rollups: asked for (no `--no-rollups`), and fresh in this
    /// transaction's snapshot (every query of the report sees the same snapshot, so the answer does
    /// not change while the report runs).
    public func reads<Family: RollupFamily>(_ family: Family.Type) throws -> Bool {
        try readsRollups && Family.areFresh(db)
    }

    /// Runs `body` with a context over `store`.
    ///
    /// One deferred transaction: every query of a report sees the same snapshot, and a report only
    /// takes a shared lock on the store, so it waits for (rather than blocks) a load. The scope's
    /// temp tables live in the connection's own temp schema.
    package static func reading<T>(
        _ store: Store, scope: ReportScope, rollups: Bool = false, _ body: (ReportContext) throws -> T
    ) throws -> T {
        try store.queue.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.deferred) {
                result = try within(db, scope: scope, rollups: rollups, body)
                return .commit
            }
            return result!
        }
    }

    /// Runs `body` with a context over `db`, inside the transaction the caller holds (a close
    /// planning inside the close stage's own transaction reads a report there, so what it computed
    /// from cannot change before it is written).
    package static func within<T>(
        _ db: Database, scope: ReportScope, rollups: Bool = false, _ body: (ReportContext) throws -> T
    ) throws -> T {
        let resolved = try ResolvedScope.resolve(scope, in: db)
        try resolved.install(in: db)
        for name in QueryCatalog.sharedViews { try db.execute(sql: QueryCatalog.sql(name)) }
        return try body(ReportContext(db: db, scope: resolved, readsRollups: rollups))
    }

    /// Decodes the rows of named query `query` (`Queries/<query>.sql`) as `Record`s.
    ///
    /// A ``QueryRow`` decodes snake_case columns into camelCase properties (`revenue_hundredths` →
    /// `revenueHundredths`); a record with its own `init(row:)` decodes as it says (a production
    /// enum column through its ``StoredEnum``).
    public func fetch<Record: FetchableRecord>(
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
