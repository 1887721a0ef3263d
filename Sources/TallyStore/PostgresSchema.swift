import Foundation
import GRDB

/// The mirrored tables as PostgreSQL DDL, with production's types and names
/// (`tally schema dump --dialect postgresql`): what a production-shaped source for
/// `tally load postgresql://…` looks like, and the types a pull expects of its source.
///
/// Derived from the store's own schema by docs/STORE.md's type mapping read backwards, so it can
/// never drift from the migrations: `TIMESTAMP_TEXT` → `TIMESTAMP(3)`, `SCALED_INTEGER(p,s)` →
/// `DECIMAL(p,s)`, `MONEY_INTEGER` and `REAL` → `DOUBLE PRECISION`, `JSON_TEXT` → `JSONB`,
/// `JSON_ARRAY_TEXT` → `TEXT[]`, `JSON_NUMBER_ARRAY_TEXT` → `INTEGER[]`, a `CHECK (… IN …)` named
/// for an enum → that PostgreSQL enum type. Foreign keys follow Prisma's naming
/// (`<table>_<column>_fkey`) and are added after every table, as Prisma's migrations do.
///
/// ## Topics
/// - ``ddl(_:)``: the whole script.
/// - ``type(declared:enumName:)``: one column's production type.
/// - ``enumConstraints(in:)``: the enums a table's SQL declares.
public enum PostgresSchema {
    /// The production type of a column stored with `declared` type (`enumName`: its enum, if any).
    public static func type(declared: String, enumName: String?) -> String {
        if let enumName { return enumName.quotedDatabaseIdentifier }
        let upper = declared.uppercased()
        switch upper {
        case "TIMESTAMP_TEXT": return "TIMESTAMP(3)"
        case "MONEY_INTEGER", "REAL": return "DOUBLE PRECISION"
        case "INTEGER": return "INTEGER"
        case "BOOLEAN": return "BOOLEAN"
        case "JSON_TEXT": return "JSONB"
        case "JSON_ARRAY_TEXT": return "TEXT[]"
        case "JSON_NUMBER_ARRAY_TEXT": return "INTEGER[]"
        case "BLOB": return "BYTEA"
        default:
            if upper.hasPrefix("SCALED_INTEGER(") { return "DECIMAL(" + upper.dropFirst("SCALED_INTEGER(".count) }
            return upper.isEmpty ? "TEXT" : upper
        }
    }

    /// `CONSTRAINT "EnumName" CHECK ("column" IN ('A', 'B'))` → column → (EnumName, values).
    public static func enumConstraints(in sql: String) -> [String: (name: String, values: [String])] {
        let pattern = #"CONSTRAINT "([A-Za-z0-9_]+)" CHECK \("([A-Za-z0-9_]+)" IN \(([^)]*)\)\)"#
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [:] }
        var result: [String: (String, [String])] = [:]
        let text = sql as NSString
        for match in regex.matches(in: sql, range: NSRange(location: 0, length: text.length)) {
            let enumName = text.substring(with: match.range(at: 1))
            let column = text.substring(with: match.range(at: 2))
            let values = text.substring(with: match.range(at: 3))
                .split(separator: ",")
                .map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "'")) }
            result[column] = (enumName, values)
        }
        return result
    }

    /// The mirrored tables (tally's own `tally_` tables and report indexes left out) in foreign-key
    /// order, with their enums first and their indexes and foreign keys after.
    public static func ddl(_ db: Database) throws -> String {
        let tables = try mirroredTables(db)
        var enums: [String: [String]] = [:]
        var creates: [String] = []
        var foreignKeys: [String] = []
        for table in tables {
            let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = ?", arguments: [table])
            let tableEnums = enumConstraints(in: sql ?? "")
            for (_, declared) in tableEnums { enums[declared.name] = declared.values }
            creates.append(try createTable(table, enums: tableEnums, in: db))
            foreignKeys += try Row.fetchAll(db, sql: "PRAGMA foreign_key_list(\(table.quotedDatabaseIdentifier))").map {
                let column: String = $0["from"]
                let parent: String = $0["table"]
                return "ALTER TABLE \(table.quotedDatabaseIdentifier) ADD CONSTRAINT "
                    + "\("\(table)_\(column)_fkey".quotedDatabaseIdentifier) FOREIGN KEY (\(column.quotedDatabaseIdentifier)) "
                    + "REFERENCES \(parent.quotedDatabaseIdentifier)(\((($0["to"] as String?) ?? "id").quotedDatabaseIdentifier)) "
                    + "ON DELETE \($0["on_delete"] as String) ON UPDATE \($0["on_update"] as String);"
            }
        }
        let indexes = try Row.fetchAll(
            db,
            sql: """
                SELECT tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
                AND tbl_name NOT LIKE 'tally\\_%' ESCAPE '\\' AND name NOT LIKE 'tally\\_%' ESCAPE '\\'
                ORDER BY tbl_name, name
                """
        ).map { try booleanLiterals(in: $0["sql"], table: $0["tbl_name"], db: db) + ";" }
        let enumLines = enums.keys.sorted().map { name in
            "CREATE TYPE \(name.quotedDatabaseIdentifier) AS ENUM ("
                + enums[name]!.map { "'\($0)'" }.joined(separator: ", ") + ");"
        }
        return """
            -- The mirrored tables as production declares them in PostgreSQL (tally schema dump --dialect postgresql).
            -- Generated from the store's migrations by docs/STORE.md's type mapping; tally's own tables are left out.

            \(enumLines.joined(separator: "\n"))

            \(creates.joined(separator: "\n\n"))

            \(indexes.joined(separator: "\n"))

            \(foreignKeys.joined(separator: "\n"))

            """
    }

    /// The mirrored tables, parents before children, ties by name.
    public static func mirroredTables(_ db: Database) throws -> [String] {
        let names = try String.fetchAll(
            db,
            sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
                AND name NOT LIKE 'tally\\_%' ESCAPE '\\' AND name != ? ORDER BY name
                """,
            arguments: [MigrationLedger.tableName])
        return try TableOrder.parentsFirst(names, in: db)
    }

    private static func createTable(
        _ table: String, enums: [String: (name: String, values: [String])], in db: Database
    ) throws -> String {
        var lines: [String] = []
        var keys: [(Int, String)] = []
        for column in try Row.fetchAll(db, sql: "PRAGMA table_info(\(table.quotedDatabaseIdentifier))") {
            let name: String = column["name"]
            let declared: String = column["type"]
            var line = "    \(name.quotedDatabaseIdentifier) \(type(declared: declared, enumName: enums[name]?.name))"
            if (column["notnull"] as Int) == 1 { line += " NOT NULL" }
            if let value = column["dflt_value"] as String? {
                line += " DEFAULT \(defaultValue(value, declared: declared))"
            }
            lines.append(line)
            if (column["pk"] as Int) > 0 { keys.append((column["pk"], name)) }
        }
        if !keys.isEmpty {
            let columns = keys.sorted { $0.0 < $1.0 }.map { $0.1.quotedDatabaseIdentifier }.joined(separator: ", ")
            lines.append("    CONSTRAINT \("\(table)_pkey".quotedDatabaseIdentifier) PRIMARY KEY (\(columns))")
        }
        return "CREATE TABLE \(table.quotedDatabaseIdentifier) (\n\(lines.joined(separator: ",\n"))\n);"
    }

    /// A partial index's condition compares a boolean column with `0`/`1` in the store (SQLite has
    /// no boolean); production writes `false`/`true`.
    private static func booleanLiterals(in sql: String, table: String, db: Database) throws -> String {
        var result = sql
        for column in try Row.fetchAll(db, sql: "PRAGMA table_info(\(table.quotedDatabaseIdentifier))")
        where (column["type"] as String).uppercased() == "BOOLEAN" {
            let name = (column["name"] as String).quotedDatabaseIdentifier
            result = result.replacingOccurrences(of: "\(name) = 0", with: "\(name) = false")
                .replacingOccurrences(of: "\(name) = 1", with: "\(name) = true")
        }
        return result
    }

    /// A stored default in production's terms: the store's UTC-text clock is `CURRENT_TIMESTAMP`,
    /// booleans are `true`/`false`, scaled and money integers are their decimals again.
    static func defaultValue(_ stored: String, declared: String) -> String {
        let upper = declared.uppercased()
        if stored.contains("strftime(") { return "CURRENT_TIMESTAMP" }
        if upper == "BOOLEAN" { return stored == "1" ? "true" : "false" }
        if upper.hasSuffix("ARRAY_TEXT"), stored == "'[]'" {
            return "ARRAY[]::\(type(declared: declared, enumName: nil))"
        }
        if let integer = Int64(stored) {
            if upper == "MONEY_INTEGER" { return decimalText(integer, scale: 2) }
            if upper.hasPrefix("SCALED_INTEGER("),
                let scale = Int(upper.split(separator: ",").last?.dropLast() ?? "")
            {
                return decimalText(integer, scale: scale)
            }
        }
        return stored
    }

    private static func decimalText(_ value: Int64, scale: Int) -> String {
        guard scale > 0 else { return String(value) }
        let digits = String(value.magnitude)
        let padded = String(repeating: "0", count: max(0, scale + 1 - digits.count)) + digits
        return (value < 0 ? "-" : "") + padded.dropLast(scale) + "." + padded.suffix(scale)
    }
}
