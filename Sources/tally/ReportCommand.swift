import ArgumentParser
import Foundation
import TallyCore
import TallyOutput

/// `tally report`: the report commands, one per registered report (`Registry.reports`; a test
/// holds the two lists equal).
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Compute a report from the store and write it as CSV, JSON or a table.",
        subcommands: [
            VariantConversion.self, DiscountCodes.self, CSAIUsage.self, Affiliate.self, AffiliateCredits.self,
            AffiliateFraud.self, ClickQueue.self,
        ])
}
