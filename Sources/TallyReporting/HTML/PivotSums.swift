/// Sums of a number per (row, column) label pair: the data of a grouped bar chart and the table
/// beside it (usage per period and type, invoice amounts per invoice and line kind).
public struct PivotSums {
    private struct Cell: Hashable {
        let row: String
        let column: String
    }

    private var sums: [Cell: Int64] = [:]

    public init() {}

    /// Adds `value` to the cell of `row` and `column`.
    public mutating func add(_ value: Int64, row: String, column: String) {
        sums[Cell(row: row, column: column), default: 0] += value
    }

    /// The cell's sum; nil when nothing was added to it.
    public subscript(row: String, column: String) -> Int64? { sums[Cell(row: row, column: column)] }
}
