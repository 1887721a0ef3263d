import Foundation
import GRDB
import TallyCore
import TallyStore

/// The billing rollups (docs/BILLING.md, "Rollups"): per company-local day, the CS AI usage a
/// billing close sums (``UsageAggregate`` rows), the day's ``MultisetDigest`` of its records as
/// close inputs, and the records that share a voice call with another.
///
/// Kept like the report rollups (``Rollups``): rebuilt inside the transaction of every load that
/// writes `cs_ai_usage` or `companies`, marked stale by triggers on any other change
/// (``RollupTriggers/billing``); a close reads them only while fresh, and gives the same bytes
/// without them (a test).
public enum BillingRollups {
    /// The rebuild's INSERT queries, run after the per-day pass (`Queries/rollups/`).
    static let rebuildQueries = ["rollups/cs-ai-shared-voice-calls"]
    static let tables = [
        "tally_rollup_cs_ai_usage_days", "tally_rollup_cs_ai_usage_day_digests",
        "tally_rollup_cs_ai_shared_voice_calls",
    ]

    /// Whether the billing rollups match the base tables (no change since the last rebuild).
    public static func areFresh(_ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: #"SELECT EXISTS (SELECT 1 FROM "tally_rollup_billing_state")"#) ?? false
    }

    /// Rebuilds every company's billing rollups from `cs_ai_usage` and marks them fresh.
    ///
    /// Each local day of each company is read through the close's own record reader
    /// (``UsageRecord/forEach(company:bounds:db:_:)``), so a day's digest is, by construction, the
    /// sum of the content hashes a record-by-record close computes. A company whose time zone does
    /// not parse gets no rows; its closes are refused as they are without rollups.
    public static func rebuild(_ db: Database) throws {
        for table in tables { try db.execute(sql: "DELETE FROM \(table.quotedDatabaseIdentifier)") }
        let insertUsage = try db.makeStatement(
            sql: """
                INSERT INTO "tally_rollup_cs_ai_usage_days" ("companyId", "localDay", "usageType", "tier", "durationSeconds",
                    "records", "messages", "inputTokens", "outputTokens") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        let insertDigest = try db.makeStatement(
            sql: """
                INSERT INTO "tally_rollup_cs_ai_usage_day_digests" ("companyId", "localDay", "records", "digest")
                VALUES (?, ?, ?, ?)
                """)
        for row in try Row.fetchAll(db, sql: #"SELECT "id", "timezone" FROM "companies" ORDER BY "id""#) {
            let company: String = row["id"]
            guard let zone = try? CompanyTimeZone(identifier: row["timezone"]),
                let range = try usageDays(of: company, zone: zone, db: db)
            else { continue }
            var day = range.first
            var buffer: [UInt8] = []
            while day <= range.last {
                let next = day.adding(days: 1)
                let table = BillingClose.inputTable(day.calendarMonth)
                var sums: [Key: Sums] = [:]
                var digest = MultisetDigest()
                try UsageRecord.forEach(company: company, bounds: zone.bounds(from: day, to: next), db: db) { record in
                    sums[Key(record), default: Sums()].add(record)
                    digest.add(table: table, rowId: record.id, hexOf: record.contentDigest, buffer: &buffer)
                }
                if digest.count > 0 {
                    let localDay = day.description
                    try insertDigest.execute(arguments: [company, localDay, digest.count, Data(digest.bytes)])
                    for (key, sum) in sums {
                        try insertUsage.execute(arguments: [
                            company, localDay, key.usageType, key.tier, key.durationSeconds, sum.records,
                            sum.messages, sum.inputTokens, sum.outputTokens,
                        ])
                    }
                }
                day = next
            }
        }
        for query in rebuildQueries { try db.execute(sql: QueryCatalog.sql(query)) }
        try db.execute(
            sql: """
                DELETE FROM "tally_rollup_billing_state";
                INSERT INTO "tally_rollup_billing_state" ("id", "rebuiltAtLoadId") VALUES (1, (SELECT MAX("id") FROM "tally_loads"));
                """)
    }

    /// The local days of a company's first and last usage record; nil without records.
    private static func usageDays(of company: String, zone: CompanyTimeZone, db: Database) throws
        -> (first: CalendarDay, last: CalendarDay)?
    {
        let bounds = try Row.fetchOne(
            db,
            sql:
                #"SELECT MIN("occurredAt") AS first, MAX("occurredAt") AS last FROM "cs_ai_usage" WHERE "companyId" = ?"#,
            arguments: [company])
        guard let firstText: String = bounds?["first"], let lastText: String = bounds?["last"],
            case .success(let first) = UTCTimestamp.parse(firstText),
            case .success(let last) = UTCTimestamp.parse(lastText)
        else { return nil }
        return (zone.day(containing: first), zone.day(containing: last))
    }

    /// Records that bill alike.
    private struct Key: Hashable {
        let usageType: String
        let tier: String
        let durationSeconds: Int64

        init(_ record: UsageRecord) {
            usageType = record.usageType
            tier = record.tier
            durationSeconds = record.durationSeconds ?? 0
        }
    }

    private struct Sums {
        var records: Int64 = 0
        var messages: Int64 = 0
        var inputTokens: Int64 = 0
        var outputTokens: Int64 = 0

        mutating func add(_ record: UsageRecord) {
            records += 1
            messages += record.messageCount
            inputTokens += record.inputTokens
            outputTokens += record.outputTokens
        }
    }

    /// Calls `body` with each local day of `period` that has usage, in day order, and the day's
    /// aggregates.
    static func forEachDay(
        company: String, period: CalendarMonth, db: Database, _ body: (CalendarDay, [UsageAggregate]) throws -> Void
    ) throws {
        let rows = try Row.fetchCursor(
            db, sql: QueryCatalog.sql("cs-ai-billing/usage-days-rollup"),
            arguments: [
                "companyId": company, "fromDay": period.firstDay.description,
                "toDay": period.next.firstDay.description,
            ])
        var day: String?
        var aggregates: [UsageAggregate] = []
        func flush() throws {
            guard let day, let parsed = CalendarDay(day) else { return }
            try body(parsed, aggregates)
            aggregates.removeAll(keepingCapacity: true)
        }
        while let row = try rows.next() {
            let localDay: String = row[0]
            if localDay != day {
                try flush()
                day = localDay
            }
            aggregates.append(
                UsageAggregate(
                    usageType: row[1], tier: row[2], durationSeconds: row[3], records: row[4], messages: row[5],
                    inputTokens: row[6], outputTokens: row[7]))
        }
        try flush()
    }

    /// The ``MultisetDigest`` of a company's records in `period` as close inputs: its days' sums.
    static func digest(company: String, period: CalendarMonth, db: Database) throws -> MultisetDigest {
        var digest = MultisetDigest()
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT "records", "digest" FROM "tally_rollup_cs_ai_usage_day_digests"
                WHERE "companyId" = ? AND "localDay" >= ? AND "localDay" < ? ORDER BY "localDay"
                """,
            arguments: [company, period.firstDay.description, period.next.firstDay.description])
        {
            let bytes: Data = row["digest"]
            guard let day = MultisetDigest(count: row["records"], bytes: bytes) else {
                throw DatabaseError(message: "tally_rollup_cs_ai_usage_day_digests: a digest is not 32 bytes")
            }
            digest.formUnion(day)
        }
        return digest
    }
}
