import TallyOutput

/// Reads a report table's cells by column name, for the HTML pages' charts.
///
/// Charts are drawn from the same table CSV and JSON print, so a chart can never show a number
/// the table does not carry. A column the table lacks reads as null, and is remembered: the page
/// then says which columns its charts asked for and did not find (``unknownColumns``), so a renamed
/// column never silently draws nothing — and the pinned HTML goldens change when one goes missing.
public struct TableLookup {
    public let table: ReportTable
    private let index: [String: Int]
    private let misses = MissedColumns()

    /// Names a chart asked for that the table has no column for, sorted.
    public var unknownColumns: [String] { misses.names.sorted() }

    /// A lookup over `table`'s columns by name.
    public init(_ table: ReportTable) {
        self.table = table
        index = Dictionary(table.columns.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The cell of `column` in `row`; null when the table has no such column.
    public func value(_ row: [ReportValue], _ column: String) -> ReportValue {
        guard let position = index[column] else {
            misses.names.insert(column)
            return .null
        }
        return row[position]
    }

    /// The cell as plain text (empty for null).
    public func text(_ row: [ReportValue], _ column: String) -> String { value(row, column).plainText ?? "" }

    /// A numeric cell as a double, for drawing only (exact values stay in the tables).
    public func number(_ row: [ReportValue], _ column: String) -> Double? {
        let cell = value(row, column)
        guard cell.isNumeric, let text = cell.plainText else { return nil }
        return Double(text)
    }

    /// Whether the cell is the boolean true.
    public func flag(_ row: [ReportValue], _ column: String) -> Bool { value(row, column) == .bool(true) }

    /// Rows grouped by the values of `columns`, groups in first-appearance order (the report's order).
    public func groups(by columns: [String]) -> [(key: [String], rows: [[ReportValue]])] {
        var order: [[String]] = []
        var rows: [[String]: [[ReportValue]]] = [:]
        for row in table.rows {
            let key = columns.map { text(row, $0) }
            if rows[key] == nil { order.append(key) }
            rows[key, default: []].append(row)
        }
        return order.map { ($0, rows[$0]!) }
    }

    /// A smaller table of `columns` over `rows`: the numbers beside a chart.
    public func subtable(_ rows: [[ReportValue]], columns: [String]) -> ReportTable {
        ReportTable(columns: columns, rows: rows.map { row in columns.map { value(row, $0) } })
    }
}

/// The lookup's memory of missing columns, shared by its copies (a lookup is passed by value).
private final class MissedColumns {
    var names: Set<String> = []
}
