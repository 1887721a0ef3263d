import ArgumentParser
import Foundation
import TallyAffiliate
import TallyOutput
import TallyStore

extension ReportCommand {
    struct AffiliateFraud: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "affiliate-fraud",
            abstract: "Per partner: clicks excluded by each cause, clicks per IP hash, self-referrals, with flags.",
            discussion: "Example: tally report affiliate-fraud --db /tmp/sample.sqlite")

        @OptionGroup var store: StoreOptions
        @OptionGroup var scope: CompanyScopeOptions
        @OptionGroup var attribution: AttributionOptionGroup
        @OptionGroup var rollups: RollupOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            try output.refuseOverwriting(store.protected)
            var report = AffiliateFraudReport(scope: scope.scope, options: attribution.options)
            report.readsRollups = rollups.reads
            try output.write(try report.run(on: try store.openExisting()), report: AffiliateFraudReport.name)
        }
    }
}
