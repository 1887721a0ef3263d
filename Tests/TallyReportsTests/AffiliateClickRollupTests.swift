import GRDB
import TallyCore
import TallyLoad
import TallyOutput
import TallyStore
import XCTest

@testable import TallyAffiliate
@testable import TallyRegistry
@testable import TallyReporting

/// The affiliate click rollup (docs/AFFILIATE.md, "Performance") gives the bytes of a pass over
/// every click, and the candidate clicks read through the visitor index have the standings that
/// pass gives them.
final class AffiliateClickRollupTests: XCTestCase {
    /// The CSV of `report` read from the rollup and from a pass over every click, asserted equal.
    private func assertBothWaysAgree<Report: ReportDefinition>(
        _ report: Report, on store: Store, readsRollups: WritableKeyPath<Report, Bool>, _ label: String,
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        var fast = report
        fast[keyPath: readsRollups] = true
        var slow = report
        slow[keyPath: readsRollups] = false
        XCTAssertEqual(
            CSVWriter().render(try fast.run(on: store)), CSVWriter().render(try slow.run(on: store)), label,
            file: file, line: line)
    }

    /// SampleData loaded through the load hooks, as `tally load` does.
    private func sampleDataWithRollups(path: String = ":memory:") throws -> Store {
        let store = try Store.open(path: path)
        var options = LoadOptions()
        options.preparing = { try Registry.rollups.prepareLoad($0, tables: $1) }
        options.finishing = { try Registry.rollups.finishLoad($0, tables: $1) }
        try ReportFixture.load(ReportFixture.sampleDataURL(), into: store, options: options)
        return store
    }

    func testSampleDataReportsAgreeWithAndWithoutTheClickRollup() throws {
        let store = try sampleDataWithRollups()
        XCTAssertTrue(try store.queue.read(AffiliateClickRollups.areFresh), "the load builds the rollup")
        var linear = AttributionOptions()
        linear.model = .linear
        var decay = AttributionOptions()
        decay.model = .timeDecay
        decay.includesSuspicious = true
        decay.windowDays = 7
        let february = ReportScope(from: CalendarDay("2026-02-10"), to: CalendarDay("2026-02-20"))
        let cases: [(ReportScope, AttributionOptions, [AffiliateReport.Grouping])] = [
            (ReportScope(), AttributionOptions(), [.partner]),
            (february, linear, [.link]),
            (ReportScope(), decay, [.subid1, .partnershipType]),
            (february, AttributionOptions(), [.tier, .day]),
            (ReportScope(companies: ["co_be"]), linear, [.partner, .day]),
            (ReportScope(), decay, [.subid2]),
        ]
        for (scope, options, groupings) in cases {
            try assertBothWaysAgree(
                AffiliateReport(scope: scope, options: options, groupings: groupings), on: store,
                readsRollups: \.readsRollups, "\(groupings) \(options.model) \(scope)")
        }
        for (scope, options) in [(ReportScope(), AttributionOptions()), (february, decay)] {
            try assertBothWaysAgree(
                AffiliateFraudReport(scope: scope, options: options), on: store, readsRollups: \.readsRollups,
                "fraud \(options.model) \(scope)")
        }
    }

    /// A change outside a load marks the rollup stale (a click, a program's deduplication window),
    /// the report then passes over the clicks and still agrees, and a rebuild makes it fresh again.
    func testAChangeOutsideALoadMarksTheClickRollupStale() throws {
        let store = try sampleDataWithRollups()
        for change in [
            #"UPDATE "affiliate_clicks" SET "status" = 'SUSPICIOUS' WHERE "rowid" % 7 = 0"#,
            #"UPDATE "affiliate_program_configs" SET "deduplicationWindowMins" = 600"#,
        ] {
            let before = CSVWriter().render(try AffiliateReport(scope: ReportScope()).run(on: store))
            try store.queue.write { db in try db.execute(sql: change) }
            XCTAssertFalse(try store.queue.read(AffiliateClickRollups.areFresh), change)
            let stale = CSVWriter().render(try AffiliateReport(scope: ReportScope()).run(on: store))
            XCTAssertNotEqual(stale, before, "the change shows through the pass over the clicks: \(change)")
            try store.queue.write { db in try AffiliateClickRollups.rebuild(db) }
            XCTAssertTrue(try store.queue.read(AffiliateClickRollups.areFresh))
            XCTAssertEqual(CSVWriter().render(try AffiliateReport(scope: ReportScope()).run(on: store)), stale, change)
        }
    }

    /// Every click read as a candidate (through the visitor index and by id) has the standing the
    /// pass over every click gives it: the derived duplicate needs only its own link's and visitor's clicks.
    func testCandidateClicksHaveTheStandingsOfThePassOverEveryClick() throws {
        let store = try ReportFixture.sampleData()
        try ReportContext.reading(store, scope: ReportScope()) { context in
            var everyClick: [String: ClickStanding] = [:]
            var visitors = Set<String>()
            var visitorless = Set<String>()
            try AffiliateAttribution.everyClick(context) { click, standing in
                everyClick[click.id] = standing
                if let visitor = click.visitorId { visitors.insert(visitor) } else { visitorless.insert(click.id) }
            }
            let attribution = AffiliateAttribution(
                options: AttributionOptions(), partners: [:], programs: try AffiliateProgram.all(context.db))
            let pass = try attribution.candidateClicks(context.db, visitors: visitors, ids: visitorless)
            let candidates = pass.candidates.values.flatMap { $0 } + Array(pass.byID.values)
            XCTAssertEqual(candidates.count, everyClick.count)
            XCTAssertGreaterThan(candidates.filter { $0.1.derivedDuplicate }.count, 10)
            for (click, standing) in candidates {
                let expected = try XCTUnwrap(everyClick[click.id])
                XCTAssertEqual(
                    [
                        standing.derivedDuplicate, standing.derivedBot, standing.excludedByFraudScore,
                        standing.isEligible,
                    ],
                    [
                        expected.derivedDuplicate, expected.derivedBot, expected.excludedByFraudScore,
                        expected.isEligible,
                    ],
                    click.id)
            }
        }
    }

    /// Conversions credited in batches of any size give the same credits, with and without
    /// --bind-customer (whose credits depend on the customer's earlier conversions).
    func testCreditsAreTheSameInBatchesOfAnySize() throws {
        let store = try ReportFixture.sampleData()
        for binds in [false, true] {
            var options = AttributionOptions()
            options.model = .positionBased
            options.bindsCustomer = binds
            var results: [[String]] = []
            for size in [1, 7, AffiliateAttribution.batchSize] {
                var lines: [String] = []
                try ReportContext.reading(store, scope: ReportScope()) { context in
                    try AffiliateAttribution.forEachCredited(options: options, context: context, batchSize: size) {
                        lines.append(
                            "\($0.conversionId) \($0.visitorSource) "
                                + $0.touchpoints.map { "\($0.clickId):\($0.weight):\($0.creditedRevenue)" }.joined(
                                    separator: ","))
                    }
                }
                results.append(lines)
            }
            XCTAssertGreaterThan(results[0].count, 50)
            XCTAssertTrue(results[0].contains { $0.contains(",") }, "some conversion has several touchpoints")
            XCTAssertEqual(results[1], results[0], "binds \(binds)")
            XCTAssertEqual(results[2], results[0], "binds \(binds)")
        }
    }

    /// A load of clicks into a store with a fresh rollup redoes only the visitors it touched —
    /// appended after the others — and gives the bytes of a pass over every click: a late click
    /// that turns a stored click into a derived duplicate, a new visitor, a click without a
    /// visitor, and an update of a stored click's status.
    func testALoadOfClicksRefreshesTheVisitorsItTouched() throws {
        let store = try sampleDataWithRollups()
        let (first, other, lastSeq) = try store.queue.read { db in
            (
                try XCTUnwrap(
                    Row.fetchOne(
                        db,
                        sql: """
                            SELECT * FROM "affiliate_clicks" WHERE "visitorId" IS NOT NULL AND "status" = 'VALID'
                            ORDER BY "rowid" LIMIT 1
                            """)),
                try XCTUnwrap(
                    Row.fetchOne(
                        db,
                        sql: """
                            SELECT * FROM "affiliate_clicks" WHERE "visitorId" IS NOT NULL AND "status" = 'VALID'
                            ORDER BY "rowid" DESC LIMIT 1
                            """)),
                try Int64.fetchOne(db, sql: #"SELECT MAX("seq") FROM "tally_rollup_affiliate_clicks""#) ?? 0
            )
        }
        let visitor: String = first["visitorId"]
        let time = try UTCTimestamp.parse(first["clickedAt"] as String).get()
        func line(_ id: String, _ click: Row, at: Int64, visitor: String?, status: String = "VALID") -> String {
            [
                id, click["partnerId"], click["linkId"], click["companyId"], UTCTimestamp.format(at), "h_late", status,
                visitor ?? "",
            ].joined(separator: ",")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("late-clicks-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let csv =
            [
                "id,partnerId,linkId,companyId,clickedAt,ipAddressHash,status,visitorId",
                line("late_before", first, at: time - 600_000, visitor: visitor),
                line("late_new_visitor", first, at: time + 86_400_000, visitor: "vis_late"),
                line("late_no_visitor", first, at: time, visitor: nil),
                line(
                    other["id"], other, at: try UTCTimestamp.parse(other["clickedAt"] as String).get(),
                    visitor: other["visitorId"], status: "SUSPICIOUS"),
            ].joined(separator: "\n") + "\n"
        try csv.write(to: directory.appendingPathComponent("affiliate_clicks.csv"), atomically: true, encoding: .utf8)
        var options = LoadOptions()
        options.preparing = { try Registry.rollups.prepareLoad($0, tables: $1) }
        options.finishing = { try Registry.rollups.finishLoad($0, tables: $1) }
        try ReportFixture.load(directory, into: store, options: options)

        try store.queue.read { db in
            XCTAssertTrue(try AffiliateClickRollups.areFresh(db))
            // Refreshed, not rebuilt: the touched visitors' clicks follow the stored ones.
            let firstSeq = try Int64.fetchOne(
                db, sql: #"SELECT "firstSeq" FROM "tally_rollup_affiliate_visitors" WHERE "visitorId" = ?"#,
                arguments: [visitor])
            XCTAssertGreaterThan(try XCTUnwrap(firstSeq), lastSeq)
            XCTAssertEqual(
                try String.fetchOne(
                    db, sql: #"SELECT "status" FROM "affiliate_clicks" WHERE "id" = ?"#, arguments: [other["id"]]),
                "SUSPICIOUS")
        }
        var linear = AttributionOptions()
        linear.model = .linear
        for (options, groupings) in [
            (AttributionOptions(), [AffiliateReport.Grouping.partner]), (linear, [.link, .day]),
        ] {
            try assertBothWaysAgree(
                AffiliateReport(scope: ReportScope(), options: options, groupings: groupings), on: store,
                readsRollups: \.readsRollups, "\(groupings)")
        }
        try assertBothWaysAgree(
            AffiliateFraudReport(scope: ReportScope()), on: store, readsRollups: \.readsRollups, "fraud")
    }

    /// In a store on disk the clicks are read on a second connection while the conversions are
    /// credited (ParallelClickPass), with the bytes of a pass over every click; a store in memory
    /// cannot be opened twice and reads in sequence.
    func testOnAStoreOnDiskTheClicksAreReadOnASecondConnectionWithTheSameBytes() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("parallel-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try sampleDataWithRollups(path: directory.appendingPathComponent("s.sqlite").path)
        var seen = 0
        try ReportContext.reading(store, scope: ReportScope(), rollups: true) { context in
            let pass = try XCTUnwrap(
                ParallelClickPass.start(context: context, names: AffiliateNames(), visit: { _ in seen += 1 }))
            XCTAssertTrue(try pass.finish())
        }
        XCTAssertEqual(seen, 100_000)
        let memory = try sampleDataWithRollups()
        try ReportContext.reading(memory, scope: ReportScope(), rollups: true) { context in
            XCTAssertNil(try ParallelClickPass.start(context: context, names: AffiliateNames(), visit: { _ in }))
        }
        var linear = AttributionOptions()
        linear.model = .linear
        for options in [AttributionOptions(), linear] {
            try assertBothWaysAgree(
                AffiliateReport(scope: ReportScope(), options: options, groupings: [.partner, .day]), on: store,
                readsRollups: \.readsRollups, "\(options.model)")
        }
        try assertBothWaysAgree(
            AffiliateFraudReport(scope: ReportScope()), on: store, readsRollups: \.readsRollups, "fraud")
    }
    /// The fraud view's distinct addresses come from the rollup's address keys (issue 26): one key
    /// per distinct hash after the rebuild, and still after a load that brings a known hash under
    /// another partner, a new hash, a NULL hash and a stored click whose hash changes — the same
    /// counts as SQLite's COUNT(DISTINCT) over the clicks.
    func testAddressKeysStayOnePerDistinctHashThroughALoad() throws {
        let store = try sampleDataWithRollups()
        func assertOneKeyPerHash(_ label: String) throws {
            try store.queue.read { db in
                let hashes = try Int.fetchOne(
                    db, sql: #"SELECT COUNT(DISTINCT "ipAddressHash") FROM "affiliate_clicks""#)
                let used = try Int.fetchOne(
                    db, sql: #"SELECT COUNT(DISTINCT "ip") FROM "tally_rollup_affiliate_clicks" WHERE "ip" <> 0"#)
                XCTAssertEqual(used, hashes, label)
                XCTAssertEqual(
                    try AffiliateClickRollups.ipKeyCount(db),
                    try Int.fetchOne(db, sql: #"SELECT COUNT(*) FROM "tally_rollup_affiliate_ips""#), label)
                XCTAssertEqual(
                    try Int.fetchOne(db, sql: #"SELECT COUNT(*) FROM "tally_rollup_affiliate_clicks" WHERE "ip" = 0"#),
                    try Int.fetchOne(
                        db, sql: #"SELECT COUNT(*) FROM "affiliate_clicks" WHERE "ipAddressHash" IS NULL"#),
                    label)
            }
        }
        try assertOneKeyPerHash("after the rebuild")
        let (known, changed, otherPartner) = try store.queue.read { db in
            (
                try XCTUnwrap(
                    Row.fetchOne(db, sql: #"SELECT * FROM "affiliate_clicks" WHERE "partnerId" = 'ap_good' LIMIT 1"#)),
                try XCTUnwrap(
                    Row.fetchOne(
                        db,
                        sql:
                            #"SELECT * FROM "affiliate_clicks" WHERE "visitorId" IS NOT NULL ORDER BY "rowid" DESC LIMIT 1"#
                    )),
                try XCTUnwrap(
                    Row.fetchOne(db, sql: #"SELECT * FROM "affiliate_clicks" WHERE "partnerId" = 'ap_bot' LIMIT 1"#))
            )
        }
        func line(_ id: String, _ click: Row, hash: String?, visitor: String?) -> String {
            [
                id, click["partnerId"], click["linkId"], click["companyId"], click["clickedAt"], hash ?? "",
                click["status"], visitor ?? "",
            ].joined(separator: ",")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("address-keys-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let csv =
            [
                "id,partnerId,linkId,companyId,clickedAt,ipAddressHash,status,visitorId",
                line("late_known_hash", otherPartner, hash: known["ipAddressHash"], visitor: "vis_keys_1"),
                line("late_new_hash", otherPartner, hash: "h_new_address", visitor: "vis_keys_2"),
                line("late_null_hash", known, hash: nil, visitor: "vis_keys_3"),
                line(changed["id"], changed, hash: "h_changed_address", visitor: changed["visitorId"]),
            ].joined(separator: "\n") + "\n"
        try csv.write(to: directory.appendingPathComponent("affiliate_clicks.csv"), atomically: true, encoding: .utf8)
        var options = LoadOptions()
        options.preparing = { try Registry.rollups.prepareLoad($0, tables: $1) }
        options.finishing = { try Registry.rollups.finishLoad($0, tables: $1) }
        try ReportFixture.load(directory, into: store, options: options)
        try store.queue.read { db in
            XCTAssertTrue(try AffiliateClickRollups.areFresh(db))
            XCTAssertEqual(
                try String.fetchOne(
                    db, sql: #"SELECT "ipAddressHash" FROM "affiliate_clicks" WHERE "id" = ?"#,
                    arguments: [changed["id"]]),
                "h_changed_address")
        }
        try assertOneKeyPerHash("after the refresh")
        let february = ReportScope(from: CalendarDay("2026-02-10"), to: CalendarDay("2026-02-20"))
        for scope in [ReportScope(), february, ReportScope(companies: ["co_be"])] {
            try assertBothWaysAgree(
                AffiliateFraudReport(scope: scope), on: store, readsRollups: \.readsRollups, "fraud \(scope)")
        }
    }

    /// A partner's distinct keys counted as a set while few and as a bitset once many: the same count.
    func testDistinctKeysCountTheSameAsASetOrABitset() {
        var keys = DistinctKeys()
        var reference = Set<Int32>()
        for step in 0..<5_000 {
            let key = Int32((step * step * 7_919 + step) % 1_000 + 1)  // repeats, and reaches the bitset
            keys.insert(key, universe: 1_000)
            reference.insert(key)
            XCTAssertEqual(keys.count, reference.count)
        }
        var few = DistinctKeys()
        for key: Int32 in [7, 7, 1_000_000, 3] { few.insert(key, universe: 1_000_000) }
        XCTAssertEqual(few.count, 3)
    }
}
