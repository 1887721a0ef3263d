import ArgumentParser
import TallyPostgres

/// The options of `tally load postgresql://…` beyond those a file load has.
struct PullOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A pull: the source schema to read.", valueName: "name"))
    var schema = "public"

    @Flag(help: "A pull: read only rows changed since the previous pull of this source (by updatedAt).")
    var sinceLast = false

    @Flag(help: "A pull: read everything and report the ids the store has that the source no longer has.")
    var full = false

    @Flag(help: "A pull with --full: delete those ids from the store, in the same transaction.")
    var applyDeletes = false

    /// The pull's mode, or a usage error for flags that contradict each other.
    func mode() throws -> PostgresPull.Mode {
        if sinceLast && full {
            throw CommandFailure(
                message: "--since-last and --full contradict each other: pick one", status: .usage)
        }
        if applyDeletes && !full {
            throw CommandFailure(
                message: "--apply-deletes needs --full: only a full read can tell what was deleted", status: .usage)
        }
        return sinceLast ? .sinceLast : full ? .full : .all
    }

    /// A file load given a pull's flag: a usage error rather than a flag ignored in silence.
    func refuseWithFiles() throws {
        if sinceLast || full || applyDeletes || schema != "public" {
            throw CommandFailure(
                message: "--schema, --since-last, --full and --apply-deletes apply to a postgresql:// source only",
                status: .usage)
        }
    }
}
