import ArgumentParser
import TallyCore
import TallyReporting

/// Company and date range filters, shared by every report.
struct CompanyScopeOptions: ParsableArguments {
    @Option(
        name: .customLong("company"),
        help: ArgumentHelp("Only this company (repeat for several; default: all).", valueName: "id"))
    var companies: [String] = []

    @Option(help: ArgumentHelp("First day included, in each company's time zone.", valueName: "YYYY-MM-DD"))
    var from: CalendarDay?

    @Option(help: ArgumentHelp("First day excluded, in each company's time zone.", valueName: "YYYY-MM-DD"))
    var to: CalendarDay?

    /// Reports without a funnel grain (affiliate, CS AI, click queue) take this scope: they offer no
    /// `--funnel` rather than ignore one.
    var scope: ReportScope {
        ReportScope(companies: companies, from: from, to: to)
    }

    func validate() throws {
        if let from, let to, from >= to {
            throw ValidationError("--from \(from) is not before --to \(to): the range [from, to) is empty")
        }
    }
}

/// Company, date range and funnel filters, for the funnel reports and the dashboard.
struct ScopeOptions: ParsableArguments {
    @OptionGroup var company: CompanyScopeOptions

    @Option(
        name: .customLong("funnel"),
        help: ArgumentHelp("Only this funnel (repeat for several; default: all).", valueName: "id"))
    var funnels: [String] = []

    var scope: ReportScope {
        ReportScope(companies: company.companies, from: company.from, to: company.to, funnels: funnels)
    }
}
