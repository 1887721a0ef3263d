/// Usage records of one company-local day that bill alike — same usage type, CS tier and duration —
/// counted and summed: a row of `tally_rollup_cs_ai_usage_days`, or one record on its own.
///
/// Every meter takes usage in this form (``UsageMeter/add(_:)``): a record is an aggregate of one,
/// so the rollup and the record-by-record close share one rating code path.
struct UsageAggregate {
    let usageType: CSAIUsageType
    let tier: CSTier
    /// A NULL duration counts 0 s, as it bills.
    let durationSeconds: Int64
    let records: Int64
    let messages: Int64
    let inputTokens: Int64
    let outputTokens: Int64

    /// Voice seconds as recorded (no per-call rounding): duration × records.
    var seconds: Int64 { durationSeconds * records }
}

extension UsageAggregate {
    /// One record on its own (an extension, so the memberwise initializer stays).
    init(_ record: UsageRecord) {
        self.init(
            usageType: record.usageType, tier: record.tier, durationSeconds: record.durationSeconds ?? 0, records: 1,
            messages: record.messageCount, inputTokens: record.inputTokens, outputTokens: record.outputTokens)
    }
}
