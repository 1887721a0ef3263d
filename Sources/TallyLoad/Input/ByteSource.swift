import Crypto
import Foundation

/// A stream of bytes read in chunks: a file as it is on disk, or its gzip-decompressed content.
///
/// Parsers pull chunks; nothing ever holds a whole file in memory.
package protocol ByteSource {
    /// The next chunk, or nil at the end of the stream.
    mutating func nextChunk() throws -> ArraySlice<UInt8>?
    /// Bytes consumed from the file on disk so far (compressed bytes for gzip), for progress.
    var bytesReadFromDisk: Int64 { get }
}

/// Reads a file in 1 MiB chunks, computing its SHA-256 as it goes (the load history records it
/// without a second pass over the file).
final class FileByteSource: ByteSource {
    private let handle: UnsafeMutablePointer<FILE>
    private var buffer: [UInt8]
    private(set) var bytesReadFromDisk: Int64 = 0
    private var hash = SHA256()
    let path: String

    init(path: String, chunkSize: Int = 1 << 20) throws {
        guard let handle = fopen(path, "rb") else {
            throw LoadError.cannotRead(path: path, reason: String(cString: strerror(errno)))
        }
        self.handle = handle
        self.path = path
        self.buffer = [UInt8](repeating: 0, count: chunkSize)
    }

    func nextChunk() throws -> ArraySlice<UInt8>? {
        let count = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, handle) }
        if count == 0 {
            if ferror(handle) != 0 { throw LoadError.cannotRead(path: path, reason: String(cString: strerror(errno))) }
            return nil
        }
        bytesReadFromDisk += Int64(count)
        buffer.withUnsafeBytes { hash.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
        return buffer[0..<count]
    }

    /// Reads whatever the parser left unread (so the digest covers the whole file) and returns the
    /// SHA-256 in hex.
    func finishDigest() throws -> String {
        while try nextChunk() != nil {}
        return Data(hash.finalize()).hexString
    }

    func close() { fclose(handle) }
}
