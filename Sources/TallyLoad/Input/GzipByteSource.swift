import CZlib
import Foundation

/// Decompresses a gzip stream with zlib, chunk by chunk.
///
/// Concatenated gzip members (what `cat a.gz b.gz` produces) are read as one stream. A stream that
/// ends before its gzip trailer is an error — a truncated export must not load as if it were whole.
final class GzipByteSource: ByteSource {
    private let source: FileByteSource
    /// zlib keeps a pointer back to its `z_stream`, so the stream lives at a fixed heap address.
    private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    private var isStreamOpen = false
    private var input: [UInt8] = []
    private var inputOffset = 0
    private var output: [UInt8]
    private var finishedMember = false
    private var isInputExhausted = false
    private let path: String

    var bytesReadFromDisk: Int64 { source.bytesReadFromDisk }

    init(source: FileByteSource, path: String) throws {
        self.source = source
        self.path = path
        self.output = [UInt8](repeating: 0, count: 1 << 20)
        // 15 + 16: a gzip wrapper (not zlib or raw deflate), the largest window.
        stream.initialize(to: z_stream())
        let status = inflateInit2_(stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            stream.deallocate()
            throw LoadError.corruptGzip(path: path, reason: "zlib init failed (\(status))")
        }
        isStreamOpen = true
    }

    deinit {
        if isStreamOpen { inflateEnd(stream) }
        stream.deallocate()
    }

    func nextChunk() throws -> ArraySlice<UInt8>? {
        while true {
            if inputOffset == input.count {
                if isInputExhausted { break }
                guard let chunk = try source.nextChunk() else {
                    isInputExhausted = true
                    break
                }
                input = Array(chunk)
                inputOffset = 0
            }
            if finishedMember {
                // More bytes after a member's end: the next member of a concatenated file.
                inflateReset(stream)
                finishedMember = false
            }
            let (status, produced, consumed) = inflateStep()
            inputOffset += consumed
            if status == Z_STREAM_END { finishedMember = true }
            if status != Z_OK && status != Z_STREAM_END && status != Z_BUF_ERROR {
                let reason = stream.pointee.msg.map { String(cString: $0) } ?? "zlib status \(status)"
                throw LoadError.corruptGzip(path: path, reason: reason)
            }
            if produced > 0 { return output[0..<produced] }
        }
        // Input is exhausted: flush what zlib still holds, then insist the last member was complete.
        let (status, produced, _) = inflateStep()
        if status == Z_STREAM_END { finishedMember = true }
        if produced > 0 { return output[0..<produced] }
        if !finishedMember && source.bytesReadFromDisk > 0 {
            throw LoadError.truncatedGzip(path: path)
        }
        return nil
    }

    /// One call to `inflate`: returns zlib's status, bytes produced and input bytes consumed.
    private func inflateStep() -> (Int32, Int, Int) {
        let available = input.count - inputOffset
        return input.withUnsafeMutableBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                stream.pointee.next_in = inputBuffer.baseAddress.map { $0 + inputOffset }
                stream.pointee.avail_in = UInt32(available)
                stream.pointee.next_out = outputBuffer.baseAddress
                stream.pointee.avail_out = UInt32(outputBuffer.count)
                let status = inflate(stream, Z_NO_FLUSH)
                let produced = outputBuffer.count - Int(stream.pointee.avail_out)
                let consumed = available - Int(stream.pointee.avail_in)
                return (status, produced, consumed)
            }
        }
    }
}
