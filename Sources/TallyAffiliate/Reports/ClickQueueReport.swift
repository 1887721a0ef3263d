import GRDB
import TallyCore
import TallyOutput
import TallyReporting

/// The affiliate click queue's health (docs/AFFILIATE.md): per company, rows by `ClickQueueStatus`,
/// the age of the oldest PENDING row as of `--as-of` (never the clock), FAILED rows by retry count.
public struct ClickQueueReport: ReportDefinition {
    public static let name = "click-queue"

    public var scope: ReportScope
    public var asOf: UTCTimestamp.Milliseconds

    public init(scope: ReportScope, asOf: UTCTimestamp.Milliseconds) {
        self.scope = scope
        self.asOf = asOf
    }

    public struct Row: QueryRow, Sendable {
        let companyId: String
        let total: Int
        let pending: Int
        let processing: Int
        let completed: Int
        let failed: Int
        let duplicate: Int
        let oldestPendingAt: String?
        let failedByRetries: String?
        var asOf: Int64 = 0
        var companyName: String?

        enum CodingKeys: String, CodingKey {
            case companyId, total, pending, processing, completed, failed, duplicate, oldestPendingAt, failedByRetries
        }

        var oldestPendingAgeSeconds: Int? {
            oldestPendingAt.flatMap { try? UTCTimestamp.parse($0).get() }.map { Int((asOf - $0) / 1000) }
        }
    }

    public static var columns: [ReportColumn<Row>] {
        [
            .text("company_id") { $0.companyId }, .text("company_name", scan: 1) { $0.companyName },
            .integer("total", scan: 2) { $0.total },
            .integer("pending", scan: 3) { $0.pending }, .integer("processing", scan: 4) { $0.processing },
            .integer("completed", scan: 5) { $0.completed }, .integer("failed", scan: 6) { $0.failed },
            .integer("duplicate", scan: 7) { $0.duplicate }, .timestamp("oldest_pending_at") { $0.oldestPendingAt },
            .integer("oldest_pending_age_seconds", scan: 8) { $0.oldestPendingAgeSeconds },
            .text("failed_by_retries", scan: 9) { $0.failedByRetries },
        ]
    }

    public func rows(in context: ReportContext) throws -> [Row] {
        try context.fetch(Row.self, query: "click-queue/status", arguments: ["asOf": UTCTimestamp.format(asOf)]).map {
            var row = $0
            row.asOf = asOf
            row.companyName = context.scope.company(row.companyId)?.name
            return row
        }
    }
}
