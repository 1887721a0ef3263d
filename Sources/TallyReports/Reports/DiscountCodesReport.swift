import Foundation
import GRDB
import TallyCore
import TallyOutput
import TallyStore

/// Discount code performance (DATA_MODEL §5.2): per company, currency and canonical code, from
/// `Queries/discount-codes.sql`, with the no-code baseline and each code's completion-rate lift.
///
/// Row order: company, currency, the `(no code)` baseline first, then codes in byte order. Money is
/// exact in the row's currency (a company with several currencies gets one row per currency, never a
/// sum across them); rates and p-values print with 6 decimals; averages are money rounded half away
/// from zero to the currency's minor unit. First and last use are UTC.
public struct DiscountCodesReport {
    public var scope: ReportScope
    /// `--min-sessions`: codes used in fewer sessions are left out (orders-only codes are kept).
    public var minimumSessions: Int

    public init(scope: ReportScope, minimumSessions: Int = 0) {
        self.scope = scope
        self.minimumSessions = minimumSessions
    }

    public static let baselineCode = "(no code)"

    public static let columns = [
        "company_id", "currency", "code", "spellings", "is_baseline", "orders_only", "sessions", "completed_sessions",
        "completion_rate", "completion_rate_low", "completion_rate_high", "completion_lift", "completion_relative_lift",
        "p_value", "orders", "total_discount", "gross_revenue", "net_revenue", "average_order_value", "average_discount",
        "discount_share", "first_use", "last_use",
    ]

    struct Line {
        let company: String
        let currency: String
        let code: String
        let spellings: [String]
        let sessions: Int?
        let completed: Int?
        let orders: Int?
        let discount: Int64?
        let gross: Int64?
        let total: Int64?
        let refunded: Int64?
        let firstUse: String?
        let lastUse: String?
    }

    public func run(on store: Store) throws -> ReportTable {
        let lines = try store.queue.write { db -> [Line] in
            try scope.install(in: db)
            return try Row.fetchAll(
                db, sql: QueryCatalog.sql("discount-codes"), arguments: ["hasFunnelFilter": scope.funnels.isEmpty ? 0 : 1]
            ).map { row in
                let currency: String = row["currency"]
                func money(_ column: String) -> Int64? {
                    (row[column] as Int64?).map { VariantConversionReport.minorUnits($0, currency: currency) }
                }
                let joined: String? = row["spellings"]
                return Line(
                    company: row["company_id"], currency: currency, code: row["code"],
                    // Sorted here: GROUP_CONCAT's order is unspecified in SQLite 3.40.
                    spellings: (joined?.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init) ?? []).sorted(),
                    sessions: row["sessions"], completed: row["completed"], orders: row["orders"],
                    discount: money("discount_hundredths"), gross: money("gross_hundredths"), total: money("total_hundredths"),
                    refunded: money("refunded_hundredths"), firstUse: row["first_use"], lastUse: row["last_use"])
            }
        }
        var rows: [[ReportValue]] = []
        let groups = Dictionary(grouping: lines) { "\($0.company)\u{1F}\($0.currency)" }
        for key in groups.keys.sorted() {
            let group = groups[key]!
            let baseline = group.first { $0.code == Self.baselineCode }
            let ordered = group.sorted { a, b in
                (a.code == Self.baselineCode) != (b.code == Self.baselineCode) ? a.code == Self.baselineCode : a.code < b.code
            }
            for line in ordered {
                if line.code != Self.baselineCode, let sessions = line.sessions, sessions < minimumSessions { continue }
                rows.append(row(for: line, baseline: baseline))
            }
        }
        return ReportTable(columns: Self.columns, rows: rows)
    }

    private func row(for line: Line, baseline: Line?) -> [ReportValue] {
        let isBaseline = line.code == Self.baselineCode
        let sessions = line.sessions ?? 0
        let completed = line.completed ?? 0
        let rate = line.sessions.flatMap { $0 > 0 ? Double(completed) / Double($0) : nil }
        let interval = line.sessions.flatMap { Proportions.wilsonInterval(successes: completed, trials: $0) }
        var lift: Double?
        var relativeLift: Double?
        var pValue: Double?
        if !isBaseline, let baseline, let baseSessions = baseline.sessions, baseSessions > 0, sessions > 0, let rate {
            let baseCompleted = baseline.completed ?? 0
            let baseRate = Double(baseCompleted) / Double(baseSessions)
            lift = rate - baseRate
            relativeLift = baseRate > 0 ? rate / baseRate - 1 : nil
            pValue = Proportions.pooledZTestPValue(
                successesA: baseCompleted, trialsA: baseSessions, successesB: completed, trialsB: sessions)
        }
        func money(_ value: Int64?) -> ReportValue {
            value.map { .money(Money(minorUnits: $0, currency: line.currency)) } ?? .null
        }
        let net = line.total.map { $0 - (line.refunded ?? 0) }
        let orders = line.orders ?? 0
        return [
            .text(line.company), .text(line.currency), .text(line.code),
            isBaseline ? .null : .text(line.spellings.joined(separator: " | ")), .bool(isBaseline),
            .bool(!isBaseline && (line.sessions ?? 0) == 0), line.sessions.map { .integer(Int64($0)) } ?? .null,
            line.sessions == nil ? .null : .integer(Int64(completed)),
            VariantConversionReport.stat(rate), VariantConversionReport.stat(interval?.low), VariantConversionReport.stat(interval?.high),
            VariantConversionReport.stat(lift), VariantConversionReport.stat(relativeLift), VariantConversionReport.stat(pValue),
            line.orders.map { .integer(Int64($0)) } ?? .null, money(line.discount), money(line.gross), money(net),
            orders > 0 ? money(line.total.map { Money.divideRounded($0, by: Int64(orders)) }) : .null,
            orders > 0 ? money(line.discount.map { Money.divideRounded($0, by: Int64(orders)) }) : .null,
            VariantConversionReport.stat(line.gross.flatMap { $0 > 0 ? Double(line.discount ?? 0) / Double($0) : nil }),
            line.firstUse.map(ReportValue.text) ?? .null, line.lastUse.map(ReportValue.text) ?? .null,
        ]
    }
}
