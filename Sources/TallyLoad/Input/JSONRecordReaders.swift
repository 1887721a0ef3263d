/// Reads NDJSON (`row_to_json` output): one JSON value per line; blank lines are skipped.
struct NDJSONReader {
    private var source: any ByteSource
    private var chunk: ArraySlice<UInt8> = []
    private var position = 0
    private var isFinished = false
    private var line = 0
    private var lineBytes: [UInt8] = []

    init(source: any ByteSource) {
        self.source = source
    }

    var bytesReadFromDisk: Int64 { source.bytesReadFromDisk }

    /// The next non-blank line: its number (1-based) and bytes without the line end.
    mutating func nextLine() throws -> (line: Int, bytes: [UInt8])? {
        while true {
            lineBytes.removeAll(keepingCapacity: true)
            var sawLineEnd = false
            while !sawLineEnd {
                if position == chunk.endIndex {
                    guard !isFinished, let next = try source.nextChunk() else {
                        isFinished = true
                        break
                    }
                    chunk = next
                    position = chunk.startIndex
                    if line == 0, chunk.count >= 3, chunk[position] == 0xEF, chunk[position + 1] == 0xBB,
                        chunk[position + 2] == 0xBF
                    {
                        position += 3
                    }
                    continue
                }
                let slice = chunk[position...]
                if let newline = slice.firstIndex(of: UInt8(ascii: "\n")) {
                    lineBytes.append(contentsOf: chunk[position..<newline])
                    position = newline + 1
                    sawLineEnd = true
                } else {
                    lineBytes.append(contentsOf: slice)
                    position = chunk.endIndex
                }
            }
            if !sawLineEnd && lineBytes.isEmpty { return nil }
            line += 1
            if lineBytes.last == UInt8(ascii: "\r") { lineBytes.removeLast() }
            if lineBytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                if !sawLineEnd { return nil }
                continue
            }
            return (line, lineBytes)
        }
    }
}

/// Reads a JSON array of objects (a Prisma `findMany` dump) one element at a time.
///
/// It splits top-level elements by scanning brackets and strings, so only one element is in
/// memory at a time; each element then goes through ``JSONParser``.
struct JSONArrayReader {
    private var source: any ByteSource
    private var chunk: ArraySlice<UInt8> = []
    private var position = 0
    private var isFinished = false
    private var line = 1
    private var hasOpened = false
    private var hasClosed = false
    let path: String

    init(source: any ByteSource, path: String) {
        self.source = source
        self.path = path
    }

    var bytesReadFromDisk: Int64 { source.bytesReadFromDisk }

    private mutating func nextByte() throws -> UInt8? {
        if position == chunk.endIndex {
            guard !isFinished, let next = try source.nextChunk() else {
                isFinished = true
                return nil
            }
            chunk = next
            position = chunk.startIndex
        }
        let byte = chunk[position]
        position += 1
        if byte == UInt8(ascii: "\n") { line += 1 }
        return byte
    }

    private mutating func nextNonSpace() throws -> UInt8? {
        while let byte = try nextByte() {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { continue }
            if byte == 0xEF || byte == 0xBB || byte == 0xBF, !hasOpened { continue }  // BOM
            return byte
        }
        return nil
    }

    /// The next element: the line where it starts and its bytes; nil after the closing `]`.
    mutating func nextElement() throws -> (line: Int, bytes: [UInt8])? {
        if hasClosed { return nil }
        if !hasOpened {
            guard let first = try nextNonSpace() else { throw LoadError.emptyFile(path: path) }
            guard first == UInt8(ascii: "[") else {
                throw LoadError.malformedFile(path: path, line: line, reason: "a JSON array file must start with '['")
            }
            hasOpened = true
            guard let byte = try nextNonSpace() else {
                throw LoadError.malformedFile(path: path, line: line, reason: "the JSON array is not closed")
            }
            if byte == UInt8(ascii: "]") {
                hasClosed = true
                return nil
            }
            return try readElement(startingWith: byte)
        }
        guard let separator = try nextNonSpace() else {
            throw LoadError.malformedFile(
                path: path, line: line, reason: "the JSON array is not closed (file truncated?)")
        }
        if separator == UInt8(ascii: "]") {
            hasClosed = true
            if let extra = try nextNonSpace() {
                throw LoadError.malformedFile(
                    path: path, line: line, reason: "text after the closing ']' (\(Character(UnicodeScalar(extra))))")
            }
            return nil
        }
        guard separator == UInt8(ascii: ",") else {
            throw LoadError.malformedFile(path: path, line: line, reason: "expected ',' or ']' between array elements")
        }
        guard let first = try nextNonSpace() else {
            throw LoadError.malformedFile(
                path: path, line: line, reason: "the JSON array is not closed (file truncated?)")
        }
        return try readElement(startingWith: first)
    }

    private mutating func readElement(startingWith first: UInt8) throws -> (line: Int, bytes: [UInt8]) {
        let startLine = line
        var bytes: [UInt8] = [first]
        var depth = (first == UInt8(ascii: "{") || first == UInt8(ascii: "[")) ? 1 : 0
        var inString = first == UInt8(ascii: "\"")
        var escaped = false
        // Scalars (numbers, literals) end at the next separator, which stays unread.
        if depth == 0 && !inString {
            while position < chunk.endIndex || !isFinished {
                if position == chunk.endIndex {
                    guard let next = try source.nextChunk() else {
                        isFinished = true
                        break
                    }
                    chunk = next
                    position = chunk.startIndex
                }
                let byte = chunk[position]
                if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]") || byte == 0x20 || byte == 0x0A
                    || byte == 0x0D
                    || byte == 0x09
                {
                    break
                }
                bytes.append(byte)
                position += 1
            }
            return (startLine, bytes)
        }
        while depth > 0 || inString {
            guard let byte = try nextByte() else {
                throw LoadError.malformedFile(
                    path: path, line: startLine,
                    reason: "the array element starting here is not closed (file truncated?)")
            }
            bytes.append(byte)
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
            } else if byte == UInt8(ascii: "\"") {
                inString = true
            } else if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
                depth += 1
            } else if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") {
                depth -= 1
            }
        }
        return (startLine, bytes)
    }
}
