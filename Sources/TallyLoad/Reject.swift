/// The closed set of reasons a row is rejected. Each has a stable code written in rejects files.
public enum RejectReason: String, CaseIterable, Sendable {
    /// The record has more or fewer fields than the header.
    case fieldCount = "field_count"
    /// A quoted field never closes before the end of the file.
    case unterminatedQuote = "unterminated_quote"
    /// Text after a closing quote, or a quote inside an unquoted field.
    case badQuote = "bad_quote"
    /// A field is not valid UTF-8.
    case invalidUTF8 = "invalid_utf8"
    /// The row has no id.
    case missingID = "missing_id"
    /// NULL in a column production declares NOT NULL without a default.
    case nullValue = "null_value"
    /// Not a timestamp tally reads, or more precise than milliseconds.
    case badTimestamp = "bad_timestamp"
    /// Not a number of the column's kind.
    case badNumber = "bad_number"
    /// A DECIMAL(p,s) value with non-zero digits beyond s decimals.
    case tooManyDecimals = "too_many_decimals"
    /// Beyond the column's precision, or beyond 64 bits.
    case outOfRange = "out_of_range"
    /// A negative value where production never writes one (counts, quantities, durations).
    case negativeValue = "negative_value"
    /// Not one of t/f, true/false, 1/0 (and yes/no, on/off).
    case badBoolean = "bad_boolean"
    /// Not one of the enum's values.
    case unknownEnum = "unknown_enum"
    /// Invalid JSON in a JSONB column, or an NDJSON line that is not JSON.
    case invalidJSON = "invalid_json"
    /// A malformed PostgreSQL array literal.
    case badArray = "bad_array"
    /// An NDJSON line or JSON array element that is not an object.
    case notAnObject = "not_an_object"
    /// A JSON value of the wrong kind for the column (an object where a number belongs).
    case wrongType = "wrong_type"
    /// The same id earlier in the same file with different content.
    case duplicateID = "duplicate_id"
    /// A foreign key points at a row that is not in the store.
    case orphan = "orphan"
    /// Another constraint of the store refused the row (a unique index).
    case constraint = "constraint"
    /// An NDJSON or JSON-array object names the same column twice.
    case duplicateKey = "duplicate_key"
    /// Text holds a NUL character, which SQLite would cut the text at when reading it back.
    case nulCharacter = "nul_character"
    /// A `currency` that is not three upper-case letters.
    case badCurrency = "bad_currency"
    /// A company `timezone` that is not an IANA time zone: every report and close of the company
    /// needs its local days.
    case badTimezone = "bad_timezone"
    /// A negative amount where production's meaning forbids one (order totals, commissions).
    case negativeAmount = "negative_amount"

    /// One line for the documentation.
    public var meaning: String {
        switch self {
        case .fieldCount: return "the record has more or fewer fields than the header"
        case .unterminatedQuote: return "a quoted field never closes before the end of the file"
        case .badQuote: return "text after a closing quote, or a quote inside an unquoted field"
        case .invalidUTF8: return "a field is not valid UTF-8"
        case .missingID: return "the row has no id"
        case .nullValue: return "NULL in a NOT NULL column that has no default"
        case .badTimestamp: return "not a timestamp tally reads, or more precise than milliseconds"
        case .badNumber: return "not a number of the column's kind"
        case .tooManyDecimals: return "a DECIMAL(p,s) value with non-zero digits beyond s decimals"
        case .outOfRange: return "beyond the column's precision or 64 bits"
        case .negativeValue: return "a negative count, quantity or duration"
        case .badBoolean: return "not t/f, true/false, 1/0, yes/no or on/off"
        case .unknownEnum: return "not one of the enum's values"
        case .invalidJSON: return "invalid JSON (JSONB column, NDJSON line or array element)"
        case .badArray: return "a malformed PostgreSQL array literal"
        case .notAnObject: return "an NDJSON line or JSON array element that is not an object"
        case .wrongType: return "a JSON value of the wrong kind for the column"
        case .duplicateID: return "the same id earlier in the file with different content"
        case .orphan: return "a foreign key points at a row that is not in the store"
        case .constraint: return "another store constraint (a unique index) refused the row"
        case .duplicateKey: return "a JSON object names the same column twice"
        case .nulCharacter: return "text holds a NUL character (U+0000), which SQLite cuts text at"
        case .badCurrency: return "a currency that is not an ISO 4217 code (three upper-case letters)"
        case .badTimezone: return "a company time zone that is not an IANA time zone (America/New_York, UTC)"
        case .negativeAmount: return "a negative order total, commission or refund amount"
        }
    }
}

/// One rejected row: where it is, which column and value, why, and a sentence for a person.
///
/// Modeled on DuckDB's CSV rejects table and GRDB's `RowDecodingError`: every field is asserted by
/// the tests, and the rejects file (`--rejects`) has one CSV line per record.
public struct Reject: Equatable, Sendable {
    public let file: String
    public let line: Int
    /// The column, or nil when the whole record is at fault.
    public let column: String?
    /// The offending value as read (sensitive values are redacted unless `--keep-sensitive`).
    public let value: String?
    public let reason: RejectReason
    public let message: String

    public init(file: String, line: Int, column: String?, value: String?, reason: RejectReason, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.value = value
        self.reason = reason
        self.message = message
    }
}

/// A value that loaded but deserves a look: affiliate money with more digits than its currency has.
public struct LoadWarning: Equatable, Sendable {
    public let file: String
    public let line: Int
    public let column: String
    public let value: String
    public let message: String
}
