import Foundation
import GRDB
import TallyCore
import TallyReporting
import TallyStore

/// The billing rollups (docs/BILLING.md, "Rollups"): per company-local day, the CS AI usage a
/// billing close sums (``UsageAggregate`` rows), the day's ``MultisetDigest`` of its records as
/// close inputs, and the records that share a voice call with another.
///
/// Kept like the funnel report rollups, inside the transaction of every load that writes
/// `cs_ai_usage` or `companies`, with one difference: a usage change records the (company, UTC
/// day) it touches (``RollupTriggers/billing``), so a load into a store that has usage rebuilds
/// those days only (``refresh(_:)``); a company change, or a load into an empty table, rebuilds
/// everything. A close reads them only while fresh, and gives the same bytes without them (a test).
public enum BillingRollups: RollupFamily {
    /// The rebuild's INSERT queries, run after the per-day pass (`Queries/rollups/`).
    static let rebuildQueries = ["rollups/cs-ai-shared-voice-calls"]
    static let tables = [
        "tally_rollup_cs_ai_usage_days", "tally_rollup_cs_ai_usage_day_digests",
        "tally_rollup_cs_ai_shared_voice_calls",
    ]

    public static let name = "billing"
    public static let whenStale = "billing closes read every usage record"
    public static let triggers = RollupTriggers.billing
    /// A company change moves every local day (its time zone); a load of usage into a store that
    /// has usage refreshes only the days it touched.
    public static let wholeChanges: Set<String> = ["companies"]

    /// Last in a load that refreshes days, before ``refresh(_:)``: records the days of the rows it
    /// inserted.
    public static func markLoaded(after mark: Int64, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO "tally_rollup_billing_dirty" ("companyId", "utcDay")
                SELECT DISTINCT "companyId", COALESCE(substr("occurredAt", 1, 10), '') FROM "cs_ai_usage" WHERE "rowid" > ?
                """, arguments: [mark])
    }

    /// Makes the rollups fresh for the least work: a whole rebuild when they were marked stale,
    /// else a rebuild of the local days around each (company, UTC day) a usage change recorded.
    public static func refresh(_ db: Database) throws {
        let rebuilt =
            try Bool.fetchOne(db, sql: #"SELECT EXISTS (SELECT 1 FROM "tally_rollup_billing_state")"#) ?? false
        guard rebuilt else { return try rebuild(db) }
        let marks = try Row.fetchAll(
            db, sql: #"SELECT "companyId", "utcDay" FROM "tally_rollup_billing_dirty" ORDER BY "companyId", "utcDay""#)
        guard !marks.isEmpty else { return }
        var utcDays: [String: [CalendarDay]] = [:]
        for mark in marks {
            guard let day = CalendarDay(mark["utcDay"] as String) else { return try rebuild(db) }
            utcDays[mark["companyId"], default: []].append(day)
        }
        let writer = try DayWriter(db)
        for (company, marked) in utcDays.sorted(by: { $0.key < $1.key }) {
            // A company whose time zone does not parse has no day rows (as in a whole rebuild).
            if let zone = try timeZone(of: company, db: db) {
                // A time in any form (an offset of up to 14 hours, typed by hand) is within a day
                // of its UTC day: the local days overlapping the UTC days [day − 1, day + 2) cover it.
                let days = Set(
                    marked.flatMap { localDays(in: zone, utcFrom: $0.adding(days: -1), to: $0.adding(days: 2)) })
                for day in days.sorted() {
                    for table in ["tally_rollup_cs_ai_usage_days", "tally_rollup_cs_ai_usage_day_digests"] {
                        try db.execute(
                            sql:
                                "DELETE FROM \(table.quotedDatabaseIdentifier) WHERE \"companyId\" = ? AND \"localDay\" = ?",
                            arguments: [company, day.description])
                    }
                    try writer.write(company: company, day: day, zone: zone, db: db)
                }
            }
            try db.execute(
                sql: #"DELETE FROM "tally_rollup_cs_ai_shared_voice_calls" WHERE "companyId" = ?"#, arguments: [company]
            )
            for query in rebuildQueries {
                try db.execute(sql: QueryCatalog.sql(query), arguments: ["companyId": company])
            }
        }
        try db.execute(sql: #"DELETE FROM "tally_rollup_billing_dirty""#)
    }

    private static func timeZone(of company: String, db: Database) throws -> CompanyTimeZone? {
        let name = try String.fetchOne(
            db, sql: #"SELECT "timezone" FROM "companies" WHERE "id" = ?"#, arguments: [company])
        return name.flatMap { try? CompanyTimeZone(identifier: $0) }
    }

    /// The local days of `zone` that overlap the UTC days [from, to).
    private static func localDays(in zone: CompanyTimeZone, utcFrom from: CalendarDay, to: CalendarDay) -> [CalendarDay]
    {
        let dayMilliseconds: UTCTimestamp.Milliseconds = 86_400_000
        var day = zone.day(containing: UTCTimestamp.Milliseconds(from.daysSinceEpoch) * dayMilliseconds)
        let last = zone.day(containing: UTCTimestamp.Milliseconds(to.daysSinceEpoch) * dayMilliseconds - 1)
        var days: [CalendarDay] = []
        while day <= last {
            days.append(day)
            day = day.adding(days: 1)
        }
        return days
    }

    /// Rebuilds every company's billing rollups from `cs_ai_usage` and marks them fresh.
    ///
    /// Each local day of each company is read through the close's own record reader
    /// (``UsageRecord/forEach(company:bounds:db:_:)``), so a day's digest is, by construction, the
    /// sum of the content hashes a record-by-record close computes. A company whose time zone does
    /// not parse gets no rows; its closes are refused as they are without rollups.
    public static func rebuild(_ db: Database) throws {
        for table in tables { try db.execute(sql: "DELETE FROM \(table.quotedDatabaseIdentifier)") }
        let writer = try DayWriter(db)
        for row in try Row.fetchAll(db, sql: #"SELECT "id", "timezone" FROM "companies" ORDER BY "id""#) {
            let company: String = row["id"]
            guard let zone = try? CompanyTimeZone(identifier: row["timezone"]),
                let range = try usageDays(of: company, zone: zone, db: db)
            else { continue }
            var day = range.first
            while day <= range.last {
                try writer.write(company: company, day: day, zone: zone, db: db)
                day = day.adding(days: 1)
            }
        }
        for query in rebuildQueries { try db.execute(sql: QueryCatalog.sql(query), arguments: ["companyId": nil]) }
        try db.execute(
            sql: """
                DELETE FROM "tally_rollup_billing_dirty";
                DELETE FROM "tally_rollup_billing_state";
                INSERT INTO "tally_rollup_billing_state" ("id", "rebuiltAtLoadId") VALUES (1, (SELECT MAX("id") FROM "tally_loads"));
                """)
    }

    /// Writes one company-local day's rows: its aggregates and its digest (nothing for a day
    /// without records).
    private struct DayWriter {
        let insertUsage: Statement
        let insertDigest: Statement

        init(_ db: Database) throws {
            insertUsage = try db.makeStatement(
                sql: """
                    INSERT INTO "tally_rollup_cs_ai_usage_days" ("companyId", "localDay", "usageType", "tier", "durationSeconds",
                        "records", "messages", "inputTokens", "outputTokens") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            insertDigest = try db.makeStatement(
                sql: """
                    INSERT INTO "tally_rollup_cs_ai_usage_day_digests" ("companyId", "localDay", "records", "digest")
                    VALUES (?, ?, ?, ?)
                    """)
        }

        func write(company: String, day: CalendarDay, zone: CompanyTimeZone, db: Database) throws {
            let table = BillingClose.inputTable(day.calendarMonth)
            var sums: [Key: Sums] = [:]
            var digest = MultisetDigest()
            var buffer: [UInt8] = []
            try UsageRecord.forEach(company: company, bounds: zone.bounds(from: day, to: day.adding(days: 1)), db: db) {
                record in
                sums[Key(record), default: Sums()].add(record)
                digest.add(table: table, rowId: record.id, hexOf: record.contentDigest, buffer: &buffer)
            }
            guard digest.count > 0 else { return }
            let localDay = day.description
            try insertDigest.execute(arguments: [company, localDay, digest.count, Data(digest.bytes)])
            for (key, sum) in sums {
                try insertUsage.execute(arguments: [
                    company, localDay, key.usageType.rawValue, key.tier.rawValue, key.durationSeconds, sum.records,
                    sum.messages,
                    sum.inputTokens, sum.outputTokens,
                ])
            }
        }
    }

    /// The local days around a company's first and last usage record; nil without records.
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
        // A day either side: a time typed by hand in another form ('2026-03-01 23:00:00') sorts as
        // text, as the close compares it, up to a day away from the instant it parses to.
        return (zone.day(containing: first).adding(days: -1), zone.day(containing: last).adding(days: 1))
    }

    /// Records that bill alike.
    private struct Key: Hashable {
        let usageType: CSAIUsageType
        let tier: CSTier
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
            db, sql: QueryCatalog.sql("billing-close/usage-days-rollup"),
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
                    usageType: try CSAIUsageType.decode(
                        row[1], table: "tally_rollup_cs_ai_usage_days", column: "usageType"),
                    tier: try CSTier.decode(row[2], table: "tally_rollup_cs_ai_usage_days", column: "tier"),
                    durationSeconds: row[3], records: row[4], messages: row[5],
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
