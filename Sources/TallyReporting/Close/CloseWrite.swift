import Crypto
import Foundation
import GRDB
import TallyCore
import TallyOutput

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
