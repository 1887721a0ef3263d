import Foundation
import TallyCore

extension SampleGenerator {
    /// Partners and what is planted on each (SampleData/README.md).
    static let partners: [(id: String, company: String, email: String, rate: String?, flat: String?, tier: String)] = [
        ("ap_good", "co_ny", "gia.good@partners.example", "10", nil, "GOLD"),
        ("ap_bot", "co_ny", "bo.bot@partners.example", "12.5", nil, "SILVER"),
        // Sam refers himself: his partner email is also customer cu_000008's email.
        ("ap_self", "co_ny", "sam.self@partners.example", "15", nil, "BRONZE"),
        // A flat 5.00 per conversion; its clicks follow ap_good's on the same visitors (assists).
        ("ap_assist", "co_ny", "ava.assist@partners.example", nil, "5.00", "BRONZE"),
        ("ap_berlin", "co_be", "ben.berlin@partners.example", "12.5", nil, "SILVER"),
    ]

    static let clickColumns = ClickGenerator.columns

    mutating func writeAffiliates(_ random: inout SplitMix64, orders: [OrderPlan], customers: [Customer]) throws {
        let configs = try open(
            "affiliate_program_configs.csv",
            [
                "id", "companyId", "isEnabled", "defaultCommissionRate", "minimumPayoutThreshold",
                "attributionWindowDays", "lastClickAttribution", "deduplicationWindowMins", "fraudScoreThreshold",
                "holdPeriodDays", "createdAt", "updatedAt",
            ])
        configs.write([
            .text("apc_ny"), .text("co_ny"), .bool(true), .number("10"), .number("50"), .number("30"), .bool(true),
            .number("60"), .number("70"), .number("14"), .text(Self.created), .text(Self.created),
        ])
        // Berlin writes its threshold as a fraction: production has both 70 and 0.7 (docs/STORE.md).
        configs.write([
            .text("apc_be"), .text("co_be"), .bool(true), .number("12.5"), .number("25"), .number("30"), .bool(true),
            .number("60"), .number("0.7"), .number("14"), .text(Self.created), .text(Self.created),
        ])
        configs.close()

        let partnerWriter = try open(
            "affiliate_partners.csv",
            [
                "id", "companyId", "email", "firstName", "lastName", "affiliateCode", "partnershipType", "status",
                "tier", "commissionRate", "commissionFlat", "cookieDurationDays", "payoutMethod", "payoutThreshold",
                "payoutDetails", "taxId", "createdAt", "updatedAt",
            ])
        for (index, partner) in Self.partners.enumerated() {
            partnerWriter.write([
                .text(partner.id), .text(partner.company), .text(partner.email),
                .text(String(partner.id.dropFirst(3)).capitalized),
                .text("Partner"), .text(partner.id.uppercased()), .text("AFFILIATE"),
                .text(partner.id == "ap_bot" ? "SUSPENDED" : "ACTIVE"),
                .text(partner.tier), partner.rate.map(ExportWriter.Field.number) ?? .null,
                partner.flat.map(ExportWriter.Field.number) ?? .null,
                index == 0 ? .number("45") : .null, .text("PAYPAL"), .number(index == 3 ? "20" : "50"),
                .json("{\"paypal\": \"\(partner.email)\"}"), .text("TAX-\(1000 + index)"), .text(Self.created),
                .text(Self.created),
            ])
        }
        partnerWriter.close()
        let links = try open(
            "affiliate_links.csv",
            [
                "id", "partnerId", "companyId", "name", "destinationUrl", "trackingCode", "campaign", "subId1",
                "isActive", "createdAt", "updatedAt",
            ])
        for partner in Self.partners {
            for suffix in ["a", "b"] {
                links.write([
                    .text("al_\(partner.id.dropFirst(3))_\(suffix)"), .text(partner.id), .text(partner.company),
                    .text("\(partner.id) \(suffix)"), .text("https://shop.example/?ref=\(partner.id)"),
                    .text("T_\(partner.id)_\(suffix)"), .text(suffix == "a" ? "spring" : "evergreen"),
                    .text(suffix == "a" ? "ig" : "yt"), .bool(true), .text(Self.created), .text(Self.created),
                ])
            }
        }
        links.close()

        let clicks = try open("affiliate_clicks.csv.gz.tmp", Self.clickColumns)
        let conversions = try open(
            "affiliate_conversions.csv",
            [
                "id", "partnerId", "linkId", "companyId", "clickId", "orderId", "orderNumber", "orderTotal", "currency",
                "commissionRate", "commissionAmount", "attributionWindow", "isFirstPurchase", "customerId", "status",
                "approvedAt", "reversedAt", "reversalReason", "reversalAmount", "convertedAt", "createdAt", "updatedAt",
            ])
        var clickNumber = 0
        func click(
            partner: String, company: String, visitor: String?, at time: Int64, bot: Bool, random: inout SplitMix64
        ) -> String {
            clickNumber += 1
            var row = ClickGenerator.row(
                number: clickNumber, partner: partner,
                link: "al_\(partner.dropFirst(3))_\(random.chance(1, in: 2) ? "a" : "b")", company: company,
                startMilliseconds: 0, random: &random)
            row[4] = .text(Self.pgTimestamp(time))
            row[19] = .text(bot ? "VALID" : (random.chance(3, in: 100) ? "SUSPICIOUS" : "VALID"))
            if bot {
                row[6] = .text("python-requests/2.31, bot")
                row[21] = .textArray(["bot_user_agent"])
                row[20] = .number("35.0")
            }
            row[23] = visitor.map(ExportWriter.Field.text) ?? .null
            clicks.write(row)
            return exportFieldText(row[0])
        }
        // Conversions: a quarter of completed orders of companies with a program come through a partner.
        var conversionNumber = 0
        for order in orders where order.status != "CANCELED" {
            // Every order of the self-referring customer comes through ap_self, so the planted
            // self-referral always shows (one in four by chance left it out of the sample).
            guard random.chance(1, in: 4) || order.customer.id == "cu_000008" else { continue }
            conversionNumber += 1
            let candidates = Self.partners.filter { $0.company == order.company }
            var partner = candidates[random.below(candidates.count)]
            if order.customer.id == "cu_000008" { partner = Self.partners[2] }  // the self-referral
            let visitor = "vis_\(conversionNumber)"
            let clickTime = order.orderedAt - Int64(random.below(20)) * Self.day - Int64(random.below(86_400_000))
            if partner.id == "ap_assist" {
                // ap_good touched the same visitor earlier: attribution models disagree.
                _ = click(
                    partner: "ap_good", company: order.company, visitor: visitor, at: clickTime - 2 * Self.day,
                    bot: false, random: &random)
            }
            let clickID = click(
                partner: partner.id, company: order.company, visitor: visitor, at: clickTime, bot: false,
                random: &random)
            let statusDraw = random.below(100)
            let status =
                statusDraw < 5
                ? "REVERSED"
                : statusDraw < 8 ? "REJECTED" : statusDraw < 10 ? "DISPUTED" : statusDraw < 70 ? "APPROVED" : "PENDING"
            let rate = partner.rate ?? "0"
            // Commission computed in floating point, as production does, and exported as a double's text.
            let commission: Double =
                partner.flat.map { Double($0)! } ?? Double(order.totalCents) / 100 * Double(rate)! / 100
            let converted = Self.pgTimestamp(order.orderedAt)
            conversions.write([
                .text(String(format: "acv_%06d", conversionNumber)), .text(partner.id),
                .text("al_\(partner.id.dropFirst(3))_a"), .text(order.company),
                .text(clickID), .text(order.id), .text(String(format: "N%07d", order.number)),
                .number("\(Double(order.totalCents) / 100)"), .text(order.currency), .number(rate),
                .number("\(commission)"),
                .number("30"), .bool(random.chance(1, in: 2)), .text(order.customer.id), .text(status),
                status == "APPROVED" || status == "REVERSED"
                    ? .text(Self.pgTimestamp(order.orderedAt + 2 * Self.day)) : .null,
                status == "REVERSED" ? .text(Self.pgTimestamp(order.orderedAt + 20 * Self.day)) : .null,
                status == "REVERSED" ? .text("order refunded") : .null,
                status == "REVERSED" ? .number("\(commission)") : .null,
                .text(converted), .text(converted), .text(converted),
            ])
        }
        conversions.close()
        // Background traffic up to 100,000 clicks per scale; ap_bot's is mostly bots.
        let target = 100_000 * scale
        while clickNumber < target {
            let partner = Self.partners[random.below(Self.partners.count)]
            let bot = partner.id == "ap_bot" && random.chance(6, in: 10)
            let visitor = random.chance(1, in: 10) ? nil : "bg_\(random.below(40_000 * scale))"
            let time = Self.epoch - 15 * Self.day + Int64(random.below(Int(75 * Self.day / 1000))) * 1000
            _ = click(
                partner: partner.id, company: partner.company, visitor: visitor, at: time, bot: bot, random: &random)
        }
        clicks.close()
        try gzipFile(named: "affiliate_clicks.csv.gz.tmp", as: "affiliate_clicks.csv.gz")
    }

    /// Compresses a generated file with the system's `gzip -n` (no name or time in the header, so the
    /// bytes are reproducible) and replaces it.
    mutating func gzipFile(named temporary: String, as final: String) throws {
        let source = (directory as NSString).appendingPathComponent(temporary)
        let target = (directory as NSString).appendingPathComponent(final)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-n", "-6", "-c", source]
        guard FileManager.default.createFile(atPath: target, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: target])
        }
        process.standardOutput = FileHandle(forWritingAtPath: target)
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target])
        }
        try FileManager.default.removeItem(atPath: source)
        files.removeAll { $0 == temporary }
        files.append(final)
    }
}

/// The text of a `.text` field (ids).
func exportFieldText(_ field: ExportWriter.Field) -> String {
    if case .text(let text) = field { return text }
    return ""
}
