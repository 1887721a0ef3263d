// tally's tiered CS AI pricing (docs/STORE.md, "tally's own tables"): one row per tier,
// versioned by "effectiveFrom". It is the one tally table users load like an export
// (OwnTables.loadable), keyed by "id" like every export; the natural key is unique as well, so a
// second row for the same tier is refused rather than silently kept. Cross-row rules (contiguous
// tiers, increasing bounds, one mode per component) are checked when pricing is read.
extension MigrationCatalog {
    static let tallyCSAIPriceTiers = Migration(
        name: "tally_0004_cs_ai_price_tiers",
        summary: "tally's own: the loadable tiered pricing table tally_cs_ai_price_tiers",
        up: [
            .sql(
                """
                CREATE TABLE "tally_cs_ai_price_tiers" (
                    "id" TEXT NOT NULL PRIMARY KEY,
                    "organizationId" TEXT NOT NULL REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE,
                    "effectiveFrom" TIMESTAMP_TEXT NOT NULL,
                    "currency" TEXT NOT NULL,
                    "minimumMonthlyFeeMinor" INTEGER NOT NULL DEFAULT 0,
                    "roundingMode" TEXT NOT NULL DEFAULT 'HALF_UP',
                    "usageType" TEXT NOT NULL,
                    "meter" TEXT NOT NULL,
                    "unit" TEXT,
                    "pricingUnitBase" INTEGER NOT NULL DEFAULT 1,
                    "perRecordIncrementSeconds" INTEGER NOT NULL DEFAULT 1,
                    "perRecordMinimumSeconds" INTEGER NOT NULL DEFAULT 0,
                    "periodRounding" TEXT NOT NULL DEFAULT 'EXACT',
                    "includedUnits" INTEGER NOT NULL DEFAULT 0,
                    "tierMode" TEXT NOT NULL,
                    "tierIndex" INTEGER NOT NULL,
                    "upToUnits" INTEGER,
                    "unitPriceMicros" INTEGER NOT NULL,
                    "flatFeeMinor" INTEGER NOT NULL DEFAULT 0,
                    CONSTRAINT "PriceTierRoundingMode" CHECK ("roundingMode" IN ('HALF_UP')),
                    CONSTRAINT "CSAIUsageType" CHECK ("usageType" IN ('VOICE_CALL', 'CHAT_SESSION', 'EMAIL_SUPPORT', 'SMS_SUPPORT')),
                    CONSTRAINT "PriceTierMeter" CHECK ("meter" IN ('CALL_SECONDS', 'RECORD_COUNT', 'MESSAGE_COUNT', 'INPUT_TOKENS', 'OUTPUT_TOKENS')),
                    CONSTRAINT "PriceTierPeriodRounding" CHECK ("periodRounding" IN ('EXACT')),
                    CONSTRAINT "PriceTierMode" CHECK ("tierMode" IN ('GRADUATED', 'VOLUME'))
                );
                CREATE UNIQUE INDEX "tally_cs_ai_price_tiers_tier_key" ON "tally_cs_ai_price_tiers"
                    ("organizationId", "effectiveFrom", "usageType", "meter", "tierIndex");
                """)
        ],
        down: [
            .sql(
                """
                DROP INDEX "tally_cs_ai_price_tiers_tier_key";
                DROP TABLE "tally_cs_ai_price_tiers";
                """)
        ])
}
