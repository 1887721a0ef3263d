import GRDB

extension Store {
    /// Every known migration with its state in this store, in application order.
    public func migrationStatuses() throws -> [MigrationStatus] {
        let applied = try queue.read { db in try MigrationLedger.applied(db) }
        return MigrationCatalog.all.map {
            MigrationStatus(
                name: $0.name, changelogAlias: $0.changelogAlias, summary: $0.summary,
                appliedAt: applied[$0.name])
        }
    }

    /// Applies pending migrations in order, up to and including `target` (all when nil).
    ///
    /// The whole batch runs in one transaction with foreign keys checked before commit, so a
    /// failure leaves the store exactly as it was.
    /// - Returns: The names of the migrations applied.
    @discardableResult
    public func migrateUp(to target: String? = nil) throws -> [String] {
        let catalog = MigrationCatalog.all
        var last = catalog.count - 1
        if let target {
            guard let index = catalog.firstIndex(where: { $0.name == target || $0.changelogAlias == target })
            else { throw StoreError.unknownMigration(target) }
            last = index
        }
        return try runBatch { db in
            let applied = try MigrationLedger.applied(db)
            try Self.refuseUnknownMigrations(applied)
            var names: [String] = []
            for migration in catalog[0...last] where applied[migration.name] == nil {
                try Self.run(migration.up, of: migration, in: db)
                try MigrationLedger.record(db, name: migration.name)
                names.append(migration.name)
            }
            return names
        }
    }

    /// Rolls back applied migrations that come after `target`, newest first; `target` itself stays
    /// applied. A nil `target` rolls back every migration.
    ///
    /// - Parameter force: Drop tables even when they hold rows. Without it, such a rollback is
    ///   refused with ``StoreError/wouldDropTablesWithRows(_:)`` naming the tables.
    /// - Returns: The names of the migrations rolled back.
    @discardableResult
    public func migrateDown(to target: String?, force: Bool = false) throws -> [String] {
        let catalog = MigrationCatalog.all
        var keep = -1
        if let target {
            guard let index = catalog.firstIndex(where: { $0.name == target || $0.changelogAlias == target })
            else { throw StoreError.unknownMigration(target) }
            keep = index
        }
        return try runBatch { db in
            let applied = try MigrationLedger.applied(db)
            try Self.refuseUnknownMigrations(applied)
            let rowCountsBefore = try Self.rowCountsOfTables(db)
            var names: [String] = []
            for migration in catalog.suffix(from: keep + 1).reversed() where applied[migration.name] != nil {
                try Self.run(migration.down, of: migration, in: db)
                try MigrationLedger.remove(db, name: migration.name)
                names.append(migration.name)
            }
            let remaining = Set(try Self.rowCountsOfTables(db).keys)
            let droppedWithRows = rowCountsBefore.filter { !remaining.contains($0.key) && $0.value > 0 }
            if !droppedWithRows.isEmpty && !force {
                throw StoreError.wouldDropTablesWithRows(droppedWithRows)
            }
            return names
        }
    }

    /// Runs `body` in one transaction with foreign key enforcement off (table rebuilds need it),
    /// then, when `body` applied or rolled back a migration, checks every foreign key before committing.
    private func runBatch(_ body: (Database) throws -> [String]) throws -> [String] {
        try queue.writeWithoutTransaction { db in
            // PRAGMA foreign_keys is a no-op inside a transaction, so it is switched here.
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
            var names: [String] = []
            try db.inTransaction {
                names = try body(db)
                // Only a batch that changed the schema can have broken a foreign key. Checking on
                // every open scanned the whole store (2.3 s per command on a 12M-row store).
                guard !names.isEmpty else { return .commit }
                let violations = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
                if !violations.isEmpty {
                    throw StoreError.foreignKeyViolations(
                        migration: names.last ?? "(none)", count: violations.count)
                }
                return .commit
            }
            return names
        }
    }

    static func run(_ steps: [MigrationStep], of migration: Migration, in db: Database) throws {
        do {
            for step in steps {
                switch step {
                case .sql(let sql):
                    try db.execute(sql: sql)
                case .removeAddedColumn(let table, let name, let definition):
                    try TableRebuild.removeAddedColumn(db, table: table, column: name, definition: definition)
                case .rebuildTable(let table, let body, let resetColumns):
                    try TableRebuild.rebuild(db, table: table, body: body, resetColumns: resetColumns)
                }
            }
        } catch let error as DatabaseError {
            throw StoreError.migrationFailed(migration: migration.name, reason: error.message ?? "\(error)")
        } catch let error as TableRebuild.Failure {
            throw StoreError.migrationFailed(migration: migration.name, reason: error.reason)
        }
    }

    private static func refuseUnknownMigrations(_ applied: [String: String]) throws {
        let known = Set(MigrationCatalog.all.map(\.name))
        let unknown = applied.keys.filter { !known.contains($0) }.sorted()
        if !unknown.isEmpty { throw StoreError.appliedByNewerVersion(unknown) }
    }

    /// Row counts of every mirrored table (bookkeeping and SQLite's own tables excluded).
    static func rowCountsOfTables(_ db: Database) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for name in try SchemaDump.tableNames(db) {
            counts[name] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(name.quotedDatabaseIdentifier)") ?? 0
        }
        return counts
    }
}
