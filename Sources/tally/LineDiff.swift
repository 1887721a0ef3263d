import ArgumentParser
import Foundation
import TallyCore
import TallyLoad
import TallyOutput
import TallyStore

/// A readable description of how two texts differ: the first differing lines, numbered.
enum LineDiff {
    static func describe(expected: String, actual: String, limit: Int) -> String {
        let wanted = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let got = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var lines: [String] = []
        var shown = 0
        for index in 0..<max(wanted.count, got.count) {
            let left = index < wanted.count ? String(wanted[index]) : nil
            let right = index < got.count ? String(got[index]) : nil
            guard left != right else { continue }
            shown += 1
            if shown > limit {
                lines.append("  ... more differing lines")
                break
            }
            lines.append("  line \(index + 1):")
            lines.append("    - expected: \(left ?? "(no line)")")
            lines.append("    + actual:   \(right ?? "(no line)")")
        }
        return lines.joined(separator: "\n")
    }
}
