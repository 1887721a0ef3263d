import Foundation
import GRDB
import TallyStore

/// What the loader needs to know about one store table, read from the store itself.
///
/// Column kinds come from the declared types the migrations use (docs/STORE.md), enum values from
/// the CHECK constraints, foreign keys from `PRAGMA foreign_key_list`. Nothing is hard-coded per
/// table except the short lists of sensitive and never-negative columns.
struct TableSchema: Sendable {
    let name: String
    let columns: [ColumnSpec]
    let foreignKeys: [ForeignKey]
    private let indexByName: [String: Int]

    struct ForeignKey: Sendable {
        let column: String
        let parentTable: String
        let parentColumn: String
    }

    func columnIndex(_ name: String) -> Int? { indexByName[name] }

    static func read(_ db: Database, table: String) throws -> TableSchema {
        let createSQL =
            try String.fetchOne(
                db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", arguments: [table]) ?? ""
        let enums = PostgresSchema.enumConstraints(in: createSQL)
        var columns: [ColumnSpec] = []
        for row in try Row.fetchAll(db, sql: "PRAGMA table_info(\(table.quotedDatabaseIdentifier))") {
            let name: String = row["name"]
            let declared: String = row["type"]
            let kind =
                enums[name].map { ColumnKind.enumeration(name: $0.name, values: $0.values) }
                ?? ColumnKind(declaredType: declared)
            columns.append(
                ColumnSpec(
                    name: name, kind: kind, isNotNull: (row["notnull"] as Int) == 1,
                    hasDefault: (row["dflt_value"] as String?) != nil, isPrimaryKey: (row["pk"] as Int) > 0,
                    isNeverNegative: SensitiveData.neverNegative.contains("\(table).\(name)"),
                    isNeverNegativeAmount: SensitiveData.neverNegativeAmounts.contains("\(table).\(name)"),
                    isCompanyTimeZone: table == "companies" && name == "timezone",
                    isInt32: SensitiveData.int32.contains("\(table).\(name)"),
                    sensitivity: SensitiveData.sensitivity(table: table, column: name)))
        }
        let foreignKeys = try Row.fetchAll(db, sql: "PRAGMA foreign_key_list(\(table.quotedDatabaseIdentifier))").map {
            ForeignKey(column: $0["from"], parentTable: $0["table"], parentColumn: $0["to"] ?? "id")
        }
        return TableSchema(
            name: table, columns: columns, foreignKeys: foreignKeys,
            indexByName: Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1.name, $0) }))
    }
}

/// One column and how to convert input for it. A class: the hot path passes it around per field,
/// and copying a struct that holds an enum with arrays costs retains on every copy.
final class ColumnSpec: Sendable {
    let name: String
    let kind: ColumnKind
    let isNotNull: Bool
    let hasDefault: Bool
    let isPrimaryKey: Bool
    let isNeverNegative: Bool
    /// An amount production's meaning keeps at zero or above (`negative_amount`).
    let isNeverNegativeAmount: Bool
    /// `companies.timezone`, which must name an IANA time zone (`bad_timezone`).
    let isCompanyTimeZone: Bool
    /// A production `Int` column: 32 bits (`out_of_range` beyond).
    let isInt32: Bool
    let sensitivity: SensitiveData.Sensitivity?

    init(
        name: String, kind: ColumnKind, isNotNull: Bool, hasDefault: Bool, isPrimaryKey: Bool, isNeverNegative: Bool,
        isNeverNegativeAmount: Bool = false, isCompanyTimeZone: Bool = false, isInt32: Bool = false,
        sensitivity: SensitiveData.Sensitivity?
    ) {
        self.isInt32 = isInt32
        self.isNeverNegativeAmount = isNeverNegativeAmount
        self.isCompanyTimeZone = isCompanyTimeZone
        self.name = name
        self.kind = kind
        self.isNotNull = isNotNull
        self.hasDefault = hasDefault
        self.isPrimaryKey = isPrimaryKey
        self.isNeverNegative = isNeverNegative
        self.sensitivity = sensitivity
    }
}

/// The store's column kinds, one per declared type of docs/STORE.md.
enum ColumnKind: Equatable, Sendable {
    case text
    case timestamp
    /// `SCALED_INTEGER(p,s)`: a `DECIMAL(p,s)` stored as value × 10^s.
    case scaled(precision: Int, scale: Int)
    /// `MONEY_INTEGER`: affiliate money in minor units of the row's currency.
    case money
    case real
    case integer
    case boolean
    case json
    case textArray
    case numberArray
    case enumeration(name: String, values: [String])

    init(declaredType: String) {
        let type = declaredType.uppercased()
        switch type {
        case "TIMESTAMP_TEXT": self = .timestamp
        case "MONEY_INTEGER": self = .money
        case "REAL": self = .real
        case "INTEGER": self = .integer
        case "BOOLEAN": self = .boolean
        case "JSON_TEXT": self = .json
        case "JSON_ARRAY_TEXT": self = .textArray
        case "JSON_NUMBER_ARRAY_TEXT": self = .numberArray
        default:
            if type.hasPrefix("SCALED_INTEGER(") {
                let numbers = type.dropFirst("SCALED_INTEGER(".count).dropLast().split(separator: ",")
                    .compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
                self = .scaled(precision: numbers.first ?? 38, scale: numbers.count > 1 ? numbers[1] : 0)
            } else {
                self = .text
            }
        }
    }
}
