import Foundation

/// DuckDB as a benchmark baseline: its own columnar tables made from export files with
/// `CREATE TABLE … AS SELECT * FROM read_csv(…)` — a column store without indexes, the fastest
/// way anyone turns these files into something queryable. Used only when the `duckdb` shell is
/// found (`pip install duckdb-cli`; never needed to build or run tally).
struct BenchDuckDB {
    let executable: String

    /// nil when `executable` does not run.
    init?(executable: String) {
        guard (try? ChildProcess.run(executable, ["-c", "SELECT 1"]))?.status == 0 else { return nil }
        self.executable = executable
    }

    /// The readers DuckDB has for the export formats tally loads, by file ending (gzip is detected
    /// from the name by DuckDB itself).
    private static let readers: [(ending: String, reader: String)] = [
        ("csv", "read_csv"), ("csv.gz", "read_csv"), ("ndjson", "read_ndjson"), ("ndjson.gz", "read_ndjson"),
        ("jsonl", "read_ndjson"), ("jsonl.gz", "read_ndjson"), ("json", "read_json"), ("json.gz", "read_json"),
    ]

    /// The data files of `directory` as (table, file, DuckDB source expression), by file name: the
    /// files `tally load DIR` reads (subdirectories are not entered, as a load of a directory does not).
    static func sources(in directory: String) -> [(table: String, path: String, source: String)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.sorted().compactMap { name in
            guard let (ending, reader) = readers.first(where: { name.hasSuffix("." + $0.ending) }) else { return nil }
            let table = String(name.dropLast(ending.count + 1))
            guard !table.isEmpty, !table.contains(".") else { return nil }
            let path = directory + "/" + name
            return (table, path, source(path, reader: reader))
        }
    }

    /// `reader` over `path`; empty CSV fields are NULL, as in a PostgreSQL CSV export.
    static func source(_ path: String, reader: String) -> String {
        let quoted = path.replacingOccurrences(of: "'", with: "''")
        return "\(reader)('\(quoted)'\(reader == "read_csv" ? ", nullstr = ''" : ""))"
    }

    /// The script that makes one DuckDB table per source.
    static func ctas(_ sources: [(table: String, source: String)]) -> String {
        sources.map { #"CREATE TABLE "\#($0.table)" AS SELECT * FROM \#($0.source);"# }.joined(separator: "\n")
    }

    /// Runs `script` into a fresh database file at `path`; the wall time of the whole process.
    func timeCTAS(_ script: String, into path: String) throws -> Double {
        try? FileManager.default.removeItem(atPath: path)
        try? FileManager.default.removeItem(atPath: path + ".wal")
        let run = try ChildProcess.run(executable, [path, "-c", script])
        guard run.status == 0 else {
            throw CommandFailure(
                message: "\(executable) exited \(run.status) making its tables; run the script by hand to see why",
                status: .ioError)
        }
        return run.seconds
    }
}
