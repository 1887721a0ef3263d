import ArgumentParser
import Foundation
import GRDB
import TallyCore
import TallyStore

/// The `tally` command: argument parsing, inputs and outputs, exit statuses — nothing else.
@main
struct Tally: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tally",
        abstract: "Offline analytics over commerce-platform exports, in a SQLite store that mirrors the production schema.",
        discussion: """
            tally keeps an embedded SQLite store (--db, default ./tally.sqlite or $TALLY_DB) built by \
            migrations named like production's, checks it for drift, and writes results as CSV, JSON \
            or a terminal table.

            Examples, over the bundled sample data:
              tally verify SampleData
              tally load SampleData --db /tmp/sample.sqlite --rejects /tmp/rejects.csv
              tally report variant-conversion --db /tmp/sample.sqlite --from 2026-02-01 --to 2026-04-01
              tally report discount-codes --db /tmp/sample.sqlite --company co_ny --format csv

            Exit statuses:
            \(ExitStatus.allCases.map { "  \($0.rawValue)  \($0.meaning)" }.joined(separator: "\n"))
            """,
        version: TallyVersion.current,
        groupedSubcommands: [
            CommandGroup(name: "Store", subcommands: [MigrateCommand.self, SchemaCommand.self, StatusCommand.self]),
            CommandGroup(name: "Load", subcommands: [LoadCommand.self, SampleCommand.self]),
            CommandGroup(name: "Report", subcommands: [ReportCommand.self, VerifyCommand.self]),
            CommandGroup(name: "Bench", subcommands: [BenchCommand.self]),
        ])

    /// Runs the command and maps tally's errors to their documented exit statuses.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as StoreError {
            FileHandle.standardError.write(Data("tally: error: \(error.message)\n".utf8))
            Foundation.exit(error.exitStatus.rawValue)
        } catch let error as DatabaseError {
            // GRDB's description repeats the whole SQL; the message and code are what helps.
            FileHandle.standardError.write(
                Data("tally: error: the store refused an operation: \(error.message ?? "SQLite error \(error.resultCode)")\n".utf8))
            Foundation.exit(ExitStatus.dataError.rawValue)
        } catch let error as CommandFailure {
            FileHandle.standardError.write(Data("tally: \(error.message)\n".utf8))
            Foundation.exit(error.status.rawValue)
        } catch {
            exit(withError: error)
        }
    }
}

/// A command outcome that is not success: what to print on stderr and which status to exit with.
struct CommandFailure: Error {
    let message: String
    let status: ExitStatus
}
