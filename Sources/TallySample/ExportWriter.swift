import Foundation
import TallyCore

/// Writes one export file the way PostgreSQL would: `COPY ... CSV HEADER` (NULL as an empty field,
/// the empty string as `""`, quotes only when needed) or `row_to_json` NDJSON. Buffered; streams
/// to disk so generating 10M rows keeps memory flat.
public final class ExportWriter {
    public enum Format: Sendable {
        case csv
        case ndjson
    }

    /// One field value as PostgreSQL would print it.
    public enum Field: Sendable {
        case null
        /// Text; in NDJSON a JSON string.
        case text(String)
        /// A number or boolean literal printed as is (`12.50`, `t` in CSV / `true` in JSON via `.bool`).
        case number(String)
        case bool(Bool)
        /// JSON (a JSONB column): verbatim in CSV, nested in NDJSON.
        case json(String)
        /// A TEXT[] column: `{a,"b c"}` in CSV, a JSON array in NDJSON.
        case textArray([String])
    }

    private let handle: FileHandle
    private let format: Format
    private let columns: [String]
    private var buffer = Data()
    public private(set) var rowsWritten = 0

    public init(path: String, format: Format, columns: [String]) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        self.handle = handle
        self.format = format
        self.columns = columns
        buffer.reserveCapacity(1 << 20)
        if format == .csv {
            buffer.append(contentsOf: columns.map(csvQuote).joined(separator: ",").utf8)
            buffer.append(UInt8(ascii: "\n"))
        }
    }

    public func write(_ fields: [Field]) {
        precondition(fields.count == columns.count)
        var line = ""
        switch format {
        case .csv:
            for (index, field) in fields.enumerated() {
                if index > 0 { line += "," }
                switch field {
                case .null: break
                case .text(let text): line += csvQuote(text)
                case .number(let text): line += text
                case .bool(let flag): line += flag ? "t" : "f"
                case .json(let text): line += csvQuote(text)
                case .textArray(let items): line += csvQuote(postgresArray(items))
                }
            }
        case .ndjson:
            line = "{"
            for (index, (name, field)) in zip(columns, fields).enumerated() {
                if index > 0 { line += "," }
                line += jsonString(name) + ":"
                switch field {
                case .null: line += "null"
                case .text(let text): line += jsonString(text)
                case .number(let text): line += text
                case .bool(let flag): line += flag ? "true" : "false"
                case .json(let text): line += text
                case .textArray(let items): line += "[" + items.map(jsonString).joined(separator: ",") + "]"
                }
            }
            line += "}"
        }
        buffer.append(contentsOf: line.utf8)
        buffer.append(UInt8(ascii: "\n"))
        rowsWritten += 1
        if buffer.count >= 1 << 20 { flush() }
    }

    public func close() {
        flush()
        try? handle.close()
    }

    private func flush() {
        handle.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private func csvQuote(_ text: String) -> String { CSVField.quote(text) }

    /// PostgreSQL array literal: elements quoted when they hold separators, quotes or spaces.
    private func postgresArray(_ items: [String]) -> String {
        "{"
            + items.map { item in
                let needs = item.isEmpty || item.contains { ",{}\" \\".contains($0) } || item.uppercased() == "NULL"
                guard needs else { return item }
                return "\""
                    + item.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                    + "\""
            }.joined(separator: ",") + "}"
    }

    private func jsonString(_ text: String) -> String { JSONString.quoted(text) }

}
