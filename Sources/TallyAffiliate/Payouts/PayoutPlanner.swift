import TallyCore
import TallyReporting

/// One company's payout close computed share by share and account by account (docs/AFFILIATE.md,
/// section 6): accruals after the hold (P1), clawbacks (P2), what is coming (P6), then per account
/// the balance (P3), the threshold (P4) and the payout (P5, ``PayoutWrites``).
struct PayoutPlanner {
    /// What every ledger row of the close names.
    let close: PayoutWrites.Close
    /// The period end `E`, UTC milliseconds.
    let end: Int64
    /// The program's hold, in milliseconds.
    let hold: Int64
    /// The earlier closes' ledger, updated as this close accrues and claws back.
    var ledger: PayoutLedger
    /// The close's inputs: model credits (on a model basis) and every conversion read once.
    private(set) var inputs: [CloseItem] = []
    /// The close's ledger rows, in the order computed (the close stage orders them by key).
    private(set) var writes: [CloseWrite] = []
    /// A conversion is one input, however many partners share it.
    private var listed = Set<String>()

    init(close: PayoutWrites.Close, end: Int64, holdDays: Int64, ledger: PayoutLedger) throws {
        self.close = close
        self.end = end
        self.hold = try holdDays.multiplied(by: 86_400_000, "the hold of \(holdDays) days in milliseconds")
        self.ledger = ledger
    }

    /// What one account's shares add up to at this close.
    struct Movements {
        var gross: Int64 = 0
        var reversals: Int64 = 0
        var accrued = 0
        var clawedBack = 0
        var approvedInHold: Int64 = 0
        var pendingOrDisputed: Int64 = 0
    }

    /// On a model basis the credits a close was computed from are inputs of their own.
    mutating func recordCredits(_ shares: [PayoutShare]) {
        for share in shares {
            inputs.append(
                CloseItem(
                    table: "affiliate_credits:\(close.kind)", rowId: "\(share.conversion.id)|\(share.partnerId)",
                    fields: [String(share.commission), String(share.millionths)]))
        }
    }

    /// P1, P2 and P6 over one account's shares, in conversion order.
    /// - Throws: ``ArithmeticOverflow`` when an account's sums leave 64 bits (a store edited by hand).
    mutating func movements(of shares: [PayoutShare]) throws -> Movements {
        var moved = Movements()
        for share in shares {
            if listed.insert(share.conversion.id).inserted { inputs.append(share.conversion.closeItem) }
            try take(share, into: &moved)
        }
        return moved
    }

    private mutating func take(_ share: PayoutShare, into moved: inout Movements) throws {
        let conversion = share.conversion
        let status = conversion.status(at: end)
        let what = { (sum: String) in "the \(sum) of partner \(share.partnerId) (\(conversion.currency))" }
        if status == .approved && ledger.accrued[share.key] == nil {
            if try conversion.time.adding(hold, "conversion \(conversion.id)'s hold end") <= end
                && conversion.isApproved(before: end)
            {
                ledger.accrued[share.key] = share.commission  // P1
                moved.gross = try moved.gross.adding(share.commission, what("gross"))
                moved.accrued += 1
                writes.append(close.ledgerItem(.accrual, share: share, amount: share.commission))
            } else {
                // P6
                moved.approvedInHold = try moved.approvedInHold.adding(share.commission, what("approved in hold"))
            }
        }
        if status == .pending || status == .disputed {
            moved.pendingOrDisputed = try moved.pendingOrDisputed.adding(share.commission, what("pending"))
        }
        if status == .reversed, let accrued = ledger.accrued[share.key], !ledger.clawedBack.contains(share.key) {
            // P2: the reversal amount when set (0 counts), else the commission; never more than
            // accrued. On a model basis the reversal amount splits like the credit.
            let reversal = conversion.reversalAmount.map {
                Fraction.roundHalfAwayFromZero(Int128($0) * Int128(share.millionths), 1_000_000)
            }
            let clawback = min(reversal ?? share.commission, accrued)
            moved.reversals = try moved.reversals.adding(clawback, what("reversals"))
            moved.clawedBack += 1
            ledger.clawedBack.insert(share.key)
            writes.append(close.ledgerItem(.clawback, share: share, amount: clawback))
        }
    }

    /// P3–P5: the account's row and its balance row; a payout row when it is paid, with what the
    /// payout settles since the account's last payout (`settled`, read only for a paid account).
    /// - Throws: ``ReportError/inconsistentCounts(_:)`` when the balance does not add up.
    mutating func close(
        _ account: PayoutAccount, _ moved: Movements, partner: AffiliatePartner?, programThreshold: Int64?,
        settled: () throws -> [PayoutLedgerKind: PayoutLedger.Totals]
    ) throws -> AffiliatePayouts.Row {
        let carriedIn = ledger.carried[account] ?? 0
        let threshold = partner?.payoutThreshold ?? programThreshold ?? 0
        let label = "the balance of partner \(account.partnerId) (\(account.currency))"
        let balance = try carriedIn.adding(moved.gross, label).adding(-moved.reversals, label)
        let isPaid = partner?.status == .active && balance > 0 && balance >= threshold  // P4
        let payout = isPaid ? close.payoutKeys(account) : nil
        let row = AffiliatePayouts.Row(
            company: close.company, partner: account.partnerId, currency: account.currency, period: close.period,
            carriedIn: carriedIn, gross: moved.gross, reversals: moved.reversals, fees: 0, accrued: moved.accrued,
            clawedBack: moved.clawedBack, threshold: threshold, isPaid: isPaid, payoutId: payout?.id,
            approvedInHold: moved.approvedInHold, pendingOrDisputed: moved.pendingOrDisputed)
        guard row.carriedIn + row.net == row.paid + row.carriedOut else {
            throw ReportError.inconsistentCounts(
                "\(account.partnerId)|\(account.currency): carried in + net ≠ paid + carried out")
        }
        writes.append(close.balance(row))
        if let payout {
            writes.append(
                close.payout(row, keys: payout, moved: moved, earlier: try settled(), method: partner?.payoutMethod))
        }
        return row
    }
}
