import ArgumentParser
import Foundation
import TallyAffiliate
import TallyOutput
import TallyStore

extension ReportCommand {
    struct Affiliate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "affiliate",
            abstract:
                "Affiliate attribution per partner (or link, SubID, tier, type, day) and currency: production view or a model.",
            discussion: "Example: tally report affiliate --db /tmp/sample.sqlite --model linear --format csv")

        @OptionGroup var store: StoreOptions
        @OptionGroup var scope: CompanyScopeOptions
        @OptionGroup var attribution: AttributionOptionGroup
        @OptionGroup var rollups: RollupOptions

        @Option(
            name: .customLong("by"),
            help: ArgumentHelp(
                "partner, link, subid1…subid5, tier, partnership-type or day; several, comma-separated, combine "
                    + "(the group column joins their values with ' | ').", valueName: "grouping[,grouping]"))
        var groupings: String = "partner"

        func validate() throws { _ = try parsedGroupings() }

        private func parsedGroupings() throws -> [AffiliateReport.Grouping] {
            try groupings.split(separator: ",").map { name in
                let trimmed = name.trimmingCharacters(in: .whitespaces)
                guard let grouping = AffiliateReport.Grouping(rawValue: trimmed) else {
                    throw ValidationError(
                        "--by: no grouping '\(trimmed)'; use "
                            + AffiliateReport.Grouping.allCases.map(\.rawValue).joined(separator: ", "))
                }
                return grouping
            }
        }

        @OptionGroup var output: OutputOptions

        func run() throws {
            try output.refuseOverwriting(store.protected)
            var report = AffiliateReport(
                scope: scope.scope, options: attribution.options, groupings: try parsedGroupings())
            report.readsRollups = rollups.reads
            try output.write(try report.run(on: try store.openExisting()), report: AffiliateReport.name)
        }
    }
}
