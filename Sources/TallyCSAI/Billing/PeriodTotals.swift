import Crypto
import Foundation
import GRDB
import TallyCore
import TallyReporting
import TallyStore

/// The counts of a period's summary row that its lines do not carry, summed over its usage.
struct PeriodTotals {
    var records = 0
    var voiceCalls = 0
    var chatSessions = 0
    var chatMessages: Int64 = 0
    /// Tokens of the records whose tokens are priced (voice and chat, BILLING.md): the summary
    /// row's `aiTokenCostCents` is the price of exactly these; email and SMS tokens stay in the
    /// usage report and the ledger.
    var inputTokens: Int64 = 0
    var outputTokens: Int64 = 0
    /// Email and SMS records: production pricing has no price for them.
    var emailAndSMS = 0

    mutating func add(_ usage: UsageAggregate) {
        let count = Int(usage.records)
        records += count
        if usage.usageType.hasPricedTokens {
            inputTokens += usage.inputTokens
            outputTokens += usage.outputTokens
        }
        switch usage.usageType {
        case .voiceCall: voiceCalls += count
        case .chatSession:
            chatSessions += count
            chatMessages += usage.messages
        case .emailSupport, .smsSupport: emailAndSMS += count
        }
    }
}
