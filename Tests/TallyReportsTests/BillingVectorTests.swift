import Foundation
import GRDB
import TallyCore
import XCTest

@testable import TallyCSAI
@testable import TallyLoad
@testable import TallyReporting
@testable import TallyStore

/// Every worked example of `billing_vectors.json` (a copy of the shared vectors, computed
/// independently with exact fractions) runs here: its records go through the loader as a CSV export,
/// its pricing as `tally_cs_ai_price_tiers.csv`, its periods close in order, and every line, total
/// and summary column must match.
final class BillingVectorTests: XCTestCase {
    private final class Sink: LoadEventSink {
        var rejects: [Reject] = []
        func reject(_ reject: Reject) { rejects.append(reject) }
        func warning(_ warning: LoadWarning) {}
        func unknownColumn(file: String, column: String) {}
        func progress(file: String, rows: Int, bytesRead: Int64, bytesTotal: Int64) {}
    }

    nonisolated(unsafe) private static let document: [String: Any] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "Fixtures/billing_vectors.json")
        let data = try! Data(contentsOf: url)
        return try! JSONSerialization.jsonObject(with: data) as! [String: Any]
    }()

    private func csvField(_ value: Any?) -> String {
        switch value {
        case nil, is NSNull: return ""
        case let number as NSNumber: return number.stringValue
        case let text as String: return CSVField.quote(text)
        default: return "\(value!)"
        }
    }

    private func load(_ rows: [[String: Any?]], columns: [String], as name: String, into store: Store, directory: URL)
        throws -> (LoadSummary, [Reject])
    {
        let text =
            ([columns.joined(separator: ",")]
            + rows.map { row in columns.map { csvField(row[$0] ?? nil) }.joined(separator: ",") })
            .joined(separator: "\n") + "\n"
        let file = directory.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        let sink = Sink()
        let summary = try Loader(store: store).load(paths: [file.path], options: LoadOptions(), sink: sink)
        return (summary, sink.rejects)
    }

    private func makeStore(for vector: [String: Any], directory: URL) throws -> Store {
        let store = try Store.open(path: ":memory:")
        let entities = Self.document["entities"] as! [String: [[String: String]]]
        try store.queue.write { db in
            for organization in entities["organizations"]! {
                try db.execute(
                    sql:
                        #"INSERT INTO "organizations" ("id", "name", "slug", "updatedAt") VALUES (?, ?, ?, '2026-01-01T00:00:00.000Z')"#,
                    arguments: [organization["id"], organization["name"], organization["id"]])
            }
            for client in entities["clients"]! {
                try db.execute(
                    sql:
                        #"INSERT INTO "clients" ("id", "organizationId", "name", "slug", "updatedAt") VALUES (?, ?, ?, ?, '2026-01-01T00:00:00.000Z')"#,
                    arguments: [client["id"], client["organizationId"], client["id"], client["id"]])
            }
            for company in entities["companies"]! {
                try db.execute(
                    sql: """
                        INSERT INTO "companies" ("id", "clientId", "name", "slug", "timezone", "currency", "updatedAt")
                        VALUES (?, ?, ?, ?, ?, ?, '2026-01-01T00:00:00.000Z')
                        """,
                    arguments: [
                        company["id"], company["clientId"], company["id"], company["id"], company["timezone"],
                        company["currency"],
                    ])
            }
        }
        // The pricing, as the loadable table's rows (one per tier), through the loader.
        let pricing = vector["pricing"] as! [String: Any]
        var rows: [[String: Any?]] = []
        for component in pricing["components"] as! [[String: Any]] {
            for (index, tier) in (component["tiers"] as! [[String: Any]]).enumerated() {
                rows.append([
                    "id": "\(pricing["organizationId"]!):\(component["usageType"]!):\(component["meter"]!):\(index)",
                    "organizationId": pricing["organizationId"], "effectiveFrom": "2025-01-01T00:00:00.000Z",
                    "currency": pricing["currency"], "minimumMonthlyFeeMinor": pricing["minimumMonthlyFeeMinor"],
                    "roundingMode": pricing["roundingMode"], "usageType": component["usageType"],
                    "meter": component["meter"],
                    "unit": component["unit"], "pricingUnitBase": component["pricingUnitBase"],
                    "perRecordIncrementSeconds": component["perRecordIncrementSeconds"] ?? 1,
                    "perRecordMinimumSeconds": component["perRecordMinimumSeconds"] ?? 0,
                    "periodRounding": component["periodRounding"], "includedUnits": component["includedUnits"],
                    "tierMode": component["tierMode"], "tierIndex": index, "upToUnits": tier["upTo"],
                    "unitPriceMicros": tier["unitPriceMicros"], "flatFeeMinor": tier["flatFeeMinor"],
                ])
            }
        }
        let columns = [
            "id", "organizationId", "effectiveFrom", "currency", "minimumMonthlyFeeMinor", "roundingMode", "usageType",
            "meter",
            "unit", "pricingUnitBase", "perRecordIncrementSeconds", "perRecordMinimumSeconds", "periodRounding",
            "includedUnits", "tierMode", "tierIndex", "upToUnits", "unitPriceMicros", "flatFeeMinor",
        ]
        let (summary, rejects) = try load(
            rows, columns: columns, as: "tally_cs_ai_price_tiers.csv", into: store, directory: directory)
        XCTAssertEqual(rejects, [], "the pricing loads whole")
        XCTAssertEqual(summary.files.first?.inserted, rows.count)
        return store
    }

    func testEveryWorkedExample() throws {
        let vectors = Self.document["vectors"] as! [[String: Any]]
        XCTAssertEqual(vectors.count, 15)
        for vector in vectors { try run(vector) }
    }

    private func run(_ vector: [String: Any]) throws {
        let id = vector["id"] as! String
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "tally-vector-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try makeStore(for: vector, directory: directory)
        for (index, step) in (vector["steps"] as! [[String: Any]]).enumerated() {
            if step["action"] as? String == "load" {
                let columns = [
                    "id", "companyId", "clientId", "usageType", "tier", "channel", "durationSeconds", "messageCount",
                    "occurredAt",
                    "createdAt",
                ]
                let records = (step["records"] as! [[String: Any]]).map { $0.mapValues { Optional($0) } }
                let (summary, rejects) = try load(
                    records, columns: columns, as: "cs_ai_usage-\(index).csv", into: store, directory: directory)
                let expected = step["expect_load_report"] as! [String: [Any]]
                let file = summary.files[0]
                XCTAssertEqual(file.inserted, expected["inserted"]!.count, "\(id) step \(index): inserted")
                XCTAssertEqual(file.updated, expected["updated"]!.count, "\(id) step \(index): updated")
                XCTAssertEqual(
                    file.duplicates, expected["collapsed_duplicates"]!.count, "\(id) step \(index): collapsed")
                let expectedRejects = expected["rejected"] as! [[String: Any]]
                XCTAssertEqual(
                    rejects.map(\.line), expectedRejects.map { $0["line"] as! Int },
                    "\(id) step \(index): rejected lines")
                XCTAssertEqual(rejects.map(\.reason), expectedRejects.map { _ in .duplicateID }, "\(id) step \(index)")
            } else {
                try close(step, vector: id, store: store)
            }
        }
    }

    private func close(_ step: [String: Any], vector id: String, store: Store) throws {
        let expect = step["expect"] as! [String: Any]
        let period = CalendarMonth(step["period"] as! String)!
        let asOf = try UTCTimestamp.parse(expect["periodEnd"] as! String).get() + 86_400_000
        try assertBillingRollupsAgree(company: step["company"] as! String, period: period, asOf: asOf, on: store)
        let (result, plan) = try BillingClose.plan(
            company: step["company"] as! String, period: period, asOf: asOf, on: store)
        let label = "\(id) close \(period)"
        XCTAssertEqual(result.periodStart, expect["periodStart"] as? String, label)
        XCTAssertEqual(result.periodEnd, expect["periodEnd"] as? String, label)
        XCTAssertEqual(result.recordIds.sorted(), (expect["record_ids"] as! [String]).sorted(), label)
        let recomputed = (expect["recomputed_closed_periods"] as! [[String: Any]]).map {
            BillingClose.Recomputed(
                sourcePeriod: $0["sourcePeriod"] as! String,
                lateRecordIds: ($0["late_record_ids"] as! [String]).sorted(),
                changedRecordIds: ($0["changed_record_ids"] as! [String]).sorted())
        }
        XCTAssertEqual(result.recomputed, recomputed, label)
        let lines = (expect["lines"] as! [[String: Any]]).map { line in
            BillingClose.Line(
                kind: BillingClose.Line.Kind(rawValue: line["kind"] as! String)!,
                usageType: line["usageType"] as? String,
                meter: line["meter"] as? String, sourcePeriod: line["sourcePeriod"] as! String,
                quantityBase: (line["quantity_base"] ?? line["quantity_base_delta"]).map { Int64($0 as! Int) },
                billableBase: (line["billable_base"]).map { Int64($0 as! Int) },
                amountMinor: Int64(line["amountMinor"] as! Int))
        }
        XCTAssertEqual(result.lines, lines, label)
        XCTAssertEqual(result.usageSubtotalMinor, Int64(expect["usage_subtotal_minor"] as! Int), label)
        XCTAssertEqual(result.minimumTrueUpMinor, Int64(expect["minimum_true_up_minor"] as! Int), label)
        XCTAssertEqual(result.ownPeriodTotalMinor, Int64(expect["own_period_total_minor"] as! Int), label)
        XCTAssertEqual(result.adjustmentsTotalMinor, Int64(expect["adjustments_total_minor"] as! Int), label)
        XCTAssertEqual(result.amountDueMinor, Int64(expect["amount_due_minor"] as! Int), label)
        let fields = Dictionary(uniqueKeysWithValues: result.summaryFields)
        for (key, value) in expect["summary_row"] as! [String: Any] {
            let expected = value is String ? JSONString.quoted(value as! String) : "\(value)"
            XCTAssertEqual(fields[key], expected, "\(label): summary_row.\(key)")
        }
        XCTAssertEqual(try CloseStage.execute(plan, on: store, dryRun: false), .closed(rows: plan.writes.count), label)
        // A re-run with unchanged inputs writes nothing and prints the same bytes.
        let (again, replan) = try BillingClose.plan(company: result.company, period: period, asOf: asOf, on: store)
        XCTAssertEqual(again.json, result.json, "\(label): a re-run prints the same bytes")
        XCTAssertEqual(try CloseStage.execute(replan, on: store, dryRun: false), .unchanged, label)
    }
}
