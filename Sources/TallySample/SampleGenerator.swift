import Foundation
import TallyCore

/// Generates a complete, deterministic set of export files with planted effects for every report.
///
/// Same seed and scale → identical bytes. Scale 1 is the committed `SampleData/` (10,000 funnel
/// sessions, 100,000 affiliate clicks); scale 100 gives about 1M sessions and 10M clicks. Every file
/// streams to disk row by row, so memory stays flat at any scale. What is planted is documented in
/// `SampleData/README.md`; the report tests assert that the reports find it.
public struct SampleGenerator {
    public let seed: UInt64
    public let scale: Int
    public let directory: String

    public init(seed: UInt64, scale: Int, directory: String) {
        self.seed = seed
        self.scale = max(1, scale)
        self.directory = directory
    }

    /// The files written, in the order they were written.
    public internal(set) var files: [String] = []

    /// A fixed epoch: 2026-02-01T00:00:00Z. Generated data never reads the clock.
    static let epoch = Int64(UTCTimestamp.daysFromCivil(year: 2026, month: 2, day: 1)) * 86_400_000
    static let day: Int64 = 86_400_000

    public mutating func generate() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var random = SplitMix64(seed: seed)
        var planted = SplitMix64(seed: seed ^ Self.streamSalt)
        let returning = drawReturningVisitors(&planted)
        try writeCore()
        let customers = try writeCustomers(&random, returning: returning.customers)
        let funnelResult = try writeFunnels(&random, customers: customers, returning: returning, planted: &planted)
        try writeOrdersAndRefunds(&random, orders: funnelResult.orders, history: funnelResult.history)
        try writeAffiliates(&random, orders: funnelResult.orders, customers: customers)
        try writeCustomerService(&random, customers: customers)
    }

    // MARK: Writers

    mutating func open(_ name: String, _ columns: [String], format: ExportWriter.Format = .csv) throws -> ExportWriter {
        files.append(name)
        // A name with a folder (`late/cs_ai_usage.ndjson`) is an export delivered later, loaded apart.
        let folder = ((directory as NSString).appendingPathComponent(name) as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return try ExportWriter(
            path: (directory as NSString).appendingPathComponent(name), format: format, columns: columns)
    }

    /// PostgreSQL `COPY` prints `timestamp(3)` without a zone and trims trailing zeros of the fraction.
    static func pgTimestamp(_ milliseconds: Int64) -> String {
        var text = UTCTimestamp.format(milliseconds)
        text = text.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: "")
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// The same instant written with an explicit offset, as a `timestamptz` export or a hand-made file would.
    static func offsetTimestamp(_ milliseconds: Int64, offsetHours: Int) -> String {
        let local = pgTimestamp(milliseconds + Int64(offsetHours) * 3_600_000)
        return local + (offsetHours >= 0 ? "+" : "-") + String(format: "%02d:00", abs(offsetHours))
    }

    static func money(_ cents: Int64) -> ExportWriter.Field {
        .number(Money.decimalText(minorUnits: cents, exponent: 2))
    }

    static let created = pgTimestamp(epoch - 60 * day)

    private mutating func writeCore() throws {
        let organizations = try open(
            "organizations.csv", ["id", "name", "slug", "billingPlan", "billingStatus", "createdAt", "updatedAt"])
        organizations.write([
            .text("org_1"), .text("Roastery Group"), .text("roastery"), .text("PROFESSIONAL"), .text("ACTIVE"),
            .text(Self.created), .text(Self.created),
        ])
        organizations.close()
        let clients = try open(
            "clients.csv", ["id", "organizationId", "name", "slug", "plan", "status", "createdAt", "updatedAt"])
        clients.write([
            .text("cl_1"), .text("org_1"), .text("Roastery Brands"), .text("brands"), .text("STANDARD"),
            .text("ACTIVE"), .text(Self.created), .text(Self.created),
        ])
        clients.close()
        let companies = try open(
            "companies.csv",
            ["id", "clientId", "name", "slug", "timezone", "currency", "settings", "status", "createdAt", "updatedAt"])
        companies.write([
            .text("co_ny"), .text("cl_1"), .text("Hudson Coffee, Inc."), .text("hudson"), .text("America/New_York"),
            .text("USD"), .json("{}"), .text("ACTIVE"), .text(Self.created), .text(Self.created),
        ])
        companies.write([
            .text("co_be"), .text("cl_1"), .text("Spree Tee GmbH"), .text("spree"), .text("Europe/Berlin"),
            .text("EUR"), .json("{\"vat\": \"DE123\"}"), .text("ACTIVE"), .text(Self.created), .text(Self.created),
        ])
        companies.close()
        let products = try open(
            "products.csv", ["id", "companyId", "sku", "name", "slug", "price", "currency", "status", "updatedAt"])
        products.write([
            .text("pr_beans"), .text("co_ny"), .text("BEANS-1"), .text("House Beans"), .text("beans"), .number("18.50"),
            .text("USD"), .text("ACTIVE"), .text(Self.created),
        ])
        products.write([
            .text("pr_tea"), .text("co_be"), .text("TEA-1"), .text("Spree Green"), .text("tea"), .number("12.00"),
            .text("EUR"), .text("ACTIVE"), .text(Self.created),
        ])
        products.close()
    }

    struct Customer {
        let id: String
        let company: String
        let email: String
    }

    /// The 800·scale customers every generator draws from, after which customers.csv lists the
    /// returning visitors' accounts (not returned: nothing else draws them).
    private mutating func writeCustomers(_ random: inout SplitMix64, returning: [Customer]) throws -> [Customer] {
        let writer = try open(
            "customers.csv",
            [
                "id", "companyId", "email", "firstName", "lastName", "phone", "metadata", "status", "createdAt",
                "updatedAt",
            ])
        var customers: [Customer] = []
        let names = ["Ana", "Ben", "Chloé", "Dmitri", "Eun-ji", "Farid", "Grace", "Hiro", "Inès", "José"]
        for index in 0..<(800 * scale) {
            let company = index % 4 == 3 ? "co_be" : "co_ny"
            let first = names[index % names.count]
            // One customer shares the email of affiliate partner "ap_self" (the planted self-referral).
            let email = index == 8 ? "sam.self@partners.example" : "\(first.lowercased())\(index)@mail.example"
            customers.append(Customer(id: String(format: "cu_%06d", index), company: company, email: email))
            writer.write([
                .text(customers.last!.id), .text(company), .text(email), .text(first), .text("Customer \(index)"),
                random.chance(1, in: 3) ? .null : .text("+1-555-\(1000 + index % 9000)"), .json("{}"), .text("ACTIVE"),
                .text(Self.created), .text(Self.created),
            ])
        }
        for customer in returning {
            writer.write([
                .text(customer.id), .text(customer.company), .text(customer.email), .text("Returning"),
                .text("Visitor \(customer.id.dropFirst(5))"), .null, .json("{}"), .text("ACTIVE"), .text(Self.created),
                .text(Self.created),
            ])
        }
        writer.close()
        return customers
    }

    struct OrderPlan {
        let id: String
        let number: Int
        let company: String
        let customer: Customer
        let currency: String
        let subtotalCents: Int64
        let discountCents: Int64
        let discountCode: String?
        let totalCents: Int64
        let orderedAt: Int64
        let status: String
    }

    struct FunnelResult {
        var orders: [OrderPlan] = []
        /// Returning visitors' orders before the tests start (no session, no refund, no affiliate).
        var history: [OrderPlan] = []
    }
}
