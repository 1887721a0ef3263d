import ArgumentParser
import Foundation
import TallyStore

/// The store path, shared by every command.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .customLong("db"),
        help: ArgumentHelp("The SQLite store file (default: $TALLY_DB, else ./tally.sqlite).", valueName: "path"))
    var path: String?

    /// The path to use: `--db`, else `TALLY_DB`, else `tally.sqlite` in the working directory.
    var resolvedPath: String {
        path ?? ProcessInfo.processInfo.environment["TALLY_DB"] ?? "tally.sqlite"
    }
}
