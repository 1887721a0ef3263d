import TallyReporting

/// Production's `CSAIUsageType` (changelog, "CS AI usage tables"): what a `cs_ai_usage` record is.
/// Its case order is the invoice's line order: voice, chat, email, SMS.
public enum CSAIUsageType: String, StoredEnum {
    case voiceCall = "VOICE_CALL"
    case chatSession = "CHAT_SESSION"
    case emailSupport = "EMAIL_SUPPORT"
    case smsSupport = "SMS_SUPPORT"

    /// Whether its records' tokens are priced (voice and chat; BILLING.md).
    public var hasPricedTokens: Bool { self == .voiceCall || self == .chatSession }
}
