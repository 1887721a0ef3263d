extension MigrationCatalog {
    static let phase4LeadVariantDiscountTracking = Migration(
        name: "20260131160000_phase4_lead_variant_discount_tracking",
        summary: "variantId on leads; discountCode and discountAmount on funnel_sessions",
        up: [
            .sql(
                """
                ALTER TABLE "leads" ADD COLUMN "variantId" TEXT;
                CREATE INDEX "leads_variantId_idx" ON "leads"("variantId");
                ALTER TABLE "funnel_sessions" ADD COLUMN "discountCode" TEXT;
                ALTER TABLE "funnel_sessions" ADD COLUMN "discountAmount" SCALED_INTEGER(10,2);
                CREATE INDEX "funnel_sessions_discountCode_idx" ON "funnel_sessions"("discountCode");
                """)
        ],
        // The changelog's rollback, in its order.
        down: [
            .sql(
                """
                DROP INDEX "leads_variantId_idx";
                ALTER TABLE "leads" DROP COLUMN "variantId";
                DROP INDEX "funnel_sessions_discountCode_idx";
                ALTER TABLE "funnel_sessions" DROP COLUMN "discountAmount";
                ALTER TABLE "funnel_sessions" DROP COLUMN "discountCode";
                """)
        ])
}
