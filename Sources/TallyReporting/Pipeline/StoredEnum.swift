/// A closed set of stored text values — a production (Prisma) enum such as `ConversionStatus`, or
/// the kinds of a tally ledger — as a Swift enum whose raw values are the stored text.
///
/// Decoded where a row enters Swift (``decode(_:table:column:)``), so past that point a value is
/// one of the cases and a misspelt literal cannot compile; an unknown value is a clear error naming
/// the table, the column and the value, never a silent default.
public protocol StoredEnum: RawRepresentable, CaseIterable, Hashable, Sendable where RawValue == String {}

extension StoredEnum {
    /// The case stored as `text` in `table`.`column`.
    /// - Throws: ``ReportError/unknownValue(table:column:value:known:)``.
    public static func decode(_ text: String, table: String, column: String) throws -> Self {
        guard let value = Self(rawValue: text) else {
            throw ReportError.unknownValue(table: table, column: column, value: text, known: allCases.map(\.rawValue))
        }
        return value
    }
}
