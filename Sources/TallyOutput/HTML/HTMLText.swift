/// Text made safe for HTML: every report value, name and label goes through here.
public enum HTMLText {
    /// Escapes `&`, `<`, `>`, `"` and `'`, so text reads as text in element content and in
    /// double- or single-quoted attributes — a funnel named `<script>` prints as those characters.
    /// Everything else (emoji, right-to-left scripts) passes as UTF-8: the page declares its charset.
    public static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default:
                // C0 controls other than tab and newline are not allowed in HTML or XML text.
                if character.value < 0x20 && character != "\t" && character != "\n" {
                    escaped += "\u{FFFD}"
                } else {
                    escaped.unicodeScalars.append(character)
                }
            }
        }
        return escaped
    }

    /// A fragment identifier made of `[a-z0-9-]` from any text, for links within the page.
    public static func anchor(_ text: String) -> String {
        var slug = ""
        for scalar in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? "section" : slug
    }
}
