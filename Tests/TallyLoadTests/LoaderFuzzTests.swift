import Foundation
import GRDB
import XCTest

@testable import TallyLoad
@testable import TallyStore

/// Random bytes and random mutations of SampleData files through the whole loader (CSV, NDJSON and
/// gzip readers, conversion, writes), for a bounded time. Every run must end one of two ways: the
/// load commits and every row read is inserted, updated, unchanged or rejected (the accounting
/// identity), or it fails with a `LoadError` and the store holds exactly what it held before.
/// Seeds are fixed, so a failure reproduces; each kind runs at least `minimumRuns` inputs, then
/// more for up to `budget` seconds.
final class LoaderFuzzTests: XCTestCase {
    private let budget: TimeInterval = 3
    private static let minimumRuns = 25
    private let sampleData = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("SampleData")

    /// xorshift64*: small, deterministic, good enough to pick mutations.
    private struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state >> 12
            state ^= state << 25
            state ^= state >> 27
            return state &* 2_685_821_657_736_338_717
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
    }

    /// Bytes that matter to the readers: separators, quotes, line ends, braces, NUL, invalid UTF-8.
    private static let interesting: [UInt8] = Array(",\"\n\r{}[]:\\ 0.-e".utf8) + [0, 0xC3, 0xFF, 0x1F, 0x8B]

    private func mutate(_ bytes: [UInt8], _ random: inout Random) -> [UInt8] {
        var bytes = bytes
        for _ in 0..<(1 + random.below(8)) {
            guard !bytes.isEmpty else { break }
            let at = random.below(bytes.count)
            switch random.below(5) {
            case 0: bytes[at] = Self.interesting[random.below(Self.interesting.count)]
            case 1: bytes.insert(Self.interesting[random.below(Self.interesting.count)], at: at)
            case 2: bytes.remove(at: at)
            case 3: bytes = Array(bytes.prefix(at))  // truncation
            default: bytes[at] = UInt8(truncatingIfNeeded: random.next())
            }
        }
        return bytes
    }

    private func head(_ name: String, lines: Int) throws -> [UInt8] {
        let text = try String(contentsOf: sampleData.appendingPathComponent(name), encoding: .utf8)
        return Array(
            text.split(separator: "\n", omittingEmptySubsequences: false).prefix(lines).joined(separator: "\n").utf8)
            + [UInt8(ascii: "\n")]
    }

    /// Loads parents then `bytes` as `fileName`, asserting the identity or an unchanged store.
    private func check(_ bytes: [UInt8], as fileName: String, directory: URL, iteration: Int) throws {
        let store = try Store.open(path: ":memory:")
        let parents = ["organizations.csv", "clients.csv", "companies.csv"].map {
            sampleData.appendingPathComponent($0).path
        }
        _ = try Loader(store: store).load(paths: parents, options: LoadOptions(), sink: CollectingSink())
        let before = try contentDump(store)
        let file = directory.appendingPathComponent(fileName)
        try Data(bytes).write(to: file)
        do {
            let summary = try Loader(store: store).load(
                paths: [file.path], options: LoadOptions(), sink: CollectingSink())
            for result in summary.files {
                XCTAssertEqual(
                    result.read, result.inserted + result.updated + result.unchanged + result.rejected,
                    "\(fileName) iteration \(iteration): rows lost without a count")
            }
        } catch is LoadError {
            XCTAssertEqual(
                try contentDump(store), before, "\(fileName) iteration \(iteration): a failed load changed the store")
        }
    }

    private func run(_ name: String, seed: UInt64, source: () throws -> [UInt8], gzip: Bool = false) throws {
        let directory = try temporaryDirectory()
        var random = Random(state: seed)
        let original = try source()
        let started = Date()
        var iterations = 0
        // At least `minimumRuns` (the same seeded inputs on every machine, however busy), then more
        // while the budget lasts: a loaded CI machine once ran only 7 in the budget and failed.
        while iterations < Self.minimumRuns || Date().timeIntervalSince(started) < budget {
            let mutated =
                iterations % 10 == 9
                ? (0..<random.below(400)).map { _ in UInt8(truncatingIfNeeded: random.next()) }  // pure noise
                : mutate(original, &random)
            try check(mutated, as: name, directory: directory, iteration: iterations)
            iterations += 1
        }
    }

    private func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tally-fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    func testMutatedCSV() throws {
        try run("customers.csv", seed: 0x5EED_0001) { try head("customers.csv", lines: 40) }
    }

    func testMutatedNDJSON() throws {
        try run("leads.ndjson", seed: 0x5EED_0002) { try head("leads.ndjson", lines: 30) }
    }

    func testMutatedGzip() throws {
        try run("organizations.csv.gz", seed: 0x5EED_0003) {
            let gzip = Process()
            gzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            gzip.arguments = ["gzip", "-n", "-c", sampleData.appendingPathComponent("organizations.csv").path]
            let out = Pipe()
            gzip.standardOutput = out
            try gzip.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            gzip.waitUntilExit()
            return Array(data)
        }
    }

    func testMutatedJSONArray() throws {
        try run("companies.json", seed: 0x5EED_0004) {
            Array(
                #"[{"id":"co_x","clientId":"cl_1","name":"X","slug":"x","timezone":"UTC","currency":"USD","updatedAt":"2026-01-01T00:00:00.000Z"}]"#
                    .utf8)
        }
    }
}
