import Foundation
import TallyCore

/// What the producer thread hands the database thread, in file order.
enum ProducedEvent: Sendable {
    /// A converted row whose columns are those of shape `shapeID`.
    case row(line: Int, id: String, shapeID: Int, values: [SQLValue])
    /// A new set of columns (JSON rows may differ); comes before its first row.
    case newShape(id: Int, columnIndexes: [Int])
    case reject(Reject)
    case warning(LoadWarning)
    case unknownColumn(String)
}

/// A batch of events with the producer's progress.
struct ProducedBatch: Sendable {
    var events: [ProducedEvent] = []
    var rowsRead = 0
    var bytesRead: Int64 = 0
}

/// The end of a file, or why it could not be read.
enum ProducerOutcome: Sendable {
    case batch(ProducedBatch)
    case finished(sha256: String, bytes: Int64)
    case failed(any Error)
}

/// Reads one file and converts its rows on its own thread; touches no database.
///
/// Everything a conversion needs is given up front: the table's columns, company currencies read
/// before the file started, and the IP-address key. Rows, rejects and warnings leave in file order
/// through a bounded queue, so the database thread emits them in order too.
///
/// `@unchecked Sendable`: after `start()`, the parsing state is used only by the producer thread;
/// the queue and the handed-back batches (under their lock) are the only state both threads touch.
final class RowProducer: @unchecked Sendable {
    private let schema: TableSchema
    private let item: LoadPlan.Item
    private let keepsSensitive: Bool
    private let hasher: IPAddressHasher?
    private let companyCurrencies: [String: String]
    private let queue = BoundedQueue<ProducerOutcome>(capacity: 8)
    /// Batches the database thread is done with, freed here on the producer thread: releasing a
    /// batch's strings and arrays was a tenth of the database thread's time (issue 14).
    private let done = NSLock()
    private var doneBatches: [ProducedBatch] = []
    private let finished = DispatchSemaphore(value: 0)
    private let hasMoneyColumns: Bool

    private var batch = ProducedBatch()
    private var shapeIDs: [[Int]: Int] = [:]
    private var shapes: [ConversionShape] = []
    private var unknownKeys: Set<String> = []
    private static let batchSize = 512

    init(
        schema: TableSchema, item: LoadPlan.Item, keepsSensitive: Bool, hasher: IPAddressHasher?,
        companyCurrencies: [String: String]
    ) {
        self.schema = schema
        self.item = item
        self.keepsSensitive = keepsSensitive
        self.hasher = hasher
        self.companyCurrencies = companyCurrencies
        self.hasMoneyColumns = schema.columns.contains { $0.kind == .money }
    }

    func start() {
        let thread = Thread { [self] in
            defer { finished.signal() }
            do {
                let outcome = try produce()
                queue.put(outcome)
            } catch {
                queue.put(.failed(error))
            }
        }
        thread.stackSize = 8 << 20  // JSON nests recursively
        thread.start()
    }

    /// The next outcome; blocks until the producer has one.
    func next() -> ProducerOutcome? { queue.take() }

    /// Hands a handled batch back, so that its memory is freed on the producer thread.
    func recycle(_ batch: consuming ProducedBatch) {
        done.lock()
        doneBatches.append(batch)
        done.unlock()
    }

    /// Frees the batches handed back since the last call (on the producer thread).
    private func freeHandledBatches() {
        done.lock()
        let handled = doneBatches
        doneBatches = []
        done.unlock()
        _ = consume handled
    }

    /// Stops the producer (if still running) and waits for its thread to end.
    func stop() {
        queue.cancel()
        finished.wait()
    }

    private func produce() throws -> ProducerOutcome {
        if let stream = item.stream {
            let source = DigestingByteSource(try stream.open())
            try produceCSV(source)
            flush(bytesRead: source.bytesReadFromDisk)
            return .finished(sha256: try source.finishDigest(), bytes: source.bytesReadFromDisk)
        }
        let file = try FileByteSource(path: item.path)
        defer { file.close() }
        let source: any ByteSource = item.isGzip ? try GzipByteSource(source: file, path: item.path) : file
        switch item.format {
        case .csv: try produceCSV(source)
        case .ndjson: try produceNDJSON(source)
        case .jsonArray: try produceJSONArray(source)
        }
        flush(bytesRead: source.bytesReadFromDisk)
        return .finished(sha256: try file.finishDigest(), bytes: file.bytesReadFromDisk)
    }

    // MARK: Formats

    private func produceCSV(_ source: any ByteSource) throws {
        var parser = CSVParser(source: source)
        var record = CSVRecord()
        guard try parser.next(into: &record) else { throw LoadError.emptyFile(path: item.path) }
        var header: [String] = []
        for index in 0..<record.fieldCount {
            guard let name = record.text(index) else {
                throw LoadError.malformedFile(path: item.path, line: 1, reason: "the header is not valid UTF-8")
            }
            header.append(name)
        }
        let mapping = try mapHeader(header)
        let columnCount = header.count
        // Fields in column order (id first), computed once per file rather than sorted per row.
        let plan = mapping.enumerated().compactMap { position, index in index.map { (position, $0) } }
            .sorted { $0.1 < $1.1 }
        let positions = plan.map(\.0)
        let (shapeID, shape) = shape(for: plan.map(\.1))
        var inputs: [FieldInput] = []
        inputs.reserveCapacity(plan.count)
        var recordsRead = 0
        while try parser.next(into: &record) {
            batch.rowsRead += 1
            recordsRead += 1
            let line = record.line
            if let problem = record.problem {
                switch problem {
                case .unterminatedQuote:
                    // The quote swallowed every line after it: rejecting one row would lose the rest
                    // without a count, so the whole file fails (issue 11).
                    throw LoadError.malformedFile(
                        path: item.path, line: line,
                        reason: "a quoted field in the record starting on this line never closes before the end "
                            + "of the file (\(parser.physicalLines - line) more lines were swallowed by it); "
                            + "close the quote or re-export the file")
                case .textAfterClosingQuote:
                    reject(line: line, column: nil, value: nil, .badQuote, "text follows a closing quote")
                case .quoteInUnquotedField:
                    reject(line: line, column: nil, value: nil, .badQuote, "a quote inside an unquoted field")
                }
            } else if record.fieldCount != columnCount {
                let kind = record.fieldCount > columnCount ? "too many" : "too few"
                reject(
                    line: line, column: nil, value: nil, .fieldCount,
                    "\(kind) fields: \(record.fieldCount), the header has \(columnCount)")
            } else {
                inputs.removeAll(keepingCapacity: true)
                var invalidColumn: String?
                for (position, column) in zip(positions, shape.columns) {
                    if record.isNull(position) {
                        inputs.append(.null)
                    } else if let text = record.text(position) {
                        inputs.append(.text(text))
                    } else {
                        invalidColumn = column.name
                        break
                    }
                }
                if let invalidColumn {
                    reject(
                        line: line, column: invalidColumn, value: nil, .invalidUTF8,
                        "\(invalidColumn) is not valid UTF-8")
                } else {
                    convert(line: line, shapeID: shapeID, shape: shape, inputs: inputs)
                }
            }
            if batch.events.count >= Self.batchSize { guard flush(bytesRead: parser.bytesReadFromDisk) else { return } }
        }
        // Every physical line is the header, a row read, a blank line, or a line break inside a
        // quoted field; otherwise some path lost rows without counting them, and the load fails.
        let accounted = 1 + recordsRead + parser.blankLines + parser.quotedLineBreaks
        guard accounted == parser.physicalLines, recordsRead + 1 == parser.recordsEmitted else {
            throw LoadError.malformedFile(
                path: item.path, line: parser.physicalLines,
                reason: "the rows read (\(recordsRead)) do not account for the file's \(parser.physicalLines) lines "
                    + "(\(accounted) accounted for); this is a defect in tally's CSV reader, please report it")
        }
    }

    private func produceNDJSON(_ source: any ByteSource) throws {
        var reader = NDJSONReader(source: source)
        var sawLine = false
        while let (line, bytes) = try reader.nextLine() {
            sawLine = true
            batch.rowsRead += 1
            produceJSON(line: line, bytes: bytes)
            if batch.events.count >= Self.batchSize { guard flush(bytesRead: reader.bytesReadFromDisk) else { return } }
        }
        if !sawLine && reader.bytesReadFromDisk == 0 { throw LoadError.emptyFile(path: item.path) }
    }

    private func produceJSONArray(_ source: any ByteSource) throws {
        var reader = JSONArrayReader(source: source, path: item.path)
        while let (line, bytes) = try reader.nextElement() {
            batch.rowsRead += 1
            produceJSON(line: line, bytes: bytes)
            if batch.events.count >= Self.batchSize { guard flush(bytesRead: reader.bytesReadFromDisk) else { return } }
        }
    }

    private func produceJSON(line: Int, bytes: [UInt8]) {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch let error as JSONParseError {
            reject(
                line: line, column: nil, value: nil, .invalidJSON,
                "not valid JSON at character \(error.offset + 1): \(error.message)")
            return
        } catch {
            reject(line: line, column: nil, value: nil, .invalidJSON, "not valid JSON")
            return
        }
        guard case .object(let members) = value else {
            reject(
                line: line, column: nil, value: nil, .notAnObject,
                "a \(value.kindName), expected an object with column names as keys")
            return
        }
        var pairs: [(Int, FieldInput)] = []
        var seen = Set<Int>()
        for (key, member) in members {
            guard let columnIndex = schema.columnIndex(key) else {
                if unknownKeys.insert(key).inserted { batch.events.append(.unknownColumn(key)) }
                continue
            }
            // A key twice in one object is ambiguous (which value is the row's?): the row is
            // rejected rather than silently keeping the first, as JSON parsers disagree here.
            guard seen.insert(columnIndex).inserted else {
                reject(line: line, column: key, value: nil, .duplicateKey, "the object has \"\(key)\" more than once")
                return
            }
            pairs.append((columnIndex, .json(member)))
        }
        guard seen.contains(0) else {
            reject(line: line, column: "id", value: nil, .missingID, "the object has no \"id\"")
            return
        }
        pairs.sort { $0.0 < $1.0 }
        let (shapeID, shape) = shape(for: pairs.map(\.0))
        convert(line: line, shapeID: shapeID, shape: shape, inputs: pairs.map(\.1))
    }

    /// Maps header names to column indexes; unknown columns map to nil and are reported once.
    private func mapHeader(_ header: [String]) throws -> [Int?] {
        var seen = Set<String>()
        var mapping: [Int?] = []
        for name in header {
            guard seen.insert(name).inserted else { throw LoadError.duplicateHeader(path: item.path, column: name) }
            let index = schema.columnIndex(name)
            if index == nil { batch.events.append(.unknownColumn(name)) }
            mapping.append(index)
        }
        guard seen.contains("id") else { throw LoadError.missingIDColumn(path: item.path) }
        let required = schema.columns.filter { $0.isNotNull && !$0.hasDefault && !seen.contains($0.name) }.map(\.name)
        if !required.isEmpty {
            throw LoadError.malformedFile(
                path: item.path, line: 1,
                reason:
                    "the header lacks \(required.joined(separator: ", ")), which \(item.table) requires (NOT NULL, no default)"
            )
        }
        return mapping
    }

    // MARK: Rows

    /// Converts one row whose inputs follow `shape`'s columns (id first).
    private func convert(line: Int, shapeID: Int, shape: ConversionShape, inputs: [FieldInput]) {
        guard shape.columns.first?.name == "id", case .text(let rawID) = inputs[0].asText, !rawID.isEmpty else {
            reject(line: line, column: "id", value: nil, .missingID, "the row has no id")
            return
        }
        var exponent = 2
        if hasMoneyColumns { exponent = currencyExponent(shape: shape, inputs: inputs) }
        var values: [SQLValue] = []
        values.reserveCapacity(inputs.count)
        for (column, input) in zip(shape.columns, inputs) {
            var converted: SQLValue
            switch ValueConverter.convert(input, for: column, currencyExponent: exponent) {
            case .value(let value):
                converted = value
            case .valueWithWarning(let value, let message):
                converted = value
                batch.events.append(
                    .warning(
                        LoadWarning(
                            file: item.path, line: line, column: column.name, value: input.displayText ?? "",
                            message: message)))
            case .reject(let reason, let message):
                let shown =
                    column.sensitivity != nil && !keepsSensitive
                    ? input.displayText.map { _ in "(redacted)" } : input.displayText
                reject(line: line, column: column.name, value: shown, reason, message)
                return
            }
            if let sensitivity = column.sensitivity, !keepsSensitive, converted != .null {
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
        batch.events.append(.row(line: line, id: rawID, shapeID: shapeID, values: values))
    }

    private func shape(for columnIndexes: [Int]) -> (Int, ConversionShape) {
        if let id = shapeIDs[columnIndexes] { return (id, shapes[id]) }
        let columns = columnIndexes.map { schema.columns[$0] }
        let names = columns.map(\.name)
        let shape = ConversionShape(
            columns: columns, currencyPosition: names.firstIndex(of: "currency"),
            companyPosition: names.firstIndex(of: "companyId"))
        let id = shapes.count
        shapes.append(shape)
        shapeIDs[columnIndexes] = id
        batch.events.append(.newShape(id: id, columnIndexes: columnIndexes))
        return (id, shape)
    }

    /// Decimals of the row's currency: its own `currency` column, else its company's.
    private func currencyExponent(shape: ConversionShape, inputs: [FieldInput]) -> Int {
        if let position = shape.currencyPosition, case .text(let code) = inputs[position].asText {
            return CurrencyExponent.of(code)
        }
        if let position = shape.companyPosition, case .text(let companyID) = inputs[position].asText,
            let code = companyCurrencies[companyID]
        {
            return CurrencyExponent.of(code)
        }
        return 2
    }

    private func reject(line: Int, column: String?, value: String?, _ reason: RejectReason, _ message: String) {
        batch.events.append(
            .reject(Reject(file: item.path, line: line, column: column, value: value, reason: reason, message: message))
        )
    }

    /// Hands the current batch over; false when the consumer has stopped.
    @discardableResult
    private func flush(bytesRead: Int64) -> Bool {
        freeHandledBatches()
        batch.bytesRead = bytesRead
        let full = batch
        batch = ProducedBatch()
        batch.events.reserveCapacity(Self.batchSize + 8)
        return queue.put(.batch(full))
    }
}

/// The columns a row provides, as conversion needs them.
struct ConversionShape: Sendable {
    let columns: [ColumnSpec]
    let currencyPosition: Int?
    let companyPosition: Int?
}
