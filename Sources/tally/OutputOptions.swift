import ArgumentParser
import Foundation
import TallyCore
import TallyOutput
import TallyRegistry
import TallyReporting

extension OutputFormat: ExpressibleByArgument {}

/// Output format and destination, shared by every command that prints a table.
struct OutputOptions: ParsableArguments {
    @Option(help: "Output format: csv, json, table or html (a self-contained page with charts).")
    var format: OutputFormat = .table

    @Option(help: ArgumentHelp("Write to this file instead of standard output ('-' for stdout).", valueName: "path"))
    var out: String?

    @Option(
        help: ArgumentHelp(
            "With --format table: show these columns, in this order (CSV and JSON always carry every column).",
            valueName: "a,b,c"))
    var columns: String?

    @Flag(help: "With --format table: show every column, not only the ones a reader scans first.")
    var allColumns = false

    /// Refuses an `--out` that names the store, its journal or an input (exit 64), before anything opens.
    func refuseOverwriting(_ protected: [PathGuard.Protected]) throws {
        try PathGuard.refuse(outputs: [("--out", out)], overlapping: protected)
    }

    /// Writes several tables as one JSON object, keys in `order` (`tally status --format json`).
    func writeDocument(_ tables: [String: ReportTable], order: [String]) throws {
        let body = order.map { key in
            let array = JSONWriter().render(tables[key]!).dropLast()  // the writer ends with a newline
                .replacingOccurrences(of: "\n", with: "\n  ")
            return "  \(JSONString.quoted(key)): \(array)"
        }
        try emit(Data(("{\n" + body.joined(separator: ",\n") + "\n}\n").utf8))
    }

    /// Writes text already rendered (a document that is not a table: a close's JSON).
    func writeText(_ text: String) throws {
        try emit(Data(text.utf8))
    }

    /// Writes two tables, a blank line between them (CSV and the terminal table).
    func write(_ first: ReportTable, then second: ReportTable) throws {
        try emit(Data((render(first) + "\n" + render(second)).utf8))
    }

    /// Writes `table` in the chosen format to `--out` or stdout.
    ///
    /// A terminal table written to stdout fits `$COLUMNS` when it is set (trailing columns that do
    /// not fit are named in a last line); a file gets the whole selection.
    ///
    /// `report` names the report for `--format html`, which draws its charts (docs/HTML.md).
    func write(_ table: ReportTable, report: String? = nil) throws {
        if format == .html, let report {
            try emit(Data(Registry.page(report: report, table: table).utf8))
            return
        }
        try emit(Data(try renderChecked(table).utf8))
    }

    private func render(_ table: ReportTable) -> String {
        (try? renderChecked(table)) ?? format.writer.render(table)
    }

    private func renderChecked(_ table: ReportTable) throws -> String {
        let writer: any ReportWriter
        if format == .table {
            let names = columns.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
            if let unknown = names?.first(where: { !table.columns.contains($0) }) {
                throw CommandFailure(
                    message: "--columns: no column '\(unknown)'",
                    hint: "the columns are \(table.columns.joined(separator: ", "))", status: .usage)
            }
            let toStdout = out == nil || out == "-"
            writer = TerminalTableWriter(
                columns: names, showsAllColumns: allColumns,
                maximumWidth: toStdout ? ProcessInfo.processInfo.environment["COLUMNS"].flatMap { Int($0) } : nil)
        } else {
            writer = format.writer
        }
        return writer.render(table)
    }

    private func emit(_ bytes: Data) throws {
        guard let out, out != "-" else {
            // The throwing write: the non-throwing one traps on a full or closed stdout.
            do {
                try FileHandle.standardOutput.write(contentsOf: bytes)
            } catch {
                throw CommandFailure(
                    message: "cannot write to standard output: \(error.localizedDescription)",
                    hint: "check the disk or the pipe it goes to, or write to a file with --out", status: .ioError)
            }
            return
        }
        do {
            if Self.isRegularOrMissing(out) {
                try bytes.write(to: URL(fileURLWithPath: out), options: .atomic)
            } else {
                // A device or pipe (`/dev/full`, `/dev/stdout`): written in place. An atomic write
                // would replace it with a regular file.
                guard let handle = FileHandle(forWritingAtPath: out) else {
                    throw CocoaError(.fileWriteNoPermission)
                }
                defer { try? handle.close() }
                try handle.write(contentsOf: bytes)
            }
        } catch {
            throw CommandFailure(
                message: "cannot write \(out): \(error.localizedDescription)",
                hint: "check the directory exists and is writable, and the disk has room", status: .ioError)
        }
    }

    private static func isRegularOrMissing(_ path: String) -> Bool {
        let type = (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
        return type == nil || type == .typeRegular
    }

    /// Checks that `--out` can be written — before a close commits, so a close is never written
    /// with nowhere to print it: the path is no directory, and a file can be created beside it (a
    /// device or pipe must open for writing). Standard output is checked by writing to it.
    func checkDestination() throws {
        guard let out, out != "-" else { return }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory), isDirectory.boolValue {
            throw CommandFailure(
                message: "cannot write \(out): it is a directory", hint: "give --out a file name; nothing was written",
                status: .ioError)
        }
        let failure = CommandFailure(
            message: "cannot write \(out): its directory is missing or not writable",
            hint: "create the directory or choose another --out; nothing was written", status: .ioError)
        guard Self.isRegularOrMissing(out) else {
            guard let handle = FileHandle(forWritingAtPath: out) else { throw failure }
            try? handle.close()
            return
        }
        let directory = (out as NSString).deletingLastPathComponent
        let probe = ((directory.isEmpty ? "." : directory) as NSString).appendingPathComponent(
            ".tally-out-check-\(getpid())")
        guard FileManager.default.createFile(atPath: probe, contents: nil) else { throw failure }
        try? FileManager.default.removeItem(atPath: probe)
    }

    /// Prints what closes just did. Their output destination was checked before they ran
    /// (``checkDestination()``); a write that fails anyway (a disk filling up meanwhile) says that
    /// the closes ARE written and how to print them again, with exit status 74.
    func printClosed(_ closeIds: [String], _ print: () throws -> Void) throws {
        do {
            try print()
        } catch let failure as CommandFailure where !closeIds.isEmpty {
            throw CommandFailure(
                message: "\(closeIds.joined(separator: ", ")) \(closeIds.count == 1 ? "IS" : "ARE") written, "
                    + "but its output was not: \(failure.message)",
                hint: "run the same command again to print it: a re-run prints the same bytes and writes nothing",
                status: .ioError)
        }
    }
}
