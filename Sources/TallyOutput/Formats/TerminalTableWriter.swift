import Foundation

/// An aligned plain-text table for reading on a terminal.
///
/// Numbers align right, text left; NULL shows as an empty cell. Line breaks and tabs inside a
/// value show as `\n` and `\t` so that one row stays one line. Width counts characters (grapheme
/// clusters); East Asian wide characters take two columns on most terminals and may misalign.
public struct TerminalTableWriter: ReportWriter {
    public init() {}

    public func render(_ table: ReportTable) -> String {
        let cells: [[String]] = table.rows.map { row in row.map { Self.visible($0.plainText ?? "") } }
        var widths = table.columns.map(\.count)
        for row in cells {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        func line(_ values: [String], rightAligned: [Bool]) -> String {
            zip(values, zip(widths, rightAligned)).map { value, layout in
                let padding = String(repeating: " ", count: layout.0 - value.count)
                return layout.1 ? padding + value : value + padding
            }
            .joined(separator: "  ")
            .trimmingTrailingSpaces() + "\n"
        }
        let numericColumns = table.columns.indices.map { column in
            !table.rows.isEmpty && table.rows.allSatisfy { $0[column] == .null || $0[column].isNumeric }
        }
        var output = line(table.columns, rightAligned: numericColumns)
        output += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for row in cells { output += line(row, rightAligned: numericColumns) }
        if table.rows.isEmpty { output += "(no rows)\n" }
        return output
    }

    static func visible(_ text: String) -> String {
        text.replacingOccurrences(of: "\r", with: "\\r")
            .replacingOccurrences(of: "\n", with: "\\n")
            .replacingOccurrences(of: "\t", with: "\\t")
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
