import ArgumentParser
import Foundation
import TallyOutput
import TallyReports
import TallyStore

extension VariantConversionReport.View: ExpressibleByArgument {}

/// Company filter and date range, shared by every report.
struct ScopeOptions: ParsableArguments {
    @Option(name: .customLong("company"), help: ArgumentHelp("Only this company (repeat for several; default: all).", valueName: "id"))
    var companies: [String] = []

    @Option(help: ArgumentHelp("First day included, in each company's time zone.", valueName: "YYYY-MM-DD"))
    var from: String?

    @Option(help: ArgumentHelp("First day excluded, in each company's time zone.", valueName: "YYYY-MM-DD"))
    var to: String?

    func scope(funnels: [String] = []) -> ReportScope {
        ReportScope(companies: companies, from: from, to: to, funnels: funnels)
    }
}

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Compute a report from the store and write it as CSV, JSON or a table.",
        subcommands: [VariantConversion.self, DiscountCodes.self])

    struct VariantConversion: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "variant-conversion",
            abstract: "A/B variant conversion per funnel: rates with intervals, lifts, p-values, chance to beat control, SRM.",
            discussion: "Example: tally report variant-conversion --db /tmp/sample.sqlite --from 2026-02-01 --to 2026-04-01")

        @OptionGroup var store: StoreOptions
        @OptionGroup var scope: ScopeOptions

        @Option(name: .customLong("funnel"), help: ArgumentHelp("Only this funnel (repeatable).", valueName: "id"))
        var funnels: [String] = []

        @Option(help: ArgumentHelp("Compare against this variant instead of the funnel's control.", valueName: "variant-id"))
        var control: String?

        @Option(help: "sessions (funnel sessions) or leads (leads and converted leads).")
        var view: VariantConversionReport.View = .sessions

        @Option(help: ArgumentHelp("Also write the results as funnel_ab_test_results rows for this test (idempotent).", valueName: "test-id"))
        var writeResults: String?

        @OptionGroup var output: OutputOptions

        func run() throws {
            let opened = try Store.openExisting(path: store.resolvedPath)
            let report = VariantConversionReport(scope: scope.scope(funnels: funnels), view: view, controlVariant: control)
            try output.write(try runReport { try report.run(on: opened) })
            if let writeResults {
                do {
                    let outcome = try report.writeResults(testID: writeResults, on: opened)
                    FileHandle.standardError.write(
                        Data("tally: funnel_ab_test_results for \(writeResults): \(outcome.written) written, \(outcome.unchanged) unchanged\n".utf8))
                } catch let problem as VariantConversionReport.WriteProblem {
                    throw CommandFailure(message: "error: \(problem.description); 'tally status' shows what is loaded", status: .usage)
                }
            }
        }
    }
}

/// Maps scope problems to a usage error.
func runReport(_ body: () throws -> ReportTable) throws -> ReportTable {
    do {
        return try body()
    } catch let problem as ReportScope.Problem {
        throw CommandFailure(message: "error: \(problem.description)", status: .usage)
    }
}
