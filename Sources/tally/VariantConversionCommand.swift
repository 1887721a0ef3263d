import ArgumentParser
import Foundation
import TallyOutput
import TallyReports
import TallyStore

extension VariantConversionReport.View: ExpressibleByArgument {}

extension ReportCommand {
    struct VariantConversion: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "variant-conversion",
            abstract: "A/B variant conversion per funnel: rates with intervals, lifts, p-values, chance to beat control, SRM.",
            discussion: "Example: tally report variant-conversion --db /tmp/sample.sqlite --from 2026-02-01 --to 2026-04-01")

        @OptionGroup var store: StoreOptions
        @OptionGroup var scope: ScopeOptions

        @Option(help: ArgumentHelp("Compare against this variant instead of the funnel's control.", valueName: "variant-id"))
        var control: String?

        @Option(help: "sessions (funnel sessions) or leads (leads and converted leads).")
        var view: VariantConversionReport.View = .sessions

        @Option(help: ArgumentHelp("Also write the results as funnel_ab_test_results rows for this test (idempotent).", valueName: "test-id"))
        var writeResults: String?

        @OptionGroup var output: OutputOptions

        func run() throws {
            let opened = try Store.openExisting(path: store.resolvedPath)
            let report = VariantConversionReport(scope: scope.scope, view: view, controlVariant: control)
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
