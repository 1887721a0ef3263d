import GRDB
import TallyCore
import TallyReporting

/// One version of an organization's tiered CS AI pricing: the rows of `tally_cs_ai_price_tiers`
/// sharing an `effectiveFrom` (docs/BILLING.md, "tally pricing").
public struct PriceTable: Sendable, Equatable {
    public let organizationId: String
    public let effectiveFrom: String
    public let currencyCode: String
    public let minimumMonthlyFeeMinor: Int64
    /// Components in canonical order: usage type, then meter, as `Component.order` defines.
    public let components: [Component]

    /// One priced (usageType, meter) pair.
    public struct Component: Sendable, Equatable {
        public let usageType: String
        /// `usageType` as the records carry it, decoded once (nil for a type production has not:
        /// such a component prices no record).
        public let usageTypeCase: CSAIUsageType?
        public let meter: String
        public let unit: String?
        /// Base units per priced unit: 60 seconds a minute, 1 a message, 1000 tokens.
        public let pricingUnitBase: Int64
        public let perRecordIncrementSeconds: Int64
        public let perRecordMinimumSeconds: Int64
        public let includedUnits: Int64
        public let tierMode: String
        public let tiers: [Tier]

        /// Canonical line order: voice, chat, email, SMS; within one, calls, records, messages, tokens.
        static let usageTypeOrder = CSAIUsageType.allCases.map(\.rawValue)
        static let meterOrder = ["CALL_SECONDS", "RECORD_COUNT", "MESSAGE_COUNT", "INPUT_TOKENS", "OUTPUT_TOKENS"]

        var sortKey: (Int, Int) {
            (Self.usageTypeOrder.firstIndex(of: usageType) ?? 99, Self.meterOrder.firstIndex(of: meter) ?? 99)
        }
    }

    /// One tier: an inclusive upper bound in priced units (nil: unbounded), a price in millionths of
    /// a minor unit per priced unit, and a flat fee in minor units.
    public struct Tier: Sendable, Equatable {
        public let upToUnits: Int64?
        public let unitPriceMicros: Int64
        public let flatFeeMinor: Int64
    }

    /// The version in force for a period starting at `periodStart`: the latest `effectiveFrom` at or
    /// before it. Nil when the organization has no tally pricing then.
    /// - Throws: ``BillingError/invalidPricing(organization:effectiveFrom:row:rule:)`` for a table
    ///   that breaks a rule; it is refused whole.
    static func load(_ db: Database, organization: String, periodStart: String) throws -> PriceTable? {
        guard
            let version = try String.fetchOne(
                db,
                sql: """
                    SELECT MAX("effectiveFrom") FROM "tally_cs_ai_price_tiers"
                    WHERE "organizationId" = ? AND "effectiveFrom" <= ?
                    """, arguments: [organization, periodStart])
        else { return nil }
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT * FROM "tally_cs_ai_price_tiers" WHERE "organizationId" = ? AND "effectiveFrom" = ?
                ORDER BY "usageType", "meter", "tierIndex", "id"
                """, arguments: [organization, version])
        return try make(organization: organization, effectiveFrom: version, rows: rows)
    }

    /// The rows of one priced component: a usage type and a meter.
    private struct ComponentKey: Hashable {
        let usageType: String
        let meter: String
    }

    /// Builds and validates one version from its rows.
    static func make(organization: String, effectiveFrom: String, rows: [Row]) throws -> PriceTable {
        func refuse(_ row: Row, _ rule: String) -> BillingError {
            .invalidPricing(organization: organization, effectiveFrom: effectiveFrom, row: row["id"], rule: rule)
        }
        let first = rows[0]
        let currency: String = first["currency"]
        let minimum: Int64 = first["minimumMonthlyFeeMinor"]
        var groups: [ComponentKey: [Row]] = [:]
        for row in rows {
            if (row["currency"] as String) != currency {
                throw refuse(row, "one version has one currency (\(currency) on other rows)")
            }
            if (row["minimumMonthlyFeeMinor"] as Int64) != minimum {
                throw refuse(row, "one version has one minimumMonthlyFeeMinor (\(minimum) on other rows)")
            }
            groups[ComponentKey(usageType: row["usageType"], meter: row["meter"]), default: []].append(row)
        }
        var components: [Component] = []
        for (_, group) in groups {
            let head = group[0]
            for row in group {
                for column in [
                    "tierMode", "includedUnits", "pricingUnitBase", "perRecordIncrementSeconds",
                    "perRecordMinimumSeconds",
                ]
                where row[column] as DatabaseValue != head[column] as DatabaseValue {
                    throw refuse(
                        row,
                        "one \(column) per component (\(head[column] as DatabaseValue) on tier \(head["tierIndex"] as Int64))"
                    )
                }
            }
            var tiers: [Tier] = []
            var previousBound: Int64 = 0
            for (position, row) in group.enumerated() {
                let index: Int64 = row["tierIndex"]
                guard index == Int64(position) else {
                    throw refuse(
                        row, "tierIndex runs 0, 1, 2, … without gaps or repeats (expected \(position), got \(index))")
                }
                let upTo: Int64? = row["upToUnits"]
                let isLast = position == group.count - 1
                if let upTo {
                    guard upTo > previousBound || (position == 0 && upTo > 0) else {
                        throw refuse(row, "tier bounds strictly increase (upToUnits \(upTo) after \(previousBound))")
                    }
                    previousBound = upTo
                } else if !isLast {
                    throw refuse(row, "only the last tier may have no upper bound")
                }
                guard (row["unitPriceMicros"] as Int64) >= 0, (row["flatFeeMinor"] as Int64) >= 0 else {
                    throw refuse(row, "prices and flat fees are not negative")
                }
                tiers.append(
                    Tier(upToUnits: upTo, unitPriceMicros: row["unitPriceMicros"], flatFeeMinor: row["flatFeeMinor"]))
            }
            guard (head["pricingUnitBase"] as Int64) > 0, (head["perRecordIncrementSeconds"] as Int64) > 0 else {
                throw refuse(head, "pricingUnitBase and perRecordIncrementSeconds are at least 1")
            }
            components.append(
                Component(
                    usageType: head["usageType"], usageTypeCase: CSAIUsageType(rawValue: head["usageType"]),
                    meter: head["meter"], unit: head["unit"],
                    pricingUnitBase: head["pricingUnitBase"],
                    perRecordIncrementSeconds: head["perRecordIncrementSeconds"],
                    perRecordMinimumSeconds: head["perRecordMinimumSeconds"], includedUnits: head["includedUnits"],
                    tierMode: head["tierMode"], tiers: tiers))
        }
        components.sort { $0.sortKey < $1.sortKey }
        return PriceTable(
            organizationId: organization, effectiveFrom: effectiveFrom, currencyCode: currency,
            minimumMonthlyFeeMinor: minimum,
            components: components)
    }
}
