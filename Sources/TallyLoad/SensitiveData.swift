/// Columns whose values an analyst's laptop store does not need, and how a default load treats them.
///
/// Credentials are stored as NULL; raw IP addresses are replaced with a keyed hash (HMAC-SHA-256
/// with a random key kept in the store's `tally_settings`), so an address still matches itself
/// across rows and loads without being readable. `--keep-sensitive` stores both as exported.
/// `affiliate_program_configs.postbackSecretKey` and `postbackApiKey` exist only in production's
/// `schema.prisma`, not in its migrations: exports that carry them report them as unknown columns
/// and their values are never stored.
enum SensitiveData {
    enum Sensitivity: Equatable, Sendable {
        case credential
        case ipAddress
    }

    static let credentials: Set<String> = [
        "affiliate_partners.payoutDetails",
        "affiliate_partners.taxId",
        "affiliate_program_configs.postbackSecretKey",
        "affiliate_program_configs.postbackApiKey",
    ]

    static let ipAddresses: Set<String> = [
        "funnel_sessions.ipAddress",
        "leads.ipAddress",
        "affiliate_click_queue.ipAddress",
    ]

    static func sensitivity(table: String, column: String) -> Sensitivity? {
        let key = "\(table).\(column)"
        if credentials.contains(key) { return .credential }
        if ipAddresses.contains(key) { return .ipAddress }
        return nil
    }

    /// Counts, quantities and durations production never writes negative; a negative value is
    /// rejected (`negative_value`) rather than summed into a report.
    static let neverNegative: Set<String> = [
        "inventory_holds.quantity",
        "carts.itemCount",
        "cs_ai_usage.durationSeconds", "cs_ai_usage.messageCount", "cs_ai_usage.aiMessageCount",
        "cs_ai_usage.inputTokens", "cs_ai_usage.outputTokens",
        "voice_calls.duration",
        "funnel_ab_test_results.sessions", "funnel_ab_test_results.conversions",
        "funnel_variants.trafficWeight", "funnel_variants.totalSessions", "funnel_variants.conversions",
        "affiliate_payouts.conversionsCount", "affiliate_payouts.reversalsCount",
    ]

    /// Columns production declares `Int` (PostgreSQL's 32-bit `INTEGER`; the store keeps every
    /// integer in 64 bits): a value beyond that range cannot come from production, and summed by a
    /// close it overflowed (`out_of_range`).
    static let int32: Set<String> = [
        "cs_ai_usage.durationSeconds", "cs_ai_usage.messageCount", "cs_ai_usage.aiMessageCount",
        "cs_ai_usage.inputTokens", "cs_ai_usage.outputTokens", "cs_ai_usage.twilioCostCents",
        "cs_ai_usage.baseCost", "cs_ai_usage.markupCost", "cs_ai_usage.totalCost",
        "cs_ai_pricing.voicePerMinuteCents", "cs_ai_pricing.chatPerMessageCents", "cs_ai_pricing.chatPerSessionCents",
        "cs_ai_pricing.inputTokenPrice", "cs_ai_pricing.outputTokenPrice", "cs_ai_pricing.overageVoicePerMinuteCents",
        "cs_ai_pricing.overageChatPerMessageCents", "cs_ai_pricing.monthlyMinutesAllowance",
        "cs_ai_pricing.monthlyMessagesAllowance", "voice_calls.duration",
    ]

    /// Amounts production's meaning keeps at zero or above (a negative order total made affiliate
    /// revenue −997,610.28; a negative commission a −7.00 payout entry): `negative_amount`.
    static let neverNegativeAmounts: Set<String> = [
        "orders.subtotal", "orders.discountAmount", "orders.shippingAmount", "orders.taxAmount", "orders.total",
        "refunds.requestedAmount", "refunds.approvedAmount",
        "affiliate_conversions.orderTotal", "affiliate_conversions.commissionAmount",
        "affiliate_conversions.secondTierAmount", "affiliate_conversions.reversalAmount",
    ]
}
