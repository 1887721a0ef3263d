import Crypto
import Foundation
import TallyCore
import TallyReporting

/// The rows a payout close writes: `tally_affiliate_ledger` items and balances, and
/// `affiliate_payouts` rows (docs/AFFILIATE.md, section 6).
enum PayoutWrites {
    /// One company's close of one period on one basis: what every row it writes names.
    struct Close {
        let company: String
        let period: CalendarMonth
        let basis: AffiliatePayouts.Basis
        /// The period's bounds in the company's time zone (the payout's periodStart and periodEnd).
        let bounds: (lower: String, upper: String)
        let asOf: UTCTimestamp.Milliseconds

        var kind: String { basis.kind }
        var closeId: String { MonthlyCloses.closeId(kind: kind, company, period) }

        /// An ACCRUAL or CLAWBACK of one share.
        func ledgerItem(_ kind: PayoutLedgerKind, share: PayoutShare, amount: Int64) -> CloseWrite {
            // On a model basis one conversion has a ledger row per partner.
            let id =
                "\(closeId)#\(kind.rawValue)#\(share.conversion.id)"
                + (basis == .production ? "" : "|\(share.partnerId)")
            return CloseWrite(
                table: "tally_affiliate_ledger",
                values: [
                    ("id", id), ("closeId", closeId), ("companyId", company), ("partnerId", share.partnerId),
                    ("currency", share.conversion.currency), ("period", "\(period)"), ("kind", kind.rawValue),
                    ("conversionId", share.conversion.id), ("amountMinor", amount), ("paidMinor", nil),
                    ("carriedOutMinor", nil),
                ])
        }

        /// The BALANCE row of an account: net, paid and carried out.
        func balance(_ row: AffiliatePayouts.Row) -> CloseWrite {
            CloseWrite(
                table: "tally_affiliate_ledger",
                values: [
                    ("id", "\(closeId)#\(row.partner)|\(row.currency)"), ("closeId", closeId), ("companyId", company),
                    ("partnerId", row.partner), ("currency", row.currency), ("period", "\(period)"),
                    ("kind", PayoutLedgerKind.balance.rawValue), ("conversionId", nil), ("amountMinor", row.net),
                    ("paidMinor", row.paid), ("carriedOutMinor", row.carriedOut),
                ])
        }

        /// The payout's idempotency key and the id derived from it (stable across re-runs).
        func payoutKeys(_ account: PayoutAccount) -> (id: String, idempotencyKey: String) {
            let scope = "\(company):\(account.partnerId):\(account.currency):\(period)"
            let key = basis == .production ? "tally:payout:\(scope)" : "tally:payout:\(kind):\(scope)"
            return ("tpo_" + String(Hex.string(SHA256.hash(data: Data(key.utf8))).prefix(24)), key)
        }

        /// P5: the `affiliate_payouts` row, settling this close's movements and the earlier ones
        /// since the account's last payout.
        func payout(
            _ row: AffiliatePayouts.Row, keys: (id: String, idempotencyKey: String), moved: PayoutPlanner.Movements,
            earlier: [PayoutLedgerKind: PayoutLedger.Totals], method: String?
        ) -> CloseWrite {
            let stamp = UTCTimestamp.format(asOf)
            let accruals = earlier[.accrual] ?? PayoutLedger.Totals()
            let clawbacks = earlier[.clawback] ?? PayoutLedger.Totals()
            return CloseWrite(
                table: "affiliate_payouts",
                values: [
                    ("id", keys.id), ("partnerId", row.partner), ("companyId", company), ("amount", row.balance),
                    ("currency", row.currency), ("periodStart", bounds.lower), ("periodEnd", bounds.upper),
                    ("grossAmount", moved.gross + accruals.amount), ("fees", Int64(0)), ("netAmount", row.balance),
                    ("conversionsCount", moved.accrued + accruals.count),
                    ("reversalsCount", moved.clawedBack + clawbacks.count),
                    ("reversalsAmount", moved.reversals + clawbacks.amount), ("status", "PENDING"),
                    ("method", method ?? "PAYPAL"), ("idempotencyKey", keys.idempotencyKey), ("createdAt", stamp),
                    ("updatedAt", stamp),
                ])
        }
    }
}
