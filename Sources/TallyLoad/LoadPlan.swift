import Foundation
import TallyStore

/// Which files a load reads, in which order, with which format and table.
///
/// Directories contribute the data files directly inside them (not subdirectories), in name order.
/// Files load parents before children (foreign-key order of the mirrored tables), then by name.
struct LoadPlan {
    struct Item: Equatable {
        /// The file, or the stream's name (`public.orders`) as rejects and the history name it.
        let path: String
        let format: InputFormat
        let isGzip: Bool
        let table: String
        /// The rows' bytes when they come from a stream (a PostgreSQL COPY), not a file.
        var stream: (any StreamedInput)? = nil

        static func == (lhs: Item, rhs: Item) -> Bool {
            lhs.path == rhs.path && lhs.format == rhs.format && lhs.isGzip == rhs.isGzip && lhs.table == rhs.table
                && lhs.stream === rhs.stream
        }
    }

    let items: [Item]
    /// Files inside given directories that are not data files (README, expected outputs, ...).
    let skipped: [String]
    /// Files of production tables tally does not mirror (`users.csv`), with the table: skipped.
    let unmirrored: [(path: String, table: String)]

    /// Plans a load of `paths` (files and directories).
    /// - Parameters:
    ///   - tables: Mirrored table names, in foreign-key order (parents first).
    ///   - tableOverride: `--table`: every file goes to this table.
    ///   - isStrict: `--strict`: a file of an unmirrored production table fails instead of being skipped.
    static func make(paths: [String], tables: [String], tableOverride: String?, isStrict: Bool = false) throws
        -> LoadPlan
    {
        let fileManager = FileManager.default
        var files: [String] = []
        var skipped: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw LoadError.missingInput(path: path)
            }
            if isDirectory.boolValue {
                let names: [String]
                do {
                    names = try fileManager.contentsOfDirectory(atPath: path).sorted()
                } catch {
                    throw LoadError.cannotRead(path: path, reason: "the directory cannot be listed")
                }
                for name in names where !name.hasPrefix(".") {
                    let full = (path as NSString).appendingPathComponent(name)
                    var isSubdirectory: ObjCBool = false
                    let exists = fileManager.fileExists(atPath: full, isDirectory: &isSubdirectory)
                    if !exists || isSubdirectory.boolValue || InputFormat.detect(fileName: name) == nil {
                        skipped.append(full)
                    } else {
                        files.append(full)
                    }
                }
            } else {
                files.append(path)
            }
        }
        let order = Dictionary(uniqueKeysWithValues: tables.enumerated().map { ($1, $0) })
        var items: [Item] = []
        var unmirrored: [(path: String, table: String)] = []
        for file in files {
            let name = (file as NSString).lastPathComponent
            let detected = InputFormat.detect(fileName: name)
            let format = detected?.format ?? .csv
            let table: String
            if let tableOverride {
                table = tableOverride
            } else if let own = TableNameMatcher.bookkeepingTable(forFileName: name) {
                throw LoadError.bookkeepingTable(path: file, table: own)
            } else if let matched = TableNameMatcher.table(forFileName: name, tables: tables) {
                table = matched
            } else if let production = UnmirroredTables.table(forFileName: name) {
                if isStrict { throw LoadError.unmirroredTable(path: file, table: production) }
                unmirrored.append((file, production))
                continue
            } else {
                throw LoadError.unknownTable(path: file)
            }
            items.append(Item(path: file, format: format, isGzip: detected?.isGzip ?? false, table: table))
        }
        // Stable: parents first, then the order the user gave (names within a directory).
        let sorted = items.enumerated().sorted {
            let (a, b) = (order[$0.element.table] ?? Int.max, order[$1.element.table] ?? Int.max)
            return a != b ? a < b : $0.offset < $1.offset
        }
        return LoadPlan(items: sorted.map(\.element), skipped: skipped, unmirrored: unmirrored)
    }
}

/// The export formats tally reads.
enum InputFormat: String, Equatable {
    case csv
    case ndjson
    case jsonArray = "json"

    /// The format from a file name (`.csv`, `.ndjson`/`.jsonl`, `.json`, each optionally `.gz`).
    static func detect(fileName: String) -> (format: InputFormat, isGzip: Bool)? {
        var name = fileName.lowercased()
        var isGzip = false
        if name.hasSuffix(".gz") {
            isGzip = true
            name = String(name.dropLast(3))
        }
        if name.hasSuffix(".csv") { return (.csv, isGzip) }
        if name.hasSuffix(".ndjson") || name.hasSuffix(".jsonl") { return (.ndjson, isGzip) }
        if name.hasSuffix(".json") { return (.jsonArray, isGzip) }
        return nil
    }
}

/// Maps file names to tables: `affiliate_clicks.csv`, `affiliate_clicks-2026-02.ndjson.gz`,
/// and Prisma model names such as `AffiliateClick.json` or `CSAIUsage.ndjson`.
enum TableNameMatcher {
    /// The tally bookkeeping table a file is named after (`tally_loads.csv`), if any.
    static func bookkeepingTable(forFileName fileName: String) -> String? {
        let base = String(fileName.prefix { $0 != "." }.prefix { $0 != "-" })
        return OwnTables.isBookkeeping(base) ? base : nil
    }

    static func table(forFileName fileName: String, tables: [String]) -> String? {
        let stem = String(fileName.prefix { $0 != "." })
        let base = String(stem.prefix { $0 != "-" })
        if tables.contains(base) { return base }
        // Prisma model names: compare letters and digits only, case-insensitively, allowing the
        // table's plural (Company → companies, AffiliateClick → affiliate_clicks).
        let model = normalized(base)
        for table in tables {
            let candidate = normalized(table)
            if candidate == model || candidate == model + "s" || candidate == model + "es"
                || (model.hasSuffix("y") && candidate == model.dropLast() + "ies")
            {
                return table
            }
        }
        return nil
    }

    private static func normalized(_ text: String) -> String {
        String(text.lowercased().filter { $0.isLetter || $0.isNumber })
    }
}
