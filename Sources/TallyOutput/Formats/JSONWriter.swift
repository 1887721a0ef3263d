import TallyCore

/// A JSON array with one object per row, keys in column order, two-space indentation.
///
/// The encoder is hand-written rather than `JSONEncoder` so that key order, number text and
/// escaping never change between platforms or Foundation versions: expected-output files compare
/// byte for byte. Money is a string (`"12.50"`); statistics are numbers, the shortest text that reads back as the same double.
public struct JSONWriter: ReportWriter {
    public init() {}

    public func render(_ table: ReportTable) -> String {
        guard !table.rows.isEmpty else { return "[]\n" }
        var output = "[\n"
        for (index, row) in table.rows.enumerated() {
            output += "  {\n"
            for (column, (name, value)) in zip(table.columns, row).enumerated() {
                output += "    " + Self.string(name) + ": " + Self.literal(value)
                output += column == table.columns.count - 1 ? "\n" : ",\n"
            }
            output += index == table.rows.count - 1 ? "  }\n" : "  },\n"
        }
        return output + "]\n"
    }

    static func literal(_ value: ReportValue) -> String {
        switch value {
        case .null: return "null"
        case .text(let text): return string(text)
        case .integer(let number): return String(number)
        case .bool(let flag): return flag ? "true" : "false"
        case .money(let money): return string(money.decimalText)
        case .statistic(let number), .rate(let number, _): return StatisticText.roundTrip(number) ?? "null"
        case .number, .decimal: return value.plainText ?? "null"
        }
    }

    /// A JSON string literal (shared escaping rules: `JSONString`).
    static func string(_ text: String) -> String { JSONString.quoted(text) }
}
