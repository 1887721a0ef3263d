// Report rollups (docs/ROLLUPS.md): additive aggregates at the grain the reports filter on — a
// company-local day — rebuilt by the loader inside the load's transaction, read by the reports in
// place of the base tables. tally_rollup_state holds one row while the rollups match the base
// tables; triggers on every base table a rollup reads delete it on any change, by tally or anyone
// else (the sqlite3 shell). A report reads rollups only while the row is there, so a rollup can be
// behind the data but never silently wrong. A new store has no row: stale until the first load.
extension MigrationCatalog {
    static let tallyRollups = Migration(
        name: "tally_0007_rollups",
        summary: "tally's own: report rollups per company-local day, and the triggers that mark them stale",
        up: [
            .sql(
                """
                CREATE TABLE "tally_rollup_state" (
                    "id" INTEGER NOT NULL PRIMARY KEY CHECK ("id" = 1),
                    "rebuiltAtLoadId" INTEGER
                );
                CREATE TABLE "tally_rollup_variant_days" (
                    "companyId" TEXT NOT NULL,
                    "funnelId" TEXT NOT NULL,
                    "variantId" TEXT NOT NULL,
                    "localDay" TEXT NOT NULL,
                    "sessions" INTEGER NOT NULL,
                    "leads" INTEGER NOT NULL,
                    "conversions" INTEGER NOT NULL,
                    "revenueHundredths" INTEGER,
                    PRIMARY KEY ("funnelId", "localDay", "variantId")
                ) WITHOUT ROWID;
                CREATE TABLE "tally_rollup_lead_days" (
                    "companyId" TEXT NOT NULL,
                    "funnelId" TEXT NOT NULL,
                    "variantId" TEXT NOT NULL,
                    "localDay" TEXT NOT NULL,
                    "leads" INTEGER NOT NULL,
                    "converted" INTEGER NOT NULL,
                    PRIMARY KEY ("funnelId", "localDay", "variantId")
                ) WITHOUT ROWID;
                CREATE TABLE "tally_rollup_code_session_days" (
                    "companyId" TEXT NOT NULL,
                    "funnelId" TEXT NOT NULL,
                    "code" TEXT NOT NULL,
                    "currency" TEXT NOT NULL,
                    "localDay" TEXT NOT NULL,
                    "sessions" INTEGER NOT NULL,
                    "completed" INTEGER NOT NULL,
                    "firstUse" TEXT NOT NULL,
                    "lastUse" TEXT NOT NULL,
                    PRIMARY KEY ("funnelId", "localDay", "code", "currency")
                ) WITHOUT ROWID;
                CREATE TABLE "tally_rollup_code_order_days" (
                    "companyId" TEXT NOT NULL,
                    "currency" TEXT NOT NULL,
                    "code" TEXT NOT NULL,
                    "localDay" TEXT NOT NULL,
                    "orders" INTEGER NOT NULL,
                    "grossHundredths" INTEGER,
                    "discountsHundredths" INTEGER,
                    "returnsHundredths" INTEGER,
                    "shippingHundredths" INTEGER,
                    "taxesHundredths" INTEGER,
                    "inconsistentOrders" INTEGER NOT NULL,
                    "firstUse" TEXT NOT NULL,
                    "lastUse" TEXT NOT NULL,
                    PRIMARY KEY ("companyId", "localDay", "code", "currency")
                ) WITHOUT ROWID;
                CREATE TABLE "tally_rollup_code_spellings" (
                    "companyId" TEXT NOT NULL,
                    "side" TEXT NOT NULL,
                    "funnelId" TEXT NOT NULL,
                    "code" TEXT NOT NULL,
                    "rawCode" TEXT NOT NULL,
                    "localDay" TEXT NOT NULL,
                    CONSTRAINT "RollupSpellingSide" CHECK ("side" IN ('SESSION', 'ORDER')),
                    PRIMARY KEY ("companyId", "side", "localDay", "funnelId", "code", "rawCode")
                ) WITHOUT ROWID;
                """),
            .sql(RollupTriggers.reports.creates.joined(separator: "\n")),
        ],
        down: [
            .sql(RollupTriggers.reports.drops.joined(separator: "\n")),
            .sql(
                """
                DROP TABLE "tally_rollup_code_spellings";
                DROP TABLE "tally_rollup_code_order_days";
                DROP TABLE "tally_rollup_code_session_days";
                DROP TABLE "tally_rollup_lead_days";
                DROP TABLE "tally_rollup_variant_days";
                DROP TABLE "tally_rollup_state";
                """),
        ])
}
