import ArgumentParser
import Foundation
import TallyCSAI
import TallyCore
import TallyOutput
import TallyReporting
import TallyStore

/// `tally billing close|pricing|status`: CS AI usage billing (docs/BILLING.md).
struct BillingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "billing",
        abstract: "CS AI usage billing: close a period, show the pricing in force, list closed and open periods.",
        subcommands: [Close.self, Reopen.self, Pricing.self, Status.self])

    struct Reopen: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Undo a mistaken billing close: the company's latest closed month, its lines and summary row.",
            discussion: """
                Only a company's latest close reopens (a later month builds on it). What the close wrote is \
                deleted and the reopening is recorded with --as-of and the user in tally_close_reopenings; \
                the month can then be closed again (docs/CLOSES.md).

                Example: tally billing reopen --db /tmp/sample.sqlite --period 2026-01 --company co_ny --as-of 2026-03-06T00:00:00Z --dry-run
                """)

        @OptionGroup var store: StoreOptions

        @OptionGroup var reopen: ReopenOptions

        @OptionGroup var output: OutputOptions

        func run() throws {
            try reopen.run(store: store, output: output, BillingClose.reopen)
        }
    }

    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Close a billing period: invoice lines, minimum true-up, adjustments for earlier periods, summary rows.",
            discussion: """
                Per company (default: every company with usage or an earlier close), in the company's time \
                zone. Closes run in period order; a re-run with unchanged inputs writes nothing and prints \
                the same bytes; with changed inputs it is refused with exit status 4 and the difference is \
                billed as adjustments at the next close. JSON is the shape of docs/BILLING.md; CSV and the \
                table give one line per invoice line.

                Example: tally billing close --db /tmp/sample.sqlite --period 2026-01 --as-of 2026-03-05T00:00:00Z --dry-run
                """)

        @OptionGroup var store: StoreOptions

        @OptionGroup var close: CloseOptions

        @OptionGroup var rollups: RollupOptions

        @OptionGroup var output: OutputOptions

        func run() throws {
            try output.refuseOverwriting(store.protected)
            try output.checkDestination()
            if let warning = close.asOfWarning { say(warning) }
            let closes = try BillingClose.run(
                period: close.period, asOf: close.asOf.milliseconds, companies: close.companies,
                on: try store.openExisting(),
                // Only the JSON shape lists record ids: the one part of a close that grows with the period.
                dryRun: close.dryRun, recordIds: output.format == .json, rollups: rollups.reads)
            let results = closes.map(\.detail)
            try output.printClosed(closes.filter(\.wasWritten).map(\.plan.id)) {
                if output.format == .json {
                    try output.writeText(BillingClose.json(results))
                } else {
                    try output.write(BillingClose.Result.linesTable(results), report: BillingClose.name)
                }
            }
            for close in closes {
                for warning in close.detail.warnings { say("warning: \(warning)") }
                say("\(close.outcome.summary(closeId: close.plan.id)) (pricing: \(close.detail.source))")
            }
        }
    }

    struct Pricing: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the pricing in force for a company and period, and which source it came from.",
            discussion: "Example: tally billing pricing --db /tmp/sample.sqlite --company co_ny --period 2026-02")

        @OptionGroup var store: StoreOptions

        @Option(help: ArgumentHelp("The company.", valueName: "id"))
        var company: String

        @Option(help: ArgumentHelp("The billing period.", valueName: "YYYY-MM"))
        var period: CalendarMonth

        @OptionGroup var output: OutputOptions

        func run() throws {
            try output.refuseOverwriting(store.protected)
            let (source, table) = try BillingPricingView.table(
                company: company, period: period, on: try store.openExisting())
            say("pricing in force for \(company) in \(period): \(source)")
            try output.write(table)
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Per company: closed periods (amount, as-of), open periods with usage, late or changed records.",
            discussion: "Example: tally billing status --db /tmp/sample.sqlite")

        @OptionGroup var store: StoreOptions

        @Option(
            name: .customLong("company"), help: ArgumentHelp("Only this company (repeat for several).", valueName: "id")
        )
        var companies: [String] = []

        @OptionGroup var output: OutputOptions

        func run() throws {
            try output.refuseOverwriting(store.protected)
            let rows = try BillingStatus.rows(companies: companies, on: try store.openExisting())
            try output.write(ReportTable(rows: rows, columns: BillingStatus.columns), report: BillingStatus.name)
        }
    }
}
