/// RFC 4180 quoting of one field, shared by every CSV tally writes.
public enum CSVField {
    /// Quotes `text` when it is empty or holds a comma, quote, CR or LF; doubles inner quotes.
    public static func quote(_ text: String) -> String {
        let needsQuotes = text.isEmpty || text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
        guard needsQuotes else { return text }
        var output = "\""
        for character in text {
            if character == "\"" { output += "\"\"" } else { output.append(character) }
        }
        return output + "\""
    }
}
