import Crypto
import Foundation
import TallyCore

/// An order-free digest of a set of close inputs: how many, and the sum modulo 2^256 of each
/// input's SHA-256 over `table US rowId US contentHash`, read as a big-endian integer.
///
/// Sums can be taken per company-local day when usage is loaded (the billing rollups) and added up
/// per period when a close runs, without reading a record: the digest of a period is the same
/// whether it is summed record by record or day by day. It detects changes of one's own data, not
/// a forger: sums of hashes are not collision-resistant against someone choosing the inputs.
public struct MultisetDigest: Equatable, Sendable {
    public private(set) var count: Int64
    /// The sum, most significant 64 bits first.
    private var limbs: (UInt64, UInt64, UInt64, UInt64)

    public init() {
        count = 0
        limbs = (0, 0, 0, 0)
    }

    /// A digest stored as its count and 32 big-endian bytes (``bytes``); nil when not 32 bytes.
    public init?(count: Int64, bytes: some Collection<UInt8>) {
        guard bytes.count == 32 else { return nil }
        let array = Array(bytes)
        func limb(_ index: Int) -> UInt64 {
            array[(index * 8)..<(index * 8 + 8)].reduce(0) { $0 << 8 | UInt64($1) }
        }
        self.count = count
        limbs = (limb(0), limb(1), limb(2), limb(3))
    }

    /// A digest as the ledger stores it: its count and 64 hex digits (``hex``); nil when not that.
    public init?(count: Int64, hex: String) {
        let digits = Array(hex.utf8)
        guard digits.count == 64 else { return nil }
        var bytes: [UInt8] = []
        for index in stride(from: 0, to: 64, by: 2) {
            guard let byte = UInt8(String(decoding: digits[index..<index + 2], as: UTF8.self), radix: 16) else {
                return nil
            }
            bytes.append(byte)
        }
        self.init(count: count, bytes: bytes)
    }

    /// Adds one input.
    public mutating func add(table: String, rowId: String, contentHash: String) {
        var item: [UInt8] = []
        Self.appendItem(table: table, rowId: rowId, to: &item)
        item.append(contentsOf: contentHash.utf8)
        add(itemHash: SHA256.hash(data: item))
    }

    /// Adds one input whose content hash is the hex of `digest`, through a reused buffer.
    package mutating func add(table: String, rowId: String, hexOf digest: SHA256Digest, buffer: inout [UInt8]) {
        buffer.removeAll(keepingCapacity: true)
        Self.appendItem(table: table, rowId: rowId, to: &buffer)
        digest.withUnsafeBytes { bytes in
            for byte in bytes {
                buffer.append(Hex.digits[Int(byte >> 4)])
                buffer.append(Hex.digits[Int(byte & 0x0F)])
            }
        }
        add(itemHash: buffer.withUnsafeBytes { SHA256.hash(data: $0) })
    }

    private static func appendItem(table: String, rowId: String, to item: inout [UInt8]) {
        item.append(contentsOf: table.utf8)
        item.append(0x1F)
        item.append(contentsOf: rowId.utf8)
        item.append(0x1F)
    }

    private mutating func add(itemHash: SHA256Digest) {
        let other = itemHash.withUnsafeBytes { bytes in
            (
                bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self).bigEndian,
                bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self).bigEndian,
                bytes.loadUnaligned(fromByteOffset: 16, as: UInt64.self).bigEndian,
                bytes.loadUnaligned(fromByteOffset: 24, as: UInt64.self).bigEndian
            )
        }
        addLimbs(other)
        count += 1
    }

    /// Adds every input of `other` (a day's digest to a period's).
    public mutating func formUnion(_ other: MultisetDigest) {
        addLimbs(other.limbs)
        count += other.count
    }

    /// 256-bit addition, modulo 2^256: least significant limb first, carrying upwards.
    private mutating func addLimbs(_ other: (UInt64, UInt64, UInt64, UInt64)) {
        var carry = false
        func add(_ x: UInt64, _ y: UInt64) -> UInt64 {
            let (sum, overflow) = x.addingReportingOverflow(y)
            let (withCarry, overflowAgain) = sum.addingReportingOverflow(carry ? 1 : 0)
            carry = overflow || overflowAgain
            return withCarry
        }
        let d = add(limbs.3, other.3)
        let c = add(limbs.2, other.2)
        let b = add(limbs.1, other.1)
        let a = add(limbs.0, other.0)
        limbs = (a, b, c, d)
    }

    /// The sum as 32 big-endian bytes (how the rollups store it).
    public var bytes: [UInt8] {
        [limbs.0, limbs.1, limbs.2, limbs.3].flatMap { limb in
            (0..<8).reversed().map { UInt8(truncatingIfNeeded: limb >> ($0 * 8)) }
        }
    }

    public static func == (a: MultisetDigest, b: MultisetDigest) -> Bool {
        a.count == b.count && a.limbs == b.limbs
    }

    /// The sum as lower-case hex (how the ledger stores it).
    public var hex: String { Hex.string(bytes) }
}

/// The inputs of a close hashed per table (``CloseInputs/Hashing/perTable``): each table's
/// ``MultisetDigest`` in production order, then one SHA-256 over `table US count US digest` items.
package struct PerTableDigest {
    private(set) var tables: [(table: String, digest: MultisetDigest)] = []

    mutating func add(_ item: CloseItem) {
        if tables.last?.table != item.table { tables.append((item.table, MultisetDigest())) }
        tables[tables.count - 1].digest.add(table: item.table, rowId: item.rowId, contentHash: item.contentHash)
    }

    var count: Int { tables.reduce(0) { $0 + Int($1.digest.count) } }
    var hex: String { Self.hash(tables) }

    /// The inputs hash of tables' digests, in the order given; a table without inputs adds nothing
    /// (it produces no item to replay).
    package static func hash(_ tables: [(table: String, digest: MultisetDigest)]) -> String {
        var digest = CloseDigest()
        for (table, multiset) in tables where multiset.count > 0 {
            digest.add(table: table, rowId: "\(multiset.count)", contentHash: multiset.hex)
        }
        return digest.hex
    }
}
