import Foundation
import GRDB
import TallyCore
import TallyReporting

/// What a period's rating produces besides its lines: the figures of the `cs_ai_usage_summary` row.
struct SummaryFigures {
    /// Voice seconds per record as billed (tally pricing: after per-call rounding), by CS tier.
    var voiceSecondsByTier: [CSTier: Int64] = [:]
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
