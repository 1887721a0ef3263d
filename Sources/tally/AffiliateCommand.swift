import ArgumentParser
import Foundation
import TallyAffiliate
import TallyCore
import TallyOutput
import TallyReporting
import TallyStore

/// `tally affiliate payouts`: the monthly payout close (docs/AFFILIATE.md, section 6).
struct AffiliateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "affiliate",
        abstract: "Affiliate payouts: accrue, claw back, carry balances and write affiliate_payouts rows, per month.",
        subcommands: [Payouts.self, Reopen.self])

    struct Reopen: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Undo a mistaken payout close: the company's latest closed month, its ledger rows and payouts.",
            discussion: """
                Only a company's latest close reopens (a later month carries its balances), and not once a \
                payout it wrote has moved past PENDING. What the close wrote is deleted and the reopening is \
                recorded with --as-of and the user in tally_close_reopenings (docs/CLOSES.md).

                Example: tally affiliate reopen --db /tmp/sample.sqlite --period 2026-01 --company co_ny --as-of 2026-03-06T00:00:00Z --dry-run
                """)

        @OptionGroup var store: StoreOptions

        @OptionGroup var reopen: ReopenOptions

        @OptionGroup var output: OutputOptions

        func run() throws {
            try reopen.run(store: store, output: output, AffiliatePayouts.reopen)
        }
    }

    struct Payouts: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Close a payout period: accruals after the hold, clawbacks, balances carried, payouts over the threshold.",
            discussion: """
                Per company (default: every company with conversions), partner and currency, in the company's time \
                zone; months close in order from the first conversion on. The basis is production's \
                commissionAmount to the conversion's partner, or with --basis model --model M the model's \
                commission per touchpoint partner (a ledger of its own; a company's payouts follow one basis). \
                A re-run with unchanged inputs writes nothing and prints the same bytes; with changed inputs \
                it is refused with exit status 4.

                Example: tally affiliate payouts --db /tmp/sample.sqlite --period 2026-01 --as-of 2026-03-01T12:00:00Z --dry-run
                """)

        @OptionGroup var store: StoreOptions

        @OptionGroup var close: CloseOptions

        @Option(
            help: ArgumentHelp(
                "production (commissionAmount, to the conversion's own partner) or model (the --model's commission, "
                    + "split over the touchpoints' partners).", valueName: "basis"))
        var basis: BasisName = .production

        @OptionGroup var attribution: AttributionOptionGroup

        @OptionGroup var output: OutputOptions

        enum BasisName: String, ExpressibleByArgument {
            case production, model
        }

        func validate() throws {
            if basis == .model && attribution.model == .production {
                throw ValidationError(
                    "--basis model needs --model: last-click, first-click, linear, time-decay or position-based")
            }
            if basis == .production && attribution.model != .production {
                throw ValidationError("--model \(attribution.model.rawValue) goes with --basis model")
            }
        }

        func run() throws {
            try output.refuseOverwriting(store.protected)
            try output.checkDestination()
            if let warning = close.asOfWarning { say(warning) }
            let closes = try AffiliatePayouts.run(
                period: close.period, asOf: close.asOf.milliseconds, companies: close.companies,
                basis: basis == .production ? .production : .model(attribution.options),
                on: try store.openExisting(),
                dryRun: close.dryRun)
            try output.printClosed(closes.filter(\.wasWritten).map(\.plan.id)) {
                try output.write(
                    ReportTable(rows: closes.flatMap(\.detail), columns: AffiliatePayouts.columns),
                    report: AffiliatePayouts.name)
            }
            for close in closes { say(close.outcome.summary(closeId: close.plan.id)) }
        }
    }
}
