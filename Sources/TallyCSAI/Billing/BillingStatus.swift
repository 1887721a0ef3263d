import GRDB
import TallyCore
import TallyOutput
import TallyReporting
import TallyStore

/// `tally billing status`: per company, the closed periods (amount billed, as-of), the open ones
/// with usage, and the late or changed records waiting to be billed as adjustments.
public enum BillingStatus {
    /// The report name of its table (`--format html`, the dashboard).
    public static let name = "billing-status"

    public struct Row: Sendable {
        public let company: String
        public let companyName: String
        public let period: String
        public let state: String
        public let asOf: String?
        public let currency: String
        public let amountDueMinor: Int64?
        public let records: Int
        public let lateRecords: Int
        public let changedRecords: Int
    }

    public static var columns: [ReportColumn<Row>] {
        [
            .text("company_id") { $0.company }, .text("company_name", scan: 1) { $0.companyName },
            .text("period", scan: 2) { $0.period }, .text("state", scan: 3) { $0.state },
            .timestamp("as_of", scan: 6) { $0.asOf }, .text("currency", scan: 10) { $0.currency },
            .money("amount_due", scan: 4) { row in
                row.amountDueMinor.map { Money(minorUnits: $0, currency: row.currency) }
            },
            .integer("records", scan: 5) { $0.records }, .integer("late_records", scan: 8) { $0.lateRecords },
            .integer("changed_records", scan: 9) { $0.changedRecords },
        ]
    }

    /// Rows ordered by company, then period.
    public static func rows(companies: [String], on store: Store) throws -> [Row] {
        try store.queue.read { db in
            let all = try String.fetchAll(db, sql: #"SELECT "id" FROM "companies" ORDER BY "id""#)
            for id in companies where !all.contains(id) { throw ReportError.unknownCompany(id: id, known: all) }
            var rows: [Row] = []
            let rollups = try BillingRollups.areFresh(db)
            for company in companies.isEmpty ? all : companies.sorted() {
                let context: CompanyContext
                if companies.isEmpty {
                    guard let found = try CompanyContext.loadForAll(company, db: db) else { continue }
                    context = found
                } else {
                    context = try CompanyContext.load(company, db: db)
                }
                let closed = try BillingClose.closedPeriods(of: company, db: db)
                // Usage per local month: distinct months from the first to the last record.
                let range = try GRDB.Row.fetchOne(
                    db,
                    sql:
                        #"SELECT MIN("occurredAt") AS first, MAX("occurredAt") AS last FROM "cs_ai_usage" WHERE "companyId" = ?"#,
                    arguments: [company])
                var months = Set(closed)
                if let first = range?["first"] as String?, let last = range?["last"] as String?,
                    case .success(let from) = UTCTimestamp.parse(first),
                    case .success(let to) = UTCTimestamp.parse(last)
                {
                    var month = context.zone.day(containing: from).calendarMonth
                    let end = context.zone.day(containing: to).calendarMonth
                    while month <= end {
                        months.insert(month)
                        month = month.next
                    }
                }
                let known = try KnownUsage(company: company, closedBefore: nil, db: db)
                for month in months.sorted() {
                    let bounds = context.zone.bounds(of: month)
                    let table = BillingClose.inputTable(month)
                    let isClosed = closed.contains(month)
                    var records = 0
                    var late = 0
                    var changed = 0
                    // With fresh billing rollups, a month's count is its days' digests' count, and a
                    // closed month whose digest is the one its latest close recorded has nothing
                    // pending: no record is read. Otherwise every record is looked up in the ledger.
                    let digest = rollups ? try BillingRollups.digest(company: company, period: month, db: db) : nil
                    if let digest, try !isClosed || known.digest(table: table, db: db) == digest {
                        records = Int(digest.count)
                    } else {
                        try UsageRecord.forEach(company: company, bounds: bounds, db: db) { record in
                            records += 1
                            guard isClosed else { return }
                            switch try known.standing(of: record, table: table) {
                            case .late: late += 1
                            case .changed: changed += 1
                            case .known: break
                            }
                        }
                        if isClosed {
                            changed += try known.gone(table: table, company: company, bounds: bounds, db: db).count
                        }
                    }
                    guard isClosed else {
                        if records > 0 {
                            rows.append(
                                Row(
                                    company: company, companyName: context.name, period: "\(month)", state: "open",
                                    asOf: nil,
                                    currency: context.currency,
                                    amountDueMinor: nil, records: records, lateRecords: 0, changedRecords: 0))
                        }
                        continue
                    }
                    let ledger = try GRDB.Row.fetchOne(
                        db,
                        sql: """
                            SELECT c."asOf", (SELECT SUM(l."amountMinor") FROM "tally_billing_lines" AS l WHERE l."closeId" = c."id") AS due
                            FROM "tally_closes" AS c WHERE c."id" = ?
                            """, arguments: [MonthlyCloses.closeId(kind: BillingClose.kind, company, month)])
                    rows.append(
                        Row(
                            company: company, companyName: context.name, period: "\(month)",
                            state: late + changed > 0 ? "closed, adjustments pending" : "closed", asOf: ledger?["asOf"],
                            currency: context.currency, amountDueMinor: ledger?["due"], records: records,
                            lateRecords: late, changedRecords: changed))
                }
            }
            return rows
        }
    }
}
