import GRDB
import TallyCore
import TallyReporting

/// The kinds of `tally_affiliate_ledger` rows (docs/AFFILIATE.md, section 6).
enum PayoutLedgerKind: String, StoredEnum {
    /// A share's commission, once, after its hold (P1).
    case accrual = "ACCRUAL"
    /// A reversed share's accrual taken back, once (P2).
    case clawback = "CLAWBACK"
    /// An account's net, paid and carried amounts at one close (P3, P4).
    case balance = "BALANCE"
}

/// What the closes of a company's earlier periods wrote on one basis: the shares accrued and
/// clawed back, each account's carried balance, and its last paid period.
struct PayoutLedger {
    /// Accrued amount per share; a share accrues once.
    var accrued: [ShareKey: Int64] = [:]
    /// Shares already clawed back; a share is clawed back once.
    var clawedBack = Set<ShareKey>()
    /// The balance each account carried out of its latest close.
    var carried: [PayoutAccount: Int64] = [:]
    /// The period of each account's latest payout (`YYYY-MM`).
    var lastPaid: [PayoutAccount: String] = [:]

    /// Reads the ledger of closes of `kind` for `company` before `period`, in period and id order.
    static func read(company: String, before period: CalendarMonth, kind: String, db: Database) throws -> PayoutLedger {
        var ledger = PayoutLedger()
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT * FROM "tally_affiliate_ledger" WHERE "companyId" = ? AND "period" < ?
                    AND "closeId" IN (SELECT "id" FROM "tally_closes" WHERE "kind" = ?)
                ORDER BY "period", "id"
                """, arguments: [company, "\(period)", kind])
        {
            let account = PayoutAccount(partnerId: row["partnerId"], currency: row["currency"])
            let share = ShareKey(conversionId: row["conversionId"] as String? ?? "", partnerId: account.partnerId)
            switch try PayoutLedgerKind.decode(row["kind"], table: "tally_affiliate_ledger", column: "kind") {
            case .accrual: ledger.accrued[share] = row["amountMinor"]
            case .clawback: ledger.clawedBack.insert(share)
            case .balance:
                ledger.carried[account] = row["carriedOutMinor"]
                if (row["paidMinor"] as Int64? ?? 0) > 0 { ledger.lastPaid[account] = row["period"] }
            }
        }
        return ledger
    }

    /// Count and sum of one kind of ledger rows.
    struct Totals {
        var count = 0
        var amount: Int64 = 0
    }

    /// P5: what `account`'s payout at `period` settles from earlier periods — its accruals and
    /// clawbacks since its last payout.
    func settledEarlier(
        _ account: PayoutAccount, company: String, period: CalendarMonth, kind: String, db: Database
    ) throws -> [PayoutLedgerKind: Totals] {
        var totals: [PayoutLedgerKind: Totals] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT "kind", COUNT(*) AS n, SUM("amountMinor") AS amount FROM "tally_affiliate_ledger"
                WHERE "companyId" = ? AND "partnerId" = ? AND "currency" = ? AND "period" > ? AND "period" < ?
                    AND "kind" IN ('ACCRUAL', 'CLAWBACK')
                    AND "closeId" IN (SELECT "id" FROM "tally_closes" WHERE "kind" = ?)
                GROUP BY "kind"
                """,
            arguments: [company, account.partnerId, account.currency, lastPaid[account] ?? "", "\(period)", kind])
        {
            let rowKind = try PayoutLedgerKind.decode(row["kind"], table: "tally_affiliate_ledger", column: "kind")
            totals[rowKind] = Totals(count: row["n"], amount: row["amount"])
        }
        return totals
    }
}
