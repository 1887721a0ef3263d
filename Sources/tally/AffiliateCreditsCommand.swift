import ArgumentParser
import Foundation
import TallyAffiliate
import TallyOutput
import TallyStore

extension ReportCommand {
    struct AffiliateCredits: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "affiliate-credits",
            abstract:
                "One row per conversion and touchpoint: weight, credited revenue, conversions and commission (the audit trail).",
            discussion:
                "Example: tally report affiliate-credits --db /tmp/sample.sqlite --model position-based --format csv")

        @OptionGroup var store: StoreOptions
        @OptionGroup var scope: CompanyScopeOptions
        @OptionGroup var attribution: AttributionOptionGroup
        @OptionGroup var output: OutputOptions

        func run() throws {
            try output.refuseOverwriting(store.protected)
            let report = AffiliateCreditsReport(scope: scope.scope, options: attribution.options)
            try output.write(try report.run(on: try store.openExisting()), report: AffiliateCreditsReport.name)
        }
    }
}
