import GRDB
import TallyCore
import TallyReporting

/// A conversion as the payout close reads it (`Queries/affiliate/payout-conversions.sql`: the
/// company's non-rejected conversions before the period end).
struct PayoutConversion: FetchableRecord {
    let id: String
    let partnerId: String
    let currency: String
    let status: ConversionStatus
    let commissionAmount: Int64?
    let reversalAmount: Int64?
    let convertedAt: String
    let approvedAt: String?
    let reversedAt: String?

    init(row: GRDB.Row) throws {
        (id, partnerId, currency) = (row["id"], row["partner_id"], row["currency"])
        status = try ConversionStatus.decode(row["status"], table: "affiliate_conversions", column: "status")
        (commissionAmount, reversalAmount) = (row["commission_amount"], row["reversal_amount"])
        (convertedAt, approvedAt, reversedAt) = (row["converted_at"], row["approved_at"], row["reversed_at"])
    }

    private func instant(_ text: String?) -> Int64? { text.flatMap { try? UTCTimestamp.parse($0).get() } }

    /// P0: the status as of `end`, from today's status and its timestamps.
    func status(at end: Int64) -> ConversionStatus {
        if status == .disputed || status == .pending { return status }
        if status == .reversed, let reversed = instant(reversedAt), reversed < end { return .reversed }
        if let approved = instant(approvedAt), approved < end { return .approved }
        return status == .approved && approvedAt == nil ? .approved : .pending
    }

    /// Approved before `end`, or with no approval time (then its status alone says).
    func isApproved(before end: Int64) -> Bool { instant(approvedAt).map { $0 < end } ?? true }

    var time: Int64 { instant(convertedAt) ?? 0 }

    /// The close's input: every field a payout depends on, so a later change is named at a re-close.
    var closeItem: CloseItem {
        CloseItem(
            table: "affiliate_conversions", rowId: id,
            fields: [
                status.rawValue, String(commissionAmount ?? 0), approvedAt ?? "", reversedAt ?? "",
                reversalAmount.map(String.init) ?? "", convertedAt,
            ])
    }
}
