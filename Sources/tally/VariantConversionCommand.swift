import ArgumentParser
import Foundation
import TallyFunnels
import TallyOutput
import TallyReporting
import TallyStore

extension VariantConversionReport.View: ExpressibleByArgument {}

extension ReportCommand {
    struct VariantConversion: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "variant-conversion",
            abstract:
                "A/B variant conversion per funnel: rates with intervals, lifts, p-values, chance to beat control, SRM.",
            discussion: """
                With --write-results TEST the command is a close (docs/CLOSES.md): it prints the \
                funnel_ab_test_results rows it writes (or, with --dry-run, would write) instead of the \
                report; a re-run with unchanged inputs writes nothing and prints the same bytes, and \
                one with changed inputs is refused with exit status 4.

                Example: tally report variant-conversion --db /tmp/sample.sqlite --from 2026-02-01 --to 2026-04-01
                """)

        @OptionGroup var store: StoreOptions
        @OptionGroup var scope: ScopeOptions

        @Option(
            help: ArgumentHelp("Compare against this variant instead of the funnel's control.", valueName: "variant-id")
        )
        var control: String?

        @Option(help: "sessions (funnel sessions) or leads (leads and converted leads).")
        var view: VariantConversionReport.View = .sessions

        @Option(
            help: ArgumentHelp(
                "The mixing scale τ of the peeking-safe p_value_sequential and lift_*_sequential columns: the "
                    + "rate difference the test is most sensitive to (default 0.02; docs/REPORTS.md).",
                valueName: "tau"))
        var sequentialTau = SequentialTest.defaultTau

        @Option(
            help: ArgumentHelp(
                "CUPED's pre-period: the days before the test started whose customer revenue adjusts the "
                    + "revenue_lift_cuped columns (default 30, 1 to 3650; docs/REPORTS.md).",
                valueName: "days"))
        var cupedDays = VariantConversionReport.defaultCupedDays

        @Option(
            help: ArgumentHelp(
                "Write the results as funnel_ab_test_results rows for this test, as a close.", valueName: "test-id"))
        var writeResults: String?

        @Option(
            help: ArgumentHelp(
                "With --write-results: the calculatedAt instant (default: the range end).", valueName: "time"))
        var asOf: Instant?

        @Flag(help: "With --write-results: print what would be written, write nothing.")
        var dryRun = false

        @OptionGroup var rollups: RollupOptions

        @OptionGroup var output: OutputOptions

        func validate() throws {
            guard sequentialTau > 0, sequentialTau.isFinite else {
                throw ValidationError("--sequential-tau must be a positive number, like 0.02 (got \(sequentialTau))")
            }
            guard (1...3650).contains(cupedDays) else {
                throw ValidationError("--cuped-days must be a whole number of days from 1 to 3650 (got \(cupedDays))")
            }
            if writeResults == nil && (asOf != nil || dryRun) {
                throw ValidationError("--as-of and --dry-run go with --write-results")
            }
        }

        func run() throws {
            try output.refuseOverwriting(store.protected)
            let opened = try store.openExisting()
            var report = VariantConversionReport(scope: scope.scope, view: view, controlVariant: control)
            report.readsRollups = rollups.reads
            report.sequentialTau = sequentialTau
            report.cupedDays = cupedDays
            guard let writeResults else {
                try output.write(try report.run(on: opened), report: VariantConversionReport.name)
                return
            }
            try output.checkDestination()
            let close = ABTestResultsClose(report: report, testID: writeResults, asOf: asOf?.milliseconds)
            let run = try CloseStage.run(close, on: opened, dryRun: dryRun)[0]
            try output.printClosed(run.wasWritten ? [run.plan.id] : []) { try output.write(run.plan.writtenTable) }
            say(run.outcome.summary(closeId: run.plan.id))
        }
    }
}
