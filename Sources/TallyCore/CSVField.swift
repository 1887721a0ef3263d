/// RFC 4180 quoting of one field, shared by every CSV tally writes.
public enum CSVField {
    /// Quotes `text` when it is empty or holds a comma, quote, CR or LF; doubles inner quotes.
    public static func quote(_ text: String) -> String {
        // Bytes, not Characters: Swift reads "\r\n" as one Character equal to neither "\r" nor "\n"
        // (found by CSVParserFuzzTests: fields holding CRLF went out unquoted).
        let needsQuotes = text.isEmpty || text.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else { return text }
        var output = "\""
        for character in text {
            if character == "\"" { output += "\"\"" } else { output.append(character) }
        }
        return output + "\""
    }
}
