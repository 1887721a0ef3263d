import Foundation
import GRDB
import TallyCore
import TallyReporting

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
    let multipliers: [CSTier: Fraction]

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
                .aiRep: multiplier("aiRepMultiplier"), .aiManager: multiplier("aiManagerMultiplier"),
                .humanAgent: multiplier("humanAgentMultiplier"),
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
        case .voiceCall:
            let seconds = usage.seconds
            let free = min(seconds, freeSeconds)
            freeSeconds -= free
            figures.allowanceUsedSeconds += free
            figures.overageSeconds += seconds - free
            figures.voiceSecondsByTier[usage.tier, default: 0] += seconds
            counts.voiceSeconds += seconds
            voice += Fraction(seconds - free) * Fraction(pricing.overageVoicePerMinuteCents, 60) * multiplier
            base += Fraction(seconds) * Fraction(pricing.voicePerMinuteCents, 60) * multiplier
        case .chatSession:
            counts.sessions += usage.records
            counts.messages += usage.messages
            sessions += Fraction(pricing.chatPerSessionCents) * Fraction(usage.records) * multiplier
            let free = min(usage.messages, freeMessages)
            freeMessages -= free
            figures.allowanceUsedMessages += free
            figures.overageMessages += usage.messages - free
            messages += Fraction(usage.messages - free) * Fraction(pricing.overageChatPerMessageCents) * multiplier
            base += Fraction(usage.messages) * Fraction(pricing.chatPerMessageCents) * multiplier
        case .emailSupport: emails += usage.records
        case .smsSupport: sms += usage.messages
        }
        if usage.usageType.hasPricedTokens {
            counts.input += usage.inputTokens
            counts.output += usage.outputTokens
            input += Fraction(usage.inputTokens) * Fraction(pricing.inputTokenPrice, 1000) * multiplier
            output += Fraction(usage.outputTokens) * Fraction(pricing.outputTokenPrice, 1000) * multiplier
        }
    }

    /// A day is taken whole unless an allowance still has room and the day uses more than that
    /// room: which records then straddle it, and at which tier's multiplier, depends on their order.
    func takesWhole(_ day: [UsageAggregate]) -> Bool {
        let seconds = day.lazy.filter { $0.usageType == .voiceCall }.reduce(0) { $0 + $1.seconds }
        let messages = day.lazy.filter { $0.usageType == .chatSession }.reduce(0) { $0 + $1.messages }
        return !(freeSeconds > 0 && seconds > freeSeconds) && !(freeMessages > 0 && messages > freeMessages)
    }

    func finish() -> (lines: [RatedLine], figures: SummaryFigures) {
        var figures = figures
        figures.totalBaseCost = base.roundedHalfAwayFromZero
        func line(_ types: [CSAIUsageType], _ meter: String, _ quantity: Int64, _ billable: Int64, _ amount: Fraction)
            -> RatedLine
        {
            // Token lines cover two usage types: `VOICE_CALL+CHAT_SESSION`.
            RatedLine(
                usageType: types.map(\.rawValue).joined(separator: "+"), meter: meter, records: 0,
                quantityBase: quantity,
                includedBase: quantity - billable,
                billableBase: billable, amountMinor: amount.roundedHalfAwayFromZero)
        }
        return (
            [
                line([.voiceCall], "CALL_SECONDS", counts.voiceSeconds, figures.overageSeconds, voice),
                line([.chatSession], "RECORD_COUNT", counts.sessions, counts.sessions, sessions),
                line([.chatSession], "MESSAGE_COUNT", counts.messages, figures.overageMessages, messages),
                line([.voiceCall, .chatSession], "INPUT_TOKENS", counts.input, counts.input, input),
                line([.voiceCall, .chatSession], "OUTPUT_TOKENS", counts.output, counts.output, output),
                line([.emailSupport], "RECORD_COUNT", emails, 0, Fraction(0)),
                line([.smsSupport], "MESSAGE_COUNT", sms, 0, Fraction(0)),
            ], figures
        )
    }
}
