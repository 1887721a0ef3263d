import ArgumentParser
import Foundation
import GRDB
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
        let opened = try Store.openExisting(path: store.resolvedPath)
        let (tables, history) = try opened.queue.read { db -> (ReportTable, ReportTable) in
            let names = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")
            let tableRows: [[ReportValue]] = try names.map { name in
                [.text(name), .integer(Int64(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(name.quotedDatabaseIdentifier)") ?? 0))]
            }
            let loadRows = try Row.fetchAll(
                db,
                sql: """
                    SELECT l."id", l."finishedAt", COUNT(f."position") AS files, SUM(f."read") AS read,
                        SUM(f."inserted") AS inserted, SUM(f."updated") AS updated, SUM(f."unchanged") AS unchanged,
                        SUM(f."rejected") AS rejected
                    FROM "tally_loads" l LEFT JOIN "tally_load_files" f ON f."loadId" = l."id"
                    GROUP BY l."id" ORDER BY l."id" DESC LIMIT ?
                    """, arguments: [loads]
            ).map { row -> [ReportValue] in
                [
                    .integer(row["id"]), .text(row["finishedAt"]), .integer(row["files"]), .integer(row["read"] ?? 0),
                    .integer(row["inserted"] ?? 0), .integer(row["updated"] ?? 0), .integer(row["unchanged"] ?? 0),
                    .integer(row["rejected"] ?? 0),
                ]
            }
            return (
                ReportTable(columns: ["table", "rows"], rows: tableRows),
                ReportTable(
                    columns: ["load", "finished_at", "files", "read", "inserted", "updated", "unchanged", "rejected"],
                    rows: loadRows)
            )
        }
        try output.write(tables)
        print("")
        try output.write(history)
    }
}
