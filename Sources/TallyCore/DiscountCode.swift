/// Discount codes as reports compare them: one canonical spelling per code.
public enum DiscountCode {
    /// The canonical form of `raw`: Unicode whitespace trimmed at both ends, then full Unicode upper
    /// case (`café` → `CAFÉ`, `straße` → `STRASSE`, Turkish `ı` → `I`), as Swift's `uppercased()`
    /// maps it, independent of locale. Nil when nothing is left: a blank code is no code.
    ///
    /// SQLite's `UPPER` folds ASCII only, which split `café` and `CAFÉ` into two codes; the store
    /// registers this function as `tally_fold_code` so SQL and Swift fold the same way.
    public static func canonical(_ raw: String) -> String? {
        let trimmed = raw.unicodeScalars.drop { $0.properties.isWhitespace }
        let text = String(String.UnicodeScalarView(trimmed.reversed().drop { $0.properties.isWhitespace }.reversed()))
        return text.isEmpty ? nil : text.uppercased()
    }
}
