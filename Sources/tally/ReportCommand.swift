import ArgumentParser
import Foundation
import TallyCore
import TallyOutput
import TallyReports

extension CalendarDay: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

extension CalendarMonth: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

/// A UTC instant given on the command line (`--as-of`), in any form the loader accepts:
/// `2026-04-01T00:00:00Z`, `2026-04-01 00:00:00+02`, ...
struct Instant: ExpressibleByArgument {
    let milliseconds: UTCTimestamp.Milliseconds

    init?(argument: String) {
        guard case .success(let value) = UTCTimestamp.parse(argument) else { return nil }
        milliseconds = value
    }
}

/// Company, date range and funnel filters, shared by every report.
struct ScopeOptions: ParsableArguments {
    @Option(
        name: .customLong("company"),
        help: ArgumentHelp("Only this company (repeat for several; default: all).", valueName: "id"))
    var companies: [String] = []

    @Option(help: ArgumentHelp("First day included, in each company's time zone.", valueName: "YYYY-MM-DD"))
    var from: CalendarDay?

    @Option(help: ArgumentHelp("First day excluded, in each company's time zone.", valueName: "YYYY-MM-DD"))
    var to: CalendarDay?

    @Option(
        name: .customLong("funnel"),
        help: ArgumentHelp("Only this funnel (repeat for several; default: all).", valueName: "id"))
    var funnels: [String] = []

    var scope: ReportScope {
        ReportScope(companies: companies, from: from, to: to, funnels: funnels)
    }

    func validate() throws {
        if let from, let to, from >= to {
            throw ValidationError("--from \(from) is not before --to \(to): the range [from, to) is empty")
        }
    }
}

/// `--no-rollups`, for the reports that read rollups (docs/ROLLUPS.md).
struct RollupOptions: ParsableArguments {
    @Flag(
        name: .customLong("no-rollups"),
        help: "Compute from the base tables, not the rollups the loader keeps (same bytes; for checking and timing).")
    var noRollups = false

    var reads: Bool { !noRollups }
}

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Compute a report from the store and write it as CSV, JSON or a table.",
        subcommands: [
            VariantConversion.self, DiscountCodes.self, CSAIUsage.self, Affiliate.self, AffiliateCredits.self,
            AffiliateFraud.self, ClickQueue.self,
        ])
}
