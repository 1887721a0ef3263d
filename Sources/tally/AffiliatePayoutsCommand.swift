import ArgumentParser
import Foundation
import TallyCore
import TallyOutput
import TallyReports
import TallyStore

/// `tally affiliate payouts`: the monthly payout close (docs/AFFILIATE.md, section 6).
struct AffiliateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "affiliate",
        abstract: "Affiliate payouts: accrue, claw back, carry balances and write affiliate_payouts rows, per month.",
        subcommands: [Payouts.self])

    struct Payouts: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Close a payout period: accruals after the hold, clawbacks, balances carried, payouts over the threshold.",
            discussion: """
                Per company (default: every company with conversions), partner and currency, in the company's time \
                zone; months close in order from the first conversion on. The basis is production's \
                commissionAmount. A re-run with unchanged inputs writes nothing and prints the same bytes; \
                with changed inputs it is refused with exit status 4.

                Example: tally affiliate payouts --db /tmp/sample.sqlite --period 2026-02 --as-of 2026-03-01T12:00:00Z --dry-run
                """)

        @OptionGroup var store: StoreOptions

        @OptionGroup var close: CloseOptions

        @OptionGroup var output: OutputOptions

        func run() throws {
            try output.refuseOverwriting(store.protected)
            let closes = try AffiliatePayouts.run(
                period: close.period, asOf: close.asOf.milliseconds, companies: close.companies,
                on: try store.openExisting(),
                dryRun: close.dryRun)
            try output.write(
                ReportTable(rows: closes.flatMap(\.rows), columns: AffiliatePayouts.columns),
                report: "affiliate-payouts")
            for close in closes { say(close.outcome.summary(closeId: close.plan.id)) }
        }
    }
}
