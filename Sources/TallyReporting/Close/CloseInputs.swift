import Crypto
import Foundation
import GRDB
import TallyCore
import TallyOutput

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
