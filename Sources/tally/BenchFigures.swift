import ArgumentParser
import Foundation
import TallyCore
import TallySample
import TallyStore

func fixedDecimals(_ value: Double, _ decimals: Int) -> String {
    String(format: "%.\(decimals)f", value)
}

/// What every benchmark prints its figures with.
enum BenchFigures {
    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .nan }
        return sorted.count % 2 == 1
            ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    /// The median of per-repeat ratios `numerators[i] / denominators[i]` (paired runs).
    static func medianRatio(_ numerators: [Double], over denominators: [Double]) -> Double {
        median(zip(numerators, denominators).map { $0 / $1 })
    }

    /// A paired ratio with two decimals, or empty when a side was not measured (no duckdb, say).
    static func printedRatio(_ numerators: [Double], over denominators: [Double]) -> String {
        numerators.isEmpty || denominators.isEmpty ? "" : fixedDecimals(medianRatio(numerators, over: denominators), 2)
    }

    /// A file's size in bytes; 0 when it cannot be read.
    static func fileBytes(_ path: String) -> Int64 {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.int64Value ?? 0
    }

    /// The machine's 1-minute load average, printed beside each figure.
    static func loadAverage() -> String {
        (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first.map(String.init)
            ?? ""
    }

    /// This process's own path, to run tally as a child the way a user does.
    static var tallyExecutable: String {
        CommandLine.arguments[0].contains("/")
            ? URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path : CommandLine.arguments[0]
    }
}
