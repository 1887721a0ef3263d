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
    public var id: String { Self.id(kind: kind, scopeKey: scopeKey) }

    /// The ledger id of the close of `kind` and `scopeKey` (`tally_closes.id`): the one place it is made.
    public static func id(kind: String, scopeKey: String) -> String { "\(kind):\(scopeKey)" }

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
