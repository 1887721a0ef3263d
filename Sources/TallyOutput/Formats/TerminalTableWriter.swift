import Foundation

/// An aligned plain-text table for reading on a terminal.
///
/// Numbers align right, text left; NULL shows as an empty cell. Line breaks and tabs inside a
/// value show as `\n` and `\t` so that one row stays one line. Cells are padded by display width
/// (``DisplayWidth``), so `東京ファネル` or an emoji does not shift the columns after it.
///
/// Which columns: ``columns`` when given (`--columns`), else every column with ``showsAllColumns``
/// (`--all-columns`), else the table's default selection — the columns a reader scans first. With a
/// ``maximumWidth`` (`$COLUMNS`), trailing columns that do not fit are left out and a last line
/// says which; CSV and JSON always carry every column.
public struct TerminalTableWriter: ReportWriter {
    public var columns: [String]?
    public var showsAllColumns: Bool
    public var maximumWidth: Int?

    public init(columns: [String]? = nil, showsAllColumns: Bool = false, maximumWidth: Int? = nil) {
        self.columns = columns
        self.showsAllColumns = showsAllColumns
        self.maximumWidth = maximumWidth
    }

    public func render(_ table: ReportTable) -> String {
        let wanted = columns ?? (showsAllColumns ? table.columns : table.defaultColumns)
        var selected = wanted.compactMap { table.columns.firstIndex(of: $0) }
        let cells: [[String]] = table.rows.map { row in row.map { Self.visible($0.plainText ?? "") } }
        let widths = table.columns.indices.map { column in
            cells.reduce(DisplayWidth.of(table.columns[column])) { max($0, DisplayWidth.of($1[column])) }
        }
        if let maximumWidth {
            // Keep at least one column; drop from the right until the line fits.
            while selected.count > 1,
                selected.map({ widths[$0] }).reduce(0, +) + 2 * (selected.count - 1) > maximumWidth
            {
                selected.removeLast()
            }
        }
        let numeric = table.columns.indices.map { column in
            !table.rows.isEmpty && table.rows.allSatisfy { $0[column] == .null || $0[column].isNumeric }
        }
        func line(_ values: [String]) -> String {
            selected.map { column in
                let value = values[column]
                let padding = String(repeating: " ", count: max(0, widths[column] - DisplayWidth.of(value)))
                return numeric[column] ? padding + value : value + padding
            }
            .joined(separator: "  ")
            .trimmingTrailingSpaces() + "\n"
        }
        var output = line(table.columns)
        output += selected.map { String(repeating: "-", count: widths[$0]) }.joined(separator: "  ") + "\n"
        for row in cells { output += line(row) }
        if table.rows.isEmpty { output += "(no rows)\n" }
        let hidden = table.columns.filter { !selected.map { table.columns[$0] }.contains($0) }
        if !hidden.isEmpty {
            output +=
                "(\(hidden.count) more column\(hidden.count == 1 ? "" : "s"): \(hidden.joined(separator: ", ")); "
                + "--all-columns, --columns a,b or --format csv show them)\n"
        }
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
