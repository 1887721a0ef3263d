import ArgumentParser
import Foundation
import TallyOutput
import TallyStore

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the store's tables with their row counts, then the most recent loads.",
        discussion: "Example: tally status --db /tmp/sample.sqlite")

    @OptionGroup var store: StoreOptions

    @Option(help: "How many recent loads to list.")
    var loads = 5

    @OptionGroup var output: OutputOptions

    func run() throws {
        try output.refuseOverwriting(store.protected)
        let opened = try store.openExisting()
        let tables = ReportTable(
            columns: ["table", "rows"],
            rows: try opened.tableCounts().map { [.text($0.table), .integer(Int64($0.rows))] })
        let history = ReportTable(
            columns: [
                "load", "finished_at", "files", "read", "inserted", "updated", "unchanged", "rejected", "source",
                "snapshot_at",
            ],
            rows: try opened.recentLoads(limit: loads).map { load in
                [
                    .integer(load.id), .text(load.finishedAt), .integer(Int64(load.files)), .integer(Int64(load.read)),
                    .integer(Int64(load.inserted)), .integer(Int64(load.updated)), .integer(Int64(load.unchanged)),
                    .integer(Int64(load.rejected)), load.source.map(ReportValue.text) ?? .null,
                    load.snapshotAt.map(ReportValue.text) ?? .null,
                ]
            })
        // Two tables, one document: JSON as {"tables": [...], "loads": [...]}, CSV and the terminal
        // table as two blocks separated by a blank line.
        if output.format == .json {
            try output.writeDocument(["tables": tables, "loads": history], order: ["tables", "loads"])
        } else {
            try output.write(tables, then: history)
        }
    }
}
