import Foundation
import TallyCore
import TallyOutput

/// Discount code performance (docs/REPORTS.md, "discount-codes"): per company, currency and
/// canonical code, from `Queries/discount-codes/`, with the no-code baseline and each code's
/// completion-rate lift.
///
/// Row order: company, currency, the `(no code)` baseline first, then codes in byte order. Money is
/// exact in the row's currency (a company with several currencies gets one row per currency, never a
/// sum across them); averages are money rounded half away from zero to the currency's minor unit.
/// First and last use are UTC.
public struct DiscountCodesReport: ReportDefinition {
    public static let name = "discount-codes"
    public static let baselineCode = "(no code)"

    public var scope: ReportScope
    /// `--min-sessions`: codes used in fewer sessions are left out (orders-only codes are kept).
    public var minimumSessions: Int

    public init(scope: ReportScope, minimumSessions: Int = 0) {
        self.scope = scope
        self.minimumSessions = minimumSessions
    }

    /// One company, currency and code, as `Queries/discount-codes/codes.sql` returns it.
    struct Line: QueryRow {
        let companyId: String
        let currency: String
        let code: String
        let spellings: String?
        let sessions: Int?
        let completed: Int?
        let orders: Int?
        let discountHundredths: Int64?
        let grossHundredths: Int64?
        let totalHundredths: Int64?
        let refundedHundredths: Int64?
        let firstUse: String?
        let lastUse: String?

        var isBaseline: Bool { code == DiscountCodesReport.baselineCode }
    }

    /// One output row.
    public struct Row: Sendable {
        public let company: String
        public let currency: String
        public let code: String
        /// Distinct raw spellings, sorted; nil for the baseline.
        public let spellings: [String]?
        public let isBaseline: Bool
        public let isOrdersOnly: Bool
        /// Session-side counts; nil for codes seen only on orders.
        public let sessions: Int?
        public let completedSessions: Int?
        public let comparison: ProportionComparison?
        public let orders: Int?
        public let totalDiscount: Money?
        public let grossRevenue: Money?
        public let netRevenue: Money?
        public let averageOrderValue: Money?
        public let averageDiscount: Money?
        public let discountShare: Double?
        public let firstUse: String?
        public let lastUse: String?
    }

    public static var columns: [ReportColumn<Row>] {
        [
            .text("company_id") { $0.company }, .text("currency", shown: true) { $0.currency },
            .text("code", shown: true) { $0.code }, .text("spellings") { $0.spellings?.joined(separator: " | ") },
            .bool("is_baseline") { $0.isBaseline }, .bool("orders_only") { $0.isOrdersOnly },
            .integer("sessions", shown: true) { $0.sessions },
            .integer("completed_sessions", shown: true) { $0.completedSessions },
            .statistic("completion_rate", shown: true) { $0.comparison?.rate },
            .statistic("completion_rate_low") { $0.comparison?.rateLow },
            .statistic("completion_rate_high") { $0.comparison?.rateHigh },
            .statistic("completion_lift", shown: true) { $0.comparison?.absoluteLift },
            .statistic("completion_relative_lift") { $0.comparison?.relativeLift },
            .statistic("p_value", shown: true) { $0.comparison?.pValue }, .integer("orders", shown: true) { $0.orders },
            .money("total_discount", shown: true) { $0.totalDiscount },
            .money("gross_revenue", shown: true) { $0.grossRevenue },
            .money("net_revenue", shown: true) { $0.netRevenue },
            .money("average_order_value") { $0.averageOrderValue },
            .money("average_discount") { $0.averageDiscount }, .statistic("discount_share") { $0.discountShare },
            .timestamp("first_use") { $0.firstUse }, .timestamp("last_use") { $0.lastUse },
        ]
    }

    public func rows(in context: ReportContext) throws -> [Row] {
        let lines = try context.fetch(Line.self, query: "discount-codes/codes")
        var rows: [Row] = []
        // Sort key: company, currency (the SQL's order, kept by grouping in first-seen order).
        let groups = Dictionary(grouping: lines) { "\($0.companyId)\u{1F}\($0.currency)" }
        for key in groups.keys.sorted() {
            let group = groups[key]!
            let baseline = group.first(where: \.isBaseline)
            let ordered = group.sorted { a, b in a.isBaseline != b.isBaseline ? a.isBaseline : a.code < b.code }
            for line in ordered {
                if !line.isBaseline, let sessions = line.sessions, sessions < minimumSessions { continue }
                rows.append(row(for: line, baseline: baseline))
            }
        }
        return rows
    }

    private func row(for line: Line, baseline: Line?) -> Row {
        let completed = line.completed ?? 0
        let reference: (Int, Int)? = line.isBaseline ? nil : baseline?.sessions.map { (baseline?.completed ?? 0, $0) }
        let comparison = line.sessions.map {
            ProportionComparison(successes: completed, trials: $0, reference: reference, includesChanceToBeat: false)
        }
        func money(_ hundredths: Int64?) -> Money? { hundredths.map { Money(hundredths: $0, currency: line.currency) } }
        let total = money(line.totalHundredths)
        let discount = money(line.discountHundredths)
        let gross = money(line.grossHundredths)
        let orders = Int64(line.orders ?? 0)
        func average(_ amount: Money?) -> Money? {
            guard orders > 0, let amount else { return nil }
            return Money(minorUnits: Money.divideRounded(amount.minorUnits, by: orders), currency: line.currency)
        }
        return Row(
            company: line.companyId, currency: line.currency, code: line.code,
            // Sorted here: GROUP_CONCAT's order is unspecified in SQLite 3.40.
            spellings: line.isBaseline
                ? nil
                : (line.spellings?.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init) ?? [])
                    .sorted(),
            isBaseline: line.isBaseline, isOrdersOnly: !line.isBaseline && (line.sessions ?? 0) == 0,
            sessions: line.sessions, completedSessions: line.sessions == nil ? nil : completed, comparison: comparison,
            orders: line.orders, totalDiscount: discount, grossRevenue: gross,
            netRevenue: total.map {
                Money(
                    minorUnits: $0.minorUnits - (money(line.refundedHundredths)?.minorUnits ?? 0),
                    currency: line.currency)
            },
            averageOrderValue: average(total), averageDiscount: average(discount),
            discountShare: line.grossHundredths.flatMap {
                $0 > 0 ? Double(line.discountHundredths ?? 0) / Double($0) : nil
            },
            firstUse: line.firstUse, lastUse: line.lastUse)
    }
}
