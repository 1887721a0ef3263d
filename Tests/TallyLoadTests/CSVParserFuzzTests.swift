import Foundation
import TallyCore
import XCTest

@testable import TallyLoad

/// Randomized round trips through the CSV parser: random fields full of separators, quotes, line
/// breaks, CR, empty strings, NULLs and multi-byte characters are written with `CSVField.quote`,
/// cut into chunks of random sizes (so every state meets a chunk boundary), and parsed back.
/// Seeds are fixed: a failure reproduces exactly.
final class CSVParserFuzzTests: XCTestCase {
    /// Feeds bytes in chunks of the given sizes.
    final class ChunkedSource: ByteSource {
        let bytes: [UInt8]
        var sizes: [Int]
        var position = 0
        var bytesReadFromDisk: Int64 { Int64(position) }

        init(bytes: [UInt8], sizes: [Int]) {
            self.bytes = bytes
            self.sizes = sizes
        }

        func nextChunk() throws -> ArraySlice<UInt8>? {
            guard position < bytes.count else { return nil }
            let size = sizes.isEmpty ? 7 : sizes.removeFirst()
            let end = min(bytes.count, position + max(1, size))
            defer { position = end }
            return bytes[position..<end]
        }
    }

    private struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    func testRandomRecordsRoundTrip() throws {
        let alphabet: [String] = ["a", "b", "Z", "0", ",", "\"", "\n", "\r\n", " ", "é", "☕️", "{", "}", "\\", "\t"]
        for seed in 1...300 {
            var random = Generator(state: UInt64(seed))
            let columns = 1 + random.below(5)
            var expected: [[String?]] = []
            var text = (0..<columns).map { "c\($0)" }.joined(separator: ",") + "\n"
            for _ in 0..<(1 + random.below(12)) {
                var record: [String?] = []
                for _ in 0..<columns {
                    if random.below(6) == 0 {
                        record.append(nil)  // NULL: empty and unquoted
                    } else {
                        record.append(
                            (0..<random.below(8)).map { _ in alphabet[random.below(alphabet.count)] }.joined())
                    }
                }
                // A record of one empty field would be a blank line, which is not a record.
                if columns == 1 && record[0] == nil { record[0] = "x" }
                expected.append(record)
                text +=
                    record.map { $0.map(CSVField.quote) ?? "" }.joined(separator: ",")
                    + (random.below(2) == 0 ? "\n" : "\r\n")
            }
            let sizes = (0..<200).map { _ in 1 + random.below(9) }
            var parser = CSVParser(source: ChunkedSource(bytes: Array(text.utf8), sizes: sizes))
            var record = CSVRecord()
            XCTAssertTrue(try parser.next(into: &record), "seed \(seed)")
            var parsed: [[String?]] = []
            while try parser.next(into: &record) {
                XCTAssertNil(record.problem, "seed \(seed)")
                parsed.append((0..<record.fieldCount).map { record.isNull($0) ? nil : record.text($0) })
            }
            XCTAssertEqual(parsed, expected, "seed \(seed): \(text.debugDescription)")
        }
    }

    func testArbitraryBytesNeverCrashOrLoseTrack() throws {
        // Random garbage: the parser must always end, and every record it returns has fields.
        for seed in 1...200 {
            var random = Generator(state: UInt64(seed) &* 7919)
            let bytes = (0..<random.below(300)).map { _ in
                [UInt8(ascii: ","), UInt8(ascii: "\""), 10, 13, 0x41, 0xFF, 0xC3][random.below(7)]
            }
            var parser = CSVParser(
                source: ChunkedSource(bytes: bytes, sizes: (0..<100).map { _ in 1 + random.below(5) }))
            var record = CSVRecord()
            var count = 0
            while try parser.next(into: &record) {
                XCTAssertGreaterThan(record.fieldCount, 0)
                count += 1
                XCTAssertLessThan(count, 1000)
            }
        }
    }

    /// A read error right after a CR that ends a chunk reaches the caller. The parser once
    /// swallowed it there (`try?`) and ended the file early, silently dropping the rest.
    func testAReadErrorAfterACarriageReturnAtAChunkEndIsThrown() throws {
        struct ReadFailure: Error {}
        final class FailingSource: ByteSource {
            var chunks: [ArraySlice<UInt8>] = [ArraySlice(Array("a,b\r".utf8))]
            var bytesReadFromDisk: Int64 { 0 }
            func nextChunk() throws -> ArraySlice<UInt8>? {
                guard !chunks.isEmpty else { throw ReadFailure() }
                return chunks.removeFirst()
            }
        }
        var parser = CSVParser(source: FailingSource())
        var record = CSVRecord()
        XCTAssertThrowsError(try parser.next(into: &record)) { error in
            XCTAssertTrue(error is ReadFailure, "\(error)")
        }
    }
}
