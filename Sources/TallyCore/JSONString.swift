/// JSON string literals, written the same way everywhere tally writes JSON (report output, stored
/// JSONB, generated NDJSON): quotes, backslashes and control characters escaped, all other Unicode
/// kept as UTF-8. Never changes, so committed expected outputs stay byte-identical.
public enum JSONString {
    /// `text` as a JSON string literal, quotes included.
    public static func quoted(_ text: String) -> String {
        var output = "\""
        append(text, to: &output)
        return output + "\""
    }

    /// Appends the escaped body of `text` (without quotes) to `output`.
    public static func append(_ text: String, to output: inout String) {
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case let s where s.value < 0x20:
                let hex = String(s.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
    }
}
