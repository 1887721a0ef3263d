import Crypto
import Foundation

/// A table's rows arriving as a stream of CSV bytes instead of a file: a PostgreSQL
/// `COPY … TO STDOUT (FORMAT csv, HEADER)` read by TallyPostgres. The loader treats it as one more
/// byte source — the same parser, validation, rejects, sensitive-data handling and transaction as
/// a file (docs/LOADING.md, "Pulling from PostgreSQL").
package protocol StreamedInput: AnyObject, Sendable {
    /// The table the rows go to.
    var table: String { get }
    /// What rejects and the load history call the source (`public.orders`).
    var name: String { get }
    /// What `tally_load_files.format` records (`postgresql-copy-csv`).
    var formatName: String { get }
    /// A size estimate in bytes (the source table's), for the choice to build indexes after the rows.
    var estimatedBytes: Int64 { get }
    /// Opens the stream; called once, on the loader's producer thread.
    func open() throws -> any ByteSource
}

/// One stream of a load: `Loader.load(streams:options:sink:)`.
package struct StreamedTable {
    package let input: any StreamedInput

    package init(_ input: any StreamedInput) { self.input = input }
}

/// Passes a stream's chunks through, hashing them (the load history's `sha256` of what was read).
final class DigestingByteSource: ByteSource {
    private var source: any ByteSource
    private var hash = SHA256()
    private(set) var bytesReadFromDisk: Int64 = 0

    init(_ source: any ByteSource) { self.source = source }

    func nextChunk() throws -> ArraySlice<UInt8>? {
        guard let chunk = try source.nextChunk() else { return nil }
        bytesReadFromDisk += Int64(chunk.count)
        chunk.withUnsafeBytes { hash.update(bufferPointer: $0) }
        return chunk
    }

    /// Drains what the parser left unread and returns the SHA-256 in hex.
    func finishDigest() throws -> String {
        while try nextChunk() != nil {}
        return Data(hash.finalize()).hexString
    }
}
