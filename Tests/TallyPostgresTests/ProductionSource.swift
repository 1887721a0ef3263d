import Foundation
import GRDB
import TallyStore

/// A production-shaped PostgreSQL source: the DDL of `tally schema dump --dialect postgresql`, and
/// export files copied in with COPY — what a read replica of the platform holds.
///
/// Each file is copied into a staging table of text (CSV) or one `jsonb` per line (NDJSON), then
/// inserted with casts to production's types; a timestamp written with an offset becomes UTC
/// (`::timestamptz AT TIME ZONE 'UTC'`), as the platform stores it and as tally's loader reads it.
struct ProductionSource {
    let cluster: PostgresCluster
    let database: String
    /// The mirror's columns with production's type, per table.
    private let types: [String: [String: String]]
    let tables: [String]

    /// Creates `database` with the mirrored tables' production DDL.
    init(cluster: PostgresCluster, database: String) throws {
        self.cluster = cluster
        self.database = database
        let store = try Store.open(path: ":memory:")
        let (ddl, types, tables) = try store.queue.read { db in
            var types: [String: [String: String]] = [:]
            let tables = try PostgresSchema.mirroredTables(db)
            for table in tables {
                let sql =
                    try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = ?", arguments: [table])
                    ?? ""
                let enums = PostgresSchema.enumConstraints(in: sql)
                for column in try Row.fetchAll(db, sql: "PRAGMA table_info(\(table.quotedDatabaseIdentifier))") {
                    let name: String = column["name"]
                    types[table, default: [:]][name] = PostgresSchema.type(
                        declared: column["type"], enumName: enums[name]?.name)
                }
            }
            return (try PostgresSchema.ddl(db), types, tables)
        }
        self.types = types
        self.tables = tables
        try cluster.psql("CREATE DATABASE \(database)")
        try cluster.psql(ddl, database: database)
    }

    /// Copies every export file of `directory` (CSV, gzip CSV, NDJSON) into its table, parents first.
    func copy(directory: URL) throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        for table in tables {
            for name in files.sorted() where Self.table(ofFile: name) == table {
                try copy(file: directory.appendingPathComponent(name), into: table)
            }
        }
    }

    static func table(ofFile name: String) -> String? {
        for suffix in [".csv.gz", ".csv", ".ndjson"] where name.hasSuffix(suffix) {
            return String(name.dropLast(suffix.count))
        }
        return nil
    }

    func copy(file: URL, into table: String) throws {
        var path = file.path
        if path.hasSuffix(".gz") {
            let plain = cluster.directory.appendingPathComponent(UUID().uuidString + ".csv")
            let data = try Command.run(
                "/bin/sh", ["-c", "gzip -dc '\(path)' > '\(plain.path)' && chmod 644 '\(plain.path)'"])
            _ = data
            path = plain.path
        }
        if path.hasSuffix(".ndjson") {
            try copyNDJSON(path, into: table)
        } else {
            try copyCSV(path, into: table)
        }
    }

    private func copyCSV(_ path: String, into table: String) throws {
        let header = try String(contentsOfFile: path, encoding: .utf8).prefix { $0 != "\n" }
        let columns = header.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
        let staging = columns.map { "\($0.quotedDatabaseIdentifier) text" }.joined(separator: ", ")
        let values = columns.map { cast("s.\($0.quotedDatabaseIdentifier)", table: table, column: $0, json: nil) }
        try cluster.psql(
            """
            SET TimeZone = 'UTC';
            CREATE TEMP TABLE s (\(staging));
            \\copy s FROM '\(path)' WITH (FORMAT csv, HEADER)
            INSERT INTO \(table.quotedDatabaseIdentifier) (\(columns.map(\.quotedDatabaseIdentifier).joined(separator: ", ")))
            SELECT \(values.joined(separator: ", ")) FROM s;
            """, database: database)
    }

    private func copyNDJSON(_ path: String, into table: String) throws {
        var keys = Set<String>()
        for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n") {
            if let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] {
                keys.formUnion(object.keys)
            }
        }
        let columns = keys.sorted()
        let values = columns.map { cast("s.j->>'\($0)'", table: table, column: $0, json: "s.j->'\($0)'") }
        try cluster.psql(
            """
            SET TimeZone = 'UTC';
            CREATE TEMP TABLE s (j jsonb);
            \\copy s FROM '\(path)' WITH (FORMAT csv, QUOTE e'\\x01', DELIMITER e'\\x02')
            INSERT INTO \(table.quotedDatabaseIdentifier) (\(columns.map(\.quotedDatabaseIdentifier).joined(separator: ", ")))
            SELECT \(values.joined(separator: ", ")) FROM s;
            """, database: database)
    }

    /// `text` (a staged value) as the column's production type; `json` is the same value as jsonb
    /// (NDJSON), for JSON and array columns.
    private func cast(_ text: String, table: String, column: String, json: String?) -> String {
        let type = types[table]?[column] ?? "TEXT"
        switch type {
        case "TIMESTAMP(3)": return "((\(text))::timestamptz AT TIME ZONE 'UTC')"
        case "JSONB": return json.map { "NULLIF(\($0), 'null'::jsonb)" } ?? "(\(text))::jsonb"
        case "TEXT[]", "INTEGER[]":
            let element = type == "TEXT[]" ? "text" : "integer"
            let array = json ?? "(CASE WHEN left(\(text), 1) = '[' THEN (\(text))::jsonb END)"
            let fromJSON =
                "(CASE WHEN jsonb_typeof(\(array)) = 'array' THEN "
                + "ARRAY(SELECT e::\(element) FROM jsonb_array_elements_text(\(array)) e) END)"
            return json == nil ? "COALESCE(\(fromJSON), (\(text))::\(type))" : fromJSON
        default: return "(\(text))::\(type)"
        }
    }
}
