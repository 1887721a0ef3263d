import ArgumentParser
import Foundation
import TallyOutput
import TallyReports

/// Company, date range and funnel filters, shared by every report.
struct ScopeOptions: ParsableArguments {
    @Option(name: .customLong("company"), help: ArgumentHelp("Only this company (repeat for several; default: all).", valueName: "id"))
    var companies: [String] = []

    @Option(help: ArgumentHelp("First day included, in each company's time zone.", valueName: "YYYY-MM-DD"))
    var from: String?

    @Option(help: ArgumentHelp("First day excluded, in each company's time zone.", valueName: "YYYY-MM-DD"))
    var to: String?

    @Option(name: .customLong("funnel"), help: ArgumentHelp("Only this funnel (repeat for several; default: all).", valueName: "id"))
    var funnels: [String] = []

    var scope: ReportScope {
        ReportScope(companies: companies, from: from, to: to, funnels: funnels)
    }
}

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Compute a report from the store and write it as CSV, JSON or a table.",
        subcommands: [VariantConversion.self, DiscountCodes.self])
}

/// Maps scope problems to a usage error.
func runReport(_ body: () throws -> ReportTable) throws -> ReportTable {
    do {
        return try body()
    } catch let problem as ReportScope.Problem {
        throw CommandFailure(message: "error: \(problem.description)", status: .usage)
    }
}
