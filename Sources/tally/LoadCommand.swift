import ArgumentParser
import Foundation
import TallyCore
import TallyLoad
import TallyOutput
import TallyPostgres
import TallyRegistry
import TallyStore

struct LoadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load",
        abstract:
            "Load export files or directories (CSV, NDJSON, JSON arrays, gzip), or pull a PostgreSQL source, in one transaction.",
        discussion: """
            Each row is inserted, updated, left unchanged, or rejected with file, line, column and \
            reason. Without --strict, good rows load and the exit status is 3 when any row was \
            rejected; with --strict, any reject or unknown column loads nothing (exit 65).

            A postgresql:// (or postgres://) URL instead of paths pulls every mirrored table the \
            source has, inside one REPEATABLE READ READ ONLY snapshot, through the same checks \
            (docs/LOADING.md, "Pulling from PostgreSQL"). libpq reads PG* environment variables, \
            ~/.pgpass and ?sslmode=. --since-last reads rows changed since the previous pull of \
            the same source; --full reports ids the source no longer has, --apply-deletes removes \
            them. A source that refuses or drops the connection exits 69, nothing loaded. A pull \
            reads like: tally load postgresql://analyst@replica:5432/shop --since-last

            Example: tally load SampleData --db /tmp/sample.sqlite --rejects /tmp/rejects.csv
            """)

    @OptionGroup var store: StoreOptions

    @Argument(
        help: ArgumentHelp(
            "Files or directories to load (a directory loads the data files inside it), or one postgresql:// URL.",
            valueName: "path"))
    var paths: [String]

    @Option(
        help: ArgumentHelp(
            "Files: load every file into this table instead of naming it from the file. "
                + "A pull: read only this table (repeatable).", valueName: "table"))
    var table: [String] = []

    @Flag(help: "Fail, loading nothing, on any rejected row or unknown column.")
    var strict = false

    @Flag(help: "Store credentials and raw IP addresses as exported (default: NULL and keyed hashes).")
    var keepSensitive = false

    @Option(
        help: ArgumentHelp(
            "Write every rejected row to this CSV file (file,line,column,value,reason,message).", valueName: "path"))
    var rejects: String?

    @Flag(help: "No progress line on standard error.")
    var quiet = false

    @OptionGroup var pull: PullOptions

    @OptionGroup var output: OutputOptions

    func run() throws {
        if let source = paths.first, SourceAddress.isSource(source) {
            guard paths.count == 1 else {
                throw CommandFailure(message: "a pull reads one source; load files in another command", status: .usage)
            }
            return try runPull(SourceAddress(source))
        }
        try pull.refuseWithFiles()
        guard table.count <= 1 else {
            throw CommandFailure(
                message: "--table names one table for files (all files go to it); repeat it only for a pull",
                status: .usage)
        }
        try PathGuard.refuse(
            outputs: [("--out", output.out), ("--rejects", rejects)],
            overlapping: store.protected + PathGuard.inputs(paths))
        // A load of a missing path fails before the store is opened, so it leaves no new store file.
        for path in paths where !FileManager.default.fileExists(atPath: path) {
            throw LoadError.missingInput(path: path)
        }
        let opened = try store.open()
        let sink = try LoadReporter(rejectsPath: rejects, showsProgress: !quiet && isatty(STDERR_FILENO) == 1)
        var options = LoadOptions(
            tableOverride: table.first, isStrict: strict, keepsSensitive: keepSensitive,
            commandLine: CommandLine.arguments.dropFirst().joined(separator: " "))
        // The report rollups commit with the rows (docs/ROLLUPS.md).
        options.preparing = { try Registry.rollups.prepareLoad($0, tables: $1) }
        options.finishing = { try Registry.rollups.finishLoad($0, tables: $1) }
        let summary: LoadSummary
        do {
            summary = try Loader(store: opened).load(paths: paths, options: options, sink: sink)
        } catch {
            sink.finish()
            throw error
        }
        sink.finish()
        for path in summary.skipped {
            FileHandle.standardError.write(
                Data("tally: skipped \(path) (not a .csv, .ndjson, .jsonl or .json file)\n".utf8))
        }
        for path in summary.unmirrored {
            say("skipped \(path) (a production table tally does not mirror)")
        }
        if !summary.unmirrored.isEmpty {
            say("\(summary.unmirrored.count) file(s) of unmirrored production tables skipped; --strict refuses them")
        }
        try output.write(LoadSummaryTable.make(summary))
        if summary.rejected > 0 {
            let hint = rejects.map { "; details in \($0)" } ?? "; pass --rejects FILE for every detail"
            throw CommandFailure(
                message: "loaded, but \(summary.rejected) row(s) were rejected\(hint)", status: .loadedWithRejects)
        }
    }
}

/// Streams rejects to the `--rejects` file, shows the first ones and every unknown column on
/// stderr, and draws the progress line on a terminal.
final class LoadReporter: LoadEventSink {
    private let rejectsFile: FileHandle?
    private let showsProgress: Bool
    private var shownRejects = 0
    private var shownWarnings = 0
    private var shownUnknownColumns = 0
    private var hasProgressLine = false
    private let started = Date()
    private static let shownLimit = 20

    init(rejectsPath: String?, showsProgress: Bool) throws {
        self.showsProgress = showsProgress
        if let rejectsPath {
            guard FileManager.default.createFile(atPath: rejectsPath, contents: nil),
                let handle = FileHandle(forWritingAtPath: rejectsPath)
            else {
                throw CommandFailure(
                    message: "cannot write \(rejectsPath); check the directory exists", status: .ioError)
            }
            handle.write(Data("file,line,column,value,reason,message\n".utf8))
            rejectsFile = handle
        } else {
            rejectsFile = nil
        }
    }

    func reject(_ reject: Reject) {
        if let rejectsFile {
            let fields = [
                reject.file, String(reject.line), reject.column ?? "", reject.value ?? "", reject.reason.rawValue,
                reject.message,
            ]
            rejectsFile.write(Data((fields.map(CSVField.quote).joined(separator: ",") + "\n").utf8))
        }
        if shownRejects < Self.shownLimit {
            let column = reject.column.map { " column \($0):" } ?? ""
            say("\(reject.file):\(reject.line):\(column) rejected (\(reject.reason.rawValue)): \(reject.message)")
        }
        shownRejects += 1
    }

    func warning(_ warning: LoadWarning) {
        if shownWarnings < Self.shownLimit {
            say("\(warning.file):\(warning.line): column \(warning.column): warning: \(warning.message)")
        }
        shownWarnings += 1
    }

    func unknownColumn(file: String, column: String) {
        if shownUnknownColumns < Self.shownLimit {
            say("\(file): unknown column \(column) is not in the store; its values are not loaded")
        }
        shownUnknownColumns += 1
    }

    func progress(file: String, rows: Int, bytesRead: Int64, bytesTotal: Int64) {
        guard showsProgress else { return }
        let seconds = max(Date().timeIntervalSince(started), 0.001)
        let percent = bytesTotal > 0 ? Int(Double(bytesRead) * 100 / Double(bytesTotal)) : 0
        // A pulled table's size is not known ahead: its line has no percent.
        let line =
            "\(file): \(rows) rows, \(Int(Double(rows) / seconds)) rows/s"
            + (bytesTotal > 0 ? ", \(min(percent, 100))%" : "")
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
        hasProgressLine = true
    }

    /// Ends the progress line and says how many messages of each kind were not shown: each kind
    /// prints at most 20 lines, so 100,000 unknown columns cannot flood the terminal.
    func finish() {
        if hasProgressLine { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        hasProgressLine = false
        try? rejectsFile?.close()
        for (count, kind, hint) in [
            (shownRejects, "rejects", rejectsFile == nil ? "; --rejects FILE keeps them all" : ""),
            (shownWarnings, "warnings", ""), (shownUnknownColumns, "unknown columns", ""),
        ] where count > Self.shownLimit {
            say("… and \(count - Self.shownLimit) more \(kind) not shown\(hint)")
        }
    }

    private func say(_ text: String) {
        if hasProgressLine {
            FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
            hasProgressLine = false
        }
        FileHandle.standardError.write(Data(("tally: " + text + "\n").utf8))
    }
}
