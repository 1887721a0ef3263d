import GRDB
import TallyCore
import TallyReporting
import TallyStore

extension AffiliatePayouts {
    /// Reopens the company's payout close of `period` (its latest, on whichever basis it was
    /// closed): deletes its ledger rows and PENDING payouts and records the reopening (docs/CLOSES.md,
    /// "Reopening a close"). A payout production has moved past PENDING refuses it.
    /// - Throws: ``CloseError/reopenRefused(closeId:reason:hint:)`` for a settled payout, and the
    ///   stage's refusals.
    public static func reopen(
        company: String, period: CalendarMonth, asOf: UTCTimestamp.Milliseconds, by: String, on store: Store,
        dryRun: Bool
    ) throws -> CloseStage.Reopening {
        let scopeKey = MonthlyCloses.scopeKey(company, period)
        let closedKind = try store.queue.read { db in
            try String.fetchOne(
                db,
                sql: #"SELECT "kind" FROM "tally_closes" WHERE "kind" LIKE 'affiliate-payouts%' AND "scopeKey" = ?"#,
                arguments: [scopeKey])
        }
        return try MonthlyCloses.reopen(
            kind: closedKind ?? kind, company: company, period: period, asOf: asOf, by: by, on: store, dryRun: dryRun
        ) { db, outputs in
            for output in outputs where output.table == "affiliate_payouts" {
                let status = try String.fetchOne(
                    db, sql: #"SELECT "status" FROM "affiliate_payouts" WHERE "id" = ?"#, arguments: [output.rowId])
                if let status, status != "PENDING" {
                    throw CloseError.reopenRefused(
                        closeId: MonthlyCloses.closeId(kind: closedKind ?? kind, company, period),
                        reason: "its payout \(output.rowId) is \(status), no longer PENDING",
                        hint: "a paid payout stays: settle the difference outside tally")
                }
            }
        }
    }
}
