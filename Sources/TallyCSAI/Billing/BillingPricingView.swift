import GRDB
import TallyCore
import TallyOutput
import TallyReporting
import TallyStore

/// `tally billing pricing`: the pricing in force for a company and period, and where it comes from.
public enum BillingPricingView {
    public static func table(company: String, period: CalendarMonth, on store: Store) throws -> (
        source: String, table: ReportTable
    ) {
        try store.queue.read { db in
            let context = try CompanyContext.load(company, db: db)
            let rater = try BillingClose.pricing(for: period, context: context, db: db)
            switch rater {
            case let table as PriceTable:
                let columns = [
                    "usage_type", "meter", "unit", "pricing_unit_base", "per_record_increment_seconds",
                    "per_record_minimum_seconds", "included_units", "tier_mode", "tier_index", "up_to_units",
                    "unit_price_micros", "flat_fee_minor",
                ]
                let rows: [[ReportValue]] = table.components.flatMap { component in
                    component.tiers.enumerated().map { index, tier in
                        [
                            .text(component.usageType), .text(component.meter),
                            component.unit.map(ReportValue.text) ?? .null,
                            .integer(component.pricingUnitBase), .integer(component.perRecordIncrementSeconds),
                            .integer(component.perRecordMinimumSeconds), .integer(component.includedUnits),
                            .text(component.tierMode), .integer(Int64(index)),
                            tier.upToUnits.map(ReportValue.integer) ?? .null,
                            .integer(tier.unitPriceMicros), .integer(tier.flatFeeMinor),
                        ]
                    }
                }
                let source =
                    "\(table.source); \(table.currencyCode), minimum monthly fee "
                    + Money(minorUnits: table.minimumMonthlyFeeMinor, currency: table.currencyCode).decimalText
                return (source, ReportTable(columns: columns, rows: rows))
            default:
                let row = try GRDB.Row.fetchOne(
                    db, sql: #"SELECT * FROM "cs_ai_pricing" WHERE "organizationId" = ? ORDER BY "id" LIMIT 1"#,
                    arguments: [context.organizationId])!
                let rows: [[ReportValue]] = row.columnNames.filter { !["createdAt", "updatedAt"].contains($0) }.map {
                    name in
                    [.text(name), .text((row[name] as DatabaseValue).description)]
                }
                return (
                    "\(rater.source); prices in minor units of \(context.currency)",
                    ReportTable(columns: ["setting", "value"], rows: rows)
                )
            }
        }
    }
}
