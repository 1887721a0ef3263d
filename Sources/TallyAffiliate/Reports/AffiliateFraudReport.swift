import GRDB
import TallyCore
import TallyOutput
import TallyReporting

/// Fraud review per partner (docs/AFFILIATE.md): the clicks each cause excludes, counted
/// independently (status, derived duplicate, derived bot, fraud score), clicks per distinct
/// `ipAddressHash`, self-referred conversions, and flags at documented thresholds.
///
/// Flags: `bot_heavy` when derived bots are at least ``botShareThreshold`` of the partner's clicks;
/// `ip_concentrated` when clicks per distinct IP hash reach ``clicksPerIPThreshold``;
/// `self_referral` when any conversion of the range is self-referred (A8). Row order: partner id.
public struct AffiliateFraudReport: ReportDefinition {
    public static let name = "affiliate-fraud"
    /// A fifth of a partner's clicks from bot user agents is far above the background (≈3 % in SampleData).
    public static let botShareThreshold = 0.2
    /// More than five clicks per address on average looks like a click farm or a reload loop.
    public static let clicksPerIPThreshold = 5.0

    public var scope: ReportScope
    public var options: AttributionOptions
    /// Whether the click columns may come from the affiliate click rollup when it is fresh
    /// (`--no-rollups`: from a pass over every click; the same bytes).
    public var readsRollups = true

    public init(scope: ReportScope, options: AttributionOptions = AttributionOptions()) {
        self.scope = scope
        var options = options
        if options.model == .production { options.model = .lastClick }
        self.options = options
    }

    public struct Row: Sendable {
        public var partner: String
        public var partnerName: String?
        public var clicks = 0
        public var excludedByStatus = 0
        public var derivedDuplicates = 0
        public var derivedBots = 0
        public var excludedByFraudScore = 0
        /// Distinct `ipAddressHash` values of the partner's clicks in range: their keys in the click
        /// rollup when it is read, else counted by SQLite (`Queries/affiliate/partner-ip-hashes.sql`).
        public var distinctIPHashes = 0
        public var selfReferredConversions = 0
        /// The address keys of the partner's clicks, when they come from the click rollup (kept in
        /// the row so that each click costs one dictionary access, not two).
        var addresses = DistinctKeys()

        var clicksPerIP: Double? { distinctIPHashes == 0 ? nil : Double(clicks) / Double(distinctIPHashes) }
        var botShare: Double? { clicks > 0 ? Double(derivedBots) / Double(clicks) : nil }

        /// Counts one click of the partner in range.
        mutating func count(_ standing: ClickStanding) {
            clicks += 1
            if !standing.statusEligible { excludedByStatus += 1 }
            if standing.derivedDuplicate { derivedDuplicates += 1 }
            if standing.derivedBot { derivedBots += 1 }
            if standing.excludedByFraudScore { excludedByFraudScore += 1 }
        }

        /// Counts one click of the partner in range whose address has `key` among `1...universe`.
        mutating func count(_ standing: ClickStanding, address key: Int32, universe: Int) {
            count(standing)
            addresses.insert(key, universe: universe)
        }
    }

    public static var columns: [ReportColumn<Row>] {
        [
            .text("partner_id") { $0.partner }, .text("partner_name", scan: 1) { $0.partnerName },
            .integer("clicks", scan: 5) { $0.clicks },
            .integer("excluded_by_status", scan: 9) { $0.excludedByStatus },
            .integer("derived_duplicates", scan: 10) { $0.derivedDuplicates },
            .integer("derived_bots", scan: 6) { $0.derivedBots },
            .integer("excluded_by_fraud_score", scan: 11) { $0.excludedByFraudScore },
            .integer("distinct_ip_hashes") { $0.distinctIPHashes },
            .number("clicks_per_ip", decimals: 2, scan: 7) { $0.clicksPerIP },
            .rate("bot_share") { $0.botShare },
            .integer("self_referred_conversions", scan: 8) { $0.selfReferredConversions },
            .bool("bot_heavy", scan: 2) { ($0.botShare ?? 0) >= botShareThreshold },
            .bool("ip_concentrated", scan: 3) { ($0.clicksPerIP ?? 0) >= clicksPerIPThreshold },
            .bool("self_referral", scan: 4) { $0.selfReferredConversions > 0 },
        ]
    }

    public func rows(in context: ReportContext) throws -> [Row] {
        // Per partner key while the clicks stream, mutated in place (a copy out of the dictionary
        // and back, when the row still held a set of IP hashes, made this quadratic: 472 s for 1M clicks).
        let names = AffiliateNames()
        var byPartner: [Int32: Row] = [:]
        var selfReferred: [String: Int] = [:]
        // From a fresh click rollup the facts carry address keys, counted here; a pass over the
        // clicks counts the hashes in SQL instead (the same numbers, tests).
        let keysFromRollup = try context.reads(AffiliateClickRollups.self)
        let universe = keysFromRollup ? try AffiliateClickRollups.ipKeyCount(context.db) : 0
        var badKey: Int32?
        try AffiliateAttribution.forEachCredited(
            // Only self-referrals are asked of the conversions (A8): their touchpoints are not.
            options: options, context: context, names: names, needsTouchpoints: false,
            visit: { fact in
                let standing = fact.standing(includesSuspicious: options.includesSuspicious)
                guard keysFromRollup, fact.ip != 0 else {
                    return byPartner[fact.partner, default: Row(partner: names.text(fact.partner) ?? "")].count(
                        standing)
                }
                guard fact.ip > 0, Int(fact.ip) <= universe else {
                    badKey = fact.ip
                    return
                }
                byPartner[fact.partner, default: Row(partner: names.text(fact.partner) ?? "")]
                    .count(standing, address: fact.ip, universe: universe)
            },
            each: { conversion in
                guard conversion.status != .reversed else { return }
                for partner in conversion.selfReferringPartners { selfReferred[partner, default: 0] += 1 }
            })
        if let badKey {
            throw ReportError.inconsistentCounts(
                "tally_rollup_affiliate_clicks holds address key \(badKey) of \(universe)")
        }
        var rows = Dictionary(
            uniqueKeysWithValues: byPartner.values.map { row in
                var row = row
                if keysFromRollup { row.distinctIPHashes = row.addresses.count }
                row.addresses = DistinctKeys()
                return (row.partner, row)
            })
        if !keysFromRollup {
            for row in try GRDB.Row.fetchAll(context.db, sql: QueryCatalog.sql("affiliate/partner-ip-hashes")) {
                let partner: String = row["partner_id"]
                rows[partner, default: Row(partner: partner)].distinctIPHashes = row["distinct_ip_hashes"]
            }
        }
        for (partner, count) in selfReferred {
            rows[partner, default: Row(partner: partner)].selfReferredConversions = count
        }
        let partners = try AffiliatePartner.all(context.db)
        return rows.values.map { row in
            var named = row
            named.partnerName = partners[row.partner]?.name
            return named
        }.sorted { Array($0.partner.utf8).lexicographicallyPrecedes(Array($1.partner.utf8)) }
    }
}
