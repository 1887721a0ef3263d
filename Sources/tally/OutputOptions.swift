import ArgumentParser
import Foundation
import TallyOutput

extension OutputFormat: ExpressibleByArgument {}

/// Output format and destination, shared by every command that prints a table.
struct OutputOptions: ParsableArguments {
    @Option(help: "Output format: csv, json or table.")
    var format: OutputFormat = .table

    @Option(help: ArgumentHelp("Write to this file instead of standard output ('-' for stdout).", valueName: "path"))
    var out: String?

    /// Writes `table` in the chosen format to `--out` or stdout.
    func write(_ table: ReportTable) throws {
        let bytes = Data(format.writer.render(table).utf8)
        guard let out, out != "-" else {
            FileHandle.standardOutput.write(bytes)
            return
        }
        do {
            try bytes.write(to: URL(fileURLWithPath: out), options: .atomic)
        } catch {
            throw CommandFailure(
                message:
                    "cannot write \(out): \(error.localizedDescription); check the directory exists and is writable",
                status: .ioError)
        }
    }
}
