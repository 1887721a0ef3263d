import Foundation
import XCTest

@testable import TallySample

final class GeneratorTests: XCTestCase {
    private var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    private func generate(seed: UInt64) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "tally-sample-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        var generator = SampleGenerator(seed: seed, scale: 1, directory: directory.path)
        try generator.generate()
        return directory
    }

    /// Every generated file, with its folder (`late/cs_ai_usage.ndjson`).
    private func files(in directory: URL) throws -> [String] {
        let all = FileManager.default.enumerator(atPath: directory.path)?.allObjects as? [String] ?? []
        return all.filter { name in
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(
                atPath: directory.appendingPathComponent(name).path, isDirectory: &isDirectory)
            return exists && !isDirectory.boolValue && !name.hasPrefix(".") && !name.hasPrefix("expected/")
                && name != "README.md"
        }.sorted()
    }

    /// Two runs with the same seed and scale write identical bytes, and they are the committed
    /// SampleData: a generator change that moves a byte must come with regenerated SampleData.
    func testSameSeedGivesIdenticalBytesAndReproducesSampleData() throws {
        let first = try generate(seed: 1)
        let second = try generate(seed: 1)
        let committed = repositoryRoot.appendingPathComponent("SampleData")
        let names = try files(in: first)
        XCTAssertEqual(names, try files(in: second))
        XCTAssertEqual(names, try files(in: committed))
        XCTAssertEqual(names.count, 22)
        for name in names {
            let a = try Data(contentsOf: first.appendingPathComponent(name))
            XCTAssertEqual(a, try Data(contentsOf: second.appendingPathComponent(name)), "\(name) differs between runs")
            XCTAssertEqual(
                a, try Data(contentsOf: committed.appendingPathComponent(name)), "\(name) differs from SampleData/")
        }
    }

    func testAnotherSeedGivesOtherData() throws {
        let one = try generate(seed: 1)
        let two = try generate(seed: 2)
        XCTAssertNotEqual(
            try Data(contentsOf: one.appendingPathComponent("funnel_sessions.csv")),
            try Data(contentsOf: two.appendingPathComponent("funnel_sessions.csv")))
    }

    func testSplitMix64IsStable() {
        var generator = SplitMix64(seed: 1)
        // Reference values of SplitMix64 with seed 1 (Vigna's splitmix64.c).
        XCTAssertEqual(generator.next(), 0x910A_2DEC_8902_5CC1)
        XCTAssertEqual(generator.next(), 0xBEEB_8DA1_658E_EC67)
    }
}
