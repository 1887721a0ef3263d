import Foundation
import GRDB
import XCTest

@testable import TallyLoad
@testable import TallyStore

/// Collects what a load reports, for assertions.
final class CollectingSink: LoadEventSink {
    var rejects: [Reject] = []
    var warnings: [LoadWarning] = []
    var unknownColumns: [String] = []

    func reject(_ reject: Reject) { rejects.append(reject) }
    func warning(_ warning: LoadWarning) { warnings.append(warning) }
    func unknownColumn(file: String, column: String) { unknownColumns.append(column) }
    func progress(file: String, rows: Int, bytesRead: Int64, bytesTotal: Int64) {}
}

enum Fixture {
    static var directory: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures")
    }

    static func path(_ relative: String) -> String {
        directory.appendingPathComponent(relative).path
    }
}

extension XCTestCase {
    /// A store file in a fresh temporary directory, with the base parents (an organization, a
    /// client, companies c1 in USD and c2 in JPY) loaded.
    func makeStoreWithParents() throws -> (Store, String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tally-load-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("store.sqlite").path
        let store = try Store.open(path: path)
        let sink = CollectingSink()
        let summary = try Loader(store: store).load(paths: [Fixture.path("base")], options: LoadOptions(), sink: sink)
        XCTAssertEqual(summary.rejected, 0, "\(sink.rejects)")
        return (store, path)
    }

    /// Loads one fixture into `table`, returning the summary and what the sink saw.
    func load(
        _ fixture: String, into table: String? = "affiliate_click_queue", store: Store,
        options: LoadOptions = LoadOptions()
    ) throws -> (LoadSummary, CollectingSink) {
        var options = options
        options.tableOverride = table
        let sink = CollectingSink()
        let summary = try Loader(store: store).load(paths: [Fixture.path(fixture)], options: options, sink: sink)
        return (summary, sink)
    }

    /// Every mirrored table's rows as text, for byte-level comparisons of content.
    func contentDump(_ store: Store, tables: [String]? = nil) throws -> String {
        try store.queue.read { db in
            var text = ""
            for table in try tables ?? Loader.tablesInForeignKeyOrder(db) {
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table.quotedDatabaseIdentifier) ORDER BY id") {
                    text += "\(table): \(row)\n"
                }
            }
            return text
        }
    }
}
