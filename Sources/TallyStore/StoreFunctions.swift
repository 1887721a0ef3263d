import GRDB
import TallyCore

/// SQL functions every store connection has, so report SQL can use tally's rules rather than
/// SQLite's ASCII-only ones.
enum StoreFunctions {
    /// `tally_fold_code(text)`: ``DiscountCode/canonical(_:)``; NULL for NULL or a blank code.
    /// Deterministic, so SQLite may use it in indexes and constant-fold it.
    static let foldCode = DatabaseFunction("tally_fold_code", argumentCount: 1, pure: true) { values in
        guard let raw = String.fromDatabaseValue(values[0]) else { return nil }
        return DiscountCode.canonical(raw)
    }

    static func register(in db: Database) {
        db.add(function: foldCode)
    }
}
