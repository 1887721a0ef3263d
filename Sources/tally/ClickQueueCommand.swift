import ArgumentParser
import Foundation
import TallyAffiliate
import TallyOutput
import TallyStore

extension ReportCommand {
    struct ClickQueue: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "click-queue",
            abstract:
                "Per company: click-queue rows by status, the oldest PENDING age as of --as-of, FAILED by retries.",
            discussion: "Example: tally report click-queue --db /tmp/sample.sqlite --as-of 2026-05-01T00:00:00Z")

        @OptionGroup var store: StoreOptions
        @OptionGroup var scope: CompanyScopeOptions

        @Option(help: ArgumentHelp("The instant ages are measured at; never the clock.", valueName: "time"))
        var asOf: Instant

        @OptionGroup var output: OutputOptions

        func run() throws {
            try output.refuseOverwriting(store.protected)
            let report = ClickQueueReport(scope: scope.scope, asOf: asOf.milliseconds)
            try output.write(try report.run(on: try store.openExisting()), report: ClickQueueReport.name)
        }
    }
}
