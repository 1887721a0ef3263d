import Foundation
import GRDB
import TallyCore
import TallyReporting

/// Finds touchpoints and splits credit (docs/AFFILIATE.md, sections 1–4).
struct AffiliateAttribution {
    let options: AttributionOptions
    let partners: [String: AffiliatePartner]
    let programs: [String: AffiliateProgram]

    /// The clicks of the visitors attribution needs, each with its standing.
    struct ClickPass {
        var candidates: [String: [(AffiliateClick, ClickStanding)]] = [:]  // by visitor
        var byID: [String: (AffiliateClick, ClickStanding)] = [:]  // own clicks of visitorless conversions
    }

    func program(_ company: String) -> AffiliateProgram { programs[company] ?? .defaults }

    /// Every click of the companies in scope (`Queries/affiliate/clicks.sql`), with its standing,
    /// in visitor order: each visitor's clicks together, NULL visitor first.
    func passClicks(_ db: Database, visit: (AffiliateClick, ClickStanding) throws -> Void) throws {
        var standings = ClickStandings(options: options, programs: programs)
        try AffiliateClick.forEach(db, query: "affiliate/clicks") { try visit($0, standings.standing(of: $0)) }
    }

    /// Creates the temp tables ``candidateClicks(_:visitors:ids:)`` fills: before any cursor is
    /// open (a table created while a statement runs would invalidate it); once they exist, a no-op.
    func prepareCandidateTables(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TEMP TABLE IF NOT EXISTS "affiliate_candidate_visitors" ("visitorId" TEXT PRIMARY KEY);
                CREATE TEMP TABLE IF NOT EXISTS "affiliate_candidate_clicks" ("id" TEXT PRIMARY KEY);
                """)
    }

    /// Fills the temp tables `Queries/affiliate/candidate-clicks.sql` reads with `visitors` and `ids`.
    func fillCandidateTables(_ db: Database, visitors: Set<String>, ids: Set<String>) throws {
        try prepareCandidateTables(db)
        try db.execute(
            sql: """
                DELETE FROM temp."affiliate_candidate_visitors";
                DELETE FROM temp."affiliate_candidate_clicks";
                """)
        for (table, values) in [("affiliate_candidate_visitors", visitors), ("affiliate_candidate_clicks", ids)] {
            let insert = try db.makeStatement(sql: "INSERT INTO temp.\(table.quotedDatabaseIdentifier) VALUES (?)")
            for value in values.sorted() { try insert.execute(arguments: [value]) }
        }
    }

    /// The clicks of `visitors` and `ids`, each with the standing a pass over every click gives it:
    /// a derived duplicate depends only on the clicks of its own link and visitor, all of which
    /// `Queries/affiliate/candidate-clicks.sql` reads (through the visitor index, not a scan).
    func candidateClicks(_ db: Database, visitors: Set<String>, ids: Set<String>) throws -> ClickPass {
        var pass = ClickPass()
        guard !visitors.isEmpty || !ids.isEmpty else { return pass }
        try fillCandidateTables(db, visitors: visitors, ids: ids)
        var standings = ClickStandings(options: options, programs: programs)
        try AffiliateClick.forEach(db, query: "affiliate/candidate-clicks") { click in
            let standing = standings.standing(of: click)
            if let visitor = click.visitorId, visitors.contains(visitor) {
                pass.candidates[visitor, default: []].append((click, standing))
            }
            if ids.contains(click.id) { pass.byID[click.id] = (click, standing) }
        }
        return pass
    }

    /// Hands `visit` the fact of every click of the companies in scope within its company's range.
    func visitClicks(
        context: ReportContext, names: AffiliateNames, visit: (ClickFact) throws -> Void
    ) throws {
        if try context.reads(AffiliateClickRollups.self) {
            return try AffiliateClickRollups.forEachFact(context: context, names: names, visit)
        }
        try passFacts(context.db, names: names) { click, fact in
            guard let company = context.scope.company(click.companyId), company.range.contains(click.time) else {
                return
            }
            try visit(fact)
        }
    }

    /// Every click of ``passClicks(_:visit:)`` with its ``ClickFact``, visitors numbered as they
    /// come (equal for one visitor's clicks, which arrive together).
    func passFacts(_ db: Database, names: AffiliateNames, _ body: (AffiliateClick, ClickFact) throws -> Void) throws {
        var visitor: (id: String?, number: Int64) = (nil, 0)
        try passClicks(db) { click, standing in
            if let id = click.visitorId, id != visitor.id { visitor = (id, visitor.number + 1) }
            try body(
                click,
                try ClickFact(click, standing, visitor: click.visitorId == nil ? 0 : visitor.number, names: names))
        }
    }

    /// The window of a click in milliseconds (A5).
    func window(of click: AffiliateClick) -> Int64 {
        let days =
            options.windowDays ?? partners[click.partnerId]?.cookieDurationDays
            ?? program(click.companyId).attributionWindowDays
        return days * 86_400_000
    }

    /// Credits one conversion under the model (A6–A9, S1–S3, C1–C2).
    func credit(
        _ conversion: AffiliateConversion, visitors: [String], visitorSource: String, pass: ClickPass
    ) -> CreditedConversion {
        let t = conversion.time
        var candidates: [(AffiliateClick, ClickStanding)] =
            visitorSource == "own_click_only"
            ? [conversion.clickId.flatMap { pass.byID[$0] }].compactMap { $0 }
            : visitors.flatMap { pass.candidates[$0] ?? [] }
        candidates = candidates.filter { click, standing in
            click.companyId == conversion.companyId && standing.isEligible && t - click.time >= 0
                && t - click.time <= window(of: click)
        }
        let customerEmail = conversion.customerEmail.map(normalizedEmail)
        let selfReferring = Set(
            candidates.map(\.0.partnerId).filter {
                partners[$0]?.isSelfReferral(normalizedCustomerEmail: customerEmail) ?? false
            })
        var referring = selfReferring
        if partners[conversion.partnerId]?.isSelfReferral(normalizedCustomerEmail: customerEmail) ?? false {
            referring.insert(conversion.partnerId)
        }
        let isSelfReferral = !referring.isEmpty
        if options.excludesSelfReferrals { candidates = candidates.filter { !selfReferring.contains($0.0.partnerId) } }
        // A7: by click time, then id as bytes.
        let ordered = candidates.map(\.0).sorted { a, b in
            a.time != b.time ? a.time < b.time : Array(a.id.utf8).lexicographicallyPrecedes(Array(b.id.utf8))
        }
        var unique: [AffiliateClick] = []
        for click in ordered where unique.last?.id != click.id { unique.append(click) }
        let ages = unique.map { t - $0.time }
        let weights = options.model.weights(ages: ages, halfLifeDays: options.halfLifeDays)
        let total = conversion.orderTotal ?? 0
        let revenue = Split.split(total, weights: weights)
        let millionths = Split.split(1_000_000, weights: weights)
        let refunds =
            options.isNetOfRefunds ? Split.split(conversion.refundedMinor, weights: weights) : weights.map { _ in 0 }
        let weightSum = weights.reduce(Int128(0)) { $0 + Int128($1) }
        let touchpoints = unique.indices.map { index -> Touchpoint in
            let click = unique[index]
            var commission: Int64 = 0
            if conversion.isActive, weightSum > 0, let partner = partners[click.partnerId] {
                if let flat = partner.commissionFlat {
                    commission = Fraction.roundHalfAwayFromZero(Int128(flat) * Int128(weights[index]), weightSum)
                } else {
                    let rate = partner.commissionRate ?? program(conversion.companyId).defaultCommissionRate
                    let basis = Fraction(revenue[index] - refunds[index])
                    commission = (basis * rate * Fraction(1, 100)).roundedHalfAwayFromZero
                }
            }
            return Touchpoint(
                clickId: click.id, partnerId: click.partnerId, linkId: click.linkId, subIds: click.subIds,
                clickedAt: click.clickedAt, ageMilliseconds: ages[index], weight: weights[index],
                creditedRevenue: revenue[index], millionths: millionths[index], creditedRefunds: refunds[index],
                commission: commission)
        }
        return CreditedConversion(
            conversionId: conversion.id, companyId: conversion.companyId, currency: conversion.currency,
            status: conversion.status, convertedAt: conversion.convertedAt, productionPartnerId: conversion.partnerId,
            orderTotal: total, productionCommission: conversion.commissionAmount ?? 0,
            visitorSource: touchpoints.isEmpty && visitorSource == "own_click_only" ? "none" : visitorSource,
            isSelfReferral: isSelfReferral, selfReferringPartners: referring.sorted(), touchpoints: touchpoints,
            conversion: conversion)
    }

    /// Conversions credited together: their candidate clicks are read in one query (through the
    /// visitor index, one sort) and dropped before the next batch, so memory holds a batch rather
    /// than every conversion of the range (125 MB at scale 100 when all were held, issue 12).
    static let batchSize = 2_048

    /// Credits every non-REJECTED conversion in scope and hands each to `each`, in
    /// ("convertedAt", id) order — except, without `--bind-customer`, conversions whose visitor
    /// comes from their order's funnel session (A2), which follow the others: finding those
    /// visitors reads every click's session once, after the others are done. With
    /// `--bind-customer` (where a conversion's credit depends on the earlier ones) they are found
    /// first and every conversion keeps its place.
    ///
    /// Without `needsTouchpoints` (the production view) only conversions that may be
    /// self-referred get their touchpoints. `visit`, when given, first sees every click of the
    /// companies in scope whose time is in its company's range, in visitor order (each visitor's
    /// clicks together), as a ``ClickFact`` whose keys are `names`': from the click rollup when
    /// the report may read it and it is fresh, else from a pass over every click.
    static func forEachCredited(
        options: AttributionOptions, context: ReportContext, names: AffiliateNames = AffiliateNames(),
        needsTouchpoints: Bool = true, batchSize: Int = batchSize, visit: ((ClickFact) throws -> Void)? = nil,
        each: (CreditedConversion) throws -> Void
    ) throws {
        let db = context.db
        let attribution = AffiliateAttribution(
            options: options, partners: try AffiliatePartner.all(db), programs: try AffiliateProgram.all(db))
        // The clicks on a thread of their own when the store allows it (ParallelClickPass), which
        // must be waited for however this function ends: `visit` and `names` are the caller's.
        let parallel = try visit.flatMap { try ParallelClickPass.start(context: context, names: names, visit: $0) }
        defer { _ = try? parallel?.finish() }
        if let visit, parallel == nil { try attribution.visitClicks(context: context, names: names, visit: visit) }
        try attribution.prepareCandidateTables(db)
        // Without touchpoints a conversion needs its clicks only to flag a self-referral (A8),
        // which needs a partner whose email is its customer's.
        let partnerEmails = Set(attribution.partners.values.compactMap(\.comparableEmail))
        var batch: [(conversion: AffiliateConversion, visitors: [String], source: String)] = []
        func creditBatch() throws {
            let needing =
                needsTouchpoints
                ? batch
                : batch.filter {
                    $0.conversion.customerEmail.map { partnerEmails.contains(normalizedEmail($0)) } ?? false
                }
            let pass = try attribution.candidateClicks(
                db, visitors: Set(needing.flatMap(\.visitors)),
                ids: Set(needing.filter { $0.source == "own_click_only" }.compactMap(\.conversion.clickId)))
            for plan in batch {
                let credited = attribution.credit(
                    plan.conversion, visitors: plan.visitors, visitorSource: plan.source, pass: pass)
                try checkIdentities(of: credited)
                try each(credited)
            }
            batch.removeAll(keepingCapacity: true)
        }
        var visitorsOfCustomer: [String: [String]] = [:]  // --bind-customer: visitors of earlier conversions
        func plan(_ conversion: AffiliateConversion, visitorsOfSession: [String: Set<String>]) throws {
            // A2: the conversion's own click's visitor; failing that, the visitors of the clicks
            // whose session is the funnel session of its order.
            var visitors: [String]
            var source: String
            if let own = conversion.ownVisitorId {
                (visitors, source) = ([own], "own_click")
            } else if let session = conversion.orderSessionId, let found = visitorsOfSession[session], !found.isEmpty {
                (visitors, source) = (found.sorted(), "order_session")
            } else {
                (visitors, source) = ([], "own_click_only")
            }
            if options.bindsCustomer, let customer = conversion.customerId {
                visitors = Array(Set(visitors + (visitorsOfCustomer[customer] ?? []))).sorted()
                visitorsOfCustomer[customer, default: []] += visitors
            }
            batch.append((conversion, visitors, source))
            if batch.count >= batchSize { try creditBatch() }
        }
        func conversions() throws -> RecordCursor<AffiliateConversion> {
            try AffiliateConversion.fetchCursor(db, sql: QueryCatalog.sql("affiliate/conversions"))
        }
        var visitorsOfSession: [String: Set<String>] = [:]
        if options.bindsCustomer {
            var sessions = Set<String>()
            let cursor = try conversions()
            while let conversion = try cursor.next() {
                if conversion.ownVisitorId == nil, let session = conversion.orderSessionId { sessions.insert(session) }
            }
            visitorsOfSession = try attribution.visitors(ofSessions: sessions, db)
        }
        var deferred: [AffiliateConversion] = []
        let cursor = try conversions()
        while let conversion = try cursor.next() {
            guard conversion.status != .rejected else { continue }
            if !options.bindsCustomer, conversion.ownVisitorId == nil, conversion.orderSessionId != nil {
                deferred.append(conversion)
                continue
            }
            try plan(conversion, visitorsOfSession: visitorsOfSession)
        }
        if !deferred.isEmpty {
            visitorsOfSession = try attribution.visitors(ofSessions: Set(deferred.compactMap(\.orderSessionId)), db)
            for conversion in deferred { try plan(conversion, visitorsOfSession: visitorsOfSession) }
        }
        try creditBatch()
        if let parallel, let visit, try !parallel.finish() {
            try attribution.visitClicks(context: context, names: names, visit: visit)
        }
    }

    /// The identities of every run: a credited conversion's millionths make exactly one conversion
    /// and its credited revenue exactly its order total.
    static func checkIdentities(of conversion: CreditedConversion) throws {
        guard !conversion.touchpoints.isEmpty else { return }
        let millionths = conversion.touchpoints.reduce(0) { $0 + $1.millionths }
        let revenue = conversion.touchpoints.reduce(0) { $0 + $1.creditedRevenue }
        guard millionths == 1_000_000, revenue == conversion.orderTotal else {
            throw ReportError.inconsistentCounts(
                "conversion \(conversion.conversionId) credits \(millionths) millionths and \(revenue) of \(conversion.orderTotal)"
            )
        }
    }

    /// A2's second step: the visitors of the clicks of each of `sessions`.
    func visitors(ofSessions sessions: Set<String>, _ db: Database) throws -> [String: Set<String>] {
        var visitorsOfSession: [String: Set<String>] = [:]
        guard !sessions.isEmpty else { return visitorsOfSession }
        // A scan in rowid order, as in Queries/affiliate/clicks.sql: through the company index
        // every click is a random page read. Through a cursor: the distinct pairs are about a
        // third of the clicks (3.0M of 10M at scale 100), and only the sessions asked for are kept.
        let pairs = try Row.fetchCursor(
            db,
            sql: """
                SELECT DISTINCT c."sessionId", c."visitorId" FROM "affiliate_clicks" AS c NOT INDEXED
                WHERE c."companyId" IN (SELECT s."companyId" FROM temp."report_scope" AS s)
                    AND c."sessionId" IS NOT NULL AND c."visitorId" IS NOT NULL
                """)
        while let row = try pairs.next() {
            let session: String = row["sessionId"]
            if sessions.contains(session) { visitorsOfSession[session, default: []].insert(row["visitorId"]) }
        }
        return visitorsOfSession
    }
}
