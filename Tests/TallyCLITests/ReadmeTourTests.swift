import Foundation
import XCTest

/// The README's tour, run as printed (issue 23: it showed 246/246/198 where a run gives 242/242/200,
/// and 24 migrations where there are 26). Each `$ ` line runs in a shell at the repository root,
/// with `tally` on PATH and `/tmp/` moved into a temporary directory; the lines under it must be
/// what it prints — `tally: ` lines on stderr, the others on stdout — consecutively, except where a
/// `...` line stands for lines left out.
final class ReadmeTourTests: XCTestCase {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The tour's commands with the lines printed under each.
    static func tourCommands(_ readme: String) -> [(command: String, expected: [String])] {
        let tour = readme.components(separatedBy: "## A short tour")[1].components(separatedBy: "\n## ")[0]
        var commands: [(command: String, expected: [String])] = []
        var inConsole = false
        for line in tour.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line == "```console" {
                inConsole = true
            } else if line == "```" {
                inConsole = false
            } else if inConsole, line.hasPrefix("$ ") {
                commands.append((String(line.dropFirst(2)), []))
            } else if inConsole, !commands.isEmpty {
                commands[commands.count - 1].expected.append(line)
            }
        }
        return commands
    }

    /// Whether `actual` starts with `expected`, line by line, where a `...` line stands for any
    /// number of lines; what follows the last expected line is not compared.
    static func matches(_ expected: [String], _ actual: [String]) -> Bool {
        var position = 0
        var gap = false
        for line in expected {
            if line == "..." {
                gap = true
                continue
            }
            if gap {
                guard let found = actual[position...].firstIndex(of: line) else { return false }
                position = found
            } else {
                guard position < actual.count, actual[position] == line else { return false }
            }
            position += 1
            gap = false
        }
        return true
    }

    func testTheTourPrintsWhatTheReadmeShows() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let directory = try TallyRunner.temporaryDirectory(for: self)
        let commands = Self.tourCommands(readme)
        XCTAssertGreaterThan(commands.count, 8, "the tour was found")
        let binaries = TallyRunner.executable.deletingLastPathComponent().path
        for (command, expected) in commands {
            let script = command.replacingOccurrences(of: "/tmp/", with: directory.path + "/")
            let result = try TallyRunner.run(
                ["-c", script],
                environment: ["PATH": binaries + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "")],
                in: Self.root, program: URL(fileURLWithPath: "/bin/sh"))
            let stderr = expected.filter { $0.hasPrefix("tally: ") || $0 == "..." }
            let stdout = expected.filter { !$0.hasPrefix("tally: ") }
            func lines(_ text: String) -> [String] {
                text.split(separator: "\n", omittingEmptySubsequences: false).map {
                    $0.replacingOccurrences(of: directory.path + "/", with: "/tmp/")
                }
            }
            XCTAssertTrue(
                Self.matches(stdout, lines(result.stdout)),
                "$ \(command)\nREADME:\n\(stdout.joined(separator: "\n"))\n"
                    + "printed:\n\(result.stdout)")
            XCTAssertTrue(
                Self.matches(stderr, lines(result.stderr)),
                "$ \(command)\nREADME:\n\(stderr.joined(separator: "\n"))\n"
                    + "printed:\n\(result.stderr)")
        }
    }
}
