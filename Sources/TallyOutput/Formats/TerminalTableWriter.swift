import Foundation

/// An aligned plain-text table for reading on a terminal.
///
/// Numbers align right, text left; NULL shows as an empty cell. Line breaks and tabs inside a
/// value show as `\n` and `\t` so that one row stays one line. Cells are padded by display width
/// (``DisplayWidth``), so `東京ファネル` or an emoji does not shift the columns after it.
///
/// Which columns: ``columns`` when given (`--columns`), else every column with ``showsAllColumns``
/// (`--all-columns`), else the table's default selection — the columns a reader scans first. With a
/// ``maximumWidth`` (`$COLUMNS`), the last-ranked columns that do not fit are left out and a last
/// line, wrapped to the width, says which; CSV and JSON always carry every column. Cells show
/// ``ReportValue/displayText`` (percentages, money with its currency).
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
        // People read this table: rates as percentages, money with its currency (displayText).
        let cells: [[String]] = table.rows.map { row in row.map { Self.visible($0.displayText ?? "") } }
        // With a width to fit, a header wider than its cells wraps after its underscores (at most
        // three lines), so `chance_to_beat_control` costs 8 columns, not 22.
        let headers: [[String]] = table.columns.indices.map { column in
            let cellWidth = cells.reduce(0) { max($0, DisplayWidth.of($1[column])) }
            return maximumWidth == nil ? [table.columns[column]] : Self.headerLines(table.columns[column], cellWidth)
        }
        let widths = table.columns.indices.map { column in
            cells.reduce(headers[column].map(DisplayWidth.of).max() ?? 0) { max($0, DisplayWidth.of($1[column])) }
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
        var output = ""
        for index in 0..<(selected.map { headers[$0].count }.max() ?? 1) {
            output += line(table.columns.indices.map { index < headers[$0].count ? headers[$0][index] : "" })
        }
        output += selected.map { String(repeating: "-", count: widths[$0]) }.joined(separator: "  ") + "\n"
        for row in cells { output += line(row) }
        if table.rows.isEmpty { output += "(no rows)\n" }
        let hidden = table.columns.filter { !selected.map { table.columns[$0] }.contains($0) }
        if !hidden.isEmpty {
            let footer =
                "(\(hidden.count) more column\(hidden.count == 1 ? "" : "s"): \(hidden.joined(separator: ", ")); "
                + "--all-columns, --columns a,b or --format csv show them)"
            output += Self.wrapped(footer, width: maximumWidth) + "\n"
        }
        return output
    }

    /// A header in lines no wider than its cells need, broken after underscores: as wide as the
    /// widest cell, its longest piece, or a third of the header, whichever is most.
    static func headerLines(_ header: String, _ cellWidth: Int) -> [String] {
        var pieces: [String] = []
        var piece = ""
        for character in header {
            piece.append(character)
            if character == "_" {
                pieces.append(piece)
                piece = ""
            }
        }
        if !piece.isEmpty { pieces.append(piece) }
        let width = max(cellWidth, pieces.map(DisplayWidth.of).max() ?? 0, (DisplayWidth.of(header) + 2) / 3)
        var lines: [String] = []
        var line = ""
        for piece in pieces {
            if !line.isEmpty && DisplayWidth.of(line + piece) > width {
                lines.append(line)
                line = ""
            }
            line += piece
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// `text` broken at spaces into lines no wider than `width` (a word longer than the width
    /// stays whole on its own line); unbroken without a width.
    static func wrapped(_ text: String, width: Int?) -> String {
        guard let width, width > 0 else { return text }
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && DisplayWidth.of(line) + 1 + DisplayWidth.of(String(word)) > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n")
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
