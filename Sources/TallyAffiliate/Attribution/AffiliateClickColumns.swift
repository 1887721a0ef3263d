import TallyCore
import TallyReporting

/// The click columns of the affiliate report per group (docs/AFFILIATE.md, section 5), counted from
/// ``ClickFact``s: groups are vectors of ``AffiliateNames`` keys while the clicks stream, and get
/// their labels once each at the end (a String per click was most of a 10M-click report).
///
/// Distinct visitors are counted as the clicks stream in visitor order: the groups of the current
/// visitor's eligible clicks, added to each group's count when the next visitor starts. Memory
/// holds one visitor's groups, not every group's visitors.
struct AffiliateClickColumns {
    /// One key per grouping, in the report's order; unused lanes 0.
    typealias GroupKey = SIMD16<Int32>

    struct Counts {
        let currency: String
        var total = 0
        var eligible = 0
        var byStatus = SIMD8<Int>()
        var excludedByFraudScore = 0
        var derivedDuplicate = 0
        var derivedBot = 0
        var uniqueVisitors = 0
    }

    let groupings: [AffiliateReport.Grouping]
    let includesSuspicious: Bool
    let partners: [String: AffiliatePartner]
    let names: AffiliateNames
    let scope: ResolvedScope
    /// Each group's counts, in the order groups first appear.
    private var counts: [Counts] = []
    private var groupKeys: [GroupKey] = []
    /// Group index by key; with one grouping, by its one key (an array lookup instead of a hash:
    /// hashing a vector per click was a fifth of a 10M-click report).
    private var groups: [GroupKey: Int] = [:]
    private var groupsByKey: [Int] = []
    private var visitor: Int64 = 0
    private var visitorGroups: [Int] = []
    /// Per partner key: the keys of its tier and partnership type.
    private var partnerAttributes: [Int32: SIMD2<Int32>] = [:]
    /// Per (company key, quarter hour of the click): the key of its local day, when the whole
    /// quarter hour lies in one day (every zone's offset is a multiple of 15 minutes today).
    private var days: [SIMD2<Int64>: Int32] = [:]

    init(
        groupings: [AffiliateReport.Grouping], includesSuspicious: Bool, partners: [String: AffiliatePartner],
        names: AffiliateNames, scope: ResolvedScope
    ) {
        self.groupings = groupings
        self.includesSuspicious = includesSuspicious
        self.partners = partners
        self.names = names
        self.scope = scope
    }

    /// Counts one click in its company's range.
    mutating func count(_ fact: ClickFact) {
        let group = groupIndex(of: fact)
        let standing = fact.standing(includesSuspicious: includesSuspicious)
        counts[group].add(fact, standing)
        if standing.isEligible, fact.visitor != 0 {
            if fact.visitor != visitor {
                countVisitor()
                visitor = fact.visitor
            }
            if !visitorGroups.contains(group) { visitorGroups.append(group) }
        }
    }

    /// The click columns per group label, each with the currency of the company whose clicks they are.
    mutating func finish() -> [String: AffiliateReport.Row] {
        countVisitor()
        var rows: [String: AffiliateReport.Row] = [:]
        for (key, counts) in zip(groupKeys, counts) {
            let labels = groupings.indices.map { names.text(key[$0]) ?? "" }
            let group = labels.joined(separator: AffiliateReport.componentSeparator)
            var row = rows[group] ?? AffiliateReport.Row(group: group, currency: counts.currency)
            row.clicksTotal += counts.total
            row.clicksEligible += counts.eligible
            for status in ClickStatusCode.allCases where counts.byStatus[Int(status.rawValue)] > 0 {
                row.clicksByStatus[status.text, default: 0] += counts.byStatus[Int(status.rawValue)]
            }
            row.clicksExcludedByFraudScore += counts.excludedByFraudScore
            row.clicksDerivedDuplicate += counts.derivedDuplicate
            row.clicksDerivedBot += counts.derivedBot
            row.uniqueVisitors += counts.uniqueVisitors
            rows[group] = row
        }
        return rows
    }

    private mutating func groupIndex(of fact: ClickFact) -> Int {
        if groupings.count == 1 {
            let key = Int(component(groupings[0], fact))
            if key < groupsByKey.count, groupsByKey[key] >= 0 { return groupsByKey[key] }
            if key >= groupsByKey.count { groupsByKey += Array(repeating: -1, count: key + 1 - groupsByKey.count) }
            var groupKey = GroupKey()
            groupKey[0] = Int32(key)
            groupsByKey[key] = newGroup(groupKey, fact)
            return groupsByKey[key]
        }
        var key = GroupKey()
        for (lane, grouping) in groupings.enumerated() { key[lane] = component(grouping, fact) }
        if let known = groups[key] { return known }
        let index = newGroup(key, fact)
        groups[key] = index
        return index
    }

    private mutating func newGroup(_ key: GroupKey, _ fact: ClickFact) -> Int {
        groupKeys.append(key)
        counts.append(Counts(currency: company(of: fact)?.currency ?? ""))
        return counts.count - 1
    }

    private func company(of fact: ClickFact) -> ResolvedScope.Company? {
        names.text(fact.company).flatMap(scope.company)
    }

    private mutating func countVisitor() {
        for group in visitorGroups { counts[group].uniqueVisitors += 1 }
        visitorGroups.removeAll(keepingCapacity: true)
    }

    /// The key of the click's value under `grouping`: the text AffiliateReport labels it with.
    private mutating func component(_ grouping: AffiliateReport.Grouping, _ fact: ClickFact) -> Int32 {
        func orNone(_ key: Int32) -> Int32 { key == 0 ? names.key(AffiliateReport.noSubId) : key }
        switch grouping {
        case .partner: return fact.partner
        case .link: return fact.link == 0 ? names.key(AffiliateReport.noLink) : fact.link
        case .subid1: return orNone(fact.subIds[0])
        case .subid2: return orNone(fact.subIds[1])
        case .subid3: return orNone(fact.subIds[2])
        case .subid4: return orNone(fact.subIds[3])
        case .subid5: return orNone(fact.subIds[4])
        case .tier: return attributes(of: fact.partner)[0]
        case .partnershipType: return attributes(of: fact.partner)[1]
        case .day: return day(of: fact)
        }
    }

    private mutating func attributes(of partnerKey: Int32) -> SIMD2<Int32> {
        if let known = partnerAttributes[partnerKey] { return known }
        let partner = names.text(partnerKey).flatMap { partners[$0] }
        let attributes = SIMD2(
            names.key(partner?.tier ?? AffiliateReport.unknown),
            names.key(partner?.partnershipType ?? AffiliateReport.unknown))
        partnerAttributes[partnerKey] = attributes
        return attributes
    }

    private mutating func day(of fact: ClickFact) -> Int32 {
        let quarter: Int64 = 900_000
        let time = fact.time
        let bucket = time >= 0 ? time / quarter : (time - quarter + 1) / quarter
        let cacheKey = SIMD2(Int64(fact.company), bucket)
        if let known = days[cacheKey] { return known }
        guard let zone = company(of: fact)?.timeZone else { return names.key(AffiliateReport.unknown) }
        let day = zone.day(containing: time)
        let key = names.key(day.description)
        if zone.day(containing: bucket * quarter) == day, zone.day(containing: bucket * quarter + quarter - 1) == day {
            days[cacheKey] = key
        }
        return key
    }
}

extension AffiliateClickColumns.Counts {
    mutating func add(_ fact: ClickFact, _ standing: ClickStanding) {
        total += 1
        byStatus[Int(fact.status.rawValue)] += 1
        if standing.excludedByFraudScore { excludedByFraudScore += 1 }
        if standing.derivedDuplicate { derivedDuplicate += 1 }
        if standing.derivedBot { derivedBot += 1 }
        if standing.isEligible { eligible += 1 }
    }
}
