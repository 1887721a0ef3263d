import Foundation
import GRDB
import TallyCore

/// Loads one file into one table inside the load's transaction.
///
/// Records come from the CSV, NDJSON or JSON-array reader; each becomes a row of (column, input)
/// pairs, is converted column by column (`ValueConverter`), has its sensitive values replaced,
/// its foreign keys checked, and is upserted by id. The first failing column rejects the row.
final class FileLoader {
    private let db: Database
    private let schema: TableSchema
    private let item: LoadPlan.Item
    private let options: LoadOptions
    private let sink: LoadEventSink
    private let parents: ParentChecker
    private let hasher: IPAddressHasher?
    private let currencies: CompanyCurrencies
    private var result: FileLoadResult
    private var shapes: [[Int]: RowShape] = [:]
    /// Reused for every row's converted values: one allocation per file, not per row.
    private var valuesBuffer: [SQLValue] = []
    private let seenIDs: SeenIDs
    private let tableWasEmpty: Bool
    private let hasMoneyColumns: Bool
    private var lastProgress = Date()

    init(
        db: Database, schema: TableSchema, item: LoadPlan.Item, options: LoadOptions, sink: LoadEventSink,
        parents: ParentChecker, hasher: IPAddressHasher?, currencies: CompanyCurrencies, fileBytes: Int64
    ) throws {
        self.db = db
        self.schema = schema
        self.item = item
        self.options = options
        self.sink = sink
        self.parents = parents
        self.hasher = hasher
        self.currencies = currencies
        self.result = FileLoadResult(
            path: item.path, table: item.table, format: item.format.rawValue + (item.isGzip ? "+gzip" : ""),
            bytes: fileBytes, sha256: "")
        self.tableWasEmpty =
            try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM \(item.table.quotedDatabaseIdentifier))") ?? false
        self.hasMoneyColumns = schema.columns.contains { $0.kind == .money }
        self.seenIDs = try SeenIDs(db: db)
    }

    func load() throws -> FileLoadResult {
        let file = try FileByteSource(path: item.path)
        defer { file.close() }
        let source: any ByteSource = item.isGzip ? try GzipByteSource(source: file, path: item.path) : file
        switch item.format {
        case .csv: try loadCSV(source)
        case .ndjson: try loadNDJSON(source)
        case .jsonArray: try loadJSONArray(source)
        }
        result.sha256 = try file.finishDigest()
        result.bytes = file.bytesReadFromDisk
        try seenIDs.drop()
        return result
    }

    // MARK: Formats

    private func loadCSV(_ source: any ByteSource) throws {
        var parser = CSVParser(source: source)
        var record = CSVRecord()
        guard try parser.next(into: &record) else { throw LoadError.emptyFile(path: item.path) }
        var header: [String] = []
        for index in 0..<record.fieldCount {
            guard let name = String(validating: record.field(index), as: UTF8.self) else {
                throw LoadError.malformedFile(path: item.path, line: 1, reason: "the header is not valid UTF-8")
            }
            header.append(name)
        }
        let mapping = try mapHeader(header)
        let columnCount = header.count
        // Fields in column order (id first), computed once per file rather than sorted per row.
        let plan = mapping.enumerated().compactMap { position, index in index.map { (position, $0) } }
            .sorted { $0.1 < $1.1 }
        let planPositions = plan.map(\.0)
        let planColumns = plan.map(\.1)
        let csvShape = try shape(for: planColumns)
        var inputs: [FieldInput] = []
        inputs.reserveCapacity(plan.count)
        while try parser.next(into: &record) {
            result.read += 1
            reportProgress(bytes: parser.bytesReadFromDisk)
            let line = record.line
            if let problem = record.problem {
                switch problem {
                case .unterminatedQuote:
                    reject(line: line, column: nil, value: nil, .unterminatedQuote,
                           "a quoted field opened on this line never closes")
                case .textAfterClosingQuote:
                    reject(line: line, column: nil, value: nil, .badQuote, "text follows a closing quote")
                case .quoteInUnquotedField:
                    reject(line: line, column: nil, value: nil, .badQuote, "a quote inside an unquoted field")
                }
                continue
            }
            guard record.fieldCount == columnCount else {
                let kind = record.fieldCount > columnCount ? "too many" : "too few"
                reject(line: line, column: nil, value: nil, .fieldCount,
                       "\(kind) fields: \(record.fieldCount), the header has \(columnCount)")
                continue
            }
            inputs.removeAll(keepingCapacity: true)
            var invalidColumn: String?
            for (position, columnIndex) in zip(planPositions, planColumns) {
                if record.isNull(position) {
                    inputs.append(.null)
                } else if let text = record.text(position) {
                    inputs.append(.text(text))
                } else {
                    invalidColumn = schema.columns[columnIndex].name
                    break
                }
            }
            if let invalidColumn {
                reject(line: line, column: invalidColumn, value: nil, .invalidUTF8, "\(invalidColumn) is not valid UTF-8")
                continue
            }
            try process(line: line, shape: csvShape, inputs: inputs)
        }
    }

    private func loadNDJSON(_ source: any ByteSource) throws {
        var reader = NDJSONReader(source: source)
        var sawLine = false
        while let (line, bytes) = try reader.nextLine() {
            sawLine = true
            result.read += 1
            reportProgress(bytes: reader.bytesReadFromDisk)
            try processJSON(line: line, bytes: bytes)
        }
        if !sawLine && result.bytes == 0 { throw LoadError.emptyFile(path: item.path) }
    }

    private func loadJSONArray(_ source: any ByteSource) throws {
        var reader = JSONArrayReader(source: source, path: item.path)
        while let (line, bytes) = try reader.nextElement() {
            result.read += 1
            reportProgress(bytes: reader.bytesReadFromDisk)
            try processJSON(line: line, bytes: bytes)
        }
    }

    private var unknownKeys: Set<String> = []

    private func processJSON(line: Int, bytes: [UInt8]) throws {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch let error as JSONParseError {
            reject(line: line, column: nil, value: nil, .invalidJSON,
                   "not valid JSON at character \(error.offset + 1): \(error.message)")
            return
        }
        guard case .object(let members) = value else {
            reject(line: line, column: nil, value: nil, .notAnObject, "a \(value.kindName), expected an object with column names as keys")
            return
        }
        var pairs: [(Int, FieldInput)] = []
        var seen = Set<Int>()
        for (key, member) in members {
            guard let columnIndex = schema.columnIndex(key) else {
                if unknownKeys.insert(key).inserted {
                    result.unknownColumns.append(key)
                    sink.unknownColumn(file: item.path, column: key)
                }
                continue
            }
            if seen.insert(columnIndex).inserted { pairs.append((columnIndex, .json(member))) }
        }
        if !seen.contains(0) || schema.columnIndex("id") == nil {
            reject(line: line, column: "id", value: nil, .missingID, "the object has no \"id\"")
            return
        }
        pairs.sort { $0.0 < $1.0 }
        try process(line: line, shape: try shape(for: pairs.map(\.0)), inputs: pairs.map(\.1))
    }

    /// Maps header names to column indexes; unknown columns map to nil and are reported once.
    private func mapHeader(_ header: [String]) throws -> [Int?] {
        var seen = Set<String>()
        var mapping: [Int?] = []
        for name in header {
            guard seen.insert(name).inserted else { throw LoadError.duplicateHeader(path: item.path, column: name) }
            let index = schema.columnIndex(name)
            if index == nil {
                result.unknownColumns.append(name)
                sink.unknownColumn(file: item.path, column: name)
            }
            mapping.append(index)
        }
        guard seen.contains("id") else { throw LoadError.missingIDColumn(path: item.path) }
        let required = schema.columns.filter { $0.isNotNull && !$0.hasDefault && !seen.contains($0.name) }.map(\.name)
        if !required.isEmpty {
            throw LoadError.malformedFile(
                path: item.path, line: 1,
                reason: "the header lacks \(required.joined(separator: ", ")), which \(item.table) requires (NOT NULL, no default)")
        }
        return mapping
    }

    // MARK: Rows

    /// Converts, checks and writes one row whose inputs follow `shape`'s columns (id first).
    private func process(line: Int, shape: RowShape, inputs: [FieldInput]) throws {
        guard shape.columns.first?.name == "id", case .text(let rawID) = inputs[0].asText, !rawID.isEmpty else {
            reject(line: line, column: "id", value: nil, .missingID, "the row has no id")
            return
        }
        var exponent = 2
        if hasMoneyColumns { exponent = try currencyExponent(shape: shape, inputs: inputs) }
        var values = valuesBuffer
        values.removeAll(keepingCapacity: true)
        defer { valuesBuffer = values }
        for (column, input) in zip(shape.columns, inputs) {
            var converted: SQLValue
            switch ValueConverter.convert(input, for: column, currencyExponent: exponent) {
            case .value(let value):
                converted = value
            case .valueWithWarning(let value, let message):
                converted = value
                result.warnings += 1
                sink.warning(
                    LoadWarning(file: item.path, line: line, column: column.name, value: input.displayText ?? "", message: message))
            case .reject(let reason, let message):
                let shown = column.sensitivity != nil && !options.keepsSensitive
                    ? input.displayText.map { _ in "(redacted)" } : input.displayText
                reject(line: line, column: column.name, value: shown, reason, message)
                return
            }
            if let sensitivity = column.sensitivity, !options.keepsSensitive, converted != .null {
                switch sensitivity {
                case .credential: converted = column.isNotNull ? converted : .null
                case .ipAddress:
                    if case .text(let address) = converted, !address.isEmpty, let hasher {
                        converted = .text(hasher.hash(address))
                    }
                }
            }
            values.append(converted)
        }
        for check in shape.parentChecks {
            guard case .text(let parentID) = values[check.position] else { continue }
            if try !parents.exists(table: check.parentTable, column: check.parentColumn, value: parentID) {
                reject(
                    line: line, column: check.column, value: parentID, .orphan,
                    "\(check.column) '\(parentID)' has no row in \(check.parentTable); load \(check.parentTable) first or include its export")
                return
            }
        }
        try write(values, id: rawID, line: line, writer: shape.writer)
    }

    /// Inserts, updates or keeps the row, detecting a repeated id within this file.
    private func write(_ values: [SQLValue], id: String, line: Int, writer: RowWriter) throws {
        // Into a table that was empty when the file started, try the insert first: only a
        // repeated id of this file can collide on the primary key.
        var existing: [SQLValue]?
        if tableWasEmpty {
            switch writer.write(values, existing: nil) {
            case .inserted:
                result.inserted += 1
                try seenIDs.record(id: id, line: line)
                return
            case .failed(let message):
                guard try seenIDs.line(of: id) != nil, let stored = writer.storedValues(id: id) else {
                    reject(line: line, column: nil, value: nil, .constraint, "the store refused the row: \(message)")
                    return
                }
                existing = stored
            default:
                return
            }
        } else {
            existing = writer.storedValues(id: id)
        }
        if let existing, let earlierLine = try seenIDs.line(of: id) {
            if existing == values {
                result.unchanged += 1
                result.duplicates += 1
            } else {
                reject(line: line, column: "id", value: id, .duplicateID,
                       "id '\(id)' is also on line \(earlierLine) with different content; the earlier line was kept")
            }
            return
        }
        switch writer.write(values, existing: existing) {
        case .inserted: result.inserted += 1
        case .updated: result.updated += 1
        case .unchanged: result.unchanged += 1
        case .failed(let message):
            reject(line: line, column: nil, value: nil, .constraint, "the store refused the row: \(message)")
            return
        }
        try seenIDs.record(id: id, line: line)
    }

    /// Everything that depends only on which columns a row provides, computed once per column set.
    private func shape(for columnIndexes: [Int]) throws -> RowShape {
        if let cached = shapes[columnIndexes] { return cached }
        let columns = columnIndexes.map { schema.columns[$0] }
        let names = columns.map(\.name)
        let checks = schema.foreignKeys.compactMap { key -> RowShape.ParentCheck? in
            names.firstIndex(of: key.column).map {
                RowShape.ParentCheck(position: $0, column: key.column, parentTable: key.parentTable, parentColumn: key.parentColumn)
            }
        }
        let shape = RowShape(
            columns: columns,
            writer: try RowWriter(db: db, table: schema.name, columns: names, kinds: columns.map(\.kind)),
            parentChecks: checks, currencyPosition: names.firstIndex(of: "currency"),
            companyPosition: names.firstIndex(of: "companyId"))
        shapes[columnIndexes] = shape
        return shape
    }

    /// Decimals of the row's currency: its own `currency` column, else its company's.
    private func currencyExponent(shape: RowShape, inputs: [FieldInput]) throws -> Int {
        if let position = shape.currencyPosition, case .text(let code) = inputs[position].asText {
            return CurrencyExponent.of(code)
        }
        if let position = shape.companyPosition, case .text(let companyID) = inputs[position].asText,
            let code = try currencies.currency(ofCompany: companyID)
        {
            return CurrencyExponent.of(code)
        }
        return 2
    }

    private func reject(line: Int, column: String?, value: String?, _ reason: RejectReason, _ message: String) {
        result.rejected += 1
        result.rejectsByReason[reason, default: 0] += 1
        sink.reject(Reject(file: item.path, line: line, column: column, value: value, reason: reason, message: message))
    }

    private func reportProgress(bytes: Int64) {
        guard result.read % 4096 == 0 else { return }
        let now = Date()
        guard now.timeIntervalSince(lastProgress) >= 0.5 else { return }
        lastProgress = now
        sink.progress(file: item.path, rows: result.read, bytesRead: bytes, bytesTotal: result.bytes)
    }
}

extension FieldInput {
    /// The input as text where it is a scalar (for ids and currency codes).
    var asText: FieldInput {
        switch self {
        case .json(.string(let text)), .json(.number(let text)): return .text(text)
        case .json(.null): return .null
        default: return self
        }
    }

    /// The value as the user wrote it, for rejects and warnings.
    var displayText: String? {
        switch self {
        case .null: return nil
        case .text(let text): return text
        case .json(.string(let text)): return text
        case .json(let value): return value.canonicalText
        }
    }
}

/// Company currencies, read from the store as needed (companies load before their children).
final class CompanyCurrencies {
    private let db: Database
    private var cache: [String: String?] = [:]

    init(db: Database) {
        self.db = db
    }

    func currency(ofCompany id: String) throws -> String? {
        if let cached = cache[id] { return cached }
        let code = try String.fetchOne(db, sql: #"SELECT "currency" FROM "companies" WHERE "id" = ?"#, arguments: [id])
        cache[id] = code
        return code
    }
}

/// The columns a row provides, with its writer and the checks that depend on them.
struct RowShape {
    struct ParentCheck {
        let position: Int
        let column: String
        let parentTable: String
        let parentColumn: String
    }

    let columns: [ColumnSpec]
    let writer: RowWriter
    let parentChecks: [ParentCheck]
    let currencyPosition: Int?
    let companyPosition: Int?
}

/// Ids written from the current file, with their line, for duplicate detection in bounded memory.
///
/// Recent ids sit in a dictionary; every 64k they move, sorted, into a temporary SQLite table whose
/// pages live in SQLite's bounded cache and spill to a temporary file. A map of 1M ids in Swift
/// took ~30 MB more at 1M rows than at 100k; this keeps the load's memory flat.
final class SeenIDs {
    private let db: Database
    private var recent: [String: Int32] = [:]
    private let insert: Statement
    private let select: Statement
    private static let flushThreshold = 65_536

    init(db: Database) throws {
        self.db = db
        try db.execute(
            sql: #"CREATE TEMP TABLE IF NOT EXISTS "tally_seen_ids" ("id" TEXT NOT NULL PRIMARY KEY, "line" INTEGER NOT NULL) WITHOUT ROWID"#)
        try db.execute(sql: #"DELETE FROM temp."tally_seen_ids""#)
        insert = try db.makeStatement(sql: #"INSERT OR IGNORE INTO temp."tally_seen_ids" ("id", "line") VALUES (?, ?)"#)
        select = try db.makeStatement(sql: #"SELECT "line" FROM temp."tally_seen_ids" WHERE "id" = ?"#)
    }

    func record(id: String, line: Int) throws {
        if recent[id] == nil { recent[id] = Int32(clamping: line) }
        if recent.count >= Self.flushThreshold { try flush() }
    }

    func line(of id: String) throws -> Int? {
        if let line = recent[id] { return Int(line) }
        return try Int.fetchOne(select, arguments: [id])
    }

    private func flush() throws {
        for id in recent.keys.sorted() {
            try insert.execute(arguments: [id, Int(recent[id]!)])
        }
        recent.removeAll(keepingCapacity: true)
    }

    func drop() throws {
        recent.removeAll()
        try db.execute(sql: #"DELETE FROM temp."tally_seen_ids""#)
    }
}
