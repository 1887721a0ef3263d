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

    /// Runs the report on `store` and returns its typed rows (what closes and tests use).
    public func typedRows(on store: Store) throws -> [Row] {
        try ReportContext.reading(store, scope: scope, rollups: readsRollups) { context in
            try validate(in: context)
            return try rows(in: context)
        }
    }
}
