extension MigrationCatalog {
    private static let cartLandingPageColumn =
        #""landingPageId" TEXT CONSTRAINT "carts_landingPageId_fkey" REFERENCES "landing_pages"("id") ON DELETE SET NULL ON UPDATE CASCADE"#

    /// `inventory_holds` as this migration creates it; 20260128013524 rebuilds it and its `down` restores this.
    static let inventoryHoldsBodyWithTextStatus = """
        (
            "id" TEXT NOT NULL,
            "companyId" TEXT NOT NULL,
            "cartId" TEXT NOT NULL,
            "orderId" TEXT,
            "productId" TEXT NOT NULL,
            "variantId" TEXT NOT NULL DEFAULT '',
            "quantity" INTEGER NOT NULL,
            "status" TEXT NOT NULL DEFAULT 'ACTIVE',
            "expiresAt" TIMESTAMP_TEXT NOT NULL,
            "releasedAt" TIMESTAMP_TEXT,
            "convertedAt" TIMESTAMP_TEXT,
            "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT \(SQLText.now),
            "updatedAt" TIMESTAMP_TEXT NOT NULL,
            CONSTRAINT "inventory_holds_pkey" PRIMARY KEY ("id"),
            CONSTRAINT "inventory_holds_cartId_fkey" FOREIGN KEY ("cartId") REFERENCES "carts"("id") ON DELETE CASCADE ON UPDATE CASCADE,
            CONSTRAINT "inventory_holds_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE
        )
        """

    static let addLandingPageCartIntegration = Migration(
        name: "20260102215624_add_landing_page_cart_integration",
        summary: "landing_page_sessions and inventory_holds; landingPageId and sourceType on carts",
        up: [
            .sql(
                """
                ALTER TABLE "carts" ADD COLUMN \(cartLandingPageColumn);
                ALTER TABLE "carts" ADD COLUMN "sourceType" TEXT NOT NULL DEFAULT 'DIRECT' CONSTRAINT "CartSourceType" CHECK ("sourceType" IN ('DIRECT', 'LANDING_PAGE', 'FUNNEL', 'EMAIL'));
                CREATE TABLE "inventory_holds" \(inventoryHoldsBodyWithTextStatus);
                CREATE TABLE "landing_page_sessions" (
                    "id" TEXT NOT NULL,
                    "sessionToken" TEXT NOT NULL,
                    "landingPageId" TEXT NOT NULL,
                    "visitorId" TEXT,
                    "ipAddressHash" TEXT,
                    "userAgent" TEXT,
                    "referrer" TEXT,
                    "deviceType" TEXT,
                    "browser" TEXT,
                    "os" TEXT,
                    "utmSource" TEXT,
                    "utmMedium" TEXT,
                    "utmCampaign" TEXT,
                    "utmTerm" TEXT,
                    "utmContent" TEXT,
                    "cartId" TEXT,
                    "status" TEXT NOT NULL DEFAULT 'ACTIVE' CONSTRAINT "LandingPageSessionStatus" CHECK ("status" IN ('ACTIVE', 'CONVERTED', 'ABANDONED', 'EXPIRED')),
                    "convertedAt" TIMESTAMP_TEXT,
                    "orderId" TEXT,
                    "abandonedAt" TIMESTAMP_TEXT,
                    "startedAt" TIMESTAMP_TEXT NOT NULL DEFAULT \(SQLText.now),
                    "lastActivityAt" TIMESTAMP_TEXT NOT NULL DEFAULT \(SQLText.now),
                    "companyId" TEXT NOT NULL,
                    CONSTRAINT "landing_page_sessions_pkey" PRIMARY KEY ("id"),
                    CONSTRAINT "landing_page_sessions_landingPageId_fkey" FOREIGN KEY ("landingPageId") REFERENCES "landing_pages"("id") ON DELETE CASCADE ON UPDATE CASCADE,
                    CONSTRAINT "landing_page_sessions_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE,
                    CONSTRAINT "landing_page_sessions_cartId_fkey" FOREIGN KEY ("cartId") REFERENCES "carts"("id") ON DELETE SET NULL ON UPDATE CASCADE
                );
                CREATE INDEX "inventory_holds_companyId_status_idx" ON "inventory_holds"("companyId", "status");
                CREATE INDEX "inventory_holds_status_expiresAt_idx" ON "inventory_holds"("status", "expiresAt");
                CREATE INDEX "inventory_holds_productId_variantId_status_idx" ON "inventory_holds"("productId", "variantId", "status");
                CREATE UNIQUE INDEX "inventory_holds_cartId_productId_variantId_key" ON "inventory_holds"("cartId", "productId", "variantId");
                CREATE UNIQUE INDEX "landing_page_sessions_sessionToken_key" ON "landing_page_sessions"("sessionToken");
                CREATE UNIQUE INDEX "landing_page_sessions_cartId_key" ON "landing_page_sessions"("cartId");
                CREATE INDEX "landing_page_sessions_landingPageId_startedAt_idx" ON "landing_page_sessions"("landingPageId", "startedAt");
                CREATE INDEX "landing_page_sessions_landingPageId_status_idx" ON "landing_page_sessions"("landingPageId", "status");
                CREATE INDEX "landing_page_sessions_companyId_startedAt_idx" ON "landing_page_sessions"("companyId", "startedAt");
                CREATE INDEX "landing_page_sessions_companyId_convertedAt_idx" ON "landing_page_sessions"("companyId", "convertedAt");
                CREATE INDEX "landing_page_sessions_status_idx" ON "landing_page_sessions"("status");
                CREATE INDEX "carts_landingPageId_idx" ON "carts"("landingPageId");
                CREATE INDEX "carts_sourceType_companyId_status_idx" ON "carts"("sourceType", "companyId", "status");
                """)
        ],
        down: [
            .sql(
                """
                DROP INDEX "carts_sourceType_companyId_status_idx";
                DROP INDEX "carts_landingPageId_idx";
                DROP TABLE "landing_page_sessions";
                DROP TABLE "inventory_holds";
                ALTER TABLE "carts" DROP COLUMN "sourceType";
                """),
            .removeAddedColumn(table: "carts", name: "landingPageId", definition: cartLandingPageColumn),
        ])
}
