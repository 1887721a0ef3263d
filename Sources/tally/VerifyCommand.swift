import ArgumentParser
import Foundation
import TallyCore
import TallyLoad
import TallyOutput
import TallyRegistry
import TallyStore

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract:
            "Load fixtures into a fresh temporary store, run every report that has an expected file, compare bytes.",
        discussion: """
            Expected files are named after the report and format: variant-conversion.csv, \
            discount-codes.json, ... (default directory: FIXTURE_DIR/expected). Prints the first \
            differing lines of each report and exits 1 on any difference. --record writes every \
            report's CSV, JSON and HTML into the expected directory and says which files it changed.

            Example: tally verify SampleData
            """)

    @Argument(help: ArgumentHelp("The directory of export files to load.", valueName: "fixture-dir"))
    var fixtures: String

    @Option(help: ArgumentHelp("Where the expected outputs are (default: FIXTURE_DIR/expected).", valueName: "dir"))
    var expected: String?

    @Flag(help: "Write the current outputs as the new expectations, and list what changed.")
    var record = false

    func run() throws {
        let expectedDirectory = expected ?? (fixtures as NSString).appendingPathComponent("expected")
        if record {
            // --record writes <report>.csv/.json/.html into the expected directory: none may be a fixture.
            let targets = ReportCatalog.entries.flatMap { entry in
                entry.formats.map {
                    (
                        "--record",
                        Optional((expectedDirectory as NSString).appendingPathComponent("\(entry.name).\($0)"))
                    )
                }
            }
            try PathGuard.refuse(outputs: targets, overlapping: PathGuard.inputs([fixtures]))
        }
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent(
            "tally-verify-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: temporary) }
        let store = try Store.open(path: temporary.appendingPathComponent("verify.sqlite").path)
        let outputs = try computeOutputs(store: store)
        if record {
            try recordExpectations(outputs, directory: expectedDirectory)
        } else {
            try compare(outputs, directory: expectedDirectory)
        }
    }

    /// Every entry's CSV and JSON, by file name, phase by phase: the fixtures load, phase 0 runs;
    /// `FIXTURE_DIR/late/` (exports that arrive after the first closes) loads, phase 1 runs.
    private func computeOutputs(store: Store) throws -> [String: String] {
        let late = (fixtures as NSString).appendingPathComponent("late")
        var outputs: [String: String] = [:]
        for (phase, paths) in [[fixtures], [late]].enumerated() {
            if phase > 0 && !FileManager.default.fileExists(atPath: late) { break }
            let sink = QuietSink()
            var options = LoadOptions()
            options.preparing = { try Registry.rollups.prepareLoad($0, tables: $1) }
            options.finishing = { try Registry.rollups.finishLoad($0, tables: $1) }
            _ = try Loader(store: store).load(paths: paths, options: options, sink: sink)
            if sink.rejected > 0 {
                FileHandle.standardError.write(
                    Data(
                        "tally: verify: \(sink.rejected) fixture row(s) of \(paths[0]) were rejected while loading\n"
                            .utf8))
            }
            for entry in ReportCatalog.entries where entry.phase == phase {
                for (format, text) in try entry.render(store) { outputs["\(entry.name).\(format)"] = text }
            }
        }
        return outputs
    }

    private func compare(_ outputs: [String: String], directory: String) throws {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            throw CommandFailure(
                message: "no expected outputs at \(directory)",
                hint: "record them with 'tally verify \(fixtures) --record'", status: .missingInput)
        }
        let files = names.filter { $0.hasSuffix(".csv") || $0.hasSuffix(".json") || $0.hasSuffix(".html") }.sorted()
        var differing = 0
        var compared = 0
        for file in files {
            guard let actual = outputs[file] else {
                FileHandle.standardError.write(Data("tally: verify: \(file) names no report; skipped\n".utf8))
                continue
            }
            let wanted = try String(
                contentsOfFile: (directory as NSString).appendingPathComponent(file), encoding: .utf8)
            compared += 1
            if actual == wanted {
                print("ok      \(file)")
            } else {
                differing += 1
                print("DIFFERS \(file)")
                print(LineDiff.describe(expected: wanted, actual: actual, limit: 5))
            }
        }
        guard compared > 0 else {
            throw CommandFailure(message: "no expected report outputs in \(directory)", status: .missingInput)
        }
        if differing > 0 {
            throw CommandFailure(
                message: "verify: \(differing) of \(compared) output(s) differ from \(directory)",
                hint: "if the change is intended, record it with 'tally verify \(fixtures) --record'",
                status: .difference)
        }
        print("\(compared) output(s) match \(directory)")
    }

    private func recordExpectations(_ outputs: [String: String], directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for (file, text) in outputs.sorted(by: { $0.key < $1.key }) {
            let path = (directory as NSString).appendingPathComponent(file)
            let previous = try? String(contentsOfFile: path, encoding: .utf8)
            let state = previous == nil ? "new" : (previous == text ? "unchanged" : "OVERWRITTEN")
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            print("\(state) \(path)")
        }
    }
}

/// Counts rejects while verify loads fixtures; verify reports the count, not each row.
final class QuietSink: LoadEventSink {
    var rejected = 0
    func reject(_ reject: Reject) { rejected += 1 }
    func warning(_ warning: LoadWarning) {}
    func unknownColumn(file: String, column: String) {}
    func progress(file: String, rows: Int, bytesRead: Int64, bytesTotal: Int64) {}
}
