import GRDB
import TallyStore

/// Runs a list of rollup families through a load (the registry's list: TallyRegistry's
/// `Registry.rollups`), so that rows, rollups and triggers commit or roll back together.
public struct RollupFamilies: Sendable {
    /// The families, in the order loads handle them.
    public let families: [any RollupFamily.Type]

    /// The families, in the order loads handle them.
    public init(_ families: [any RollupFamily.Type]) { self.families = families }

    /// First in a load's transaction: for each family whose base tables the load writes, marks it
    /// stale and drops the triggers that would otherwise do so once per loaded row
    /// (``RollupTriggers``); ``finishLoad(_:tables:)`` restores them. A load of other tables leaves a
    /// family and its triggers alone.
    ///
    /// A family that records changes one by one (its triggers' `dirty` table) keeps its update and
    /// delete triggers instead when it can refresh part of itself
    /// (``RollupTriggers/canRefreshPart(after:unless:_:)``), and the rows the load inserts are found
    /// by the load mark (``RollupTriggers/setLoadMark(_:)``).
    public func prepareLoad(_ db: Database, tables: Set<String>) throws {
        for family in families where !tables.isDisjoint(with: family.triggers.tables) {
            if try family.triggers.canRefreshPart(after: tables, unless: family.wholeChanges, db) {
                try family.triggers.setLoadMark(db)
                continue
            }
            try db.execute(sql: "DELETE FROM \(family.triggers.stateTable.quotedDatabaseIdentifier)")
            for drop in family.triggers.drops { try db.execute(sql: drop) }
        }
    }

    /// Last in a load's transaction: refreshes every family (stale ones rebuilt, also those a change
    /// made by hand marked stale since the last load) and creates the triggers again.
    public func finishLoad(_ db: Database, tables: Set<String>) throws {
        for family in families {
            if let mark = try family.triggers.takeLoadMark(db) { try family.markLoaded(after: mark, db) }
            try family.refresh(db)
        }
        // Through a load that refreshes part of a family, the family dropped only its insert trigger.
        let existing = try String.fetchSet(db, sql: #"SELECT "name" FROM "sqlite_master" WHERE "type" = 'trigger'"#)
        for family in families where !tables.isDisjoint(with: family.triggers.tables) {
            for (name, create) in zip(family.triggers.names, family.triggers.creates) where !existing.contains(name) {
                try db.execute(sql: create)
            }
        }
    }

    /// Rebuilds every family, in order.
    public func rebuild(_ db: Database) throws {
        for family in families { try family.rebuild(db) }
    }
}
