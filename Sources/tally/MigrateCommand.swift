import ArgumentParser
import Foundation
import TallyOutput
import TallyStore

struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Show, apply or roll back the store's schema migrations.",
        subcommands: [Status.self, Up.self, Down.self],
        defaultSubcommand: Status.self)

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List every migration with its state (applied or pending) and when it was applied.",
            discussion: "Example: tally migrate status --db /tmp/sample.sqlite")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            try output.refuseOverwriting(store.protected)
            let opened = try store.openExisting(migrate: .leaveAsIs)
            let rows: [[ReportValue]] = try opened.migrationStatuses().map { status in
                [
                    .text(status.name),
                    status.changelogAlias.map(ReportValue.text) ?? .null,
                    .text(status.isApplied ? "applied" : "pending"),
                    status.appliedAt.map(ReportValue.text) ?? .null,
                    .text(status.summary),
                ]
            }
            try output.write(
                ReportTable(columns: ["migration", "changelog_name", "state", "applied_at", "summary"], rows: rows))
        }
    }

    struct Up: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Apply pending migrations, all of them or up to --to (a new store is created when missing).",
            discussion: "Example: tally migrate up --db /tmp/empty.sqlite")

        @OptionGroup var store: StoreOptions

        @Option(help: ArgumentHelp("Stop after this migration (production name or changelog name).", valueName: "name"))
        var to: String?

        func run() throws {
            let opened = try store.open(migrate: .leaveAsIs)
            let applied = try opened.migrateUp(to: to)
            printResult(applied, verb: "applied", store: store.resolvedPath)
        }
    }

    struct Down: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Roll back migrations after --to (or --all); refuses to drop tables that hold rows without --force.",
            discussion:
                "Example: tally migrate down --db /tmp/empty.sqlite --to 20260203000000_add_affiliate_click_queue")

        @OptionGroup var store: StoreOptions

        @Option(help: ArgumentHelp("Keep this migration and roll back every later one.", valueName: "name"))
        var to: String?

        @Flag(help: "Roll back every migration, leaving an empty store.")
        var all = false

        @Flag(help: "Drop tables even when they hold rows.")
        var force = false

        func validate() throws {
            if (to == nil) == !all {
                throw ValidationError("Give exactly one of --to NAME or --all.")
            }
        }

        func run() throws {
            let opened = try store.openExisting(migrate: .leaveAsIs)
            let rolledBack = try opened.migrateDown(to: to, force: force)
            printResult(rolledBack, verb: "rolled back", store: store.resolvedPath)
        }
    }
}

/// Prints one line per migration on stdout, and a summary on stderr.
private func printResult(_ names: [String], verb: String, store: String) {
    for name in names { print("\(verb) \(name)") }
    let summary =
        names.isEmpty ? "nothing to do: \(store) is up to date" : "\(verb) \(names.count) migration(s) on \(store)"
    FileHandle.standardError.write(Data((summary + "\n").utf8))
}
