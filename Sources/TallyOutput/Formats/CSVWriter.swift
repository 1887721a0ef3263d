import Foundation
import TallyCore

/// RFC 4180 CSV: a header row, CRLF-free `\n` line ends, fields quoted only when needed.
///
/// NULL is an empty unquoted field and the empty string is `""`, the PostgreSQL CSV convention
/// tally also reads, so a report's CSV can be loaded back without losing the difference.
public struct CSVWriter: ReportWriter {
    public init() {}

    public func render(_ table: ReportTable) -> String {
        var output = table.columns.map(Self.field).joined(separator: ",") + "\n"
        for row in table.rows {
            output += row.map { value in value.plainText.map(Self.field) ?? "" }.joined(separator: ",")
            output += "\n"
        }
        return output
    }

    static func field(_ text: String) -> String { CSVField.quote(text) }
}
