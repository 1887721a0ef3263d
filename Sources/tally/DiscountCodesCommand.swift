import ArgumentParser
import Foundation
import TallyFunnels
import TallyOutput
import TallyStore

extension ReportCommand {
    struct DiscountCodes: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "discount-codes",
            abstract: "Discount code performance per company and code, against the sessions that used no code.",
            discussion: "Example: tally report discount-codes --db /tmp/sample.sqlite --from 2026-02-01 --to 2026-04-01"
        )

        @OptionGroup var store: StoreOptions
        @OptionGroup var scope: ScopeOptions

        @Option(help: "Leave out codes used in fewer sessions than this (orders-only codes are kept).")
        var minSessions = 0

        @OptionGroup var rollups: RollupOptions

        @OptionGroup var output: OutputOptions

        func run() throws {
            try output.refuseOverwriting(store.protected)
            let opened = try store.openExisting()
            var report = DiscountCodesReport(scope: scope.scope, minimumSessions: minSessions)
            report.readsRollups = rollups.reads
            try output.write(try report.run(on: opened), report: DiscountCodesReport.name)
        }
    }
}
