/// A byte-level RFC 4180 parser for PostgreSQL `COPY ... CSV` and `psql --csv` output.
///
/// It reads chunks from a ``ByteSource`` and yields one record at a time with the physical line
/// where the record starts, so rejects can name the line. It keeps, per field, whether it was
/// quoted: PostgreSQL writes NULL as an empty unquoted field and the empty string as `""`.
///
/// Accepted: LF or CRLF line ends, quoted commas, quotes (`""`) and line breaks, a UTF-8 BOM at the
/// start. Blank lines are not records. Malformed records (text after a closing quote, a quote that
/// never closes) come back with an ``CSVRecord/problem`` so the loader can reject them and go on.
///
/// CSV libraries measured on this machine ran at 17–31k rows/s (issue 3's figures), two orders of
/// magnitude below this parser, which is why tally has its own.
struct CSVParser {
    private var source: any ByteSource
    private var chunk: ArraySlice<UInt8> = []
    private var position: Int = 0
    private var isFinished = false
    private var isAtFileStart = true
    /// The physical line the parser is on (1-based).
    private var line = 1
    /// What the lines of the file became, for the load's accounting check: every physical line is
    /// part of a record (its first line or a line break inside a quoted field) or blank.
    private(set) var recordsEmitted = 0
    private(set) var blankLines = 0
    private(set) var quotedLineBreaks = 0
    private var endedWithPartialLine = false

    /// Physical lines read so far: line ends seen, plus a last line without one.
    var physicalLines: Int { line - 1 + (endedWithPartialLine ? 1 : 0) }

    init(source: any ByteSource) {
        self.source = source
    }

    var bytesReadFromDisk: Int64 { source.bytesReadFromDisk }

    private enum State {
        case fieldStart, unquoted, quoted, quoteInQuoted, afterClosingQuote
    }

    /// Reads the next record into `record` (reusing its storage); false at the end of the input.
    mutating func next(into record: inout CSVRecord) throws -> Bool {
        record.reset(line: line)
        var state = State.fieldStart
        var sawAnyByte = false
        while true {
            if position == chunk.endIndex {
                guard !isFinished, let next = try source.nextChunk() else {
                    isFinished = true
                    return finishAtEndOfInput(&record, state: state, sawAnyByte: sawAnyByte)
                }
                chunk = next
                position = chunk.startIndex
                if isAtFileStart {
                    isAtFileStart = false
                    if chunk.count >= 3, chunk[position] == 0xEF, chunk[position + 1] == 0xBB,
                        chunk[position + 2] == 0xBF
                    {
                        position += 3
                    }
                }
                continue
            }
            let byte = chunk[position]
            position += 1
            switch state {
            case .fieldStart:
                if byte == UInt8(ascii: "\"") {
                    state = .quoted
                    record.markQuoted()
                    sawAnyByte = true
                } else if byte == UInt8(ascii: ",") {
                    record.endField()
                    sawAnyByte = true
                } else if Self.isLineEnd(byte) {
                    try passLineEnd(byte)
                    if !sawAnyByte {
                        record.reset(line: line)  // a blank line is not a record
                        blankLines += 1
                        continue
                    }
                    record.endField()
                    recordsEmitted += 1
                    return true
                } else {
                    record.append(byte)
                    state = .unquoted
                    sawAnyByte = true
                }
            case .unquoted:
                if byte == UInt8(ascii: ",") {
                    record.endField()
                    state = .fieldStart
                } else if Self.isLineEnd(byte) {
                    try passLineEnd(byte)
                    record.endField()
                    recordsEmitted += 1
                    return true
                } else {
                    if byte == UInt8(ascii: "\"") {
                        record.noteProblem(.quoteInUnquotedField)
                    }
                    record.append(byte)
                }
            case .quoted:
                if byte == UInt8(ascii: "\"") {
                    state = .quoteInQuoted
                } else {
                    if byte == UInt8(ascii: "\n") {
                        line += 1
                        quotedLineBreaks += 1
                    }
                    record.append(byte)
                }
            case .quoteInQuoted:
                if byte == UInt8(ascii: "\"") {
                    record.append(byte)
                    state = .quoted
                } else if byte == UInt8(ascii: ",") {
                    record.endField()
                    state = .fieldStart
                } else if Self.isLineEnd(byte) {
                    try passLineEnd(byte)
                    record.endField()
                    recordsEmitted += 1
                    return true
                } else {
                    record.noteProblem(.textAfterClosingQuote)
                    record.append(byte)
                    state = .afterClosingQuote
                }
            case .afterClosingQuote:
                if byte == UInt8(ascii: ",") {
                    record.endField()
                    state = .fieldStart
                } else if Self.isLineEnd(byte) {
                    try passLineEnd(byte)
                    record.endField()
                    recordsEmitted += 1
                    return true
                } else {
                    record.append(byte)
                }
            }
        }
    }

    private mutating func finishAtEndOfInput(_ record: inout CSVRecord, state: State, sawAnyByte: Bool) -> Bool {
        guard sawAnyByte else { return false }
        if state == .quoted { record.noteProblem(.unterminatedQuote) }
        // Inside a quote the last byte may be the line break that ended the file's last line.
        endedWithPartialLine = !(state == .quoted && record.bytes.last == UInt8(ascii: "\n"))
        record.endField()
        recordsEmitted += 1
        return true
    }

    @inline(__always)
    private static func isLineEnd(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    /// Counts the line that `byte` (LF, or CR with an optional LF after it) ends.
    @inline(__always)
    private mutating func passLineEnd(_ byte: UInt8) throws {
        if byte == UInt8(ascii: "\r") { try skipLineFeed() }
        line += 1
    }

    /// After a CR, consumes an LF that follows (CRLF) when it is already in the current chunk or
    /// the next one. A read error there is the caller's, like any other read error.
    private mutating func skipLineFeed() throws {
        if position == chunk.endIndex, !isFinished {
            if let next = try source.nextChunk() {
                chunk = next
                position = chunk.startIndex
            } else {
                isFinished = true
                return
            }
        }
        if position < chunk.endIndex, chunk[position] == UInt8(ascii: "\n") { position += 1 }
    }
}

/// One CSV record: its fields' bytes back to back, with their boundaries and quoting.
struct CSVRecord {
    enum Problem: Equatable {
        case unterminatedQuote
        case textAfterClosingQuote
        case quoteInUnquotedField
    }

    /// The physical line where the record starts (1-based).
    private(set) var line = 1
    private(set) var bytes: [UInt8] = []
    private(set) var fieldEnds: [Int] = []
    private(set) var quoted: [Bool] = []
    private(set) var problem: Problem?
    private var currentQuoted = false

    init() {
        bytes.reserveCapacity(4096)
    }

    var fieldCount: Int { fieldEnds.count }

    mutating func reset(line: Int) {
        self.line = line
        bytes.removeAll(keepingCapacity: true)
        fieldEnds.removeAll(keepingCapacity: true)
        quoted.removeAll(keepingCapacity: true)
        problem = nil
        currentQuoted = false
    }

    @inline(__always) mutating func append(_ byte: UInt8) { bytes.append(byte) }
    mutating func markQuoted() { currentQuoted = true }
    mutating func noteProblem(_ problem: Problem) { if self.problem == nil { self.problem = problem } }

    mutating func endField() {
        fieldEnds.append(bytes.count)
        quoted.append(currentQuoted)
        currentQuoted = false
    }

    /// The bytes of field `index`.
    func field(_ index: Int) -> ArraySlice<UInt8> {
        let start = index == 0 ? 0 : fieldEnds[index - 1]
        return bytes[start..<fieldEnds[index]]
    }

    /// Field `index` as a `String`, or nil when it is not valid UTF-8.
    ///
    /// ASCII fields, nearly all of an export, skip the generic validating initializer: on the hot
    /// path its generic-metadata lookups cost ~5% of a load.
    func text(_ index: Int) -> String? {
        let start = index == 0 ? 0 : fieldEnds[index - 1]
        let end = fieldEnds[index]
        return bytes.withUnsafeBufferPointer { buffer -> String? in
            let field = UnsafeBufferPointer(rebasing: buffer[start..<end])
            var isASCII = true
            for byte in field where byte >= 0x80 {
                isASCII = false
                break
            }
            if isASCII {
                return String(unsafeUninitializedCapacity: field.count) { target in
                    _ = target.initialize(fromContentsOf: field)
                    return field.count
                }
            }
            return String(validating: field, as: UTF8.self)
        }
    }

    /// True when field `index` is SQL NULL: empty and unquoted.
    func isNull(_ index: Int) -> Bool {
        !quoted[index] && field(index).isEmpty
    }
}
