import Foundation
import GRDB
import TallyCore
import TallyReporting

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
    var voiceSecondsByTier: [CSTier: Int64] = [:]
    /// The component whose rounded call seconds the summary row reports as voice minutes.
    let voice: PriceTable.Component?

    init(table: PriceTable) {
        self.table = table
        quantities = Array(repeating: 0, count: table.components.count)
        counts = Array(repeating: 0, count: table.components.count)
        voice = table.components.first {
            $0.usageType == CSAIUsageType.voiceCall.rawValue && $0.meter == "CALL_SECONDS"
        }
    }

    mutating func add(_ usage: UsageAggregate) {
        for (index, component) in table.components.enumerated() where component.usageTypeCase == usage.usageType {
            quantities[index] += UsageRating.quantity(of: usage, for: component)
            counts[index] += Int(usage.records)
        }
        if usage.usageType == .voiceCall {
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
        if let line = lines.first(where: {
            $0.usageType == CSAIUsageType.voiceCall.rawValue && $0.meter == "CALL_SECONDS"
        }) {
            figures.allowanceUsedSeconds = min(line.quantityBase, line.includedBase)
            figures.overageSeconds = line.billableBase
        }
        if let line = lines.first(where: {
            $0.usageType == CSAIUsageType.chatSession.rawValue && $0.meter == "MESSAGE_COUNT"
        }) {
            figures.allowanceUsedMessages = min(line.quantityBase, line.includedBase)
            figures.overageMessages = line.billableBase
        }
        return (lines, figures)
    }
}
