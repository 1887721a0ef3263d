import Crypto
import Foundation
import GRDB
import TallyCore
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
    public static let kind = "cs-ai-billing"

    /// One invoice line.
    public struct Line: Sendable, Equatable {
        public enum Kind: String, Sendable {
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
        public let clientId: String
        public let currency: String
        public let period: CalendarMonth
        public let periodStart: String
        public let periodEnd: String
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

    /// Computes the close of `company` for `period` as of `asOf`, and the plan that writes it.
    /// - Throws: ``BillingError`` (order, pricing, as-of), ``ReportError/unknownCompany(id:known:)``.
    public static func plan(company: String, period: CalendarMonth, asOf: UTCTimestamp.Milliseconds, on store: Store)
        throws -> (Result, ClosePlan)
    {
        try store.queue.read { db in try plan(company: company, period: period, asOf: asOf, db: db) }
    }

    static func plan(company: String, period: CalendarMonth, asOf: UTCTimestamp.Milliseconds, db: Database)
        throws -> (Result, ClosePlan)
    {
        let context = try CompanyContext.load(company, db: db)
        let bounds = context.zone.bounds(of: period)
        guard asOf >= bounds.upper! else {
            throw BillingError.asOfBeforePeriodEnd(
                period: period, periodEnd: bounds.upperText, asOf: UTCTimestamp.format(asOf))
        }
        let closed = try closedPeriods(of: company, db: db)
        if !closed.contains(period) {
            try MonthlyCloses.checkOrder(
                company: company, period: period, closed: closed,
                firstActivity: try MonthlyCloses.firstMonth(
                    sql: #"SELECT MIN("occurredAt") FROM "cs_ai_usage" WHERE "companyId" = ?"#, company: company,
                    zone: context.zone, db: db))
        }
        let closeId = "\(kind):\(company)|\(period)"

        // The period itself.
        let table = try pricing(for: period, context: context, db: db)
        let records = try UsageRecord.fetchAll(
            db, sql: QueryCatalog.sql("cs-ai-billing/usage-records"),
            arguments: ["companyId": company, "fromUTC": bounds.lowerText, "toUTC": bounds.upperText])
        let (rated, figures) = table.rate(records)
        var lines = rated.map {
            Line(
                kind: .usage, usageType: $0.usageType, meter: $0.meter, sourcePeriod: "\(period)",
                quantityBase: $0.quantityBase,
                billableBase: $0.billableBase, amountMinor: $0.amountMinor)
        }
        let subtotal = rated.reduce(0) { $0 + $1.amountMinor }
        lines.append(
            Line(
                kind: .minimumTrueUp, usageType: nil, meter: nil, sourcePeriod: "\(period)", quantityBase: nil,
                billableBase: nil,
                amountMinor: max(0, table.minimumMonthlyFeeMinor - subtotal)))
        var inputs = records.map { CloseItem(table: "cs_ai_usage:\(period)", rowId: $0.id, fields: [$0.content]) }

        // Every earlier closed period, re-rated with the records known now.
        var recomputed: [Recomputed] = []
        let earlier = closed.filter { $0 < period }.sorted()
        let billed = try billedSoFar(company: company, before: period, db: db)
        let known = try knownRecords(company: company, before: period, db: db)
        for source in earlier {
            let sourceBounds = context.zone.bounds(of: source)
            let sourceRecords = try UsageRecord.fetchAll(
                db, sql: QueryCatalog.sql("cs-ai-billing/usage-records"),
                arguments: ["companyId": company, "fromUTC": sourceBounds.lowerText, "toUTC": sourceBounds.upperText])
            let sourceTable = try pricing(for: source, context: context, db: db)
            let now = sourceTable.rate(sourceRecords).lines
            let nowSubtotal = now.reduce(0) { $0 + $1.amountMinor }
            let nowTrueUp = max(0, sourceTable.minimumMonthlyFeeMinor - nowSubtotal)
            for line in now {
                let before = billed["\(source)|\(line.usageType)|\(line.meter)"] ?? (quantity: 0, amount: 0)
                if line.amountMinor != before.amount {
                    lines.append(
                        Line(
                            kind: .adjustment, usageType: line.usageType, meter: line.meter, sourcePeriod: "\(source)",
                            quantityBase: line.quantityBase - before.quantity, billableBase: nil,
                            amountMinor: line.amountMinor - before.amount))
                }
            }
            let trueUpBefore = billed["\(source)|MINIMUM_TRUE_UP"]?.amount ?? 0
            if nowTrueUp != trueUpBefore {
                lines.append(
                    Line(
                        kind: .adjustmentMinimumTrueUp, usageType: nil, meter: nil, sourcePeriod: "\(source)",
                        quantityBase: nil,
                        billableBase: nil, amountMinor: nowTrueUp - trueUpBefore))
            }
            let knownHere = known["\(source)", default: [:]]
            let currentIDs = Set(sourceRecords.map(\.id))
            let items = sourceRecords.map {
                CloseItem(table: "cs_ai_usage:\(source)", rowId: $0.id, fields: [$0.content])
            }
            let entry = Recomputed(
                sourcePeriod: "\(source)",
                lateRecordIds: items.filter { knownHere[$0.rowId] == nil }.map(\.rowId).sorted(),
                changedRecordIds: (items.filter { item in knownHere[item.rowId].map { $0 != item.contentHash } ?? false
                }
                .map(\.rowId) + knownHere.keys.filter { !currentIDs.contains($0) }).sorted())
            // Every closed period is re-rated; the ones whose records changed are listed.
            if !entry.lateRecordIds.isEmpty || !entry.changedRecordIds.isEmpty { recomputed.append(entry) }
            inputs += items
        }

        let summary = summaryRow(
            context: context, period: period, bounds: bounds, records: records, rated: rated, figures: figures,
            totalCost: subtotal + max(0, table.minimumMonthlyFeeMinor - subtotal), closeId: closeId, asOf: asOf)
        let result = Result(
            company: company, clientId: context.clientId, currency: context.currency, period: period,
            periodStart: bounds.lowerText, periodEnd: bounds.upperText, recordIds: records.map(\.id),
            recomputed: recomputed,
            lines: lines, summary: summary, source: table.source,
            warnings: warnings(records, rater: table, context: context))
        var writes = [CloseWrite(table: "cs_ai_usage_summary", values: summary.map { ($0.0, $0.1) })]
        for (position, line) in lines.enumerated() {
            writes.append(
                CloseWrite(
                    table: "tally_billing_lines",
                    values: [
                        ("id", "\(closeId)#\(position)"), ("closeId", closeId), ("position", position),
                        ("companyId", company),
                        ("period", "\(period)"), ("sourcePeriod", line.sourcePeriod), ("kind", line.kind.rawValue),
                        ("usageType", line.usageType), ("meter", line.meter), ("quantityBase", line.quantityBase),
                        ("billableBase", line.billableBase), ("amountMinor", line.amountMinor),
                        ("currency", context.currency),
                    ]))
        }
        let plan = ClosePlan(
            kind: kind, scopeKey: MonthlyCloses.scopeKey(company, period), asOf: asOf, inputs: inputs, writes: writes)
        return (result, plan)
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

    /// What closes of periods before `period` billed for each source period, per line key.
    private static func billedSoFar(company: String, before period: CalendarMonth, db: Database) throws
        -> [String: (quantity: Int64, amount: Int64)]
    {
        var billed: [String: (quantity: Int64, amount: Int64)] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT "sourcePeriod", "kind", "usageType", "meter", "quantityBase", "amountMinor" FROM "tally_billing_lines"
                WHERE "companyId" = ? AND "period" < ?
                """, arguments: [company, "\(period)"])
        {
            let kind: String = row["kind"]
            let key =
                kind.hasSuffix("MINIMUM_TRUE_UP")
                ? "\(row["sourcePeriod"] as String)|MINIMUM_TRUE_UP"
                : "\(row["sourcePeriod"] as String)|\(row["usageType"] as String)|\(row["meter"] as String)"
            let previous = billed[key] ?? (0, 0)
            billed[key] = (
                previous.quantity + (row["quantityBase"] as Int64? ?? 0),
                previous.amount + (row["amountMinor"] as Int64)
            )
        }
        return billed
    }

    /// Per source period, each record's content hash as the latest close before `period` (or, with
    /// nil, the latest close of all) saw it.
    static func knownRecords(company: String, before period: CalendarMonth?, db: Database) throws
        -> [String: [String: String]]
    {
        var known: [String: [String: String]] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT i."tableName", i."rowId", i."contentHash" FROM "tally_close_items" AS i
                JOIN "tally_closes" AS c ON c."id" = i."closeId"
                WHERE c."kind" = ? AND c."scopeKey" >= ? AND c."scopeKey" < ? AND i."role" = 'INPUT'
                ORDER BY c."scopeKey"
                """,
            arguments: [
                kind, MonthlyCloses.keyRange(of: company).lower,
                period.map { MonthlyCloses.scopeKey(company, $0) } ?? MonthlyCloses.keyRange(of: company).upper,
            ])
        {
            let table: String = row["tableName"]
            let source = String(table.split(separator: ":").last ?? "")
            known[source, default: [:]][row["rowId"]] = row["contentHash"]  // later closes overwrite earlier ones
        }
        return known
    }

    /// The `cs_ai_usage_summary` row of the period (docs/BILLING.md, "Close"): minutes to 2 decimals
    /// (half away from zero), allowance used and overage in whole minutes and messages.
    private static func summaryRow(
        context: CompanyContext, period: CalendarMonth, bounds: UTCRange, records: [UsageRecord], rated: [RatedLine],
        figures: SummaryFigures, totalCost: Int64, closeId: String, asOf: UTCTimestamp.Milliseconds
    ) -> [(String, DatabaseValue)] {
        func hundredthsOfMinutes(_ seconds: Int64) -> Int64 {
            Fraction.roundHalfAwayFromZero(Int128(seconds) * 100, 60)
        }
        func wholeMinutes(_ seconds: Int64) -> Int64 { Fraction.roundHalfAwayFromZero(Int128(seconds), 60) }
        let calls = records.filter { $0.usageType == "VOICE_CALL" }
        let chats = records.filter { $0.usageType == "CHAT_SESSION" }
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
            ("totalVoiceCalls", calls.count.databaseValue),
            ("voiceCostCents", lineAmount { $0.usageType == "VOICE_CALL" && !isTokens($0) }.databaseValue),
            ("totalChatSessions", chats.count.databaseValue),
            ("totalChatMessages", chats.reduce(Int64(0)) { $0 + $1.messageCount }.databaseValue),
            ("chatCostCents", lineAmount { $0.usageType == "CHAT_SESSION" && !isTokens($0) }.databaseValue),
            ("totalInputTokens", records.reduce(Int64(0)) { $0 + $1.inputTokens }.databaseValue),
            ("totalOutputTokens", records.reduce(Int64(0)) { $0 + $1.outputTokens }.databaseValue),
            ("aiTokenCostCents", lineAmount(where: isTokens).databaseValue),
            ("aiRepMinutes", hundredthsOfMinutes(figures.voiceSecondsByTier["AI_REP"] ?? 0).databaseValue),
            ("aiManagerMinutes", hundredthsOfMinutes(figures.voiceSecondsByTier["AI_MANAGER"] ?? 0).databaseValue),
            ("humanAgentMinutes", hundredthsOfMinutes(figures.voiceSecondsByTier["HUMAN_AGENT"] ?? 0).databaseValue),
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
    private static func warnings(_ records: [UsageRecord], rater: any UsageRater, context: CompanyContext) -> [String] {
        var warnings: [String] = []
        if rater is ProductionPricing {
            let unpriced = records.filter { $0.usageType == "EMAIL_SUPPORT" || $0.usageType == "SMS_SUPPORT" }.count
            if unpriced > 0 {
                warnings.append(
                    "\(context.id): \(unpriced) email and SMS record(s) have no production price: reported, billed 0")
            }
            if CurrencyExponent.of(context.currency) != 2 {
                warnings.append(
                    "\(context.id): production's …Cents prices are read as minor units of \(context.currency) "
                        + "(\(CurrencyExponent.of(context.currency)) decimals): ¥100 for 100, no FX")
            }
        }
        let shared = Dictionary(grouping: records.filter { $0.voiceCallId != nil }, by: { $0.voiceCallId! })
            .filter { $0.value.count > 1 }
        return warnings
            + shared.keys.sorted().map { call in
                "voice call \(call) has \(shared[call]!.count) usage records (\(shared[call]!.map(\.id).sorted().joined(separator: ", "))); "
                    + "each is billed as given: check for double billing upstream"
            }
    }
}
