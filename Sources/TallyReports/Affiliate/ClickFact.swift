import GRDB
import TallyCore

/// `affiliate_clicks.status` (Prisma's `ClickStatus`) as a small code.
enum ClickStatusCode: UInt8, CaseIterable {
    case valid = 0
    case duplicate, suspicious, fraud, bot

    static let texts = ["VALID", "DUPLICATE", "SUSPICIOUS", "FRAUD", "BOT"]
    var text: String { Self.texts[Int(rawValue)] }

    /// nil for a value outside the enum (the store's CHECK constraint keeps them out).
    init?(text: String) {
        guard let index = Self.texts.firstIndex(of: text) else { return nil }
        self.init(rawValue: UInt8(index))
    }
}

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

/// A click as the click columns count it (docs/AFFILIATE.md, section 5): interned keys, its time,
/// status and standing under A3–A4. Read from the click rollup, or made from each click of a pass.
struct ClickFact {
    /// Equal for the clicks of one visitor, which arrive together; 0 when the click has none.
    var visitor: Int64
    var company: Int32
    var partner: Int32
    /// 0 when NULL.
    var link: Int32
    /// `subId1`…`subId5` in lanes 0–4; 0 when NULL.
    var subIds: SIMD8<Int32>
    var time: Int64
    var status: ClickStatusCode
    var derivedDuplicate: Bool
    var excludedByFraudScore: Bool
    var derivedBot: Bool

    func standing(includesSuspicious: Bool) -> ClickStanding {
        ClickStanding(
            statusEligible: status == .valid || (includesSuspicious && status == .suspicious),
            derivedDuplicate: derivedDuplicate, excludedByFraudScore: excludedByFraudScore, derivedBot: derivedBot)
    }
}

extension ClickFact {
    /// The fact of a click of a pass over `affiliate_clicks`.
    init(_ click: AffiliateClick, _ standing: ClickStanding, visitor: Int64, names: AffiliateNames) throws {
        guard let status = ClickStatusCode(text: click.status) else {
            throw ReportError.inconsistentCounts("click \(click.id) has status \(click.status), not a ClickStatus")
        }
        var subIds = SIMD8<Int32>()
        for (lane, value) in click.subIds.enumerated() { subIds[lane] = names.key(value) }
        self.init(
            visitor: visitor, company: names.key(click.companyId), partner: names.key(click.partnerId),
            link: names.key(click.linkId), subIds: subIds, time: click.time, status: status,
            derivedDuplicate: standing.derivedDuplicate, excludedByFraudScore: standing.excludedByFraudScore,
            derivedBot: standing.derivedBot)
    }
}

/// Derives each click's standing under A3–A4 as the clicks stream in the order of
/// `Queries/affiliate/clicks.sql` (each company, link and visitor in time order): the derived
/// duplicate needs the last kept click of the same (company, link, visitor).
struct ClickStandings {
    let options: AttributionOptions
    let programs: [String: AffiliateProgram]
    private var group: (String, String, String)?
    private var anchor: Int64 = 0

    init(options: AttributionOptions, programs: [String: AffiliateProgram]) {
        self.options = options
        self.programs = programs
    }

    mutating func standing(of click: AffiliateClick) -> ClickStanding {
        let program = programs[click.companyId] ?? .defaults
        var duplicate = false
        if let link = click.linkId, let visitor = click.visitorId {
            // Strictly less than one window after the last kept click; dropped clicks never move the anchor.
            if let group, group == (click.companyId, link, visitor),
                click.time - anchor < program.deduplicationWindowMins * 60_000
            {
                duplicate = true
            } else {
                anchor = click.time
            }
            group = (click.companyId, link, visitor)
        }
        return ClickStanding(
            statusEligible: click.status == "VALID" || (options.includesSuspicious && click.status == "SUSPICIOUS"),
            derivedDuplicate: duplicate,
            excludedByFraudScore: click.fraudScore.map { program.isAboveFraudThreshold($0) } ?? false,
            derivedBot: click.isDerivedBot)
    }
}
