import ArgumentParser
import Foundation
import TallyCSAI
import TallyOutput
import TallyStore

extension CSAIUsageReport.Bucket: ExpressibleByArgument {}

extension ReportCommand {
    struct CSAIUsage: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cs-ai-usage",
            abstract:
                "CS AI usage per company, local day or month, usage type and tier: records, minutes, messages, tokens.",
            discussion: "Example: tally report cs-ai-usage --db /tmp/sample.sqlite --by month --format csv")

        @OptionGroup var store: StoreOptions
        @OptionGroup var scope: CompanyScopeOptions

        @Option(name: .customLong("by"), help: "day or month, in each company's time zone.")
        var bucket: CSAIUsageReport.Bucket = .month

        @OptionGroup var output: OutputOptions

        func run() throws {
            try output.refuseOverwriting(store.protected)
            let opened = try store.openExisting()
            try output.write(
                try CSAIUsageReport(scope: scope.scope, bucket: bucket).run(on: opened), report: CSAIUsageReport.name)
        }
    }
}
