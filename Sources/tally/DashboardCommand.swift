import ArgumentParser
import Foundation
import TallyRegistry

/// `tally dashboard`: every report for one scope on one self-contained HTML page.
struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Every report for a range on one self-contained HTML page, with the store's load history.",
        discussion: """
            The page has a table of contents; A/B tests, discount codes, affiliates (production and every \
            model side by side), fraud signals, CS AI usage and billing status; and the files the store was \
            loaded from with their SHA-256. Inline CSS and SVG, no script, no network request; the same \
            store and options give the same bytes (docs/HTML.md).

            Example: tally dashboard --db /tmp/sample.sqlite --out /tmp/report.html --from 2026-02-01 --to 2026-04-01
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var scope: ScopeOptions

    @Option(help: ArgumentHelp("Write the page here ('-' for stdout).", valueName: "path"))
    var out: String

    func run() throws {
        var output = try OutputOptions.parse(["--format", "html", "--out", out])
        output.format = .html
        try output.refuseOverwriting(store.protected)
        try output.writeText(try Dashboard.render(scope: scope.scope, on: try store.openExisting()))
    }
}
