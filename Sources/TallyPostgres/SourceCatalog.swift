import GRDB
import TallyStore

/// The source schema's tables and column types, and the check that each mirrored column can be
/// read as the mirror's type (docs/LOADING.md, "Type mapping").
struct SourceCatalog {
    struct Column: Equatable {
        let name: String
        /// `format_type`: `timestamp(3) without time zone`, `numeric(10,2)`, `"CSAIUsageType"`.
        let type: String
        /// `pg_type.typcategory`: `S` string, `E` enum, `N` numeric, `A` array, `D` date/time, …
        let category: String
    }

    /// Source tables by name, each with its columns in order.
    let tables: [String: [Column]]
    /// Each table's heap size in bytes (`pg_relation_size`): the loader builds a big empty table's
    /// indexes after its rows, as for a big file.
    let sizes: [String: Int64]

    /// Reads every table and view of `schema`, inside the pull's snapshot.
    static func read(_ connection: PostgresConnection, schema: String) throws -> SourceCatalog {
        let rows = try connection.query(
            """
            SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), t.typcategory
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_type t ON t.oid = a.atttypid
            WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY c.relname, a.attnum
            """, [schema])
        var tables: [String: [Column]] = [:]
        for row in rows {
            tables[row[0]!, default: []].append(Column(name: row[1]!, type: row[2]!, category: row[3] ?? ""))
        }
        let sizes = try connection.query(
            """
            SELECT c.relname, pg_relation_size(c.oid)::text FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind IN ('r', 'p')
            """, [schema])
        return SourceCatalog(
            tables: tables,
            sizes: Dictionary(sizes.map { ($0[0]!, Int64($0[1] ?? "0") ?? 0) }, uniquingKeysWith: { first, _ in first })
        )
    }

    /// The mirror's columns of `table`: name, declared type, enum name.
    static func mirrorColumns(_ db: Database, table: String) throws -> [(
        name: String, declared: String, enumName: String?
    )] {
        let sql =
            try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = ?", arguments: [table]) ?? ""
        let enums = PostgresSchema.enumConstraints(in: sql)
        return try Row.fetchAll(db, sql: "PRAGMA table_info(\(table.quotedDatabaseIdentifier))").map {
            let name: String = $0["name"]
            return (name, $0["type"], enums[name]?.name)
        }
    }

    /// Whether a source column of `column`'s type reads as the mirror's `declared` type: the same
    /// family (text, enum as text, integers, decimals, doubles, timestamps, booleans, JSON, arrays).
    static func isCompatible(_ column: Column, declared: String, enumName: String?) -> Bool {
        let type = column.type.lowercased()
        let upper = declared.uppercased()
        let integers = ["integer", "bigint", "smallint"]
        if enumName != nil { return column.category == "E" || column.category == "S" }
        switch upper {
        case "INTEGER": return integers.contains(type)
        case "TIMESTAMP_TEXT": return type.hasPrefix("timestamp") || type == "date"
        case "MONEY_INTEGER", "REAL":
            return ["double precision", "real"].contains(type) || type.hasPrefix("numeric") || integers.contains(type)
        case "BOOLEAN": return type == "boolean"
        case "JSON_TEXT": return type == "jsonb" || type == "json"
        case "JSON_ARRAY_TEXT", "JSON_NUMBER_ARRAY_TEXT":
            return column.category == "A" || type == "jsonb" || type == "json"
        case "BLOB": return type == "bytea"
        default:
            if upper.hasPrefix("SCALED_INTEGER(") {
                guard type.hasPrefix("numeric") else { return integers.contains(type) }
                // numeric(p,s) with more decimals than the mirror keeps would not load exactly.
                let scale = Int(upper.split(separator: ",").last?.dropLast() ?? "") ?? 0
                let sourceScale = type.split(separator: ",").last.flatMap { Int($0.dropLast()) }
                return type == "numeric" || (sourceScale ?? 0) <= scale
            }
            return column.category == "S" || column.category == "E" || type == "uuid"
        }
    }

    /// The select-list expression for a source column: timestamps with a zone are read in UTC, as
    /// the mirror keeps them; everything else as COPY prints it.
    static func selectExpression(_ column: Column) -> String {
        let quoted = column.name.quotedDatabaseIdentifier
        return column.type.hasPrefix("timestamp") && column.type.hasSuffix("with time zone")
            ? "(\(quoted) AT TIME ZONE 'UTC') AS \(quoted)" : quoted
    }
}
