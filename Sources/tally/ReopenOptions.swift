import ArgumentParser
import TallyCore
import TallyOutput
import TallyReporting

/// The options of `billing reopen` and `affiliate reopen`: one company's month.
struct ReopenOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The closed month to reopen (the company's latest).", valueName: "YYYY-MM"))
    var period: CalendarMonth

    @Option(name: .customLong("company"), help: ArgumentHelp("The company whose close to reopen.", valueName: "id"))
    var company: String

    @Option(
        help: ArgumentHelp(
            "When the reopening happens, recorded with it (never the clock), with its zone: 2026-03-06T09:00:00Z.",
            valueName: "time"))
    var asOf: Instant

    @Flag(help: "Say what the reopening would delete; delete nothing.")
    var dryRun = false

    /// The reopening as one row, and the line saying what happened.
    func report(_ reopening: CloseStage.Reopening) -> (table: ReportTable, summary: String) {
        let table = ReportTable(
            columns: ["close_id", "closed_as_of", "deleted_rows", "reopened_as_of", "reopened_by", "dry_run"],
            rows: [
                [
                    .text(reopening.closeId), .text(reopening.closedAsOf), .integer(Int64(reopening.deletedRows)),
                    .text(UTCTimestamp.format(asOf.milliseconds)), .text(CloseStage.currentUser), .bool(dryRun),
                ]
            ])
        let summary =
            dryRun
            ? "dry run: reopening \(reopening.closeId) would delete \(reopening.deletedRows) row(s); nothing deleted"
            : "reopened \(reopening.closeId): \(reopening.deletedRows) row(s) deleted, recorded in tally_close_reopenings"
        return (table, summary)
    }
}
