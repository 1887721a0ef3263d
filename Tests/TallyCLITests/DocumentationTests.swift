import Foundation
import TallyRegistry
import XCTest

/// The README and the help screens against the real command tree, walked through `--help` as a
/// user sees it (no list of commands kept by hand here).
final class DocumentationTests: XCTestCase {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Help at a fixed width, so wrapping (and the snapshots) do not depend on the terminal.
    private static func help(_ path: [String]) throws -> String {
        let result = try TallyRunner.run(path + ["--help"], environment: ["COLUMNS": "100"])
        XCTAssertEqual(result.status, 0, "\(path) --help: \(result.stderr)")
        return result.stdout
    }

    /// The names listed under the `… SUBCOMMANDS:` headings of a help screen.
    static func subcommands(in help: String) -> [String] {
        var names: [String] = []
        var inSection = false
        for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasSuffix("SUBCOMMANDS:") {
                inSection = true
            } else if line.isEmpty || !line.hasPrefix(" ") {
                inSection = false
            } else if inSection, line.hasPrefix("  "), !line.hasPrefix("   ") {
                names.append(String(line.dropFirst(2).prefix { $0 != " " }))
            }
        }
        return names
    }

    /// Every leaf command (a command without subcommands) with its help screen.
    static func leaves() throws -> [(path: [String], help: String)] {
        var found: [(path: [String], help: String)] = []
        func walk(_ path: [String]) throws {
            let text = try help(path)
            let children = subcommands(in: text)
            if children.isEmpty && !path.isEmpty { found.append((path, text)) }
            for child in children { try walk(path + [child]) }
        }
        try walk([])
        return found
    }

    /// The long options a help screen lists (`--db`, `--format`, …), without `--help` and `--version`.
    static func options(in help: String) -> Set<String> {
        let pattern = try! NSRegularExpression(
            pattern: "^  (?:-[a-zA-Z], )?(--[a-z0-9-]+)", options: .anchorsMatchLines)
        let range = NSRange(help.startIndex..., in: help)
        return Set(
            pattern.matches(in: help, range: range).map { String(help[Range($0.range(at: 1), in: help)!]) }
        ).subtracting(["--help", "--version"])
    }

    /// Every leaf command appears in the README's command table as `tally <command>`, and every
    /// option of it somewhere in the README.
    func testEveryCommandAndOptionIsInTheReadme() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let leaves = try Self.leaves()
        XCTAssertGreaterThan(leaves.count, 20, "the walk found the command tree")
        for (path, help) in leaves {
            let command = path.joined(separator: " ")
            XCTAssertTrue(readme.contains("`tally \(command)"), "README lacks tally \(command)")
            // On the command's own row of the table: `--by` in another command's row does not count.
            let row = readme.split(separator: "\n").first { $0.hasPrefix("| `tally \(command)") }.map(String.init) ?? ""
            let shared = ["--db", "--wait", "--format", "--out", "--columns", "--all-columns"]
            for option in Self.options(in: help) where !shared.contains(option) {
                XCTAssertNotNil(
                    row.range(
                        of: NSRegularExpression.escapedPattern(for: option) + "(?![a-z0-9-])",
                        options: .regularExpression),
                    "README's row of tally \(command) lacks \(option)")
            }
        }
    }

    /// Every registered report has a command of its name (`tally report NAME`, or its close's command).
    func testEveryRegisteredReportHasACommand() throws {
        let commands = Set(try Self.leaves().map { $0.path.joined(separator: " ") })
        let closes = [
            "billing-close": "billing close", "billing-status": "billing status",
            "affiliate-payouts": "affiliate payouts",
        ]
        for report in Registry.reports {
            let command = closes[report.name] ?? "report \(report.name)"
            XCTAssertTrue(commands.contains(command), "\(report.name): no 'tally \(command)'")
        }
        for command in commands where command.hasPrefix("report ") {
            XCTAssertNotNil(
                Registry.report(named: String(command.dropFirst("report ".count))), "\(command) is not registered")
        }
    }

    /// Each leaf's whole help screen equals its snapshot in `HelpSnapshots/` (as argument-parser's
    /// own tests compare help). `TALLY_RECORD_HELP=1` rewrites the snapshots and fails, so a new
    /// baseline is never accepted by accident.
    func testHelpScreensMatchTheirSnapshots() throws {
        let directory = Self.root.appendingPathComponent("Tests/TallyCLITests/HelpSnapshots")
        let recording = ProcessInfo.processInfo.environment["TALLY_RECORD_HELP"] == "1"
        var seen: Set<String> = []
        for (path, help) in try Self.leaves() {
            let file = directory.appendingPathComponent(path.joined(separator: "-") + ".txt")
            seen.insert(file.lastPathComponent)
            if recording {
                try help.write(to: file, atomically: true, encoding: .utf8)
                continue
            }
            let expected = try? String(contentsOf: file, encoding: .utf8)
            XCTAssertEqual(
                help, expected, "tally \(path.joined(separator: " ")) --help differs from \(file.lastPathComponent)")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".txt") }
        XCTAssertEqual(Set(files), seen, "a snapshot of a command that is gone, or a command without one")
        if recording {
            XCTFail("recorded \(seen.count) help snapshots: review them, then run again without TALLY_RECORD_HELP")
        }
    }

    /// The `Example:` of a help screen, its wrapped lines joined.
    static func example(in help: String) -> String? {
        guard let start = help.range(of: "Example: ") else { return nil }
        let rest = help[start.upperBound...]
        let paragraph = rest.components(separatedBy: "\n\n")[0]
        return paragraph.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    /// Every leaf's help example runs as printed (issue 23: the close examples exited 64 on the
    /// store the root help builds), on a store loaded from SampleData, with `/tmp/` moved into a
    /// temporary directory. The benchmarks' examples are left out: they run for minutes.
    func testEveryHelpExampleRuns() throws {
        let directory = try TallyRunner.temporaryDirectory(for: self)
        let sampleData = Self.root.appendingPathComponent("SampleData").path
        var examples: [[String]] = []
        for (path, help) in try Self.leaves() where path.first != "bench" {
            let example = try XCTUnwrap(Self.example(in: help), "tally \(path.joined(separator: " ")) has no Example")
            XCTAssertTrue(example.hasPrefix("tally \(path.joined(separator: " "))"), example)
            let words = example.split(separator: " ").dropFirst().map { word in
                word == "SampleData" ? sampleData : word.replacingOccurrences(of: "/tmp/", with: directory.path + "/")
            }
            examples.append(words)
        }
        // The store first (load, and the empty store's migrations up before down).
        func rank(_ words: [String]) -> Int {
            switch words.prefix(2).joined(separator: " ") {
            case let command where command.hasPrefix("load "): return 0
            case "migrate up": return 1
            case "migrate down": return 3
            default: return 2
            }
        }
        for words in examples.sorted(by: { rank($0) < rank($1) }) {
            if words.count > 1, words[1] == "reopen" {
                // A reopening needs its close: the month is closed first (as-of before the reopening's).
                let close = words[0] == "billing" ? ["billing", "close"] : ["affiliate", "payouts"]
                func value(_ option: String) -> [String] {
                    words.firstIndex(of: option).map { [option, words[$0 + 1]] } ?? []
                }
                let closed = try TallyRunner.run(
                    close + value("--db") + value("--period") + value("--company") + [
                        "--as-of", "2026-03-05T00:00:00Z",
                    ])
                XCTAssertEqual(closed.status, 0, "the close before \(words.joined(separator: " ")): \(closed.stderr)")
            }
            let result = try TallyRunner.run(words)
            XCTAssertEqual(result.status, 0, "tally \(words.joined(separator: " ")): \(result.stderr)")
        }
    }
}
