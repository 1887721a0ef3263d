import Foundation
import TallyCore

/// Generates `affiliate_clicks` rows with production's 27 columns and realistic values: user agents
/// with commas, NULLs, `t`/`f`, millisecond timestamps, `fraudReasons` arrays.
public struct ClickGenerator {
    public static let columns = [
        "id", "partnerId", "linkId", "companyId", "clickedAt", "ipAddressHash", "userAgent", "referrer", "deviceType",
        "browser", "os", "country", "region", "city", "subId1", "subId2", "subId3", "subId4", "subId5", "status",
        "fraudScore", "fraudReasons", "isUnique", "visitorId", "sessionId", "idempotencyKey", "customParams",
    ]

    static let userAgents = [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_2) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15",
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36",
    ]
    static let botAgents = [
        "python-requests/2.31", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    ]
    static let referrers = [
        "https://www.google.com/", "https://www.instagram.com/", "https://t.co/x1", "https://news.example.com/a?b=1,2",
    ]
    static let places: [(String, String, String)] = [
        ("US", "CA", "San Francisco"), ("US", "NY", "New York"), ("DE", "BE", "Berlin"), ("JP", "13", "Tokyo"),
        ("GB", "ENG", "London"), ("FR", "IDF", "Paris"),
    ]

    /// A stable 16-hex-digit hash standing in for production's hashed address.
    static func addressHash(_ address: Int) -> String {
        var generator = SplitMix64(seed: UInt64(address))
        return String(format: "%016llx", generator.next())
    }

    /// One click row.
    /// - Parameters:
    ///   - number: The click's sequence number (ids derive from it).
    ///   - startMilliseconds: The first click's time; clicks spread over ~30 days.
    public static func row(
        number: Int, partner: String, link: String, company: String, startMilliseconds: Int64, random: inout SplitMix64
    ) -> [ExportWriter.Field] {
        let isBot = random.chance(3, in: 100)
        let clickedAt = startMilliseconds + Int64(number) * 2_592 + Int64(random.below(2_000))
        let place = random.pick(places)
        let status = isBot ? "SUSPICIOUS" : (random.chance(2, in: 100) ? "DUPLICATE" : "VALID")
        let fraudScore: ExportWriter.Field =
            random.chance(1, in: 4) ? .null : .number(String(format: "%.1f", random.unit() * (isBot ? 100 : 40)))
        var reasons: [String] = []
        if isBot { reasons.append("bot_user_agent") }
        if random.chance(1, in: 50) { reasons.append("velocity, same ip") }
        let visitor =
            random.chance(1, in: 20) ? ExportWriter.Field.null : .text("v\(random.below(max(1, number / 3 + 1)))")
        return [
            .text(String(format: "clk_%09d", number)), .text(partner), .text(link), .text(company),
            .text(
                UTCTimestamp.format(clickedAt).replacingOccurrences(of: "T", with: " ").replacingOccurrences(
                    of: "Z", with: "")),
            // Clicks from one address repeat its hash (every few clicks come from a known address).
            .text(addressHash(random.below(max(1, number / 4 + 1)))),
            .text(isBot ? random.pick(botAgents) : random.pick(userAgents)),
            random.chance(1, in: 3) ? .null : .text(random.pick(referrers)),
            .text(random.pick(["desktop", "mobile", "tablet"])), .text(random.pick(["Chrome", "Safari", "Firefox"])),
            .text(random.pick(["Windows", "iOS", "macOS", "Android"])),
            .text(place.0), .text(place.1), .text(place.2),
            random.chance(1, in: 2) ? .text("spring-\(random.below(5))") : .null,
            random.chance(1, in: 4) ? .text("") : .null, .null, .null, .null,
            .text(status), fraudScore,
            reasons.isEmpty && random.chance(1, in: 2) ? .null : .textArray(reasons),
            .bool(!random.chance(1, in: 5)), visitor,
            random.chance(2, in: 3) ? .null : .text("fs_\(random.below(1_000_000))"),
            .text(String(format: "idem_%09d", number)),
            random.chance(1, in: 10) ? .json("{\"utm\": \"x\", \"v\": 1.10}") : .null,
        ]
    }
}
