import GRDB
import TallyCore
import TallyOutput
import TallyReporting

/// CS AI usage (docs/REPORTS.md, "cs-ai-usage"): per company, local day or month, usage type and CS
/// tier, the quantities a bill is made of, from `Queries/cs-ai-usage/usage.sql`.
///
/// Buckets are the company's local days or months, computed with the calendar (DST-safe) and
/// handed to the SQL as UTC ranges. Without `--from`/`--to` the range is each company's first to
/// last usage. Minutes are exact: seconds / 60 to 2 decimals, half away from zero.
public struct CSAIUsageReport: ReportDefinition {
    public static let name = "cs-ai-usage"

    public enum Bucket: String, CaseIterable, Sendable {
        case day
        case month
    }

    public var scope: ReportScope
    public var bucket: Bucket

    public init(scope: ReportScope, bucket: Bucket = .month) {
        self.scope = scope
        self.bucket = bucket
    }

    /// A row of `Queries/cs-ai-usage/usage.sql`, its usage type and tier decoded as it enters Swift.
    struct Line: FetchableRecord {
        let companyId: String
        let bucket: String
        let usageType: CSAIUsageType
        let tier: CSTier
        let records: Int
        let distinctVoiceCalls: Int
        let seconds: Int64
        let nullDurations: Int
        let messages: Int64
        let inputTokens: Int64
        let outputTokens: Int64
        let billingPeriodMismatches: Int

        init(row: GRDB.Row) throws {
            (companyId, bucket) = (row["company_id"], row["bucket"])
            usageType = try CSAIUsageType.decode(row["usage_type"], table: "cs_ai_usage", column: "usageType")
            tier = try CSTier.decode(row["tier"], table: "cs_ai_usage", column: "tier")
            (records, distinctVoiceCalls, seconds) = (row["records"], row["distinct_voice_calls"], row["seconds"])
            (nullDurations, messages) = (row["null_durations"], row["messages"])
            (inputTokens, outputTokens) = (row["input_tokens"], row["output_tokens"])
            billingPeriodMismatches = row["billing_period_mismatches"]
        }
    }

    public struct Row: Sendable {
        let line: Line
        var companyName: String?
        var minutes: String {
            Money.decimalText(
                minorUnits: Fraction.roundHalfAwayFromZero(Int128(line.seconds) * 100, 60), exponent: 2)
        }
        func count(of type: CSAIUsageType) -> Int? { line.usageType == type ? line.records : 0 }
    }

    public static var columns: [ReportColumn<Row>] {
        [
            .text("company_id") { $0.line.companyId }, .text("company_name", scan: 1) { $0.companyName },
            .text("bucket", scan: 2) { $0.line.bucket },
            .text("usage_type", scan: 3) { $0.line.usageType.rawValue },
            .text("tier", scan: 4) { $0.line.tier.rawValue },
            .integer("records", scan: 5) { $0.line.records },
            .integer("voice_calls") { $0.count(of: .voiceCall) },
            .integer("distinct_voice_calls") { $0.line.distinctVoiceCalls },
            .exactDecimal("minutes", scan: 6) { $0.minutes },
            .integer("null_durations", scan: 7) { $0.line.nullDurations },
            .integer("chat_sessions") { $0.count(of: .chatSession) },
            .integer("messages", scan: 8) { Int($0.line.messages) },
            .integer("emails") { $0.count(of: .emailSupport) },
            .integer("sms") { $0.count(of: .smsSupport) },
            .integer("input_tokens", scan: 9) { Int($0.line.inputTokens) },
            .integer("output_tokens", scan: 10) { Int($0.line.outputTokens) },
            .integer("billing_period_mismatches", scan: 11) { $0.line.billingPeriodMismatches },
        ]
    }

    public func rows(in context: ReportContext) throws -> [Row] {
        try context.db.execute(
            sql: """
                CREATE TEMP TABLE IF NOT EXISTS "report_buckets" ("companyId" TEXT NOT NULL, "bucket" TEXT NOT NULL,
                    "month" TEXT NOT NULL, "fromUTC" TEXT NOT NULL, "toUTC" TEXT NOT NULL, PRIMARY KEY ("companyId", "bucket"));
                DELETE FROM temp."report_buckets";
                """)
        let insert = try context.db.makeStatement(
            sql:
                #"INSERT INTO temp."report_buckets" ("companyId", "bucket", "month", "fromUTC", "toUTC") VALUES (?, ?, ?, ?, ?)"#
        )
        for company in context.scope.companies {
            guard let (first, end) = try dayRange(of: company, in: context.db) else { continue }
            var day = first
            while day < end {
                let next = bucket == .day ? day.adding(days: 1) : day.calendarMonth.next.firstDay
                let stop = min(next, end)
                let label = bucket == .day ? "\(day)" : "\(day.calendarMonth)"
                try insert.execute(arguments: [
                    company.id, label, "\(day.calendarMonth)", UTCTimestamp.format(company.timeZone.start(of: day)),
                    UTCTimestamp.format(company.timeZone.start(of: stop)),
                ])
                day = stop
            }
        }
        return try context.fetch(Line.self, query: "cs-ai-usage/usage").map {
            Row(line: $0, companyName: context.scope.company($0.companyId)?.name)
        }
    }

    /// The local days `[first, end)` to cover: `--from`/`--to`, else the company's first and last usage.
    private func dayRange(of company: ResolvedScope.Company, in db: Database) throws -> (CalendarDay, CalendarDay)? {
        let extent = try GRDB.Row.fetchOne(
            db,
            sql:
                #"SELECT MIN("occurredAt") AS first, MAX("occurredAt") AS last FROM "cs_ai_usage" WHERE "companyId" = ?"#,
            arguments: [company.id])
        func day(_ column: String) -> CalendarDay? {
            (extent?[column] as String?).flatMap { try? UTCTimestamp.parse($0).get() }.map(
                company.timeZone.day(containing:))
        }
        guard let first = scope.from ?? day("first"), let end = scope.to ?? day("last")?.adding(days: 1), first < end
        else {
            return nil
        }
        return (first, end)
    }
}
