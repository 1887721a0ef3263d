import Foundation
import GRDB
import TallyCore

/// What a period's rating produces besides its lines: the figures of the `cs_ai_usage_summary` row.
struct SummaryFigures {
    /// Voice seconds per record as billed (tally pricing: after per-call rounding), by CS tier.
    var voiceSecondsByTier: [String: Int64] = [:]
    var allowanceUsedSeconds: Int64 = 0
    var overageSeconds: Int64 = 0
    var allowanceUsedMessages: Int64 = 0
    var overageMessages: Int64 = 0
    /// Production's `totalBaseCost` (all units at the base rates); 0 under tally pricing.
    var totalBaseCost: Int64 = 0
}

/// Prices a period's usage records: tally's tiered table or production's `cs_ai_pricing` row.
protocol UsageRater {
    /// Where the prices come from, for `tally billing pricing` and the close output.
    var source: String { get }
    /// The pricing's currency; nil when the prices are read in the company's own (production).
    var currency: String? { get }
    var minimumMonthlyFeeMinor: Int64 { get }
    /// A meter that takes a period's records one at a time, in (`occurredAt`, id) order.
    func makeMeter() -> any UsageMeter
}

/// Running sums of one period's rating: what a close keeps instead of the records themselves.
protocol UsageMeter {
    /// Adds records that bill alike, in (`occurredAt`, id) order with the rest.
    mutating func add(_ usage: UsageAggregate)
    /// Whether a company-local day can be added as its aggregates, in any order: false when the
    /// amounts would depend on the order of the day's records (an allowance running out inside it),
    /// and the day must be added record by record.
    func takesWhole(_ day: [UsageAggregate]) -> Bool
    /// The period's USAGE lines (each rounded once) and summary figures.
    func finish() -> (lines: [RatedLine], figures: SummaryFigures)
}

extension UsageMeter {
    mutating func add(_ record: UsageRecord) { add(UsageAggregate(record)) }
}

extension PriceTable: UsageRater {
    var source: String { "tally_cs_ai_price_tiers, version \(effectiveFrom)" }
    var currency: String? { currencyCode }
    func makeMeter() -> any UsageMeter { PriceTableMeter(table: self) }
}

/// Per component the summed base quantity and record count; voice seconds per CS tier.
private struct PriceTableMeter: UsageMeter {
    let table: PriceTable
    var quantities: [Int64]
    var counts: [Int]
    var voiceSecondsByTier: [String: Int64] = [:]
    /// The component whose rounded call seconds the summary row reports as voice minutes.
    let voice: PriceTable.Component?

    init(table: PriceTable) {
        self.table = table
        quantities = Array(repeating: 0, count: table.components.count)
        counts = Array(repeating: 0, count: table.components.count)
        voice = table.components.first { $0.usageType == "VOICE_CALL" && $0.meter == "CALL_SECONDS" }
    }

    mutating func add(_ usage: UsageAggregate) {
        for (index, component) in table.components.enumerated() where component.usageType == usage.usageType {
            quantities[index] += UsageRating.quantity(of: usage, for: component)
            counts[index] += Int(usage.records)
        }
        if usage.usageType == "VOICE_CALL" {
            let seconds = voice.map { UsageRating.quantity(of: usage, for: $0) } ?? usage.seconds
            voiceSecondsByTier[usage.tier, default: 0] += seconds
        }
    }

    /// Tiers and included units apply to the period's sums: the order of records never matters.
    func takesWhole(_ day: [UsageAggregate]) -> Bool { true }

    func finish() -> (lines: [RatedLine], figures: SummaryFigures) {
        let lines = table.components.indices.map {
            UsageRating.line(for: table.components[$0], quantity: quantities[$0], records: counts[$0])
        }
        var figures = SummaryFigures()
        figures.voiceSecondsByTier = voiceSecondsByTier
        if let line = lines.first(where: { $0.usageType == "VOICE_CALL" && $0.meter == "CALL_SECONDS" }) {
            figures.allowanceUsedSeconds = min(line.quantityBase, line.includedBase)
            figures.overageSeconds = line.billableBase
        }
        if let line = lines.first(where: { $0.usageType == "CHAT_SESSION" && $0.meter == "MESSAGE_COUNT" }) {
            figures.allowanceUsedMessages = min(line.quantityBase, line.includedBase)
            figures.overageMessages = line.billableBase
        }
        return (lines, figures)
    }
}

/// Production's pricing, line by line as docs/BILLING.md reads `cs_ai_pricing`.
///
/// Allowances are per company and period, consumed in record order (`occurredAt`, then id); voice in
/// exact seconds (allowance × 60), the overage priced per second (price / 60); a record straddling
/// the allowance pays only its part beyond. The multiplier of a record's CS tier, read exactly from
/// its text (1.5 = 3/2), scales every priced part of that record. Tokens of voice and chat records
/// are priced per 1,000; email and SMS have no production price: quantities reported, billed 0. The
/// `…Cents` prices are minor units of the company's currency. One line per component, each rounded
/// once half away from zero; no minimum.
struct ProductionPricing: UsageRater {
    let id: String
    let voicePerMinuteCents: Int64
    let chatPerMessageCents: Int64
    let chatPerSessionCents: Int64
    let inputTokenPrice: Int64
    let outputTokenPrice: Int64
    let overageVoicePerMinuteCents: Int64
    let overageChatPerMessageCents: Int64
    let monthlyMinutesAllowance: Int64
    let monthlyMessagesAllowance: Int64
    /// CS tier → multiplier as an exact fraction.
    let multipliers: [String: Fraction]

    var source: String { "cs_ai_pricing \(id) (production)" }
    var currency: String? { nil }
    var minimumMonthlyFeeMinor: Int64 { 0 }

    static func load(_ db: Database, organization: String) throws -> ProductionPricing? {
        guard
            let row = try Row.fetchOne(
                db, sql: #"SELECT * FROM "cs_ai_pricing" WHERE "organizationId" = ? ORDER BY "id" LIMIT 1"#,
                arguments: [organization])
        else { return nil }
        func multiplier(_ column: String) -> Fraction {
            // A REAL holds the exported double; its shortest text is the exported decimal (docs/STORE.md).
            Fraction(decimalText: (row[column] as Double).description) ?? Fraction(1)
        }
        return ProductionPricing(
            id: row["id"], voicePerMinuteCents: row["voicePerMinuteCents"],
            chatPerMessageCents: row["chatPerMessageCents"],
            chatPerSessionCents: row["chatPerSessionCents"], inputTokenPrice: row["inputTokenPrice"],
            outputTokenPrice: row["outputTokenPrice"], overageVoicePerMinuteCents: row["overageVoicePerMinuteCents"],
            overageChatPerMessageCents: row["overageChatPerMessageCents"],
            monthlyMinutesAllowance: row["monthlyMinutesAllowance"],
            monthlyMessagesAllowance: row["monthlyMessagesAllowance"],
            multipliers: [
                "AI_REP": multiplier("aiRepMultiplier"), "AI_MANAGER": multiplier("aiManagerMultiplier"),
                "HUMAN_AGENT": multiplier("humanAgentMultiplier"),
            ])
    }

    func makeMeter() -> any UsageMeter { ProductionMeter(pricing: self) }
}

/// Production's running sums: exact fractions per component, allowances consumed record by record.
private struct ProductionMeter: UsageMeter {
    let pricing: ProductionPricing
    var figures = SummaryFigures()
    var freeSeconds: Int64
    var freeMessages: Int64
    var voice = Fraction(0)
    var sessions = Fraction(0)
    var messages = Fraction(0)
    var input = Fraction(0)
    var output = Fraction(0)
    var base = Fraction(0)
    var counts = (voiceSeconds: Int64(0), sessions: Int64(0), messages: Int64(0), input: Int64(0), output: Int64(0))
    var emails: Int64 = 0
    var sms: Int64 = 0

    init(pricing: ProductionPricing) {
        self.pricing = pricing
        freeSeconds = pricing.monthlyMinutesAllowance * 60
        freeMessages = pricing.monthlyMessagesAllowance
    }

    /// Usage comes in (`occurredAt`, id) order: allowances are consumed in it. An aggregate of
    /// several records is either wholly inside an allowance or wholly past it (``takesWhole(_:)``),
    /// so its parts are its records' parts summed.
    mutating func add(_ usage: UsageAggregate) {
        let multiplier = pricing.multipliers[usage.tier] ?? Fraction(1)
        switch usage.usageType {
        case "VOICE_CALL":
            let seconds = usage.seconds
            let free = min(seconds, freeSeconds)
            freeSeconds -= free
            figures.allowanceUsedSeconds += free
            figures.overageSeconds += seconds - free
            figures.voiceSecondsByTier[usage.tier, default: 0] += seconds
            counts.voiceSeconds += seconds
            voice += Fraction(seconds - free) * Fraction(pricing.overageVoicePerMinuteCents, 60) * multiplier
            base += Fraction(seconds) * Fraction(pricing.voicePerMinuteCents, 60) * multiplier
        case "CHAT_SESSION":
            counts.sessions += usage.records
            counts.messages += usage.messages
            sessions += Fraction(pricing.chatPerSessionCents) * Fraction(usage.records) * multiplier
            let free = min(usage.messages, freeMessages)
            freeMessages -= free
            figures.allowanceUsedMessages += free
            figures.overageMessages += usage.messages - free
            messages += Fraction(usage.messages - free) * Fraction(pricing.overageChatPerMessageCents) * multiplier
            base += Fraction(usage.messages) * Fraction(pricing.chatPerMessageCents) * multiplier
        case "EMAIL_SUPPORT": emails += usage.records
        case "SMS_SUPPORT": sms += usage.messages
        default: break
        }
        if usage.usageType == "VOICE_CALL" || usage.usageType == "CHAT_SESSION" {
            counts.input += usage.inputTokens
            counts.output += usage.outputTokens
            input += Fraction(usage.inputTokens) * Fraction(pricing.inputTokenPrice, 1000) * multiplier
            output += Fraction(usage.outputTokens) * Fraction(pricing.outputTokenPrice, 1000) * multiplier
        }
    }

    /// A day is taken whole unless an allowance still has room and the day uses more than that
    /// room: which records then straddle it, and at which tier's multiplier, depends on their order.
    func takesWhole(_ day: [UsageAggregate]) -> Bool {
        let seconds = day.lazy.filter { $0.usageType == "VOICE_CALL" }.reduce(0) { $0 + $1.seconds }
        let messages = day.lazy.filter { $0.usageType == "CHAT_SESSION" }.reduce(0) { $0 + $1.messages }
        return !(freeSeconds > 0 && seconds > freeSeconds) && !(freeMessages > 0 && messages > freeMessages)
    }

    func finish() -> (lines: [RatedLine], figures: SummaryFigures) {
        var figures = figures
        figures.totalBaseCost = base.roundedHalfAwayFromZero
        func line(_ usageType: String, _ meter: String, _ quantity: Int64, _ billable: Int64, _ amount: Fraction)
            -> RatedLine
        {
            RatedLine(
                usageType: usageType, meter: meter, records: 0, quantityBase: quantity,
                includedBase: quantity - billable,
                billableBase: billable, amountMinor: amount.roundedHalfAwayFromZero)
        }
        return (
            [
                line("VOICE_CALL", "CALL_SECONDS", counts.voiceSeconds, figures.overageSeconds, voice),
                line("CHAT_SESSION", "RECORD_COUNT", counts.sessions, counts.sessions, sessions),
                line("CHAT_SESSION", "MESSAGE_COUNT", counts.messages, figures.overageMessages, messages),
                line("VOICE_CALL+CHAT_SESSION", "INPUT_TOKENS", counts.input, counts.input, input),
                line("VOICE_CALL+CHAT_SESSION", "OUTPUT_TOKENS", counts.output, counts.output, output),
                line("EMAIL_SUPPORT", "RECORD_COUNT", emails, 0, Fraction(0)),
                line("SMS_SUPPORT", "MESSAGE_COUNT", sms, 0, Fraction(0)),
            ], figures
        )
    }
}
