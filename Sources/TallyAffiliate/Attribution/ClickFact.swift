import GRDB
import TallyCore
import TallyReporting

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
    /// The key of its `ipAddressHash` (``AffiliateIPKeys``) when read from the click rollup; 0 for
    /// a NULL hash, and in a pass over the clicks (which counts addresses in SQL).
    var ip: Int32 = 0

    func standing(includesSuspicious: Bool) -> ClickStanding {
        ClickStanding(
            statusEligible: status == .valid || (includesSuspicious && status == .suspicious),
            derivedDuplicate: derivedDuplicate, excludedByFraudScore: excludedByFraudScore, derivedBot: derivedBot)
    }
}

extension ClickFact {
    /// The fact of a click of a pass over `affiliate_clicks`.
    init(_ click: AffiliateClick, _ standing: ClickStanding, visitor: Int64, names: AffiliateNames) throws {
        let status = ClickStatusCode(click.status)
        var subIds = SIMD8<Int32>()
        for (lane, value) in click.subIds.enumerated() { subIds[lane] = names.key(value) }
        self.init(
            visitor: visitor, company: names.key(click.companyId), partner: names.key(click.partnerId),
            link: names.key(click.linkId), subIds: subIds, time: click.time, status: status,
            derivedDuplicate: standing.derivedDuplicate, excludedByFraudScore: standing.excludedByFraudScore,
            derivedBot: standing.derivedBot)
    }
}
