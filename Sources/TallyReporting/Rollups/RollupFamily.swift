import GRDB
import TallyStore

/// A family of rollups the loader keeps (docs/ROLLUPS.md): tables derived from base tables, rebuilt
/// or refreshed inside the transaction of every load that changes what they sum, and read by a
/// domain's reports only while fresh (``ReportContext/reads(_:)``).
///
/// Each domain declares its own family (the funnel report rollups, the billing rollups, the
/// affiliate click rollup); ``RollupFamilies`` runs a list of them through a load.
///
/// ## Topics
/// - ``name``, ``triggers``: what `tally rollups status` prints, and the triggers that mark it stale.
/// - ``rebuild(_:)``: every company, from the base tables.
/// - ``wholeChanges``, ``markLoaded(after:_:)``, ``refresh(_:)``: a load that refreshes only part.
public protocol RollupFamily: Sendable {
    /// The family's name in `tally rollups status` (`reports`, `billing`, `affiliate`).
    static var name: String { get }
    /// What readers do while the family is stale, for `tally rollups status`.
    static var whenStale: String { get }
    /// The triggers that mark the family stale, and its state table (migrations `tally_0007`–`0009`).
    static var triggers: RollupTriggers { get }
    /// Tables whose load redoes the whole family even where a part could be refreshed (a company's
    /// time zone moves every local day). Only read for a family whose triggers record a `dirty` table.
    static var wholeChanges: Set<String> { get }
    /// Rebuilds the family from every row of its base tables and marks it fresh.
    static func rebuild(_ db: Database) throws
    /// Last in a load that refreshes part of the family: records what the rows the load inserted
    /// (those above `mark`, a rowid) touched, as the dropped insert trigger would have.
    static func markLoaded(after mark: Int64, _ db: Database) throws
    /// Makes the family fresh for the least work: a rebuild when it was marked stale, else only
    /// what its triggers recorded.
    static func refresh(_ db: Database) throws
}

extension RollupFamily {
    public static var wholeChanges: Set<String> { [] }
    public static func markLoaded(after mark: Int64, _ db: Database) throws {}
    public static func refresh(_ db: Database) throws { if try !areFresh(db) { try rebuild(db) } }

    /// Whether the family matches its base tables: rebuilt, and no change recorded since.
    public static func areFresh(_ db: Database) throws -> Bool { try triggers.areFresh(db) }
}
