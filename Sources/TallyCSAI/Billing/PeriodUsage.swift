import GRDB
import TallyCore
import TallyReporting

/// A company's CS AI usage of one period as a close reads it (docs/BILLING.md, "Rollups"): from
/// the billing rollups a local day at a time when they are fresh, else record by record. Both
/// give the same meter sums, totals and inputs digest (a test holds them equal).
struct PeriodUsage {
    let company: String
    let zone: CompanyTimeZone
    /// Read the billing rollups (they are fresh and not turned off).
    let rollups: Bool
    let db: Database

    /// The records of a closed period that its latest close did not see as they are now.
    struct Standing {
        var late: [String] = []
        var changed: [String] = []
    }

    /// Rates `period` into `meter` and `totals` and returns the digest of its records as close
    /// inputs. `recordIds`, when given, is called with each record id in (`occurredAt`, id) order
    /// (with the rollups, from the ids alone: `Queries/billing-close/usage-record-ids.sql`).
    func rate(
        _ period: CalendarMonth, meter: inout any UsageMeter, totals: inout PeriodTotals,
        recordIds: ((String) -> Void)?
    ) throws -> MultisetDigest {
        if rollups {
            try rateDays(of: period, meter: &meter) { totals.add($0) }
            if let recordIds {
                let bounds = zone.bounds(of: period)
                let ids = try String.fetchCursor(
                    db, sql: QueryCatalog.sql("billing-close/usage-record-ids"),
                    arguments: ["companyId": company, "fromUTC": bounds.lowerText, "toUTC": bounds.upperText])
                while let id = try ids.next() { recordIds(id) }
            }
            return try BillingRollups.digest(company: company, period: period, db: db)
        }
        return try rateRecords(of: period, meter: &meter) { record in
            totals.add(UsageAggregate(record))
            recordIds?(record.id)
        }
    }

    /// Re-rates the earlier closed `period` into `meter`, returns the digest of its records and
    /// which of them `known`'s close did not see as they are now. A period whose digest equals the
    /// one that close recorded has no such record, and is rated from the rollups.
    func rateClosed(_ period: CalendarMonth, known: KnownUsage, meter: inout any UsageMeter) throws
        -> (MultisetDigest, Standing)
    {
        let table = BillingClose.inputTable(period)
        if rollups, let recorded = try known.digest(table: table, db: db) {
            let now = try BillingRollups.digest(company: company, period: period, db: db)
            if now == recorded {
                try rateDays(of: period, meter: &meter) { _ in }
                return (now, Standing())
            }
        }
        var standing = Standing()
        let digest = try rateRecords(of: period, meter: &meter) { record in
            switch try known.standing(of: record, table: table) {
            case .late: standing.late.append(record.id)
            case .changed: standing.changed.append(record.id)
            case .known: break
            }
        }
        standing.changed += try known.gone(table: table, company: company, bounds: zone.bounds(of: period), db: db)
        return (digest, standing)
    }

    /// Adds every record of `period` to `meter` in (`occurredAt`, id) order, hands each to `each`,
    /// and returns their digest as close inputs.
    private func rateRecords(
        of period: CalendarMonth, meter: inout any UsageMeter, each: (UsageRecord) throws -> Void
    ) throws -> MultisetDigest {
        var digest = MultisetDigest()
        var buffer: [UInt8] = []
        let table = BillingClose.inputTable(period)
        try UsageRecord.forEach(company: company, bounds: zone.bounds(of: period), db: db) { record in
            meter.add(record)
            digest.add(table: table, rowId: record.id, hexOf: record.contentDigest, buffer: &buffer)
            try each(record)
        }
        return digest
    }

    /// Adds each local day of `period` to `meter` as its aggregates, or record by record when the
    /// meter needs the day's order (``UsageMeter/takesWhole(_:)``); `each` sees every aggregate.
    private func rateDays(
        of period: CalendarMonth, meter: inout any UsageMeter, each: (UsageAggregate) -> Void
    ) throws {
        try BillingRollups.forEachDay(company: company, period: period, db: db) { day, aggregates in
            aggregates.forEach(each)
            if meter.takesWhole(aggregates) {
                for aggregate in aggregates { meter.add(aggregate) }
            } else {
                try UsageRecord.forEach(
                    company: company, bounds: zone.bounds(from: day, to: day.adding(days: 1)), db: db
                ) { meter.add($0) }
            }
        }
    }
}
