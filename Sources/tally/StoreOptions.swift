import ArgumentParser
import Foundation
import TallyStore

/// The store path, shared by every command.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .customLong("db"),
        help: ArgumentHelp("The SQLite store file (default: $TALLY_DB, else ./tally.sqlite).", valueName: "path"))
    var path: String?

    @Option(help: ArgumentHelp("Seconds to wait for another tally process that holds the store.", valueName: "seconds"))
    var wait: Double = 5

    /// The store file and its journals, which no output option may name.
    var protected: [PathGuard.Protected] { PathGuard.store(resolvedPath) }

    func validate() throws {
        guard wait >= 0, wait.isFinite else { throw ValidationError("--wait takes a number of seconds, 0 or more") }
    }

    /// Opens the store, creating it when missing (`load`, `migrate up`).
    func open(migrate: Store.MigrationPolicy = .applyPending) throws -> Store {
        try Store.open(path: resolvedPath, migrate: migrate, busyTimeout: wait)
    }

    /// Opens an existing store; a missing one is an error and is never created (read-only commands).
    func openExisting(migrate: Store.MigrationPolicy = .applyPending) throws -> Store {
        try Store.openExisting(path: resolvedPath, migrate: migrate, busyTimeout: wait)
    }

    /// The path to use: `--db`, else `TALLY_DB`, else `tally.sqlite` in the working directory.
    var resolvedPath: String {
        // An empty TALLY_DB is unset, as in a shell that exports it blank.
        path ?? ProcessInfo.processInfo.environment["TALLY_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "tally.sqlite"
    }
}
