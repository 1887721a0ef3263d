import Foundation
import TallyCore

extension SampleGenerator {
    mutating func writeCustomerService(_ random: inout SplitMix64, customers: [Customer]) throws {
        let pricing = try open(
            "cs_ai_pricing.csv",
            [
                "id", "organizationId", "voicePerMinuteCents", "chatPerMessageCents", "chatPerSessionCents",
                "inputTokenPrice", "outputTokenPrice", "aiRepMultiplier", "aiManagerMultiplier", "humanAgentMultiplier",
                "monthlyMinutesAllowance", "monthlyMessagesAllowance", "overageVoicePerMinuteCents",
                "overageChatPerMessageCents", "csAIEnabled", "createdAt", "updatedAt",
            ])
        pricing.write([
            .text("cap_1"), .text("org_1"), .number("50"), .number("5"), .number("100"), .number("3"), .number("15"),
            .number("1"), .number("1.5"), .number("3"), .number("100"), .number("500"), .number("75"), .number("8"),
            .bool(true), .text(Self.created), .text(Self.created),
        ])
        pricing.close()

        let sessions = try open(
            "cs_sessions.csv",
            [
                "id", "companyId", "customerId", "channel", "currentTier", "status", "customerSentiment", "createdAt",
                "updatedAt", "resolvedAt",
            ])
        let calls = try open(
            "voice_calls.csv",
            [
                "id", "companyId", "customerId", "twilioCallSid", "direction", "fromNumber", "toNumber", "initiatedAt",
                "answeredAt", "endedAt", "duration", "scriptId", "status", "createdAt", "updatedAt",
            ])
        let usageColumns = [
            "id", "companyId", "clientId", "csSessionId", "voiceCallId", "usageType", "tier", "channel",
            "durationSeconds", "messageCount", "aiMessageCount", "inputTokens", "outputTokens", "billingPeriod",
            "invoiced", "metadata", "occurredAt", "createdAt",
        ]
        let usage = try open("cs_ai_usage.ndjson", usageColumns, format: .ndjson)
        // Late usage arrives in a second export, after February is closed: `tally verify` loads the
        // late/ folder after its first closes, so the next close bills it as adjustments.
        let lateUsage = try open("late/cs_ai_usage.ndjson", usageColumns, format: .ndjson)
        let types = ["VOICE_CALL", "CHAT_SESSION", "EMAIL_SUPPORT", "SMS_SUPPORT"]
        let tiers = ["AI_REP", "AI_REP", "AI_REP", "AI_MANAGER", "HUMAN_AGENT"]
        let span = 89 * Self.day  // February through April 2026
        var records: [(Int64, Int64?)] = []  // (occurredAt, explicit createdAt)
        for _ in 0..<(1500 * scale) { records.append((Self.epoch + Int64(random.below(Int(span / 1000))) * 1000, nil)) }
        // Near local midnight at month ends, on both sides: New York is UTC−5 in February, Berlin UTC+2 at the end of March.
        let edges: [Int64] = [
            Self.epoch + 28 * Self.day + 4 * 3_600_000 + 59 * 60_000 + 30_000,  // 2026-02-28 23:59:30 EST
            Self.epoch + 28 * Self.day + 5 * 3_600_000 + 10_000,  // 2026-03-01 00:00:10 EST
            Self.epoch + 58 * Self.day + 21 * 3_600_000 + 59 * 60_000 + 50_000,  // 2026-03-31 23:59:50 CEST
            Self.epoch + 58 * Self.day + 22 * 3_600_000 + 5_000,  // 2026-04-01 00:00:05 CEST
        ]
        for edge in edges { records.append((edge, nil)) }
        // Late usage: February records written on 10 March, after February was closed.
        for index in 0..<(20 * scale) {
            records.append((Self.epoch + Int64(index % 27) * Self.day + 43_200_000, Self.epoch + 37 * Self.day))
        }
        var callNumber = 0
        // Filtered once: per record it made scale 100 quadratic (150k records × 80k customers).
        let customersOf = Dictionary(grouping: customers, by: \.company)
        for (number, record) in records.enumerated() {
            let company = number % 3 == 2 ? "co_be" : "co_ny"
            let companyCustomers = customersOf[company] ?? []
            let customer = companyCustomers[number % companyCustomers.count]
            let type = number < 4 * scale ? types[number % 4] : types[random.below(4)]
            let tier = number < 3 ? tiers[[0, 3, 4][number]] : tiers[random.below(tiers.count)]
            let id = String(format: "csu_%07d", number + 1)
            let sessionID = String(format: "css_%07d", number + 1)
            let occurred = Self.pgTimestamp(record.0)
            let createdAt = record.1 ?? (record.0 + Int64(random.below(5_000)))
            sessions.write([
                .text(sessionID), .text(company), .text(customer.id), .text(type.lowercased()), .text(tier),
                .text("RESOLVED"), .text("NEUTRAL"), .text(occurred), .text(occurred), .text(occurred),
            ])
            var callID: ExportWriter.Field = .null
            var duration: ExportWriter.Field = .null
            if type == "VOICE_CALL" {
                callNumber += 1
                let seconds = 30 + random.below(870)
                // Two usage records of one call (production writes this sometimes): billed as given, with a warning.
                let sharesCall = callNumber == 3
                let callKey = sharesCall ? callNumber - 1 : callNumber
                callID = .text(String(format: "vc_%06d", callKey))
                duration = .number(String(seconds))
                if !sharesCall {
                    calls.write([
                        .text(String(format: "vc_%06d", callKey)), .text(company), .text(customer.id),
                        .text(String(format: "CA%030d", callKey)),
                        .text("INBOUND"), .text("+15555550100"), .text("+15555550199"), .text(occurred),
                        .text(occurred),
                        .text(Self.pgTimestamp(record.0 + Int64(seconds) * 1000)), .number(String(seconds)),
                        .text("script_1"),
                        .text("COMPLETED"), .text(occurred), .text(occurred),
                    ])
                }
            }
            let messages =
                type == "CHAT_SESSION" ? 3 + random.below(28) : (type == "VOICE_CALL" ? 0 : 1 + random.below(4))
            let writtenMonth = String(UTCTimestamp.format(createdAt).prefix(7))
            (record.1 == nil ? usage : lateUsage).write([
                .text(id), .text(company), .text("cl_1"), .text(sessionID), callID, .text(type), .text(tier),
                .text(type.lowercased()),
                duration, .number(String(messages)), .number(String(messages / 2)),
                .number(String(type == "CHAT_SESSION" ? 400 + random.below(2000) : 0)),
                .number(String(type == "CHAT_SESSION" ? 200 + random.below(900) : 0)),
                .text(writtenMonth), .bool(false), .json("{\"model\":\"gpt\"}"),
                .text(
                    number % 11 == 0
                        ? Self.pgTimestamp(record.0).replacingOccurrences(of: " ", with: "T") + "Z" : occurred),
                .text(Self.pgTimestamp(createdAt)),
            ])
        }
        sessions.close()
        calls.close()
        usage.close()
        lateUsage.close()
    }
}
