import GRDB
import TallyLoad
import TallyReporting
import XCTest

@testable import TallyStore

/// A tiny store built row by row for given/expect report tests.
struct ReportFixture {
    let store: Store

    init() throws {
        store = try Store.open(path: ":memory:")
        try execute(
            """
            INSERT INTO "organizations" ("id", "name", "slug", "updatedAt") VALUES ('o', 'O', 'o', '2026-01-01T00:00:00.000Z');
            INSERT INTO "clients" ("id", "organizationId", "name", "slug", "updatedAt") VALUES ('cl', 'o', 'C', 'c', '2026-01-01T00:00:00.000Z');
            INSERT INTO "companies" ("id", "clientId", "name", "slug", "timezone", "currency", "updatedAt")
            VALUES ('ny', 'cl', 'NY', 'ny', 'America/New_York', 'USD', '2026-01-01T00:00:00.000Z'),
                   ('tk', 'cl', 'TK', 'tk', 'Asia/Tokyo', 'JPY', '2026-01-01T00:00:00.000Z');
            INSERT INTO "customers" ("id", "companyId", "email", "updatedAt")
            VALUES ('cu', 'ny', 'a@x', '2026-01-01T00:00:00.000Z'), ('cutk', 'tk', 'b@x', '2026-01-01T00:00:00.000Z');
            """)
    }

    func execute(_ sql: String) throws {
        try store.queue.write { db in try db.execute(sql: sql) }
    }

    func funnel(
        _ id: String, company: String = "ny", variants: [(String, String, Bool, Int)], minimumSessions: Int? = nil
    ) throws {
        try execute(
            """
            INSERT INTO "funnels" ("id", "companyId", "name", "slug", "shortId", "type", "updatedAt", "createdBy")
            VALUES ('\(id)', '\(company)', 'Funnel \(id)', '\(id)', '\(id)', 'FULL_FUNNEL', '2026-01-01T00:00:00.000Z', 'u')
            """)
        for (variant, name, isControl, weight) in variants {
            try execute(
                """
                INSERT INTO "funnel_variants" ("id", "funnelId", "name", "isControl", "trafficWeight", "updatedAt")
                VALUES ('\(variant)', '\(id)', '\(name)', \(isControl ? 1 : 0), \(weight), '2026-01-01T00:00:00.000Z')
                """)
        }
        if let minimumSessions {
            try execute(
                """
                INSERT INTO "funnel_ab_tests" ("id", "funnelId", "name", "minimumSessions", "updatedAt", "createdBy")
                VALUES ('t_\(id)', '\(id)', 'T', \(minimumSessions), '2026-01-01T00:00:00.000Z', 'u')
                """)
        }
    }

    /// `count` sessions of `variant`, the first `converted` of them completed with an order of
    /// `total` hundredths in `orderStatus`.
    func sessions(
        _ prefix: String, funnel: String, variant: String?, count: Int, converted: Int = 0, total: Int = 1000,
        orderStatus: String = "COMPLETED", startedAt: String = "2026-02-10T12:00:00.000Z", code: String? = nil,
        orderCode: String?? = .none, discount: Int = 0, company: String = "ny", currency: String = "USD"
    ) throws {
        for index in 0..<count {
            let id = "\(prefix)\(index)"
            let variantSQL = variant.map { "'\($0)'" } ?? "NULL"
            let codeSQL = code.map { "'\($0)'" } ?? "NULL"
            var orderSQL = "NULL"
            var status = "ABANDONED"
            if index < converted {
                status = "COMPLETED"
                orderSQL = "'o_\(id)'"
                let effectiveOrderCode: String? =
                    orderCode ?? code.map { $0.trimmingCharacters(in: .whitespaces).uppercased() }
                try execute(
                    """
                    INSERT INTO "orders" ("id", "companyId", "customerId", "orderNumber", "status", "shippingSnapshot", "billingSnapshot",
                        "subtotal", "discountAmount", "discountCode", "total", "currency", "orderedAt", "updatedAt")
                    VALUES ('o_\(id)', '\(company)', '\(company == "ny" ? "cu" : "cutk")', 'N_\(id)', '\(orderStatus)', '{}', '{}',
                        \(total + discount), \(effectiveOrderCode == nil ? 0 : discount), \(effectiveOrderCode.map { "'\($0)'" } ?? "NULL"),
                        \(total), '\(currency)', '\(startedAt)', '2026-01-01T00:00:00.000Z')
                    """)
            }
            try execute(
                """
                INSERT INTO "funnel_sessions" ("id", "funnelId", "sessionToken", "variantId", "status", "orderId", "startedAt",
                    "discountCode", "discountAmount", "currency")
                VALUES ('\(id)', '\(funnel)', 'tok_\(id)', \(variantSQL), '\(status)', \(orderSQL), '\(startedAt)', \(codeSQL),
                    \(code == nil ? "NULL" : String(discount)), '\(currency)')
                """)
        }
    }
}

extension ReportFixture {
    /// `SampleData/` (or a folder in it, `late`) in this checkout.
    static func sampleDataURL(_ folder: String? = nil) -> URL {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("SampleData")
        return folder.map { root.appendingPathComponent($0) } ?? root
    }

    /// Loads `url` (a file or a folder of exports) into `store`, ignoring the loader's events.
    @discardableResult
    static func load(_ url: URL, into store: Store, options: LoadOptions = LoadOptions()) throws -> LoadSummary {
        final class Silent: LoadEventSink {
            func reject(_ reject: Reject) {}
            func warning(_ warning: LoadWarning) {}
            func unknownColumn(file: String, column: String) {}
            func progress(file: String, rows: Int, bytesRead: Int64, bytesTotal: Int64) {}
        }
        return try Loader(store: store).load(paths: [url.path], options: options, sink: Silent())
    }

    /// A store holding all of SampleData's exports (top level; not `late/`).
    static func sampleData() throws -> Store {
        let store = try Store.open(path: ":memory:")
        try load(sampleDataURL(), into: store)
        return store
    }
}

/// A plan computed outside the close stage, run through it: the tests of the stage's own decisions
/// (unchanged, refused, dry run) and of the plans' bytes.
struct PlannedClose: CloseDefinition {
    let plan: ClosePlan

    func plans(in db: Database) throws -> [(detail: Void, plan: ClosePlan)] { [((), plan)] }
}

extension CloseStage {
    /// Runs one precomputed plan through the stage and returns what it did.
    static func execute(_ plan: ClosePlan, on store: Store, dryRun: Bool) throws -> Outcome {
        try run(PlannedClose(plan: plan), on: store, dryRun: dryRun)[0].outcome
    }
}
