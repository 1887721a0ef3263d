import GRDB
import TallyOutput
import TallyStore

/// A report: scope → named queries → computation in Swift → a table of declared columns.
///
/// A report type holds its options, its typed output ``Row``, its ``columns`` and ``rows(in:)``,
/// which fetches its named queries (`Queries/<name>/…sql`) through the ``ReportContext`` and computes
/// the rest. ``run(on:)`` does the staging: it resolves the scope (refusing unknown ids before any
/// output), runs ``rows(in:)`` in one read transaction, and builds the ``ReportTable``.
/// docs/ADDING_A_REPORT.md is the recipe.
///
/// ## Topics
/// - ``name``, ``columns``, ``Row``: what the report is called and what it prints.
/// - ``scope``, ``readsRollups``, ``validate(in:)``: what it covers, checked before any output.
/// - ``rows(in:)``: the computation, over a ``ReportContext`` (named queries, the resolved scope).
/// - ``run(on:)``, ``typedRows(on:)``, ``typedRows(in:)``: running it on a store, or inside a
///   transaction the caller holds (a close's).
public protocol ReportDefinition: Sendable {
    associatedtype Row
    /// The CLI name, the `Queries/` folder and the expected-output file stem.
    static var name: String { get }
    /// The output columns, in order.
    static var columns: [ReportColumn<Row>] { get }
    /// The companies, funnels and days covered.
    var scope: ReportScope { get }
    /// Whether the report may read the rollups (docs/ROLLUPS.md) when they are fresh; false is
    /// `--no-rollups`. Reports without rollups ignore it.
    var readsRollups: Bool { get }
    /// Checks the report's own options against the store (e.g. `--control`), before any output.
    func validate(in context: ReportContext) throws
    /// The rows, in the report's documented order.
    func rows(in context: ReportContext) throws -> [Row]
}

extension ReportDefinition {
    public func validate(in context: ReportContext) throws {}
    public var readsRollups: Bool { true }

    /// Runs the report on `store` and returns its table.
    /// - Throws: ``ReportError`` for options the store contradicts; store errors.
    public func run(on store: Store) throws -> ReportTable {
        ReportTable(rows: try typedRows(on: store), columns: Self.columns)
    }

    /// Runs the report on `store` and returns its typed rows (what tests use).
    public func typedRows(on store: Store) throws -> [Row] {
        try ReportContext.reading(store, scope: scope, rollups: readsRollups) { context in
            try validate(in: context)
            return try rows(in: context)
        }
    }

    /// Runs the report on `db` inside the caller's transaction and returns its typed rows (what a
    /// close planning inside the close stage's transaction reads).
    public func typedRows(in db: Database) throws -> [Row] {
        try ReportContext.within(db, scope: scope, rollups: readsRollups) { context in
            try validate(in: context)
            return try rows(in: context)
        }
    }
}
