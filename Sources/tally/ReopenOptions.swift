import ArgumentParser
import TallyCore
import TallyOutput
import TallyReporting
import TallyStore

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

    /// A domain's reopen function (`BillingClose.reopen`, `AffiliatePayouts.reopen`).
    typealias Reopen = (String, CalendarMonth, UTCTimestamp.Milliseconds, String, Store, Bool) throws
        -> CloseStage.Reopening

    /// Runs `reopen` with these options: the output checked first, the reopening printed as one
    /// row, and a line saying what happened.
    func run(store: StoreOptions, output: OutputOptions, _ reopen: Reopen) throws {
        try output.refuseOverwriting(store.protected)
        try output.checkDestination()
        let reopening = try reopen(
            company, period, asOf.milliseconds, CloseStage.currentUser, try store.openExisting(), dryRun)
        let (table, summary) = report(reopening)
        try output.printClosed(dryRun ? [] : [reopening.closeId + " (reopening)"]) { try output.write(table) }
        say(summary)
    }

    /// The reopening as one row, and the line saying what happened.
    private func report(_ reopening: CloseStage.Reopening) -> (table: ReportTable, summary: String) {
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
