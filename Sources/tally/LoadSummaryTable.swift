import ArgumentParser
import Foundation
import TallyCore
import TallyLoad
import TallyOutput
import TallyReporting
import TallyStore

/// Builds the per-table load summary: read = inserted + updated + unchanged + rejected.
enum LoadSummaryTable {
    static func make(_ summary: LoadSummary) -> ReportTable {
        var order: [String] = []
        var totals: [String: [Int]] = [:]
        for file in summary.files {
            if totals[file.table] == nil {
                order.append(file.table)
                totals[file.table] = Array(repeating: 0, count: 7)
            }
            let counts = [1, file.read, file.inserted, file.updated, file.unchanged, file.rejected, file.warnings]
            totals[file.table] = zip(totals[file.table]!, counts).map(+)
        }
        let rows: [[ReportValue]] = order.map { table in
            [.text(table)] + totals[table]!.map { .integer(Int64($0)) }
        }
        return ReportTable(
            columns: ["table", "files", "read", "inserted", "updated", "unchanged", "rejected", "warnings"], rows: rows)
    }
}
