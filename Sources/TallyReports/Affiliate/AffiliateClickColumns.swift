import TallyCore

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
    private var counts: [GroupKey: Counts] = [:]
    private var visitor: Int64 = 0
    private var visitorGroups: [GroupKey] = []
    /// Per partner key: the keys of its tier and partnership type.
    private var partnerAttributes: [Int32: SIMD2<Int32>] = [:]
    /// Per (company key, quarter hour of the click): the key of its local day, when the whole
    /// quarter hour lies in one day (every zone's offset is a multiple of 15 minutes today).
    private var days: [SIMD2<Int64>: Int32] = [:]

    init(
        groupings: [AffiliateReport.Grouping], includesSuspicious: Bool, partners: [String: AffiliatePartner],
        names: AffiliateNames
    ) {
        self.groupings = groupings
        self.includesSuspicious = includesSuspicious
        self.partners = partners
        self.names = names
    }

    /// Counts one click of `company` in its range.
    mutating func count(_ fact: ClickFact, _ company: ResolvedScope.Company) {
        var key = GroupKey()
        for (lane, grouping) in groupings.enumerated() { key[lane] = component(grouping, fact, company) }
        let standing = fact.standing(includesSuspicious: includesSuspicious)
        // In place: a copy out of the dictionary and back cost a copy per click.
        counts[key, default: Counts(currency: company.currency)].add(fact, standing)
        if standing.isEligible, fact.visitor != 0 {
            if fact.visitor != visitor {
                countVisitor()
                visitor = fact.visitor
            }
            if !visitorGroups.contains(key) { visitorGroups.append(key) }
        }
    }

    /// The click columns per group label, each with the currency of the company whose clicks they are.
    mutating func finish() -> [String: AffiliateReport.Row] {
        countVisitor()
        var rows: [String: AffiliateReport.Row] = [:]
        for (key, counts) in counts {
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

    private mutating func countVisitor() {
        for key in visitorGroups { counts[key]?.uniqueVisitors += 1 }
        visitorGroups.removeAll(keepingCapacity: true)
    }

    /// The key of the click's value under `grouping`: the text AffiliateReport labels it with.
    private mutating func component(
        _ grouping: AffiliateReport.Grouping, _ fact: ClickFact, _ company: ResolvedScope.Company
    ) -> Int32 {
        func orNone(_ key: Int32) -> Int32 { key == 0 ? names.key("(none)") : key }
        switch grouping {
        case .partner: return fact.partner
        case .link: return fact.link == 0 ? names.key("(no link)") : fact.link
        case .subid1: return orNone(fact.subIds[0])
        case .subid2: return orNone(fact.subIds[1])
        case .subid3: return orNone(fact.subIds[2])
        case .subid4: return orNone(fact.subIds[3])
        case .subid5: return orNone(fact.subIds[4])
        case .tier: return attributes(of: fact.partner)[0]
        case .partnershipType: return attributes(of: fact.partner)[1]
        case .day: return day(of: fact.time, company: fact.company, zone: company.timeZone)
        }
    }

    private mutating func attributes(of partnerKey: Int32) -> SIMD2<Int32> {
        if let known = partnerAttributes[partnerKey] { return known }
        let partner = names.text(partnerKey).flatMap { partners[$0] }
        let attributes = SIMD2(
            names.key(partner?.tier ?? "(unknown)"), names.key(partner?.partnershipType ?? "(unknown)"))
        partnerAttributes[partnerKey] = attributes
        return attributes
    }

    private mutating func day(of time: Int64, company: Int32, zone: CompanyTimeZone) -> Int32 {
        let quarter: Int64 = 900_000
        let bucket = time >= 0 ? time / quarter : (time - quarter + 1) / quarter
        let cacheKey = SIMD2(Int64(company), bucket)
        if let known = days[cacheKey] { return known }
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
