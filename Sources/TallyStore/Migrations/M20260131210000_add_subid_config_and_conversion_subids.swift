// Not in the changelog: SubID configuration on links, custom params on clicks, SubIDs on conversions.
extension MigrationCatalog {
    static let addSubIDConfigAndConversionSubIDs = Migration(
        name: "20260131210000_add_subid_config_and_conversion_subids",
        summary:
            "subIdConfig/customParams on affiliate_links; customParams on clicks; subId1-5 and customParams on conversions",
        up: [
            .sql(
                """
                ALTER TABLE "affiliate_links" ADD COLUMN "subIdConfig" JSON_TEXT;
                ALTER TABLE "affiliate_links" ADD COLUMN "customParams" JSON_TEXT;
                ALTER TABLE "affiliate_clicks" ADD COLUMN "customParams" JSON_TEXT;
                ALTER TABLE "affiliate_conversions" ADD COLUMN "subId1" TEXT;
                ALTER TABLE "affiliate_conversions" ADD COLUMN "subId2" TEXT;
                ALTER TABLE "affiliate_conversions" ADD COLUMN "subId3" TEXT;
                ALTER TABLE "affiliate_conversions" ADD COLUMN "subId4" TEXT;
                ALTER TABLE "affiliate_conversions" ADD COLUMN "subId5" TEXT;
                ALTER TABLE "affiliate_conversions" ADD COLUMN "customParams" JSON_TEXT;
                CREATE INDEX "affiliate_clicks_partnerId_subId1_idx" ON "affiliate_clicks"("partnerId", "subId1");
                CREATE INDEX "affiliate_clicks_partnerId_subId2_idx" ON "affiliate_clicks"("partnerId", "subId2");
                CREATE INDEX "affiliate_clicks_companyId_subId1_clickedAt_idx" ON "affiliate_clicks"("companyId", "subId1", "clickedAt");
                CREATE INDEX "affiliate_clicks_companyId_subId2_clickedAt_idx" ON "affiliate_clicks"("companyId", "subId2", "clickedAt");
                CREATE INDEX "affiliate_conversions_partnerId_subId1_idx" ON "affiliate_conversions"("partnerId", "subId1");
                CREATE INDEX "affiliate_conversions_partnerId_subId2_idx" ON "affiliate_conversions"("partnerId", "subId2");
                CREATE INDEX "affiliate_conversions_companyId_subId1_convertedAt_idx" ON "affiliate_conversions"("companyId", "subId1", "convertedAt");
                CREATE INDEX "affiliate_conversions_companyId_subId2_convertedAt_idx" ON "affiliate_conversions"("companyId", "subId2", "convertedAt");
                """)
        ],
        down: [
            .sql(
                """
                DROP INDEX "affiliate_conversions_companyId_subId2_convertedAt_idx";
                DROP INDEX "affiliate_conversions_companyId_subId1_convertedAt_idx";
                DROP INDEX "affiliate_conversions_partnerId_subId2_idx";
                DROP INDEX "affiliate_conversions_partnerId_subId1_idx";
                DROP INDEX "affiliate_clicks_companyId_subId2_clickedAt_idx";
                DROP INDEX "affiliate_clicks_companyId_subId1_clickedAt_idx";
                DROP INDEX "affiliate_clicks_partnerId_subId2_idx";
                DROP INDEX "affiliate_clicks_partnerId_subId1_idx";
                ALTER TABLE "affiliate_conversions" DROP COLUMN "customParams";
                ALTER TABLE "affiliate_conversions" DROP COLUMN "subId5";
                ALTER TABLE "affiliate_conversions" DROP COLUMN "subId4";
                ALTER TABLE "affiliate_conversions" DROP COLUMN "subId3";
                ALTER TABLE "affiliate_conversions" DROP COLUMN "subId2";
                ALTER TABLE "affiliate_conversions" DROP COLUMN "subId1";
                ALTER TABLE "affiliate_clicks" DROP COLUMN "customParams";
                ALTER TABLE "affiliate_links" DROP COLUMN "customParams";
                ALTER TABLE "affiliate_links" DROP COLUMN "subIdConfig";
                """)
        ])
}
