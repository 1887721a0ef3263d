import Foundation
import TallyCore
import TallyOutput
import TallyReporting

/// Discount code performance (docs/REPORTS.md, "discount-codes"): per company, currency and
/// canonical code, the session side (completion against the no-code baseline) from
/// `Queries/discount-codes/session-side.sql` beside the order side (sales by discount, Shopify's
/// columns) from `order-side.sql`.
///
/// Row order: company, currency, the `(no code)` baseline first, then codes in byte order. Money is
/// exact in the row's currency (a company with several currencies gets one row per currency, never a
/// sum across them); the average order value is rounded half away from zero to the currency's minor
/// unit. First and last use are UTC.
public struct DiscountCodesReport: ReportDefinition {
    public static let name = "discount-codes"
    public static let baselineCode = "(no code)"

    public var scope: ReportScope
    /// `--min-sessions`: codes used in fewer sessions are left out (orders-only codes are kept).
    public var minimumSessions: Int
    /// `--no-rollups` sets it false: read the base tables even when the rollups are fresh.
    public var readsRollups = true

    public init(scope: ReportScope, minimumSessions: Int = 0) {
        self.scope = scope
        self.minimumSessions = minimumSessions
    }

    /// One company, currency and code of the session side.
    struct SessionLine: QueryRow {
        let companyId: String
        let currency: String
        let code: String
        let spellings: String?
        let sessions: Int
        let completed: Int
        let firstUse: String
        let lastUse: String
    }

    /// One company, currency and code of the order side, sums in hundredths.
    struct OrderLine: QueryRow {
        let companyId: String
        let currency: String
        let code: String
        let spellings: String?
        let orders: Int
        let grossHundredths: Int64
        let discountsHundredths: Int64
        let returnsHundredths: Int64
        let shippingHundredths: Int64
        let taxesHundredths: Int64
        let inconsistentOrders: Int
        let firstUse: String
        let lastUse: String
    }

    /// The order side of a row, in exact money of the row's currency.
    public struct Sales: Sendable {
        public let orders: Int
        public let grossSales: Money
        public let discounts: Money
        public let returns: Money
        public let shipping: Money
        public let taxes: Money
        public let inconsistentOrders: Int

        /// gross − discounts − returns.
        public var netSales: Money { grossSales - discounts - returns }
        /// net sales + shipping + taxes.
        public var totalSales: Money { netSales + shipping + taxes }
        /// (gross − discounts) / orders, rounded half away from zero to the minor unit.
        public var averageOrderValue: Money? {
            orders > 0 ? (grossSales - discounts).dividedRounded(by: Int64(orders)) : nil
        }
        /// discounts / gross.
        public var discountShare: Double? {
            grossSales.minorUnits != 0 ? Double(discounts.minorUnits) / Double(grossSales.minorUnits) : nil
        }
    }

    /// One output row.
    public struct Row: Sendable {
        public let company: String
        public let companyName: String?
        public let currency: String
        public let code: String
        /// Distinct raw spellings from sessions and orders, sorted; nil for the baseline.
        public let spellings: [String]?
        public var isBaseline: Bool { code == DiscountCodesReport.baselineCode }
        /// Session-side counts; nil for codes seen only on orders.
        public let sessions: Int?
        public let completedSessions: Int?
        public let comparison: ProportionComparison?
        /// Order-side sums; nil when no counted order carried the code in the range.
        public let sales: Sales?
        public let firstUse: String?
        public let lastUse: String?
        public var isOrdersOnly: Bool { !isBaseline && sessions == nil }
    }

    public static var columns: [ReportColumn<Row>] {
        [
            .text("company_id") { $0.company }, .text("company_name") { $0.companyName },
            .text("currency", scan: 14) { $0.currency }, .text("code", scan: 1) { $0.code },
            .text("spellings") { $0.spellings?.joined(separator: " | ") },
            .bool("is_baseline") { $0.isBaseline }, .bool("orders_only") { $0.isOrdersOnly },
            .integer("sessions", scan: 8) { $0.sessions },
            .integer("completed_sessions", scan: 9) { $0.completedSessions },
            .rate("completion_rate", scan: 5) { $0.comparison?.rate },
            .rate("completion_rate_low") { $0.comparison?.rateLow },
            .rate("completion_rate_high") { $0.comparison?.rateHigh },
            .rate("completion_lift", shown: .percentagePoints, scan: 6) { $0.comparison?.absoluteLift },
            .rate("completion_relative_lift", shown: .signedPercent) { $0.comparison?.relativeLift },
            .statistic("p_value", scan: 7) { $0.comparison?.pValue },
            .integer("orders", scan: 2) { $0.sales?.orders },
            .money("gross_sales", scan: 10) { $0.sales?.grossSales },
            .money("discounts", scan: 4) { $0.sales?.discounts },
            .money("returns", scan: 11) { $0.sales?.returns },
            .money("net_sales", scan: 3) { $0.sales?.netSales }, .money("shipping") { $0.sales?.shipping },
            .money("taxes") { $0.sales?.taxes }, .money("total_sales", scan: 12) { $0.sales?.totalSales },
            .money("average_order_value") { $0.sales?.averageOrderValue },
            .rate("discount_share") { $0.sales?.discountShare },
            .integer("inconsistent_orders") { $0.sales?.inconsistentOrders },
            .timestamp("first_use") { $0.firstUse }, .timestamp("last_use") { $0.lastUse },
        ]
    }

    /// A row's identity. Sort key: company, currency, the baseline first, then codes in byte order.
    private struct Key: Hashable, Comparable {
        let company: String
        let currency: String
        let code: String

        static func < (a: Key, b: Key) -> Bool {
            if a.company != b.company { return a.company < b.company }
            if a.currency != b.currency { return a.currency < b.currency }
            let (aBase, bBase) = (a.code == baselineCode, b.code == baselineCode)
            return aBase != bBase ? aBase : Array(a.code.utf8).lexicographicallyPrecedes(b.code.utf8)
        }
    }

    public func rows(in context: ReportContext) throws -> [Row] {
        let readsRollups = try context.reads(FunnelRollups.self)
        let rollup = readsRollups ? "-rollup" : ""
        let sessionLines = try context.fetch(SessionLine.self, query: "discount-codes/session-side" + rollup)
        // Orders are not per funnel in the rollup: a funnel filter reads the base tables.
        let orderRollup = readsRollups && scope.funnels.isEmpty ? "-rollup" : ""
        let orderLines = try context.fetch(OrderLine.self, query: "discount-codes/order-side" + orderRollup)
        let sessions = Dictionary(
            uniqueKeysWithValues: sessionLines.map {
                (Key(company: $0.companyId, currency: $0.currency, code: $0.code), $0)
            })
        let orders = Dictionary(
            uniqueKeysWithValues: orderLines.map {
                (Key(company: $0.companyId, currency: $0.currency, code: $0.code), $0)
            })
        // Spellings belong to a company's code whatever the currency.
        var spellings: [String: Set<String>] = [:]
        for (company, code, joined) in sessionLines.map({ ($0.companyId, $0.code, $0.spellings) })
            + orderLines.map({ ($0.companyId, $0.code, $0.spellings) })
        {
            for spelling in joined?.split(separator: "\u{1F}", omittingEmptySubsequences: false) ?? [] {
                spellings["\(company)\u{1F}\(code)", default: []].insert(String(spelling))
            }
        }
        return Set(sessions.keys).union(orders.keys).sorted().compactMap { key in
            let session = sessions[key]
            let isBaseline = key.code == Self.baselineCode
            if !isBaseline, let session, session.sessions < minimumSessions { return nil }
            let baseline =
                isBaseline ? nil : sessions[Key(company: key.company, currency: key.currency, code: Self.baselineCode)]
            let order = orders[key]
            return Row(
                company: key.company, companyName: context.scope.company(key.company)?.name, currency: key.currency,
                code: key.code,
                // Sorted here: GROUP_CONCAT's order is unspecified in SQLite 3.40.
                spellings: isBaseline ? nil : spellings["\(key.company)\u{1F}\(key.code)", default: []].sorted(),
                sessions: session?.sessions, completedSessions: session?.completed,
                comparison: session.map {
                    ProportionComparison(
                        successes: $0.completed, trials: $0.sessions,
                        reference: baseline.map { ($0.completed, $0.sessions) }, includesChanceToBeat: false)
                },
                sales: order.map { Self.sales($0) },
                firstUse: [session?.firstUse, order?.firstUse].compactMap { $0 }.min(),
                lastUse: [session?.lastUse, order?.lastUse].compactMap { $0 }.max())
        }
    }

    private static func sales(_ line: OrderLine) -> Sales {
        func money(_ hundredths: Int64) -> Money { Money(hundredths: hundredths, currency: line.currency) }
        return Sales(
            orders: line.orders, grossSales: money(line.grossHundredths), discounts: money(line.discountsHundredths),
            returns: money(line.returnsHundredths), shipping: money(line.shippingHundredths),
            taxes: money(line.taxesHundredths), inconsistentOrders: line.inconsistentOrders)
    }
}
