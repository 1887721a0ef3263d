import ArgumentParser
import Foundation
import TallyReporting

/// `tally query list|show`: the report SQL this binary carries, as embedded from `Queries/` at build time.
struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "List or print the report SQL this binary carries (embedded from Queries/ at build time).",
        subcommands: [List.self, Show.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the embedded queries by name (the path under Queries/ without .sql).",
            discussion: "Example: tally query list")

        func run() {
            for name in QueryCatalog.names { print(name) }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print one embedded query's SQL.",
            discussion: "Example: tally query show variant-conversion/session-arms")

        @Argument(help: ArgumentHelp("The query name, as 'tally query list' prints it.", valueName: "name"))
        var name: String

        func run() throws {
            guard let sql = QueryCatalog.text(of: name) else {
                throw CommandFailure(
                    message: "no query named '\(name)'", hint: "'tally query list' prints the names", status: .usage)
            }
            FileHandle.standardOutput.write(Data(sql.utf8))
        }
    }
}
