import GRDB
import TallyCore
import TallyReporting

/// The strings of a report's clicks (company, partner, link and SubID values, group labels) as
/// small integer keys, so the per-click work compares and hashes integers. Key 0 is NULL.
///
/// The click rollup persists its keys (`tally_rollup_affiliate_names`); without it a report
/// interns as the clicks stream.
final class AffiliateNames {
    private(set) var texts: [String?] = [nil]
    private var keys: [String: Int32] = [:]

    init() {}

    /// Takes the names a rollup stored (key k is `stored[k - 1]`, dense from 1) into names still empty.
    func load(_ stored: [String]) {
        // Loaded already (a second read of the same rollup, after a thread that failed before
        // its first click): the same names.
        if texts.count == stored.count + 1, texts.dropFirst().elementsEqual(stored.map(Optional.some)) { return }
        precondition(texts.count == 1, "stored names load into empty names only")
        texts += stored
        for (index, text) in stored.enumerated() { keys[text] = Int32(index + 1) }
    }

    func key(_ text: String?) -> Int32 {
        guard let text else { return 0 }
        if let key = keys[text] { return key }
        let key = Int32(texts.count)
        texts.append(text)
        keys[text] = key
        return key
    }

    func text(_ key: Int32) -> String? { texts[Int(key)] }
}
