import ArgumentParser
import Foundation
import TallyStore

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Check the store's schema for drift, or print it.",
        subcommands: [Check.self, Dump.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compare the live schema with what the applied migrations produce; exit 1 on drift.",
            discussion: "Example: tally schema check --db /tmp/sample.sqlite")

        @OptionGroup var store: StoreOptions

        func run() throws {
            let opened = try store.openExisting(migrate: .leaveAsIs)
            let differences = try opened.checkSchema()
            let applied = try opened.migrationStatuses().filter(\.isApplied).count
            guard differences.isEmpty else {
                for difference in differences { print(difference.description) }
                throw CommandFailure(
                    message: "schema drift: \(differences.count) difference(s) from the \(applied) applied migrations; "
                        + "undo the manual changes; or rebuild an empty store with 'tally migrate down --all' then 'tally migrate up' "
                        + "(a store that holds rows needs --force, which drops every row: reload the exports after)",
                    status: .difference)
            }
            print("schema matches the \(applied) applied migrations")
        }
    }

    struct Dump: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the live schema, one CREATE statement per table and index, sorted by name.",
            discussion: """
                --dialect postgresql prints the mirrored tables as production declares them in \
                PostgreSQL (enums, TIMESTAMP(3), DECIMAL(p,s), DOUBLE PRECISION, TEXT[], JSONB), \
                parents first, then indexes and foreign keys: a production-shaped source for \
                'tally load postgresql://…' (docs/LOADING.md).

                Example: tally schema dump --db /tmp/sample.sqlite --dialect postgresql
                """)

        enum Dialect: String, ExpressibleByArgument, CaseIterable {
            case sqlite, postgresql
        }

        @OptionGroup var store: StoreOptions

        @Option(help: "sqlite: the store as it is; postgresql: the mirrored tables in production's DDL.")
        var dialect: Dialect = .sqlite

        func run() throws {
            let opened = try store.openExisting(migrate: .leaveAsIs)
            switch dialect {
            case .sqlite: print(try opened.schemaDump().text, terminator: "")
            case .postgresql: print(try opened.queue.read { try PostgresSchema.ddl($0) }, terminator: "")
            }
        }
    }
}
