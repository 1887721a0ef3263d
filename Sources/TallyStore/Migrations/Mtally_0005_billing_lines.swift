// The invoice lines of every CS AI billing close (docs/BILLING.md, "Close"): what each close billed,
// per source period, so a later close can recompute an earlier period and bill only the difference
// from what was already billed. Written only through the close stage, in the close's transaction.
extension MigrationCatalog {
    static let tallyBillingLines = Migration(
        name: "tally_0005_billing_lines",
        summary: "tally's own: the invoice lines of CS AI billing closes (tally_billing_lines)",
        up: [
            .sql(
                """
                CREATE TABLE "tally_billing_lines" (
                    "id" TEXT NOT NULL PRIMARY KEY,
                    "closeId" TEXT NOT NULL REFERENCES "tally_closes"("id") ON DELETE CASCADE,
                    "position" INTEGER NOT NULL,
                    "companyId" TEXT NOT NULL,
                    "period" TEXT NOT NULL,
                    "sourcePeriod" TEXT NOT NULL,
                    "kind" TEXT NOT NULL,
                    "usageType" TEXT,
                    "meter" TEXT,
                    "quantityBase" INTEGER,
                    "billableBase" INTEGER,
                    "amountMinor" INTEGER NOT NULL,
                    "currency" TEXT NOT NULL,
                    CONSTRAINT "BillingLineKind" CHECK ("kind" IN ('USAGE', 'MINIMUM_TRUE_UP', 'ADJUSTMENT', 'ADJUSTMENT_MINIMUM_TRUE_UP'))
                );
                CREATE INDEX "tally_billing_lines_companyId_sourcePeriod_idx" ON "tally_billing_lines" ("companyId", "sourcePeriod");
                """)
        ],
        down: [
            .sql(
                """
                DROP INDEX "tally_billing_lines_companyId_sourcePeriod_idx";
                DROP TABLE "tally_billing_lines";
                """)
        ])
}
