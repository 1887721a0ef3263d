import Crypto
import Foundation
import GRDB
import TallyCore
import TallyOutput
import TallyStore

/// The monthly affiliate payout close (docs/AFFILIATE.md, section 6), on the close stage.
///
/// Per company, partner (the conversion's `partnerId`) and currency, at the period end `E`: the
/// status of each conversion as of `E` (P0), accruals (P1), clawbacks (P2), the balance (P3), the
/// threshold (P4), an `affiliate_payouts` row when paid (P5), and what is coming (P6). The basis is
/// production's `commissionAmount`, or a model's commission (``Basis/model(_:)``, docs/AFFILIATE.md
/// "Payouts on a model basis"): each conversion's commission split over its touchpoints' partners.
public enum AffiliatePayouts {
    public static let kind = "affiliate-payouts"

    /// What a partner is paid on.
    public enum Basis: Sendable, Equatable {
        /// The conversion's `commissionAmount`, to its own `partnerId` (P0).
        case production
        /// The model's commission per touchpoint, summed per partner of the conversion.
        case model(AttributionOptions)

        /// The close kind: a ledger of its own per basis (`affiliate-payouts`, `affiliate-payouts-linear`).
        var kind: String {
            switch self {
            case .production: return AffiliatePayouts.kind
            case .model(let options): return "\(AffiliatePayouts.kind)-\(options.model.rawValue)"
            }
        }
    }

    /// One partner's part of one conversion: the whole commission on the production basis.
    struct Share {
        let conversion: Conversion
        let partnerId: String
        let commission: Int64
        /// This share's part of the conversion's commission on its basis, in millionths (for clawbacks).
        let millionths: Int64
    }

    struct Conversion: QueryRow {
        let id: String
        let partnerId: String
        let currency: String
        let status: String
        let commissionAmount: Int64?
        let reversalAmount: Int64?
        let convertedAt: String
        let approvedAt: String?
        let reversedAt: String?

        private func instant(_ text: String?) -> Int64? { text.flatMap { try? UTCTimestamp.parse($0).get() } }

        /// P0: the status as of `end`, from today's status and its timestamps.
        func status(at end: Int64) -> String {
            if status == "DISPUTED" || status == "PENDING" { return status }
            if status == "REVERSED", let reversed = instant(reversedAt), reversed < end { return "REVERSED" }
            if let approved = instant(approvedAt), approved < end { return "APPROVED" }
            return status == "APPROVED" && approvedAt == nil ? "APPROVED" : "PENDING"
        }
        var time: Int64 { instant(convertedAt) ?? 0 }
    }

    /// One partner and currency at one close.
    public struct Row: Sendable {
        public let company: String
        public let partner: String
        public let currency: String
        public let period: CalendarMonth
        public let carriedIn: Int64
        public let gross: Int64
        public let reversals: Int64
        public let fees: Int64
        public let accrued: Int
        public let clawedBack: Int
        public let threshold: Int64
        public let isPaid: Bool
        public let payoutId: String?
        public let approvedInHold: Int64
        public let pendingOrDisputed: Int64

        public var net: Int64 { gross - reversals - fees }
        public var balance: Int64 { carriedIn + net }
        public var paid: Int64 { isPaid ? balance : 0 }
        public var carriedOut: Int64 { isPaid ? 0 : balance }
        func money(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: currency) }
    }

    public static var columns: [ReportColumn<Row>] {
        [
            .text("company_id", shown: true) { $0.company }, .text("partner_id", shown: true) { $0.partner },
            .text("currency", shown: true) { $0.currency }, .text("period", shown: true) { "\($0.period)" },
            .money("carried_in", shown: true) { $0.money($0.carriedIn) },
            .money("gross", shown: true) { $0.money($0.gross) },
            .money("reversals", shown: true) { $0.money($0.reversals) }, .money("fees") { $0.money($0.fees) },
            .money("net", shown: true) { $0.money($0.net) }, .money("balance", shown: true) { $0.money($0.balance) },
            .money("threshold") { $0.money($0.threshold) }, .money("paid", shown: true) { $0.money($0.paid) },
            .money("carried_out", shown: true) { $0.money($0.carriedOut) }, .text("payout_id") { $0.payoutId },
            .integer("accrued_conversions") { $0.accrued }, .integer("clawed_back_conversions") { $0.clawedBack },
            .money("approved_in_hold") { $0.money($0.approvedInHold) },
            .money("pending_or_disputed") { $0.money($0.pendingOrDisputed) },
        ]
    }

    /// Computes the close of `company` for `period` as of `asOf`, and the plan that writes it.
    /// - Throws: ``ReportError/otherPayoutBasis(company:closedKind:)`` when the company's payouts
    ///   were closed on another basis: one basis per company, or a month could be paid twice.
    public static func plan(
        company: String, period: CalendarMonth, asOf: UTCTimestamp.Milliseconds, basis: Basis = .production,
        on store: Store
    ) throws -> ([Row], ClosePlan) {
        let kind = basis.kind
        let credits = try modelShares(company: company, period: period, basis: basis, on: store)
        return try store.queue.read { db in
            if let other = try String.fetchOne(
                db,
                sql: """
                    SELECT "kind" FROM "tally_closes" WHERE "kind" LIKE 'affiliate-payouts%' AND "kind" <> ?
                        AND "scopeKey" >= ? AND "scopeKey" < ? ORDER BY "kind" LIMIT 1
                    """,
                arguments: [kind, MonthlyCloses.keyRange(of: company).lower, MonthlyCloses.keyRange(of: company).upper])
            {
                throw ReportError.otherPayoutBasis(company: company, closedKind: other)
            }
            let context = try CompanyContext.load(company, db: db)
            let bounds = context.zone.bounds(of: period)
            let end = bounds.upper!
            guard asOf >= end else {
                throw BillingError.asOfBeforePeriodEnd(
                    period: period, periodEnd: bounds.upperText, asOf: UTCTimestamp.format(asOf))
            }
            let closeId = "\(kind):\(company)|\(period)"
            let closed = try MonthlyCloses.closedPeriods(kind: kind, company: company, db: db)
            if !closed.contains(period) {
                try MonthlyCloses.checkOrder(
                    company: company, period: period, closed: closed,
                    firstActivity: try MonthlyCloses.firstMonth(
                        sql:
                            #"SELECT MIN("convertedAt") FROM "affiliate_conversions" WHERE "companyId" = ? AND "status" <> 'REJECTED'"#,
                        company: company, zone: context.zone, db: db))
            }
            let partners = try AffiliatePartner.all(db)
            let program = try AffiliateProgram.all(db)[company] ?? .defaults
            let conversions = try Conversion.fetchAll(
                db, sql: QueryCatalog.sql("affiliate/payout-conversions"),
                arguments: ["companyId": company, "endUTC": bounds.upperText])
            // What earlier closes (of earlier periods) did: accruals and clawbacks per conversion,
            // the balance carried per partner and currency, and the last paid period.
            var accrued: [String: Int64] = [:]
            var clawedBack = Set<String>()
            var carried: [String: Int64] = [:]
            var lastPaid: [String: String] = [:]
            for row in try GRDB.Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM "tally_affiliate_ledger" WHERE "companyId" = ? AND "period" < ?
                        AND "closeId" IN (SELECT "id" FROM "tally_closes" WHERE "kind" = ?)
                    ORDER BY "period", "id"
                    """, arguments: [company, "\(period)", kind])
            {
                let key = "\(row["partnerId"] as String)|\(row["currency"] as String)"
                // Keyed by conversion and partner: on a model basis one conversion pays several partners.
                let share = "\(row["conversionId"] as String? ?? "")|\(row["partnerId"] as String)"
                switch row["kind"] as String {
                case "ACCRUAL": accrued[share] = row["amountMinor"]
                case "CLAWBACK": clawedBack.insert(share)
                default:
                    carried[key] = row["carriedOutMinor"]
                    if (row["paidMinor"] as Int64? ?? 0) > 0 { lastPaid[key] = row["period"] }
                }
            }
            let hold = program.holdPeriodDays * 86_400_000
            var rows: [Row] = []
            var writes: [CloseWrite] = []
            var inputs: [CloseItem] = []
            let shares: [Share]
            switch basis {
            case .production:
                shares = conversions.map {
                    Share(
                        conversion: $0, partnerId: $0.partnerId, commission: $0.commissionAmount ?? 0,
                        millionths: 1_000_000)
                }
            case .model:
                shares = conversions.flatMap { conversion in
                    (credits[conversion.id] ?? []).map {
                        Share(
                            conversion: conversion, partnerId: $0.partner, commission: $0.commission,
                            millionths: $0.millionths)
                    }
                }
                for share in shares {
                    inputs.append(
                        CloseItem(
                            table: "affiliate_credits:\(kind)", rowId: "\(share.conversion.id)|\(share.partnerId)",
                            fields: [String(share.commission), String(share.millionths)]))
                }
            }
            let groups = Dictionary(grouping: shares) { "\($0.partnerId)|\($0.conversion.currency)" }
            var listed = Set<String>()  // a conversion is one input, however many partners share it
            let keys = Set(groups.keys).union(carried.keys).sorted()
            for key in keys {
                let parts = key.split(separator: "|").map(String.init)
                let (partnerId, currency) = (parts[0], parts[1])
                let partner = partners[partnerId]
                var gross: Int64 = 0
                var reversals: Int64 = 0
                var accruedCount = 0
                var clawbackCount = 0
                var inHold: Int64 = 0
                var pending: Int64 = 0
                for share in groups[key] ?? [] {
                    let conversion = share.conversion
                    let status = conversion.status(at: end)
                    let commission = share.commission
                    let shareKey = "\(conversion.id)|\(partnerId)"
                    if listed.insert(conversion.id).inserted {
                        inputs.append(
                            CloseItem(
                                table: "affiliate_conversions", rowId: conversion.id,
                                fields: [
                                    conversion.status, String(conversion.commissionAmount ?? 0),
                                    conversion.approvedAt ?? "",
                                    conversion.reversedAt ?? "",
                                    conversion.reversalAmount.map(String.init) ?? "", conversion.convertedAt,
                                ]))
                    }
                    let approvedBeforeEnd =
                        conversion.approvedAt.flatMap { try? UTCTimestamp.parse($0).get() }.map { $0 < end } ?? true
                    if status == "APPROVED" && accrued[shareKey] == nil {
                        if conversion.time + hold <= end && approvedBeforeEnd {
                            accrued[shareKey] = commission  // P1
                            gross += commission
                            accruedCount += 1
                            writes.append(
                                ledger(
                                    closeId, company, partnerId, currency, period, "ACCRUAL", conversion.id, commission,
                                    basis: basis))
                        } else {
                            inHold += commission  // P6
                        }
                    }
                    if status == "PENDING" || status == "DISPUTED" { pending += commission }
                    if status == "REVERSED", let amount = accrued[shareKey], !clawedBack.contains(shareKey) {
                        // P2: the reversal amount when set (0 counts), else the commission; never more
                        // than accrued. On a model basis the reversal amount splits like the credit.
                        let reversal = conversion.reversalAmount.map {
                            Fraction.roundHalfAwayFromZero(Int128($0) * Int128(share.millionths), 1_000_000)
                        }
                        let clawback = min(reversal ?? commission, amount)
                        reversals += clawback
                        clawbackCount += 1
                        clawedBack.insert(shareKey)
                        writes.append(
                            ledger(
                                closeId, company, partnerId, currency, period, "CLAWBACK", conversion.id, clawback,
                                basis: basis))
                    }
                }
                let carriedIn = carried[key] ?? 0
                let threshold = partner?.payoutThreshold ?? program.minimumPayoutThreshold ?? 0
                let balance = carriedIn + gross - reversals
                let isPaid = partner?.status == "ACTIVE" && balance > 0 && balance >= threshold  // P4
                let idempotencyKey =
                    basis == .production
                    ? "tally:payout:\(company):\(partnerId):\(currency):\(period)"
                    : "tally:payout:\(kind):\(company):\(partnerId):\(currency):\(period)"
                let payoutId = isPaid ? "tpo_" + String(sha256Hex(idempotencyKey).prefix(24)) : nil
                let row = Row(
                    company: company, partner: partnerId, currency: currency, period: period, carriedIn: carriedIn,
                    gross: gross,
                    reversals: reversals, fees: 0, accrued: accruedCount, clawedBack: clawbackCount,
                    threshold: threshold,
                    isPaid: isPaid, payoutId: payoutId, approvedInHold: inHold, pendingOrDisputed: pending)
                guard row.carriedIn + row.net == row.paid + row.carriedOut else {
                    throw ReportError.inconsistentCounts("\(key): carried in + net ≠ paid + carried out")
                }
                rows.append(row)
                writes.append(
                    CloseWrite(
                        table: "tally_affiliate_ledger",
                        values: [
                            ("id", "\(closeId)#\(partnerId)|\(currency)"), ("closeId", closeId), ("companyId", company),
                            ("partnerId", partnerId), ("currency", currency), ("period", "\(period)"),
                            ("kind", "BALANCE"),
                            ("conversionId", nil), ("amountMinor", row.net), ("paidMinor", row.paid),
                            ("carriedOutMinor", row.carriedOut),
                        ]))
                if let payoutId {
                    // P5: what the payout settles, since the partner's last payout.
                    let since = lastPaid[key] ?? ""
                    let settled = try GRDB.Row.fetchAll(
                        db,
                        sql: """
                            SELECT "kind", COUNT(*) AS n, SUM("amountMinor") AS amount FROM "tally_affiliate_ledger"
                            WHERE "companyId" = ? AND "partnerId" = ? AND "currency" = ? AND "period" > ? AND "period" < ?
                                AND "kind" IN ('ACCRUAL', 'CLAWBACK')
                                AND "closeId" IN (SELECT "id" FROM "tally_closes" WHERE "kind" = ?)
                            GROUP BY "kind"
                            """, arguments: [company, partnerId, currency, since, "\(period)", kind])
                    let earlier = Dictionary(
                        uniqueKeysWithValues: settled.map {
                            ($0["kind"] as String, ($0["n"] as Int, $0["amount"] as Int64))
                        })
                    let stamp = UTCTimestamp.format(asOf)
                    writes.append(
                        CloseWrite(
                            table: "affiliate_payouts",
                            values: [
                                ("id", payoutId), ("partnerId", partnerId), ("companyId", company),
                                ("amount", row.balance),
                                ("currency", currency), ("periodStart", bounds.lowerText),
                                ("periodEnd", bounds.upperText),
                                ("grossAmount", gross + (earlier["ACCRUAL"]?.1 ?? 0)), ("fees", Int64(0)),
                                ("netAmount", row.balance),
                                ("conversionsCount", accruedCount + (earlier["ACCRUAL"]?.0 ?? 0)),
                                ("reversalsCount", clawbackCount + (earlier["CLAWBACK"]?.0 ?? 0)),
                                ("reversalsAmount", reversals + (earlier["CLAWBACK"]?.1 ?? 0)), ("status", "PENDING"),
                                ("method", partner?.payoutMethod ?? "PAYPAL"), ("idempotencyKey", idempotencyKey),
                                ("createdAt", stamp), ("updatedAt", stamp),
                            ]))
                }
            }
            return (
                rows,
                ClosePlan(
                    kind: kind, scopeKey: MonthlyCloses.scopeKey(company, period), asOf: asOf, inputs: inputs,
                    writes: writes)
            )
        }
    }

    private static func ledger(
        _ closeId: String, _ company: String, _ partner: String, _ currency: String, _ period: CalendarMonth,
        _ kind: String,
        _ conversion: String, _ amount: Int64, basis: Basis
    ) -> CloseWrite {
        // On a model basis one conversion has a ledger row per partner.
        let id = "\(closeId)#\(kind)#\(conversion)" + (basis == .production ? "" : "|\(partner)")
        return CloseWrite(
            table: "tally_affiliate_ledger",
            values: [
                ("id", id), ("closeId", closeId), ("companyId", company),
                ("partnerId", partner),
                ("currency", currency), ("period", "\(period)"), ("kind", kind), ("conversionId", conversion),
                ("amountMinor", amount), ("paidMinor", nil), ("carriedOutMinor", nil),
            ])
    }

    private static func sha256Hex(_ text: String) -> String {
        Hex.string(SHA256.hash(data: Data(text.utf8)))
    }

    /// Each conversion's model commission per partner (summed over the partner's touchpoints) and its
    /// part of the conversion's credit in millionths; empty on the production basis. Conversions
    /// without a touchpoint pay no partner on a model basis.
    private static func modelShares(company: String, period: CalendarMonth, basis: Basis, on store: Store) throws
        -> [String: [(partner: String, commission: Int64, millionths: Int64)]]
    {
        guard case .model(let options) = basis else { return [:] }
        let scope = ReportScope(companies: [company], to: period.next.firstDay)
        var shares: [String: [String: (commission: Int64, millionths: Int64)]] = [:]
        for row in try AffiliateCreditsReport(scope: scope, options: options).typedRows(on: store) {
            guard let touchpoint = row.touchpoint else { continue }
            let previous = shares[row.conversion.conversionId, default: [:]][touchpoint.partnerId] ?? (0, 0)
            shares[row.conversion.conversionId, default: [:]][touchpoint.partnerId] = (
                previous.commission + touchpoint.commission, previous.millionths + touchpoint.millionths
            )
        }
        return shares.mapValues { partners in
            partners.keys.sorted().map {
                (partner: $0, commission: partners[$0]!.commission, millionths: partners[$0]!.millionths)
            }
        }
    }

    /// Closes `period` for each company (default: every company with affiliate conversions).
    public static func run(
        period: CalendarMonth, asOf: UTCTimestamp.Milliseconds, companies: [String], basis: Basis = .production,
        on store: Store, dryRun: Bool
    ) throws -> [(rows: [Row], plan: ClosePlan, outcome: CloseStage.Outcome)] {
        let targets =
            companies.isEmpty
            ? try store.queue.read { db in
                try String.fetchAll(
                    db, sql: #"SELECT DISTINCT "companyId" FROM "affiliate_conversions" ORDER BY "companyId""#)
            } : companies
        let planned = try targets.map { try plan(company: $0, period: period, asOf: asOf, basis: basis, on: store) }
        let outcomes = try CloseStage.executeAll(planned.map(\.1), on: store, dryRun: dryRun)
        return zip(planned, outcomes).map { ($0.0, $0.1, $1) }
    }
}
