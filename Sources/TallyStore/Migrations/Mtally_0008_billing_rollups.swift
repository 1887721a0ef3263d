// Billing rollups (docs/BILLING.md, "Rollups"): what a CS AI billing close sums, per company-local
// day, kept by the loader like the report rollups of tally_0007 and marked stale the same way
// (their own state row and triggers, so a usage load does not rebuild the report rollups). A usage
// change records the (company, UTC day) it touches in tally_rollup_billing_dirty, so a later load
// rebuilds those days only; a company change marks the whole family stale.
// tally_close_input_digests records, per close and input table, the count and the order-free
// digest of the inputs a close included, so a later close can tell an unchanged closed period
// from its digests alone instead of looking up every record.
extension MigrationCatalog {
    static let tallyBillingRollups = Migration(
        name: "tally_0008_billing_rollups",
        summary: "tally's own: CS AI usage rollups per company-local day, and per-table input digests of closes",
        up: [
            .sql(
                """
                CREATE TABLE "tally_rollup_billing_state" (
                    "id" INTEGER NOT NULL PRIMARY KEY CHECK ("id" = 1),
                    "rebuiltAtLoadId" INTEGER
                );
                CREATE TABLE "tally_rollup_billing_dirty" (
                    "companyId" TEXT NOT NULL,
                    "utcDay" TEXT NOT NULL,
                    PRIMARY KEY ("companyId", "utcDay")
                ) WITHOUT ROWID;
                CREATE TABLE "tally_rollup_cs_ai_usage_days" (
                    "companyId" TEXT NOT NULL,
                    "localDay" TEXT NOT NULL,
                    "usageType" TEXT NOT NULL,
                    "tier" TEXT NOT NULL,
                    "durationSeconds" INTEGER NOT NULL,
                    "records" INTEGER NOT NULL,
                    "messages" INTEGER NOT NULL,
                    "inputTokens" INTEGER NOT NULL,
                    "outputTokens" INTEGER NOT NULL,
                    PRIMARY KEY ("companyId", "localDay", "usageType", "tier", "durationSeconds")
                ) WITHOUT ROWID;
                CREATE TABLE "tally_rollup_cs_ai_usage_day_digests" (
                    "companyId" TEXT NOT NULL,
                    "localDay" TEXT NOT NULL,
                    "records" INTEGER NOT NULL,
                    "digest" BLOB NOT NULL,
                    PRIMARY KEY ("companyId", "localDay")
                ) WITHOUT ROWID;
                CREATE TABLE "tally_rollup_cs_ai_shared_voice_calls" (
                    "companyId" TEXT NOT NULL,
                    "voiceCallId" TEXT NOT NULL,
                    "id" TEXT NOT NULL,
                    "occurredAt" TIMESTAMP_TEXT NOT NULL,
                    PRIMARY KEY ("companyId", "voiceCallId", "id")
                ) WITHOUT ROWID;
                CREATE TABLE "tally_close_input_digests" (
                    "closeId" TEXT NOT NULL REFERENCES "tally_closes"("id") ON DELETE CASCADE,
                    "tableName" TEXT NOT NULL,
                    "count" INTEGER NOT NULL,
                    "digest" TEXT NOT NULL,
                    PRIMARY KEY ("closeId", "tableName")
                ) WITHOUT ROWID;
                """),
            .sql(RollupTriggers.billing.creates.joined(separator: "\n")),
        ],
        down: [
            .sql(RollupTriggers.billing.drops.joined(separator: "\n")),
            .sql(
                """
                DROP TABLE "tally_close_input_digests";
                DROP TABLE "tally_rollup_cs_ai_shared_voice_calls";
                DROP TABLE "tally_rollup_cs_ai_usage_day_digests";
                DROP TABLE "tally_rollup_cs_ai_usage_days";
                DROP TABLE "tally_rollup_billing_dirty";
                DROP TABLE "tally_rollup_billing_state";
                """),
        ])
}
