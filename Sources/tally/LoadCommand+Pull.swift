import Foundation
import TallyCore
import TallyLoad
import TallyPostgres
import TallyRegistry

extension LoadCommand {
    /// `tally load postgresql://…`: the pull, through the file loader's checks and transaction.
    func runPull(_ address: SourceAddress) throws {
        try PathGuard.refuse(outputs: [("--out", output.out), ("--rejects", rejects)], overlapping: store.protected)
        var pullJob = PostgresPull(address: address)
        pullJob.schema = pull.schema
        pullJob.tables = table
        pullJob.mode = try pull.mode()
        pullJob.appliesDeletes = pull.applyDeletes
        let opened = try store.open()
        let sink = try LoadReporter(rejectsPath: rejects, showsProgress: !quiet && isatty(STDERR_FILENO) == 1)
        var options = LoadOptions(
            isStrict: strict, keepsSensitive: keepSensitive,
            commandLine: CommandLine.arguments.dropFirst().joined(separator: " "))
        options.preparing = { try Registry.rollups.prepareLoad($0, tables: $1) }
        options.finishing = { try Registry.rollups.finishLoad($0, tables: $1) }
        let summary: PostgresPull.Summary
        do {
            summary = try pullJob.run(store: opened, options: options, sink: sink)
        } catch {
            sink.finish()
            throw error
        }
        sink.finish()
        say("pulled \(address.display) (schema \(pull.schema)) as of its snapshot \(summary.snapshotAt)")
        if !summary.missingTables.isEmpty {
            say(
                "skipped \(summary.missingTables.count) mirrored table(s) the source lacks: "
                    + summary.missingTables.joined(separator: ", "))
        }
        for (name, since) in summary.incremental {
            say("\(name): rows with updatedAt at or after \(since) (the last pull less 10 minutes)")
        }
        reportDeletes(summary.deletes)
        try output.write(LoadSummaryTable.make(summary.load))
        if summary.load.rejected > 0 {
            let hint = rejects.map { "; details in \($0)" } ?? "; pass --rejects FILE for every detail"
            throw CommandFailure(
                message: "pulled, but \(summary.load.rejected) row(s) were rejected\(hint)",
                status: .loadedWithRejects)
        }
    }

    private func reportDeletes(_ deletes: [(table: String, ids: [String])]) {
        guard pull.full else { return }
        let total = deletes.reduce(0) { $0 + $1.ids.count }
        if total == 0 {
            say("--full: every id in the store is still in the source (no hard deletes)")
            return
        }
        for (name, ids) in deletes {
            let shown = ids.prefix(10).joined(separator: ", ") + (ids.count > 10 ? ", … \(ids.count - 10) more" : "")
            say("\(name): \(ids.count) id(s) the source no longer has: \(shown)")
        }
        say(
            pull.applyDeletes
                ? "--apply-deletes: deleted \(total) row(s) the source no longer has (their children as the schema cascades)"
                : "\(total) row(s) deleted in the source are still in the store; --apply-deletes removes them")
    }
}
