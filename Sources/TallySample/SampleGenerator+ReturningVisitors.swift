import Foundation

/// Returning visitors: the pre-period history that makes CUPED's variance reduction visible in the
/// A/B report (SampleData/README.md, "Returning visitors").
///
/// A returning visitor is a customer account of its own, signed in when the session starts: the
/// session's lead carries `customerId` whatever the variant, so who has history never depends on the
/// treatment. Their January orders (the 30 days before the tests start on 2026-02-01) follow two
/// things that also drive the session's revenue — the session's propensity (the uniform draw that
/// decides conversion) and the customer's spend level — and neither depends on the variant, which is
/// what CUPED needs of a covariate.
///
/// Everything here is drawn from its own stream (`seed` xor ``streamSalt``), so adding returning
/// visitors left every value the main stream draws where it was.
extension SampleGenerator {
    struct ReturningVisitors {
        /// Per funnel session number − 1: whether it is a returning visitor's.
        let isReturning: [Bool]
        /// Per session number − 1: the session's company.
        let company: [String]

        func contains(session number: Int) -> Bool { isReturning[number - 1] }

        /// The account of session `number`'s returning visitor.
        func customer(session number: Int) -> Customer {
            Customer(
                id: String(format: "cu_r_%07d", number), company: company[number - 1],
                email: "returning\(number)@mail.example")
        }

        /// The returning customers, in session order.
        var customers: [Customer] {
            isReturning.indices.filter { isReturning[$0] }.map { customer(session: $0 + 1) }
        }
    }

    /// The planted share of sessions from returning visitors.
    static let returningShare = 0.5
    static let streamSalt: UInt64 = 0x6375_7065_645F_3237  // "cuped_27"

    /// Which sessions are returning visitors', drawn before anything is written (customers.csv,
    /// written first, lists their accounts).
    func drawReturningVisitors(_ planted: inout SplitMix64) -> ReturningVisitors {
        var isReturning: [Bool] = []
        var company: [String] = []
        for plan in funnelPlans {
            for _ in 0..<plan.sessions {
                isReturning.append(planted.unit() < Self.returningShare)
                company.append(plan.company)
            }
        }
        return ReturningVisitors(isReturning: isReturning, company: company)
    }

    /// A returning customer's spend level: their orders, before and during the test, are this
    /// multiple of the usual basket (0.6 to 1.8).
    static func drawSpendLevel(_ planted: inout SplitMix64) -> Double { 0.6 + 1.2 * planted.unit() }

    /// A returning visitor's orders in the 28 days before the tests start: two to four when the
    /// session's propensity is below 0.15 (a likely buyer: conversion happens below the variant's
    /// rate), one below 0.3, else one in ten has a single order.
    static func drawHistory(
        _ planted: inout SplitMix64, session number: Int, customer: Customer, currency: String, propensity: Double,
        spendLevel: Double, firstNumber: Int
    ) -> [OrderPlan] {
        let count =
            propensity < 0.15 ? 2 + planted.below(3) : propensity < 0.3 ? 1 : (planted.chance(1, in: 10) ? 1 : 0)
        return (0..<count).map { index in
            let subtotal = Int64((Double(1850 + planted.below(6150)) * spendLevel).rounded())
            let orderedAt = epoch - 28 * day + Int64(planted.below(Int(27 * day / 1000))) * 1000
            return OrderPlan(
                id: String(format: "ord_pre_%07d_%d", number, index + 1), number: firstNumber + index,
                company: customer.company, customer: customer, currency: currency, subtotalCents: subtotal,
                discountCents: 0, discountCode: nil, totalCents: subtotal + 495, orderedAt: orderedAt,
                status: "COMPLETED")
        }
    }
}
