import Crypto
import Foundation
import GRDB
import TallyCore
import TallyReporting
import TallyStore

/// The CS AI billing close of one company and one month (docs/BILLING.md, "Close").
///
/// ``plan(company:period:asOf:on:)`` computes, without writing: the period's USAGE lines and minimum
/// true-up from its records and its own pricing version; for every earlier closed period, a
/// re-rating with the records known now, whose differences from what was already billed become
/// ADJUSTMENT lines; the `cs_ai_usage_summary` row; and the ``ClosePlan`` that ``CloseStage`` writes.
/// A re-run is computed as of its own time (from the closes before it), so unchanged inputs give
/// the same bytes.
public enum BillingClose {
    /// The report name of the close's lines (`--format html`, verify's outputs).
    public static let name = "billing-close"
    public static let kind = "cs-ai-billing"

    /// One invoice line.
    public struct Line: Sendable, Equatable {
        /// `tally_billing_lines.kind`.
        public enum Kind: String, StoredEnum {
            case usage = "USAGE"
            case minimumTrueUp = "MINIMUM_TRUE_UP"
            case adjustment = "ADJUSTMENT"
            case adjustmentMinimumTrueUp = "ADJUSTMENT_MINIMUM_TRUE_UP"
        }
        public let kind: Kind
        public let usageType: String?
        public let meter: String?
        public let sourcePeriod: String
        /// USAGE: the quantity and what remained billable after included units; ADJUSTMENT: the
        /// quantity's change since it was billed (`quantityBaseDelta`).
        public let quantityBase: Int64?
        public let billableBase: Int64?
        public let amountMinor: Int64
    }

    /// An earlier closed period that this close re-rated.
    public struct Recomputed: Sendable, Equatable {
        public let sourcePeriod: String
        public let lateRecordIds: [String]
        public let changedRecordIds: [String]
    }

    /// The close of one company and period.
    public struct Result: Sendable {
        public let company: String
        /// `companies.name`, printed beside the id.
        public let companyName: String
        public let clientId: String
        public let currency: String
        public let period: CalendarMonth
        public let periodStart: String
        public let periodEnd: String
        public let recordCount: Int
        /// The period's record ids in (`occurredAt`, id) order; empty unless asked for.
        public let recordIds: [String]
        public let recomputed: [Recomputed]
        public let lines: [Line]
        public let summary: [(String, DatabaseValue)]
        /// Where the prices came from.
        public let source: String
        public let warnings: [String]

        public var usageSubtotalMinor: Int64 { lines.filter { $0.kind == .usage }.reduce(0) { $0 + $1.amountMinor } }
        public var minimumTrueUpMinor: Int64 {
            lines.filter { $0.kind == .minimumTrueUp }.reduce(0) { $0 + $1.amountMinor }
        }
        public var ownPeriodTotalMinor: Int64 { usageSubtotalMinor + minimumTrueUpMinor }
        public var adjustmentsTotalMinor: Int64 {
            lines.filter { $0.kind == .adjustment || $0.kind == .adjustmentMinimumTrueUp }.reduce(0) {
                $0 + $1.amountMinor
            }
        }
        public var amountDueMinor: Int64 { ownPeriodTotalMinor + adjustmentsTotalMinor }
    }

    /// Computes the close of `company` for `period` as of `asOf`, and the plan that writes it, in a
    /// read transaction of its own; ``CloseStage`` checks, when it writes the ledger, that the
    /// inputs read again are the ones the plan hashed.
    /// - Throws: ``BillingError`` (order, pricing, as-of), ``ReportError/unknownCompany(id:known:)``.
    public static func plan(company: String, period: CalendarMonth, asOf: UTCTimestamp.Milliseconds, on store: Store)
        throws -> (Result, ClosePlan)
    {
        try store.queue.read { db in try plan(company: company, period: period, asOf: asOf, db: db) }
    }

    /// Computes the close of `company` for `period` as of `asOf`, and the plan that writes it.
    ///
    /// With fresh billing rollups (``BillingRollups``) and `rollups` on, the period is rated from
    /// its days' aggregates and its inputs digest is the sum of its days' digests; an earlier closed
    /// period whose digest equals the one its latest close recorded is re-rated the same way.
    /// Otherwise records are read once through a cursor into per-component sums and hashed as they
    /// are read. Either way the plan reads them again when the ledger is written. Run it inside the
    /// close's own transaction (``BillingPeriodClose``).
    /// `recordIds`: list the period's record ids in the result (the JSON shape); it reads every id.
    /// - Throws: ``BillingError`` (order, pricing, as-of), ``ReportError/unknownCompany(id:known:)``.
    static func plan(
        company: String, period: CalendarMonth, asOf: UTCTimestamp.Milliseconds, recordIds: Bool = true,
        rollups: Bool = true, db: Database
    ) throws -> (Result, ClosePlan) {
        let context = try CompanyContext.load(company, db: db)
        let bounds = context.zone.bounds(of: period)
        let closed = try checkCanClose(company: company, period: period, asOf: asOf, context: context, db: db)
        let usage = PeriodUsage(
            company: company, zone: context.zone, rollups: try rollups && BillingRollups.areFresh(db), db: db)
        let closeId = MonthlyCloses.closeId(kind: kind, company, period)
        // Inputs per table, in reading order: earlier closed periods ascending, then the period.
        let earlier = closed.filter { $0 < period }.sorted()
        var (adjustmentLines, recomputed, inputTables) = try reRate(
            earlier, before: period, company: company, context: context, usage: usage, db: db)

        // The period itself, from its own pricing version.
        let table = try pricing(for: period, context: context, db: db)
        var meter = table.makeMeter()
        var totals = PeriodTotals()
        var ids: [String] = []
        inputTables.append(
            (
                inputTable(period),
                try usage.rate(period, meter: &meter, totals: &totals, recordIds: recordIds ? { ids.append($0) } : nil)
            ))
        let (rated, figures) = meter.finish()
        let subtotal = rated.reduce(0) { $0 + $1.amountMinor }
        let trueUp = max(0, table.minimumMonthlyFeeMinor - subtotal)
        let lines = ownLines(rated, trueUp: trueUp, period: period) + adjustmentLines

        let summary = summaryRow(
            context: context, period: period, bounds: bounds, totals: totals, rated: rated, figures: figures,
            totalCost: subtotal + trueUp, closeId: closeId, asOf: asOf)
        let result = Result(
            company: company, companyName: context.name, clientId: context.clientId, currency: context.currency,
            period: period,
            periodStart: bounds.lowerText, periodEnd: bounds.upperText, recordCount: totals.records, recordIds: ids,
            recomputed: recomputed, lines: lines, summary: summary, source: table.source,
            warnings: try warnings(
                totals, bounds: bounds, rater: table, context: context, rollups: usage.rollups, db: db))
        let writes =
            [CloseWrite(table: "cs_ai_usage_summary", values: summary.map { ($0.0, $0.1) })]
            + lineWrites(lines, closeId: closeId, company: company, period: period, currency: context.currency)
        let plan = ClosePlan(
            kind: kind, scopeKey: MonthlyCloses.scopeKey(company, period), asOf: asOf,
            inputs: inputs(of: earlier + [period], tables: inputTables, company: company, zone: context.zone),
            writes: writes)
        return (result, plan)
    }

    /// Refuses an as-of before the period's end, and a period out of order (a re-close of a closed
    /// period is a re-run); returns the company's closed periods.
    private static func checkCanClose(
        company: String, period: CalendarMonth, asOf: UTCTimestamp.Milliseconds, context: CompanyContext,
        db: Database
    ) throws -> [CalendarMonth] {
        let bounds = context.zone.bounds(of: period)
        guard asOf >= bounds.upper! else {
            throw CloseError.asOfBeforePeriodEnd(
                period: period, periodEnd: bounds.upperText, asOf: UTCTimestamp.format(asOf))
        }
        let closed = try closedPeriods(of: company, db: db)
        if !closed.contains(period) {
            try MonthlyCloses.checkOrder(
                company: company, period: period, closed: closed,
                firstActivity: try MonthlyCloses.firstMonth(
                    sql: firstActivitySQL, company: company, zone: context.zone, db: db))
        }
        try MonthlyCloses.checkAsOf(asOf, kind: kind, company: company, period: period, db: db)
        return closed
    }

    /// A company's first usage: its first month with data to close.
    static let firstActivitySQL = #"SELECT MIN("occurredAt") FROM "cs_ai_usage" WHERE "companyId" = ?"#

    /// Every earlier closed period re-rated with the records known now: its ADJUSTMENT lines, the
    /// periods whose records changed, and each period's inputs digest.
    private static func reRate(
        _ earlier: [CalendarMonth], before period: CalendarMonth, company: String, context: CompanyContext,
        usage: PeriodUsage, db: Database
    ) throws -> ([Line], [Recomputed], [(table: String, digest: MultisetDigest)]) {
        var lines: [Line] = []
        var recomputed: [Recomputed] = []
        var inputTables: [(table: String, digest: MultisetDigest)] = []
        let billed = try billedSoFar(company: company, before: period, db: db)
        let known = try KnownUsage(company: company, closedBefore: period, db: db)
        for source in earlier {
            let sourcePricing = try pricing(for: source, context: context, db: db)
            var meter = sourcePricing.makeMeter()
            let (digest, standing) = try usage.rateClosed(source, known: known, meter: &meter)
            inputTables.append((inputTable(source), digest))
            lines += adjustments(of: source, now: meter.finish().lines, pricing: sourcePricing, billed: billed)
            // Every closed period is re-rated; the ones whose records changed are listed.
            if !standing.late.isEmpty || !standing.changed.isEmpty {
                recomputed.append(
                    Recomputed(
                        sourcePeriod: "\(source)", lateRecordIds: standing.late.sorted(),
                        changedRecordIds: standing.changed.sorted()))
            }
        }
        return (lines, recomputed, inputTables)
    }

    /// The period's USAGE lines and its MINIMUM_TRUE_UP line.
    private static func ownLines(_ rated: [RatedLine], trueUp: Int64, period: CalendarMonth) -> [Line] {
        rated.map {
            Line(
                kind: .usage, usageType: $0.usageType, meter: $0.meter, sourcePeriod: "\(period)",
                quantityBase: $0.quantityBase, billableBase: $0.billableBase, amountMinor: $0.amountMinor)
        } + [
            Line(
                kind: .minimumTrueUp, usageType: nil, meter: nil, sourcePeriod: "\(period)", quantityBase: nil,
                billableBase: nil, amountMinor: trueUp)
        ]
    }

    /// The `tally_billing_lines` rows, in line order.
    private static func lineWrites(
        _ lines: [Line], closeId: String, company: String, period: CalendarMonth, currency: String
    ) -> [CloseWrite] {
        lines.enumerated().map { position, line in
            CloseWrite(
                table: "tally_billing_lines",
                values: [
                    ("id", "\(closeId)#\(position)"), ("closeId", closeId), ("position", position),
                    ("companyId", company), ("period", "\(period)"), ("sourcePeriod", line.sourcePeriod),
                    ("kind", line.kind.rawValue), ("usageType", line.usageType), ("meter", line.meter),
                    ("quantityBase", line.quantityBase), ("billableBase", line.billableBase),
                    ("amountMinor", line.amountMinor), ("currency", currency),
                ])
        }
    }

    /// The close's inputs: every usage record of `periods`, hashed per period (``MultisetDigest``),
    /// produced again when the ledger is written.
    private static func inputs(
        of periods: [CalendarMonth], tables: [(table: String, digest: MultisetDigest)], company: String,
        zone: CompanyTimeZone
    ) -> CloseInputs {
        // The ledger's items in its key order (id within each period); the per-table hash does not
        // depend on it. In (occurredAt, id) order for a close written before per-table hashes.
        func items(byID: Bool) -> @Sendable (Database, (CloseItem) throws -> Void) throws -> Void {
            { db, body in
                for month in periods {
                    let table = inputTable(month)
                    try UsageRecord.forEach(company: company, bounds: zone.bounds(of: month), byID: byID, db: db) {
                        try body(CloseItem(table: table, rowId: $0.id, contentHash: $0.contentHash))
                    }
                }
            }
        }
        return CloseInputs(
            count: tables.reduce(0) { $0 + Int($1.digest.count) }, hash: PerTableDigest.hash(tables),
            hashing: .perTable, produceInSequence: items(byID: false), produce: items(byID: true))
    }

    /// The ledger's name for the usage records of `period` as a close's inputs: `cs_ai_usage:<YYYY-MM>`.
    static func inputTable(_ period: CalendarMonth) -> String { "cs_ai_usage:\(period)" }

    /// The ADJUSTMENT lines of an earlier closed period: each line re-rated now minus what closes
    /// so far billed for it, and the change of its minimum true-up.
    private static func adjustments(
        of source: CalendarMonth, now: [RatedLine], pricing: any UsageRater,
        billed: [BilledLine: (quantity: Int64, amount: Int64)]
    ) -> [Line] {
        var lines: [Line] = []
        for line in now {
            let key = BilledLine(sourcePeriod: "\(source)", usageType: line.usageType, meter: line.meter)
            let before = billed[key] ?? (quantity: 0, amount: 0)
            if line.amountMinor != before.amount {
                lines.append(
                    Line(
                        kind: .adjustment, usageType: line.usageType, meter: line.meter, sourcePeriod: "\(source)",
                        quantityBase: line.quantityBase - before.quantity, billableBase: nil,
                        amountMinor: line.amountMinor - before.amount))
            }
        }
        let nowTrueUp = max(0, pricing.minimumMonthlyFeeMinor - now.reduce(0) { $0 + $1.amountMinor })
        let trueUpBefore = billed[BilledLine(sourcePeriod: "\(source)", usageType: nil, meter: nil)]?.amount ?? 0
        if nowTrueUp != trueUpBefore {
            lines.append(
                Line(
                    kind: .adjustmentMinimumTrueUp, usageType: nil, meter: nil, sourcePeriod: "\(source)",
                    quantityBase: nil, billableBase: nil, amountMinor: nowTrueUp - trueUpBefore))
        }
        return lines
    }

    /// The company's closed billing periods, from the ledger.
    static func closedPeriods(of company: String, db: Database) throws -> [CalendarMonth] {
        try MonthlyCloses.closedPeriods(kind: kind, company: company, db: db)
    }

    /// The pricing in force for `period`: tally's tiered table when the organization has one (it
    /// wins), else production's `cs_ai_pricing` row.
    static func pricing(for period: CalendarMonth, context: CompanyContext, db: Database) throws -> any UsageRater {
        let start = UTCTimestamp.format(context.zone.bounds(of: period).lower!)
        if let table = try PriceTable.load(db, organization: context.organizationId, periodStart: start) {
            guard table.currencyCode == context.currency else {
                throw BillingError.currencyMismatch(
                    company: context.id, companyCurrency: context.currency, pricingCurrency: table.currencyCode)
            }
            return table
        }
        if let production = try ProductionPricing.load(db, organization: context.organizationId) { return production }
        throw BillingError.noPricing(company: context.id, organization: context.organizationId, period: period)
    }

    /// A line of a source period as adjustments compare it: its usage type and meter, or neither
    /// for the minimum true-up (and its adjustments).
    private struct BilledLine: Hashable {
        let sourcePeriod: String
        let usageType: String?
        let meter: String?
    }

    /// What closes of periods before `period` billed for each source period, per line.
    private static func billedSoFar(company: String, before period: CalendarMonth, db: Database) throws
        -> [BilledLine: (quantity: Int64, amount: Int64)]
    {
        var billed: [BilledLine: (quantity: Int64, amount: Int64)] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT "sourcePeriod", "kind", "usageType", "meter", "quantityBase", "amountMinor" FROM "tally_billing_lines"
                WHERE "companyId" = ? AND "period" < ?
                """, arguments: [company, "\(period)"])
        {
            let kind = try Line.Kind.decode(row["kind"], table: "tally_billing_lines", column: "kind")
            let isTrueUp = kind == .minimumTrueUp || kind == .adjustmentMinimumTrueUp
            let key = BilledLine(
                sourcePeriod: row["sourcePeriod"], usageType: isTrueUp ? nil : row["usageType"],
                meter: isTrueUp ? nil : row["meter"])
            let previous = billed[key] ?? (0, 0)
            billed[key] = (
                previous.quantity + (row["quantityBase"] as Int64? ?? 0),
                previous.amount + (row["amountMinor"] as Int64)
            )
        }
        return billed
    }

    /// The `cs_ai_usage_summary` row of the period (docs/BILLING.md, "Close"): minutes to 2 decimals
    /// (half away from zero), allowance used and overage in whole minutes and messages.
    private static func summaryRow(
        context: CompanyContext, period: CalendarMonth, bounds: UTCRange, totals: PeriodTotals, rated: [RatedLine],
        figures: SummaryFigures, totalCost: Int64, closeId: String, asOf: UTCTimestamp.Milliseconds
    ) -> [(String, DatabaseValue)] {
        func hundredthsOfMinutes(_ seconds: Int64) -> Int64 {
            Fraction.roundHalfAwayFromZero(Int128(seconds) * 100, 60)
        }
        func wholeMinutes(_ seconds: Int64) -> Int64 { Fraction.roundHalfAwayFromZero(Int128(seconds), 60) }
        func lineAmount(where predicate: (RatedLine) -> Bool) -> Int64 {
            rated.filter(predicate).reduce(0) { $0 + $1.amountMinor }
        }
        let isTokens: (RatedLine) -> Bool = { $0.meter.hasSuffix("_TOKENS") }
        let stamp = UTCTimestamp.format(asOf)
        return [
            ("id", "tally:cs-ai:\(context.id):\(period)".databaseValue), ("companyId", context.id.databaseValue),
            ("clientId", context.clientId.databaseValue), ("periodStart", bounds.lowerText.databaseValue),
            ("periodEnd", bounds.upperText.databaseValue),
            ("totalVoiceMinutes", hundredthsOfMinutes(figures.voiceSecondsByTier.values.reduce(0, +)).databaseValue),
            ("totalVoiceCalls", totals.voiceCalls.databaseValue),
            (
                "voiceCostCents",
                lineAmount { $0.usageType == CSAIUsageType.voiceCall.rawValue && !isTokens($0) }.databaseValue
            ),
            ("totalChatSessions", totals.chatSessions.databaseValue),
            ("totalChatMessages", totals.chatMessages.databaseValue),
            (
                "chatCostCents",
                lineAmount { $0.usageType == CSAIUsageType.chatSession.rawValue && !isTokens($0) }.databaseValue
            ),
            ("totalInputTokens", totals.inputTokens.databaseValue),
            ("totalOutputTokens", totals.outputTokens.databaseValue),
            ("aiTokenCostCents", lineAmount(where: isTokens).databaseValue),
            ("aiRepMinutes", hundredthsOfMinutes(figures.voiceSecondsByTier[.aiRep] ?? 0).databaseValue),
            ("aiManagerMinutes", hundredthsOfMinutes(figures.voiceSecondsByTier[.aiManager] ?? 0).databaseValue),
            ("humanAgentMinutes", hundredthsOfMinutes(figures.voiceSecondsByTier[.humanAgent] ?? 0).databaseValue),
            ("totalBaseCost", figures.totalBaseCost.databaseValue), ("totalMarkupCost", Int64(0).databaseValue),
            ("totalCost", totalCost.databaseValue),
            ("allowanceUsedMinutes", wholeMinutes(figures.allowanceUsedSeconds).databaseValue),
            ("allowanceUsedMessages", figures.allowanceUsedMessages.databaseValue),
            ("overageMinutes", wholeMinutes(figures.overageSeconds).databaseValue),
            ("overageMessages", figures.overageMessages.databaseValue),
            ("invoiced", true.databaseValue), ("invoicedAt", stamp.databaseValue), ("invoiceId", closeId.databaseValue),
            ("createdAt", stamp.databaseValue), ("updatedAt", stamp.databaseValue),
        ]
    }

    /// Records sharing a `voiceCallId` are billed as given, with a warning: likely double billing upstream.
    private static func warnings(
        _ totals: PeriodTotals, bounds: UTCRange, rater: any UsageRater, context: CompanyContext, rollups: Bool,
        db: Database
    ) throws -> [String] {
        var warnings: [String] = []
        if rater is ProductionPricing {
            if totals.emailAndSMS > 0 {
                warnings.append(
                    "\(context.id): \(totals.emailAndSMS) email and SMS record(s) have no production price: reported, billed 0"
                )
            }
            if CurrencyExponent.of(context.currency) != 2 {
                warnings.append(
                    "\(context.id): production's …Cents prices are read as minor units of \(context.currency) "
                        + "(\(CurrencyExponent.of(context.currency)) decimals): ¥100 for 100, no FX")
            }
        }
        var shared: [(call: String, ids: [String])] = []
        let rows = try Row.fetchCursor(
            db, sql: QueryCatalog.sql("billing-close/shared-voice-calls" + (rollups ? "-rollup" : "")),
            arguments: ["companyId": context.id, "fromUTC": bounds.lowerText, "toUTC": bounds.upperText])
        while let row = try rows.next() {
            let call: String = row["voice_call_id"]
            if shared.last?.call == call {
                shared[shared.count - 1].ids.append(row["id"])
            } else {
                shared.append((call, [row["id"]]))
            }
        }
        return warnings
            + shared.map { call, ids in
                "voice call \(call) has \(ids.count) usage records (\(ids.joined(separator: ", "))); "
                    + "each is billed as given: check for double billing upstream"
            }
    }
}
