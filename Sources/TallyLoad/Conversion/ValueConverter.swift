import Foundation
import TallyCore

/// Converts one input field to the store's form for its column (docs/STORE.md, "Type mapping").
///
/// Every rule here has a unit test in `ValueConverterTests`. Conversion never loses information
/// silently: a value that does not fit is a reject with a reason code; affiliate money rounded to
/// its currency's decimals is stored with a warning.
enum ValueConverter {
    /// Converts `input` for `column`.
    /// - Parameter currencyExponent: decimals of the row's currency, for `MONEY_INTEGER` columns.
    static func convert(_ input: FieldInput, for column: ColumnSpec, currencyExponent: Int) -> Conversion {
        let text: String
        switch input {
        case .null:
            if column.isNotNull {
                return .reject(.nullValue, "\(column.name) is NULL but the column is NOT NULL")
            }
            return .value(.null)
        case .text(let value):
            text = value
        case .json(let json):
            switch (json, column.kind) {
            case (.null, _):
                return convert(.null, for: column, currencyExponent: currencyExponent)
            case (_, .json):
                return .value(.text(json.canonicalText))
            case (.array(let elements), .textArray), (.array(let elements), .numberArray):
                return convertArray(elements, for: column)
            case (.bool(let flag), .boolean):
                return .value(.integer(flag ? 1 : 0))
            case (.string(let value), _):
                text = value
            case (.number(let value), _):
                text = value
            case (.bool(let flag), .text):
                text = flag ? "true" : "false"
            default:
                return .reject(.wrongType, "\(column.name) expects \(column.kind.summary), got JSON \(json.kindName)")
            }
        }
        return convertText(text, for: column, currencyExponent: currencyExponent)
    }

    /// Whether `text` holds a NUL byte: memchr over the string's bytes (the generic `contains` on
    /// its UTF-8 view was a tenth of the producer thread's time at 1M rows; issue 14).
    private static func containsNUL(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, 0, bytes.count) != nil
        } ?? text.utf8.contains(0)
    }

    private static func convertText(_ text: String, for column: ColumnSpec, currencyExponent: Int) -> Conversion {
        // SQLite stores the NUL but C strings end there: the value would read back cut short.
        if containsNUL(text) {
            return .reject(.nulCharacter, "\(column.name) holds a NUL character (U+0000); remove it from the export")
        }
        switch column.kind {
        case .text:
            // Every `currency` column holds an ISO 4217 code: three upper-case letters. Anything
            // else would pick the wrong decimals for every amount of the row, so it is refused.
            if column.name == "currency", !(text.utf8.count == 3 && text.utf8.allSatisfy { (65...90).contains($0) }) {
                return .reject(
                    .badCurrency, "'\(text)' is not an ISO 4217 currency code (three upper-case letters, like USD)")
            }
            if column.name == "currency", !CurrencyExponent.isKnown(text) {
                return .valueWithWarning(
                    .text(text),
                    "currency '\(text)' is not an ISO 4217 currency tally knows; its amounts are read with "
                        + "\(CurrencyExponent.of(text)) decimals")
            }
            if column.isCompanyTimeZone, (try? CompanyTimeZone(identifier: text)) == nil {
                return .reject(
                    .badTimezone,
                    "'\(text)' is not an IANA time zone (like America/New_York or UTC); every report needs the company's local days"
                )
            }
            return .value(.text(text))
        case .enumeration(let name, let values):
            guard values.contains(text) else {
                return .reject(.unknownEnum, "'\(text)' is not one of \(name) (\(values.joined(separator: ", ")))")
            }
            return .value(.text(text))
        case .timestamp:
            switch UTCTimestamp.normalize(text) {
            case .success(let normalized): return .value(.text(normalized))
            case .failure(.tooPrecise):
                return .reject(.badTimestamp, "'\(text)' is more precise than milliseconds (TIMESTAMP(3))")
            case .failure(.outOfRange(let part)):
                return .reject(.badTimestamp, "'\(text)' has an impossible \(part)")
            case .failure(.malformed):
                return .reject(
                    .badTimestamp,
                    "'\(text)' is not a timestamp like 2026-01-31 13:40:47.123 or 2026-01-31T13:40:47.123Z")
            }
        case .scaled(let precision, let scale):
            guard let decimal = ExactDecimal(text) else {
                return .reject(.badNumber, "'\(text)' is not a decimal number")
            }
            if decimal.isNegative && column.isNeverNegative {
                return .reject(.negativeValue, "\(column.name) cannot be negative, got \(text)")
            }
            if decimal.isNegative && column.isNeverNegativeAmount {
                return .reject(.negativeAmount, "\(column.name) cannot be a negative amount, got \(text)")
            }
            if decimal.integerDigitCount > precision - scale {
                return .reject(.outOfRange, "'\(text)' does not fit DECIMAL(\(precision),\(scale))")
            }
            switch decimal.scaled(by: scale) {
            case .success(let value): return .value(.integer(value))
            case .failure(.tooManyDecimals):
                return .reject(
                    .tooManyDecimals, "'\(text)' has more than \(scale) decimals (DECIMAL(\(precision),\(scale)))")
            case .failure(.outOfRange):
                return .reject(.outOfRange, "'\(text)' does not fit DECIMAL(\(precision),\(scale))")
            }
        case .money:
            guard let decimal = ExactDecimal(text) else {
                return .reject(.badNumber, "'\(text)' is not an amount of money")
            }
            if decimal.isNegative && column.isNeverNegativeAmount {
                return .reject(.negativeAmount, "\(column.name) cannot be a negative amount, got \(text)")
            }
            switch decimal.rounded(scale: currencyExponent) {
            case .success(let result):
                if result.isRounded {
                    return .valueWithWarning(
                        .integer(result.value),
                        "\(column.name) '\(text)' has more than \(currencyExponent) decimals; rounded half away from zero to "
                            + Money.decimalText(minorUnits: result.value, exponent: currencyExponent))
                }
                return .value(.integer(result.value))
            case .failure:
                return .reject(.outOfRange, "'\(text)' is too large an amount")
            }
        case .real:
            guard ExactDecimal.isValidLiteral(text), let value = Double(text), value.isFinite else {
                return .reject(.badNumber, "'\(text)' is not a finite number")
            }
            if value < 0 && column.isNeverNegative {
                return .reject(.negativeValue, "\(column.name) cannot be negative, got \(text)")
            }
            return .value(.real(value))
        case .integer:
            guard let value = Int64(text) else {
                // Only a plain integer literal (digits, an optional sign) is too large; `5.0` and
                // `1e3` are not integers at all.
                let digits = text.utf8.drop { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+") }
                if !digits.isEmpty, digits.allSatisfy({ (48...57).contains($0) }) {
                    return .reject(.outOfRange, "'\(text)' does not fit a 64-bit integer")
                }
                return .reject(
                    .badNumber, "'\(text)' is not an integer (write whole numbers without a decimal point or exponent)")
            }
            if value < 0 && column.isNeverNegative {
                return .reject(.negativeValue, "\(column.name) cannot be negative, got \(text)")
            }
            if column.isInt32 && Int32(exactly: value) == nil {
                return .reject(
                    .outOfRange, "'\(text)' does not fit production's 32-bit INTEGER (−2147483648 to 2147483647)")
            }
            return .value(.integer(value))
        case .boolean:
            switch text.lowercased() {
            case "t", "true", "1", "y", "yes", "on": return .value(.integer(1))
            case "f", "false", "0", "n", "no", "off": return .value(.integer(0))
            default: return .reject(.badBoolean, "'\(text)' is not a boolean (t/f, true/false, 1/0)")
            }
        case .json:
            do {
                return .value(.text(try JSONParser.parse(Array(text.utf8)).canonicalText))
            } catch let error as JSONParseError {
                return .reject(.invalidJSON, "invalid JSON at character \(error.offset + 1): \(error.message)")
            } catch {
                return .reject(.invalidJSON, "invalid JSON")
            }
        case .textArray, .numberArray:
            if text.hasPrefix("[") {
                guard case .array(let elements)? = try? JSONParser.parse(Array(text.utf8)) else {
                    return .reject(.badArray, "'\(text)' is neither a PostgreSQL array literal nor a JSON array")
                }
                return convertArray(elements, for: column)
            }
            switch PostgreSQLArray.parse(text) {
            case .success(let elements):
                return convertArray(elements.map { $0.map(JSONValue.string) ?? .null }, for: column)
            case .failure(let failure):
                return .reject(.badArray, "'\(text)' is not a PostgreSQL array literal: \(failure.message)")
            }
        }
    }

    /// Elements of a `TEXT[]` become JSON strings; of an `INTEGER[]`, JSON integers.
    private static func convertArray(_ elements: [JSONValue], for column: ColumnSpec) -> Conversion {
        var converted: [JSONValue] = []
        for element in elements {
            switch (element, column.kind) {
            case (.null, _):
                converted.append(.null)
            case (.string(let text), .textArray):
                converted.append(.string(text))
            case (.number(let text), .numberArray), (.string(let text), .numberArray):
                guard Int64(text) != nil else {
                    return .reject(.badArray, "array element '\(text)' of \(column.name) is not an integer")
                }
                converted.append(.number(text))
            default:
                return .reject(.badArray, "array element \(element.canonicalText) of \(column.name) has the wrong type")
            }
        }
        return .value(.text(JSONValue.array(converted).canonicalText))
    }
}

extension ColumnKind {
    var summary: String {
        switch self {
        case .text: return "text"
        case .timestamp: return "a timestamp"
        case .scaled(let p, let s): return "a DECIMAL(\(p),\(s))"
        case .money: return "an amount of money"
        case .real: return "a number"
        case .integer: return "an integer"
        case .boolean: return "a boolean"
        case .json: return "JSON"
        case .textArray: return "an array of text"
        case .numberArray: return "an array of integers"
        case .enumeration(let name, _): return "a \(name) value"
        }
    }
}

extension JSONValue {
    var kindName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}
