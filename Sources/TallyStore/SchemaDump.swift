import GRDB

/// A store's schema as comparable text: one entry per table and index, sorted by type and name.
///
/// The dump reads `sqlite_master`, so it sees everything SQLite stores: columns, types, defaults,
/// CHECKs, foreign keys, index columns and partial-index conditions. It leaves out SQLite's own
/// objects and tally's migration ledger, which are not part of the mirrored schema.
public struct SchemaDump: Equatable, Sendable {
    /// One schema object.
    public struct Entry: Equatable, Sendable {
        /// `table` or `index`.
        public let type: String
        public let name: String
        /// The table an index belongs to (the table itself for tables).
        public let table: String
        /// The stored `CREATE` statement.
        public let sql: String

        /// A stable key for diffing.
        public var key: String { "\(type) \(name)" }
    }

    /// Entries sorted by type, then name.
    public let entries: [Entry]

    /// The dump as text, one object per paragraph.
    public var text: String {
        entries.map { "-- \($0.type) \($0.name)\n\($0.sql);\n" }.joined(separator: "\n")
    }

    /// Reads the schema of `db`.
    public static func read(_ db: Database) throws -> SchemaDump {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT type, name, tbl_name, sql FROM sqlite_master
                WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND tbl_name != ?
                ORDER BY type DESC, name
                """,
            arguments: [MigrationLedger.tableName])
        return SchemaDump(
            entries: rows.map { Entry(type: $0["type"], name: $0["name"], table: $0["tbl_name"], sql: $0["sql"]) })
    }

    /// Names of mirrored tables (the ledger and SQLite's tables excluded), sorted.
    static func tableNames(_ db: Database) throws -> [String] {
        try read(db).entries.filter { $0.type == "table" }.map(\.name)
    }

    /// The schema that applying `migrationNames` (in catalog order) to an empty store produces.
    public static func expected(forApplied migrationNames: Set<String>) throws -> SchemaDump {
        let scratch = try Store.open(path: ":memory:", migrate: .leaveAsIs)
        try scratch.queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            for migration in MigrationCatalog.all where migrationNames.contains(migration.name) {
                try Store.run(migration.up, of: migration, in: db)
            }
        }
        return try scratch.queue.read { db in try read(db) }
    }

    /// The differences that turn `expected` into `self`, one readable line each, sorted.
    public func differences(from expected: SchemaDump) -> [SchemaDifference] {
        let mine = Dictionary(uniqueKeysWithValues: entries.map { ($0.key, $0) })
        let theirs = Dictionary(uniqueKeysWithValues: expected.entries.map { ($0.key, $0) })
        var result: [SchemaDifference] = []
        for key in Set(mine.keys).union(theirs.keys).sorted() {
            switch (theirs[key], mine[key]) {
            case (let want?, nil): result.append(.missing(want))
            case (nil, let have?): result.append(.unexpected(have))
            case (let want?, let have?) where want.sql != have.sql:
                result.append(.changed(expected: want, actual: have))
            default: break
            }
        }
        return result
    }
}

/// One way a live schema differs from what its applied migrations produce.
public enum SchemaDifference: Equatable, Sendable, CustomStringConvertible {
    case missing(SchemaDump.Entry)
    case unexpected(SchemaDump.Entry)
    case changed(expected: SchemaDump.Entry, actual: SchemaDump.Entry)

    public var description: String {
        switch self {
        case .missing(let entry):
            return "missing \(entry.type) \(entry.name) (on \(entry.table))"
        case .unexpected(let entry):
            return "unexpected \(entry.type) \(entry.name) (on \(entry.table)): \(entry.sql)"
        case .changed(let expected, let actual):
            let want = SQLDefinitionList(expected.sql)
            let have = SQLDefinitionList(actual.sql)
            guard let want, let have else {
                return
                    "changed \(actual.type) \(actual.name):\n  expected: \(expected.sql.oneLine)\n  actual:   \(actual.sql.oneLine)"
            }
            let removed = want.items.filter { !have.items.contains($0) }.map { "\n  - \($0)" }
            let added = have.items.filter { !want.items.contains($0) }.map { "\n  + \($0)" }
            let moved = removed.isEmpty && added.isEmpty ? "\n  (same definitions, different order)" : ""
            return "changed \(actual.type) \(actual.name):" + removed.joined() + added.joined() + moved
        }
    }
}

extension String {
    /// The SQL folded onto one line, runs of white space collapsed, for diff output.
    var oneLine: String {
        split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }
}

extension Store {
    /// The live schema.
    public func schemaDump() throws -> SchemaDump {
        try queue.read { db in try SchemaDump.read(db) }
    }

    /// Compares the live schema with what the applied migrations produce (drift check).
    /// - Returns: The differences; empty when the store matches its migrations.
    public func checkSchema() throws -> [SchemaDifference] {
        let applied = Set(try migrationStatuses().filter(\.isApplied).map(\.name))
        let expected = try SchemaDump.expected(forApplied: applied)
        return try schemaDump().differences(from: expected)
    }
}

/// The comma-separated definitions inside a `CREATE TABLE (...)` or `CREATE INDEX ...(...)`,
/// split at top-level commas only, so a drift report can name the column or constraint that differs.
struct SQLDefinitionList {
    let items: [String]

    init?(_ sql: String) {
        guard let open = sql.firstIndex(of: "("), let close = sql.lastIndex(of: ")"), open < close else { return nil }
        var items: [String] = []
        var current = ""
        var depth = 0
        var quote: Character?
        for character in sql[sql.index(after: open)..<close] {
            if let q = quote {
                if character == q { quote = nil }
            } else if character == "'" || character == "\"" {
                quote = character
            } else if character == "(" {
                depth += 1
            } else if character == ")" {
                depth -= 1
            } else if character == "," && depth == 0 {
                items.append(current.oneLine)
                current = ""
                continue
            }
            current.append(character)
        }
        items.append(current.oneLine)
        self.items = items
    }
}
