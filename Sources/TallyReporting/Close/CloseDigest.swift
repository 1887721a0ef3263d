import Crypto
import Foundation
import GRDB
import TallyCore
import TallyOutput

/// SHA-256 over (table, id, content hash) triples, fed one by one (no joined copy): the inputs and
/// outputs hashes of the ledger (docs/CLOSES.md).
public struct CloseDigest {
    private var hasher = SHA256()
    /// One item's bytes, reused: a close of millions of inputs allocates nothing per item here.
    private var item: [UInt8] = []
    public private(set) var count = 0

    public init() {}

    public mutating func add(table: String, rowId: String, contentHash: String) {
        startItem(table: table, rowId: rowId)
        item.append(contentsOf: contentHash.utf8)
        finishItem()
    }

    /// An item is `[RS] table US rowId US contentHash`, hashed as one update.
    private mutating func startItem(table: String, rowId: String) {
        item.removeAll(keepingCapacity: true)
        if count > 0 { item.append(0x1E) }
        item.append(contentsOf: table.utf8)
        item.append(0x1F)
        item.append(contentsOf: rowId.utf8)
        item.append(0x1F)
    }

    private mutating func finishItem() {
        item.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        count += 1
    }

    public mutating func add(_ item: CloseItem) {
        add(table: item.table, rowId: item.rowId, contentHash: item.contentHash)
    }

    public var hex: String { Hex.string(hasher.finalize()) }

    static func precedes(_ a: (String, String), _ b: (String, String)) -> Bool {
        a.0 != b.0 ? a.0.utf8.lexicographicallyPrecedes(b.0.utf8) : a.1.utf8.lexicographicallyPrecedes(b.1.utf8)
    }
}
