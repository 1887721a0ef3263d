import Crypto
import Foundation
import GRDB
import TallyCore
import TallyOutput

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
