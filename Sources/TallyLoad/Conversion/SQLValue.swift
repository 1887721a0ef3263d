/// A value bound into the store.
enum SQLValue: Equatable, Sendable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
}

/// One input field before conversion: CSV gives NULL or text, NDJSON and JSON arrays give JSON.
enum FieldInput: Sendable {
    case null
    case text(String)
    case json(JSONValue)
}

/// The outcome of converting one field.
enum Conversion {
    case value(SQLValue)
    /// Stored, but worth a look (affiliate money rounded to the currency's decimals).
    case valueWithWarning(SQLValue, String)
    case reject(RejectReason, String)
}
