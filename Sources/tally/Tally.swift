import ArgumentParser
import CSQLiteConfig
import Foundation
import TallyCore
import TallyReporting
import TallyStore

/// The `tally` command: argument parsing, inputs and outputs, exit statuses — nothing else.
@main
struct Tally: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tally",
        abstract:
            "Offline analytics over commerce-platform exports, in a SQLite store that mirrors the production schema.",
        discussion: """
            tally keeps an embedded SQLite store (--db, default ./tally.sqlite or $TALLY_DB) built by \
            migrations named like production's, checks it for drift, and writes results as CSV, JSON \
            or a terminal table.

            Examples, over the bundled sample data (each line one command, short enough not to wrap):
              tally verify SampleData
              export TALLY_DB=/tmp/sample.sqlite
              tally load SampleData --rejects /tmp/rejects.csv
              tally report variant-conversion --from 2026-02-01 --to 2026-04-01
              tally report discount-codes --company co_ny --format csv

            Exit statuses:
            \(ExitStatus.allCases.map { "  \(String($0.rawValue).padding(toLength: 3, withPad: " ", startingAt: 0)) \($0.meaning)" }.joined(separator: "\n"))
            """,
        version: TallyVersion.current,
        groupedSubcommands: [
            CommandGroup(
                name: "Store",
                subcommands: [MigrateCommand.self, SchemaCommand.self, StatusCommand.self, RollupsCommand.self]),
            CommandGroup(name: "Load", subcommands: [LoadCommand.self, SampleCommand.self]),
            CommandGroup(
                name: "Report",
                subcommands: [ReportCommand.self, DashboardCommand.self, QueryCommand.self, VerifyCommand.self]),
            CommandGroup(name: "Close", subcommands: [BillingCommand.self, AffiliateCommand.self]),
            CommandGroup(name: "Bench", subcommands: [BenchCommand.self]),
        ])

    /// Runs the command. This is the one place errors become messages and exit statuses: every
    /// layer throws a `TallyError` carrying its own message, hint and status.
    static func main() {
        // Every connection of this process is used by one thread at a time (GRDB's DatabaseQueue;
        // the load's producer thread never touches SQLite), so SQLite's per-call mutexes and its
        // allocation statistics are overhead. Measured in docs/LOADING.md ("How it is fast").
        _ = tally_sqlite_configure_single_writer()
        ReportWarnings.send { say("warning: \($0)") }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as TallyError {
            fail(error)
        } catch {
            if let storeError = StoreError.describing(error) { fail(storeError) }
            exit(withError: error)  // argument-parser's own errors: usage (64), help, version
        }
    }

    /// Prints `tally: error: <message>` (or `tally: <message>` for the outcomes that are not errors:
    /// a found difference, a load with rejects) and the hint, then exits with the error's status.
    private static func fail(_ error: TallyError) -> Never {
        let isOutcome = error.exitStatus == .difference || error.exitStatus == .loadedWithRejects
        FileHandle.standardError.write(Data("tally: \(isOutcome ? "" : "error: ")\(error.description)\n".utf8))
        Foundation.exit(error.exitStatus.rawValue)
    }
}
