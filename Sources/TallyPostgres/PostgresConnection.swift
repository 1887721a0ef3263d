import CLibPQ
import Foundation

/// One libpq connection to the source, used by one thread at a time (the pull's planning on the
/// database thread, then each table's COPY on the loader's producer thread, never both at once).
///
/// libpq does what users of `psql` expect: `postgresql://` and `postgres://` URIs, `PG*`
/// environment variables, `~/.pgpass`, `sslmode`. Every message it returns passes through the
/// source's ``SourceAddress/redact(_:)`` before it reaches an error.
final class PostgresConnection: @unchecked Sendable {
    private let connection: OpaquePointer
    let address: SourceAddress

    /// Connects, or throws ``PullError/cannotConnect(source:reason:)``.
    init(address: SourceAddress) throws {
        guard let connection = PQconnectdb(address.connectionString) else {
            throw PullError.cannotConnect(source: address.display, reason: "out of memory")
        }
        self.connection = connection
        self.address = address
        guard PQstatus(connection) == CONNECTION_OK else {
            // deinit runs for a throwing init whose properties are set: it calls PQfinish, once.
            let reason = lastError
            throw PullError.cannotConnect(source: address.display, reason: reason)
        }
    }

    deinit { PQfinish(connection) }

    /// libpq's last message, one line, credentials removed.
    var lastError: String {
        let text = String(cString: PQerrorMessage(connection))
        let line = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
        return address.redact(line.isEmpty ? "the server gave no reason" : line)
    }

    /// Runs statements that return no rows (`SET`, `BEGIN`).
    func execute(_ sql: String) throws {
        let result = PQexec(connection, sql)
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else { throw failure(result) }
    }

    /// Rows of text (NULL as nil), with `parameters` bound as text ($1, $2, …).
    func query(_ sql: String, _ parameters: [String] = []) throws -> [[String?]] {
        let result = withParameters(parameters) { values in
            PQexecParams(connection, sql, Int32(parameters.count), nil, values, nil, nil, 0)
        }
        defer { PQclear(result) }
        guard PQresultStatus(result) == PGRES_TUPLES_OK else { throw failure(result) }
        return (0..<PQntuples(result)).map { row in
            (0..<PQnfields(result)).map { column in
                PQgetisnull(result, row, column) == 1 ? nil : String(cString: PQgetvalue(result, row, column))
            }
        }
    }

    /// Starts `COPY (…) TO STDOUT`; read its bytes with ``nextCopyRow(into:)``.
    func startCopy(_ sql: String) throws {
        let result = PQexec(connection, sql)
        defer { PQclear(result) }
        guard PQresultStatus(result) == PGRES_COPY_OUT else { throw failure(result) }
    }

    /// Appends the next row of the running COPY to `buffer`; false at its end. A server error or
    /// a dropped connection throws.
    func nextCopyRow(into buffer: inout [UInt8]) throws -> Bool {
        var row: UnsafeMutablePointer<CChar>?
        let length = PQgetCopyData(connection, &row, 0)
        if length > 0, let row {
            defer { PQfreemem(row) }
            row.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
                buffer.append(contentsOf: UnsafeBufferPointer(start: $0, count: Int(length)))
            }
            return true
        }
        if length == -1 {
            // The COPY ended: its result says whether it ended well.
            while let result = PQgetResult(connection) {
                defer { PQclear(result) }
                if PQresultStatus(result) != PGRES_COMMAND_OK { throw failure(result) }
            }
            return false
        }
        throw PullError.connectionLost(source: address.display, reason: lastError)
    }

    /// The error of a failed statement: a lost connection, or the server's message with its SQLSTATE.
    private func failure(_ result: OpaquePointer?) -> PullError {
        if PQstatus(connection) != CONNECTION_OK {
            return .connectionLost(source: address.display, reason: lastError)
        }
        let message = result.map { String(cString: PQresultErrorMessage($0)) } ?? lastError
        let state = result.flatMap { PQresultErrorField($0, Int32(UInt8(ascii: "C"))) }.map { String(cString: $0) }
        return .sourceFailed(
            source: address.display,
            reason: address.redact(message.trimmingCharacters(in: .whitespacesAndNewlines)), sqlState: state)
    }

    private func withParameters<T>(_ parameters: [String], _ body: ([UnsafePointer<CChar>?]) -> T) -> T {
        let copies = parameters.map { strdup($0) }
        defer { for copy in copies { free(copy) } }
        return body(copies.map { UnsafePointer($0) })
    }
}
