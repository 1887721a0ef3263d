import Foundation
import GRDB
import GRDBSQLite

/// The rows of a prepared statement read straight through SQLite's C API, for the queries of
/// millions of rows (affiliate clicks, CS AI usage records) where Codable and then GRDB's row
/// decoding were most of a report's time.
package enum StatementRows {
    /// Resets `statement` (its arguments already set) and calls `body` with its handle at each row.
    package static func forEach(_ statement: Statement, db: Database, _ body: (SQLiteStatement) throws -> Void) throws {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw DatabaseError(
                    resultCode: ResultCode(rawValue: code),
                    message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: statement.sql)
            }
            try body(handle)
        }
    }

    /// Runs `body` with two sorter helper threads on the connection (`PRAGMA threads = 2`), then
    /// back to SQLite's default of none: for the query that sorts every click. The clicks query at
    /// 10M clicks took 12.6 s with them against 20.0 s without in the sqlite3 shell (issue 12); the
    /// fraud view's distinct IP count gained nothing from them (70.7 s against 69.6 s at 10M).
    package static func withSorterThreads<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        try db.execute(sql: "PRAGMA threads = 2")
        defer { try? db.execute(sql: "PRAGMA threads = 0") }
        return try body()
    }

    /// The text of `column` in the current row; nil when NULL.
    package static func text(_ handle: SQLiteStatement, _ column: Int32) -> String? {
        guard let text = sqlite3_column_text(handle, column) else { return nil }
        return String(
            decoding: UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, column))), as: UTF8.self)
    }
}

/// The strings of a column with few distinct values, each made once.
package struct InternedText {
    package init() {}

    private var values = InternedValues<String>()

    package mutating func string(_ handle: SQLiteStatement, _ column: Int32) -> String {
        values.value(handle, column) { $0 }
    }
}

/// The values of a text column with few distinct values (a production enum), each decoded once:
/// a row's bytes are matched against the values seen so far, so a closed set costs no string
/// building or hashing per row. NULL reads as the empty text.
///
/// Inlinable: a generic called from the domain modules is otherwise not specialized there, and the
/// unspecialized call (a boxed `Value` per row) cost a close of 500,000 records about 15%.
package struct InternedValues<Value> {
    @inlinable package init() {}

    @usableFromInline package var known: [([UInt8], Value)] = []

    @inlinable package mutating func value(_ handle: SQLiteStatement, _ column: Int32, decode: (String) throws -> Value)
        rethrows
        -> Value
    {
        let bytes: UnsafeBufferPointer<UInt8>
        if let text = sqlite3_column_text(handle, column) {
            bytes = UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, column)))
        } else {
            bytes = UnsafeBufferPointer(start: nil, count: 0)
        }
        for (knownBytes, value) in known where sameBytes(bytes, knownBytes) { return value }
        let value = try decode(String(decoding: bytes, as: UTF8.self))
        if known.count < 64 { known.append((Array(bytes), value)) }
        return value
    }
}

/// Whether a column's bytes equal `bytes` (memcmp: the generic `elementsEqual` was 3% of a close).
@inlinable package func sameBytes(_ column: UnsafeBufferPointer<UInt8>, _ bytes: [UInt8]) -> Bool {
    guard column.count == bytes.count else { return false }
    guard let base = column.baseAddress, !bytes.isEmpty else { return true }
    return bytes.withUnsafeBufferPointer { memcmp(base, $0.baseAddress!, bytes.count) == 0 }
}
