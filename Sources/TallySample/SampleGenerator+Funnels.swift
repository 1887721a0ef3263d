import Foundation
import TallyCore

extension SampleGenerator {
    /// One A/B funnel: its variants, their true conversion rates and how traffic really splits.
    struct FunnelPlan {
        let id: String
        let company: String
        let currency: String
        let name: String
        let test: String
        let minimumSessions: Int
        let sessions: Int
        /// (variant id, name, isControl, trafficWeight, share of sessions actually assigned, conversion rate)
        let variants: [(String, String, Bool, Int, Double, Double)]
    }

    /// The planted A/B effects (SampleData/README.md).
    var funnelPlans: [FunnelPlan] {
        [
            // Variant B beats control: 8% → 12.5% on equal traffic.
            FunnelPlan(
                id: "fn_holiday", company: "co_ny", currency: "USD", name: "Holiday Checkout", test: "tst_holiday",
                minimumSessions: 100, sessions: 5000 * scale,
                variants: [
                    ("va_holiday_control", "Control", true, 50, 0.5, 0.08),
                    ("va_holiday_b", "Urgency banner", false, 50, 0.5, 0.125),
                ]),
            // Nothing differs: both arms convert at 10%.
            FunnelPlan(
                id: "fn_upsell", company: "co_ny", currency: "USD", name: "Subscription Upsell", test: "tst_upsell",
                minimumSessions: 500, sessions: 3000 * scale,
                variants: [
                    ("va_upsell_a", "Original", true, 50, 0.5, 0.10),
                    ("va_upsell_b", "New copy", false, 50, 0.5, 0.10),
                ]),
            // Sample-ratio mismatch: configured 50/50, delivered 57.5/42.5.
            FunnelPlan(
                id: "fn_launch", company: "co_be", currency: "EUR", name: "Tee Launch", test: "tst_launch",
                minimumSessions: 100, sessions: 2000 * scale,
                variants: [
                    ("va_launch_a", "Hero A", true, 50, 0.575, 0.09),
                    ("va_launch_b", "Hero B", false, 50, 0.425, 0.09),
                ]),
        ]
    }

    /// Discount codes as customers type them, and how each changes the chance to complete.
    /// (spellings, share of sessions, completion factor, discount rule)
    static let discountPlans: [([String], Double, Double, DiscountRule)] = [
        (["SPRING10", "spring10", " Spring10 "], 0.08, 1.0, .percent(10)),
        (["WELCOME5", "welcome5"], 0.08, 1.8, .fixed(500)),
        (["FREESHIP"], 0.06, 0.4, .freeShipping),
        (["BULK20"], 0.03, 1.0, .percent(20)),
    ]

    enum DiscountRule {
        case percent(Int64)
        case fixed(Int64)
        case freeShipping
    }

    static let sessionColumns = [
        "id", "funnelId", "sessionToken", "variantId", "leadId", "currentStageOrder", "completedStages", "status",
        "selectedProducts", "customerInfo", "shippingAddress", "billingAddress", "customFields", "entryUrl",
        "utmSource",
        "utmMedium", "utmCampaign", "utmTerm", "utmContent", "referrer", "userAgent", "ipAddress", "deviceType",
        "browser",
        "os", "orderId", "totalAmount", "currency", "startedAt", "lastActivityAt", "completedAt", "abandonedAt",
        "cartId",
        "checkoutBehavior", "csSessionId", "privacyAcceptedAt", "termsAcceptedAt", "discountCode", "discountAmount",
    ]

    /// The planted revenue effect: a variant's orders are this multiple of the usual basket
    /// ("New copy" sells the bigger bag: same conversion, +25% revenue per session).
    static let orderValueFactor: [String: Double] = ["va_upsell_b": 1.25]

    mutating func writeFunnels(
        _ random: inout SplitMix64, customers: [Customer], returning: ReturningVisitors, planted: inout SplitMix64
    ) throws -> FunnelResult {
        let plans = funnelPlans
        let funnels = try open(
            "funnels.csv",
            [
                "id", "companyId", "name", "slug", "shortId", "type", "status", "activeTestId", "createdAt",
                "updatedAt", "createdBy",
            ])
        let variants = try open(
            "funnel_variants.csv",
            ["id", "funnelId", "name", "isControl", "trafficWeight", "status", "createdAt", "updatedAt"])
        let tests = try open(
            "funnel_ab_tests.csv",
            [
                "id", "funnelId", "name", "hypothesis", "minimumSessions", "confidenceThreshold", "status", "startedAt",
                "createdAt", "updatedAt", "createdBy",
            ])
        for plan in plans {
            funnels.write([
                .text(plan.id), .text(plan.company), .text(plan.name),
                .text(plan.id.replacingOccurrences(of: "_", with: "-")), .text(plan.id.uppercased()),
                .text("FULL_FUNNEL"), .text("PUBLISHED"), .text(plan.test), .text(Self.created), .text(Self.created),
                .text("user_1"),
            ])
            for variant in plan.variants {
                variants.write([
                    .text(variant.0), .text(plan.id), .text(variant.1), .bool(variant.2), .number(String(variant.3)),
                    .text("ACTIVE"), .text(Self.created), .text(Self.created),
                ])
            }
            tests.write([
                .text(plan.test), .text(plan.id), .text(plan.name + " test"), .text("The variant converts better"),
                .number(String(plan.minimumSessions)), .number("0.95"), .text("RUNNING"),
                .text(Self.pgTimestamp(Self.epoch)), .text(Self.created), .text(Self.created), .text("user_1"),
            ])
        }
        funnels.close()
        variants.close()
        tests.close()

        let sessions = try open("funnel_sessions.csv", Self.sessionColumns)
        let leads = try open(
            "leads.ndjson",
            [
                "id", "companyId", "email", "source", "funnelId", "status", "variantId", "convertedAt", "ipAddress",
                "capturedFields", "firstSeenAt", "lastSeenAt", "createdAt", "updatedAt", "customerId",
            ],
            format: .ndjson)
        var result = FunnelResult()
        let agents = [
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_2) Safari/605.1",
            "Mozilla/5.0 (Windows NT 10.0; Win64, x64) Chrome/131.0",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2, like Mac OS X) Mobile",
        ]
        var sessionNumber = 0
        var orderNumber = 0
        let span = 59 * Self.day  // February and March 2026
        for plan in plans {
            let companyCustomers = customers.filter { $0.company == plan.company }
            for _ in 0..<plan.sessions {
                sessionNumber += 1
                let id = String(format: "fs_%07d", sessionNumber)
                // Variant by its real (not configured) share.
                var pick = random.unit()
                var variant = plan.variants[plan.variants.count - 1]
                for candidate in plan.variants {
                    if pick < candidate.4 {
                        variant = candidate
                        break
                    }
                    pick -= candidate.4
                }
                // A discount code, typed as customers type it.
                var code: String?
                var factor = 1.0
                var rule: DiscountRule?
                var draw = random.unit()
                for (spellings, share, codeFactor, codeRule) in Self.discountPlans {
                    if draw < share {
                        code = spellings[random.below(spellings.count)]
                        factor = codeFactor
                        rule = codeRule
                        break
                    }
                    draw -= share
                }
                let startedAt = Self.epoch + Int64(random.below(Int(span / 1000))) * 1000 + Int64(random.below(1000))
                // The propensity: below the variant's rate the session converts (returning visitors'
                // history follows it too, see SampleGenerator+ReturningVisitors.swift).
                let propensity = random.unit()
                let converts = propensity < variant.5 * factor
                var customer = companyCustomers[random.below(companyCustomers.count)]
                var basket = Double(1850 + random.below(6150)) * (Self.orderValueFactor[variant.0] ?? 1)
                let isReturning = returning.contains(session: sessionNumber)
                if isReturning {
                    customer = returning.customer(session: sessionNumber)
                    let spendLevel = Self.drawSpendLevel(&planted)
                    basket *= spendLevel
                    let history = Self.drawHistory(
                        &planted, session: sessionNumber, customer: customer, currency: plan.currency,
                        propensity: propensity, spendLevel: spendLevel, firstNumber: 2_000_000 + result.history.count)
                    result.history.append(contentsOf: history)
                }
                let subtotal = Int64(basket.rounded())
                var discount: Int64 = 0
                var shipping: Int64 = 495
                switch rule {
                case .percent(let percent)?: discount = (subtotal * percent + 50) / 100
                case .fixed(let cents)?: discount = cents
                case .freeShipping?: shipping = 0
                case nil: break
                }
                var orderID: String?
                var status = "ABANDONED"
                var completedAt: ExportWriter.Field = .null
                var abandonedAt: ExportWriter.Field = .null
                if converts {
                    orderNumber += 1
                    orderID = String(format: "ord_%07d", orderNumber)
                    status = "COMPLETED"
                    let completedTime = startedAt + Int64(120_000 + random.below(600_000))
                    completedAt = .text(Self.pgTimestamp(completedTime))
                    // Orders canceled or refunded after the fact do not count as conversions.
                    let orderStatus =
                        random.chance(2, in: 100) ? "CANCELED" : (random.chance(2, in: 100) ? "REFUNDED" : "COMPLETED")
                    // 1 in 25 orders lose the session's code, and 1 in 40 gain one the session lacked.
                    var orderCode = code
                    if code != nil && random.chance(1, in: 25) { orderCode = nil }
                    if code == nil && random.chance(1, in: 40) {
                        orderCode = "SPRING10"
                        discount = (subtotal * 10 + 50) / 100
                    }
                    let orderDiscount = orderCode == nil ? 0 : discount
                    result.orders.append(
                        OrderPlan(
                            id: orderID!, number: orderNumber, company: plan.company, customer: customer,
                            currency: plan.currency,
                            subtotalCents: subtotal, discountCents: orderDiscount,
                            discountCode: orderCode?.trimmingCharacters(in: .whitespaces).uppercased(),
                            totalCents: subtotal - orderDiscount + shipping, orderedAt: completedTime,
                            status: orderStatus))
                } else if random.chance(1, in: 10) {
                    status = random.chance(1, in: 2) ? "EXPIRED" : "ACTIVE"
                } else {
                    abandonedAt = .text(Self.pgTimestamp(startedAt + Int64(300_000 + random.below(900_000))))
                }
                // 30% of sessions leave their email and become leads (the leads view of the A/B report).
                var leadID: String?
                // Returning visitors are signed in: their lead, with its customerId, exists from the start.
                // (A lead only a returning visitor has draws from `planted`, keeping `random` as it was.)
                let leavesEmail = random.chance(3, in: 10) || converts
                if leavesEmail || isReturning {
                    let address = leavesEmail ? random.below(250) : planted.below(250)
                    leadID = "ld_" + id.dropFirst(3)
                    let seen = Self.pgTimestamp(startedAt).replacingOccurrences(of: " ", with: "T") + "Z"
                    leads.write([
                        .text(leadID!), .text(plan.company), .text("lead\(sessionNumber)@mail.example"),
                        .text("FUNNEL"), .text(plan.id),
                        .text(converts ? "CONVERTED" : "IDENTIFIED"), .text(variant.0),
                        converts
                            ? .text(
                                Self.offsetTimestamp(startedAt + 600_000, offsetHours: plan.company == "co_be" ? 1 : -5)
                            ) : .null,
                        .text("198.51.100.\(address)"), .json("{\"email\":true}"), .text(seen), .text(seen),
                        .text(seen), .text(seen), isReturning ? .text(customer.id) : .null,
                    ])
                }
                let agent: String =
                    sessionNumber == 42
                    ? "Mozilla/5.0 (X11; Linux x86_64)\nEmbedded-Newline/1.0" : agents[random.below(agents.count)]
                let total =
                    orderID == nil
                    ? ExportWriter.Field.null : Self.money(subtotal - (code == nil ? 0 : discount) + shipping)
                sessions.write([
                    .text(id), .text(plan.id), .text("tok_" + id), .text(variant.0),
                    leadID.map(ExportWriter.Field.text) ?? .null,
                    .number(converts ? "3" : String(random.below(3))), .textArray(converts ? ["0", "1", "2"] : ["0"]),
                    .text(status),
                    .json("[]"), .json("{}"), .null, .null, .json("{}"),
                    .text("/\(plan.id)"), random.chance(1, in: 2) ? .text("google") : .null,
                    random.chance(1, in: 2) ? .text("cpc") : .null,
                    random.chance(1, in: 3) ? .text("spring-sale") : .null,
                    random.chance(1, in: 5) ? .text("") : .null, .null,
                    random.chance(1, in: 4) ? .text("https://www.google.com/") : .null,
                    .text(agent), .text("203.0.113.\(random.below(250))"), .text(random.pick(["desktop", "mobile"])),
                    .text(random.pick(["Safari", "Chrome"])), .text(random.pick(["macOS", "Windows", "iOS"])),
                    orderID.map(ExportWriter.Field.text) ?? .null, total, .text(plan.currency),
                    .text(
                        sessionNumber % 97 == 0
                            ? Self.offsetTimestamp(startedAt, offsetHours: 2) : Self.pgTimestamp(startedAt)),
                    .text(Self.pgTimestamp(startedAt + 60_000)), completedAt, abandonedAt, .null, .null, .null,
                    converts ? .text(Self.pgTimestamp(startedAt + 30_000)) : .null,
                    converts ? .text(Self.pgTimestamp(startedAt + 30_000)) : .null,
                    code.map(ExportWriter.Field.text) ?? .null,
                    code == nil
                        ? .null
                        : Self.money(
                            rule.map { if case .freeShipping = $0 { return 495 } else { return discount } } ?? 0),
                ])
            }
        }
        sessions.close()
        leads.close()
        return result
    }

    /// Orders and refunds: the funnels' orders, orders outside any funnel, then the returning
    /// visitors' January `history` (never refunded; it draws nothing from `random`).
    mutating func writeOrdersAndRefunds(_ random: inout SplitMix64, orders: [OrderPlan], history: [OrderPlan]) throws {
        let writer = try open(
            "orders.csv",
            [
                "id", "companyId", "customerId", "orderNumber", "type", "status", "shippingSnapshot", "billingSnapshot",
                "subtotal", "discountAmount", "discountCode", "shippingAmount", "taxAmount", "total", "currency",
                "paymentStatus", "orderedAt", "createdAt", "updatedAt",
            ])
        let refunds = try open(
            "refunds.csv",
            [
                "id", "companyId", "customerId", "orderId", "type", "status", "reason", "requestedAmount",
                "approvedAmount", "currency", "approvalLevel", "initiatedBy", "createdAt", "updatedAt", "completedAt",
            ])
        var all = orders
        // Orders outside any funnel, with a code no session ever used (VIPONLY).
        let extra = max(1, orders.count / 50)
        for index in 0..<extra {
            let base = orders[index % orders.count]
            all.append(
                OrderPlan(
                    id: String(format: "ord_vip_%05d", index), number: 900_000 + index, company: base.company,
                    customer: base.customer,
                    currency: base.currency, subtotalCents: 5000, discountCents: 750, discountCode: "VIPONLY",
                    totalCents: 4745,
                    orderedAt: base.orderedAt + 3_600_000, status: "COMPLETED"))
        }
        var refundNumber = 0
        for (index, order) in (all + history).enumerated() {
            let shipping = order.totalCents - order.subtotalCents + order.discountCents
            let at = Self.pgTimestamp(order.orderedAt)
            writer.write([
                .text(order.id), .text(order.company), .text(order.customer.id),
                .text(String(format: "N%07d", order.number)), .text("ONE_TIME"),
                .text(order.status), .json("{\"city\": \"Springfield, IL\"}"), .json("{}"),
                Self.money(order.subtotalCents),
                Self.money(order.discountCents), order.discountCode.map(ExportWriter.Field.text) ?? .null,
                Self.money(shipping), .number("0"),
                Self.money(order.totalCents), .text(order.currency), .text("PAID"), .text(at), .text(at), .text(at),
            ])
            guard index < all.count else { continue }
            // Refunds: every REFUNDED order in full; 1 in 20 completed orders in part (some still pending).
            if order.status == "REFUNDED" || (order.status == "COMPLETED" && random.chance(1, in: 20)) {
                refundNumber += 1
                let full = order.status == "REFUNDED"
                let amount = full ? order.totalCents : order.totalCents / 4
                let completed = full || !random.chance(1, in: 3)
                let refundAt = Self.pgTimestamp(order.orderedAt + 3 * Self.day)
                refunds.write([
                    .text(String(format: "rf_%06d", refundNumber)), .text(order.company), .text(order.customer.id),
                    .text(order.id),
                    .text(full ? "FULL" : "PARTIAL"), .text(completed ? "COMPLETED" : "PENDING"),
                    .text(full ? "CUSTOMER_REQUEST" : "DAMAGED_ITEM"),
                    Self.money(amount), completed ? Self.money(amount) : .null, .text(order.currency), .text("AI_REP"),
                    .text("user_1"),
                    .text(refundAt), .text(refundAt), completed ? .text(refundAt) : .null,
                ])
            }
        }
        writer.close()
        refunds.close()
    }
}
