import Crypto
import Foundation
import GRDB
import TallyCore
import TallyOutput

/// Everything a close would write, computed before anything is written: the rows, the inputs they
/// were computed from, and the key that makes the close unique (docs/CLOSES.md).
///
/// A report that writes to the store (`--write-results`, affiliate payouts, the billing close)
/// builds a `ClosePlan` and hands it to ``CloseStage``; it never writes rows itself.
public struct ClosePlan: Sendable {
    /// What kind of close: `ab-test-results`, `affiliate-payouts`, `cs-ai-billing`.
    public let kind: String
    /// The documented key: a second close of the same kind and key is a re-run
    /// (e.g. `<testId>|<fromUTC>|<toUTC>`).
    public let scopeKey: String
    /// The `--as-of` instant the close stands for; written into the rows instead of the clock.
    public let asOf: UTCTimestamp.Milliseconds
    /// The inputs the rows were computed from, each with a content hash.
    public let inputs: CloseInputs
    /// The rows the close writes.
    public let writes: [CloseWrite]

    /// A close whose inputs are few enough to hold (payouts, A/B results): they are hashed in
    /// (table, id) byte order, so the hash does not depend on the order a report produced them in.
    public init(
        kind: String, scopeKey: String, asOf: UTCTimestamp.Milliseconds, inputs: [CloseItem], writes: [CloseWrite]
    ) {
        self.init(kind: kind, scopeKey: scopeKey, asOf: asOf, inputs: CloseInputs(held: inputs), writes: writes)
    }

    /// A close whose inputs are streamed from the store (the billing close's usage records).
    public init(
        kind: String, scopeKey: String, asOf: UTCTimestamp.Milliseconds, inputs: CloseInputs, writes: [CloseWrite]
    ) {
        self.kind = kind
        self.scopeKey = scopeKey
        self.asOf = asOf
        self.inputs = inputs
        self.writes = writes.sorted { CloseDigest.precedes(($0.table, $0.id), ($1.table, $1.id)) }
    }

    /// The close's id in the ledger: `<kind>:<scopeKey>`, deterministic.
    public var id: String { "\(kind):\(scopeKey)" }

    /// SHA-256 over every input's table, id and content hash.
    var inputsHash: String { inputs.hash }
    /// SHA-256 over every written row's content.
    var outputsHash: String {
        var digest = CloseDigest()
        for write in writes { digest.add(table: write.table, rowId: write.id, contentHash: write.contentHash) }
        return digest.hex
    }

    /// The rows as a table for output: one per written row, columns of the first written table.
    public var writtenTable: ReportTable {
        guard let first = writes.first else { return ReportTable(columns: ["id"], rows: []) }
        return ReportTable(columns: first.columns, rows: writes.map { $0.values.map(ReportValue.init(storeValue:)) })
    }
}

/// The inputs of a close: how many, their hash, and a way to produce them again, one at a time,
/// in the order they were hashed in — to write them to the ledger or to name what changed.
///
/// A billing close of millions of usage records never holds them: it hashes them as it reads
/// them and reads them again when the ledger is written (inside the same transaction).
public struct CloseInputs: Sendable {
    /// How `hash` is taken over the inputs.
    public enum Hashing: Sendable {
        /// ``CloseDigest`` of every input, in production order.
        case sequence
        /// ``PerTableDigest``: each table's inputs summed in any order (``MultisetDigest``), the
        /// tables in production order; the ledger keeps each table's digest too
        /// (`tally_close_input_digests`), so a later close can compare a table without its items.
        case perTable
    }

    public let count: Int
    public let hash: String
    public let hashing: Hashing
    /// Calls its second argument with every input, in the order `hash` was computed in (per
    /// table: every table's inputs together, tables in order, any order within a table).
    let produce: @Sendable (Database, (CloseItem) throws -> Void) throws -> Void
    /// Per table only: the inputs in the order a sequence hash of them was taken before closes
    /// hashed per table, to recognise a close written then (``CloseStage``); nil: `produce`'s order.
    let produceInSequence: (@Sendable (Database, (CloseItem) throws -> Void) throws -> Void)?

    public init(
        count: Int, hash: String, hashing: Hashing = .sequence,
        produceInSequence: (@Sendable (Database, (CloseItem) throws -> Void) throws -> Void)? = nil,
        produce: @escaping @Sendable (Database, (CloseItem) throws -> Void) throws -> Void
    ) {
        self.count = count
        self.hash = hash
        self.hashing = hashing
        self.produceInSequence = produceInSequence
        self.produce = produce
    }

    /// Held inputs, sorted by (table, id) as bytes (cheaper than String's Unicode ordering).
    init(held items: [CloseItem]) {
        let sorted = items.sorted { CloseDigest.precedes(($0.table, $0.rowId), ($1.table, $1.rowId)) }
        var digest = CloseDigest()
        for item in sorted { digest.add(item) }
        self.init(count: sorted.count, hash: digest.hex) { _, body in try sorted.forEach(body) }
    }
}

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

/// One row a close read (an input) or wrote (an output), by table and id, with a content hash.
public struct CloseItem: Hashable, Sendable {
    public let table: String
    public let rowId: String
    /// SHA-256 hex of the row's content, as the close saw it.
    public let contentHash: String

    public init(table: String, rowId: String, contentHash: String) {
        self.table = table
        self.rowId = rowId
        self.contentHash = contentHash
    }

    /// An input described by its fields, hashed: `CloseItem(table:rowId:fields:)`.
    public init(table: String, rowId: String, fields: [String]) {
        self.init(table: table, rowId: rowId, contentHash: Self.hash(fields))
    }

    /// SHA-256 hex of `parts` joined by U+001E (a separator no field text contains).
    static func hash(_ parts: [String]) -> String {
        Hex.string(SHA256.hash(data: Data(parts.joined(separator: "\u{1E}").utf8)))
    }
}

/// One row a close writes: an upsert by `id` into `table`.
public struct CloseWrite: Sendable {
    public let table: String
    /// Column names, `id` first.
    public let columns: [String]
    public let values: [DatabaseValue]

    public init(table: String, values: [(String, (any DatabaseValueConvertible)?)]) {
        precondition(values.first?.0 == "id", "a written row starts with its id")
        self.table = table
        self.columns = values.map(\.0)
        self.values = values.map { $0.1?.databaseValue ?? .null }
    }

    public var id: String { String.fromDatabaseValue(values[0]) ?? "" }

    /// SHA-256 of the row's columns and values.
    var contentHash: String {
        CloseItem.hash(zip(columns, values).map { "\($0)=\(Self.canonical($1))" })
    }

    /// A value's text with its storage class, so 1 (integer) and '1' (text) hash differently.
    private static func canonical(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: return "n:"
        case .int64(let number): return "i:\(number)"
        case .double(let number): return "r:\(number)"
        case .string(let text): return "t:\(text)"
        case .blob(let data): return "b:\(data.base64EncodedString())"
        }
    }
}

extension ReportValue {
    /// A stored value as a report cell: integers and text as themselves.
    init(storeValue value: DatabaseValue) {
        switch value.storage {
        case .null: self = .null
        case .int64(let number): self = .integer(number)
        case .double(let number): self = .statistic(number)
        case .string(let text): self = .text(text)
        case .blob(let data): self = .text(data.base64EncodedString())
        }
    }
}
