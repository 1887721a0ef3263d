// The affiliate payout ledger (docs/AFFILIATE.md, "Payouts"): per conversion when it was accrued
// into its partner's balance and when it was clawed back, and per partner and currency the balance
// each monthly close carried out. Written only through the close stage.
extension MigrationCatalog {
    static let tallyAffiliateLedger = Migration(
        name: "tally_0006_affiliate_ledger",
        summary: "tally's own: the affiliate payout ledger (tally_affiliate_ledger)",
        up: [
            .sql(
                """
                CREATE TABLE "tally_affiliate_ledger" (
                    "id" TEXT NOT NULL PRIMARY KEY,
                    "closeId" TEXT NOT NULL REFERENCES "tally_closes"("id") ON DELETE CASCADE,
                    "companyId" TEXT NOT NULL,
                    "partnerId" TEXT NOT NULL,
                    "currency" TEXT NOT NULL,
                    "period" TEXT NOT NULL,
                    "kind" TEXT NOT NULL,
                    "conversionId" TEXT,
                    "amountMinor" INTEGER NOT NULL,
                    "paidMinor" INTEGER,
                    "carriedOutMinor" INTEGER,
                    CONSTRAINT "AffiliateLedgerKind" CHECK ("kind" IN ('ACCRUAL', 'CLAWBACK', 'BALANCE'))
                );
                CREATE INDEX "tally_affiliate_ledger_partner_idx" ON "tally_affiliate_ledger" ("companyId", "partnerId", "currency", "period");
                """)
        ],
        down: [
            .sql(
                """
                DROP INDEX "tally_affiliate_ledger_partner_idx";
                DROP TABLE "tally_affiliate_ledger";
                """)
        ])
}
