import TallyLoad

/// One source table read with `COPY (SELECT …) TO STDOUT (FORMAT csv, HEADER)`: to the loader, a
/// CSV file like any other (the same parser, conversion and rejects).
///
/// COPY was measured against a cursor of text rows (docs/LOADING.md): it streams rows without a
/// round trip per batch, in the CSV dialect the file loader already reads.
final class CopyStream: StreamedInput, @unchecked Sendable {
    let table: String
    let name: String
    let formatName = "postgresql-copy-csv"
    let estimatedBytes: Int64
    private let sql: String
    private let connection: PostgresConnection

    init(table: String, name: String, sql: String, estimatedBytes: Int64, connection: PostgresConnection) {
        self.table = table
        self.name = name
        self.sql = sql
        self.estimatedBytes = estimatedBytes
        self.connection = connection
    }

    func open() throws -> any ByteSource {
        try connection.startCopy(sql)
        return CopyByteSource(connection: connection)
    }
}

/// The rows of a running COPY, gathered into chunks of about 256 KiB (one libpq call per row).
final class CopyByteSource: ByteSource {
    private let connection: PostgresConnection
    private var buffer: [UInt8] = []
    private var ended = false
    private(set) var bytesReadFromDisk: Int64 = 0
    private static let chunkSize = 256 << 10

    init(connection: PostgresConnection) {
        self.connection = connection
        buffer.reserveCapacity(Self.chunkSize + (64 << 10))
    }

    func nextChunk() throws -> ArraySlice<UInt8>? {
        guard !ended else { return nil }
        buffer.removeAll(keepingCapacity: true)
        while buffer.count < Self.chunkSize {
            guard try connection.nextCopyRow(into: &buffer) else {
                ended = true
                break
            }
        }
        bytesReadFromDisk += Int64(buffer.count)
        return buffer.isEmpty ? nil : buffer[...]
    }
}
