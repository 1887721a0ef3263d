// Not in the changelog: production creates `carts` and `cross_site_sessions` here (docs/STORE.md, "Migrations"),
// and adds storefront columns to `sites`. Its other tables (wishlists, comparisons, cart items) are not mirrored.
extension MigrationCatalog {
    static let addEcommerceModules = Migration(
        name: "20260101140542_add_ecommerce_modules",
        summary: "carts and cross_site_sessions; storefront columns on sites; companies_status_idx",
        up: [
            .sql(
                """
                ALTER TABLE "sites" ADD COLUMN "cartExpirationDays" INTEGER NOT NULL DEFAULT 30;
                ALTER TABLE "sites" ADD COLUMN "checkoutMode" TEXT NOT NULL DEFAULT 'standard';
                ALTER TABLE "sites" ADD COLUMN "enableBundleBuilder" BOOLEAN NOT NULL DEFAULT 0;
                ALTER TABLE "sites" ADD COLUMN "enableCart" BOOLEAN NOT NULL DEFAULT 1;
                ALTER TABLE "sites" ADD COLUMN "enableCompare" BOOLEAN NOT NULL DEFAULT 0;
                ALTER TABLE "sites" ADD COLUMN "enableQuickView" BOOLEAN NOT NULL DEFAULT 1;
                ALTER TABLE "sites" ADD COLUMN "enableWishlist" BOOLEAN NOT NULL DEFAULT 1;
                ALTER TABLE "sites" ADD COLUMN "guestCheckout" BOOLEAN NOT NULL DEFAULT 1;
                ALTER TABLE "sites" ADD COLUMN "maxCompareItems" INTEGER NOT NULL DEFAULT 4;
                ALTER TABLE "sites" ADD COLUMN "type" TEXT NOT NULL DEFAULT 'STOREFRONT' CONSTRAINT "SiteType" CHECK ("type" IN ('STOREFRONT', 'FUNNEL', 'TRIAL', 'MARKETPLACE', 'B2B_PORTAL'));
                CREATE TABLE "carts" (
                    "id" TEXT NOT NULL,
                    "companyId" TEXT NOT NULL,
                    "siteId" TEXT,
                    "customerId" TEXT,
                    "sessionToken" TEXT,
                    "visitorId" TEXT,
                    "status" TEXT NOT NULL DEFAULT 'ACTIVE' CONSTRAINT "CartStatus" CHECK ("status" IN ('ACTIVE', 'CONVERTED', 'ABANDONED', 'MERGED', 'EXPIRED')),
                    "currency" TEXT NOT NULL DEFAULT 'USD',
                    "subtotal" SCALED_INTEGER(12,2) NOT NULL DEFAULT 0,
                    "discountTotal" SCALED_INTEGER(12,2) NOT NULL DEFAULT 0,
                    "taxTotal" SCALED_INTEGER(12,2) NOT NULL DEFAULT 0,
                    "shippingTotal" SCALED_INTEGER(12,2) NOT NULL DEFAULT 0,
                    "grandTotal" SCALED_INTEGER(12,2) NOT NULL DEFAULT 0,
                    "itemCount" INTEGER NOT NULL DEFAULT 0,
                    "discountCodes" JSON_TEXT NOT NULL DEFAULT '[]',
                    "shippingPostalCode" TEXT,
                    "shippingCountry" TEXT,
                    "notes" TEXT,
                    "metadata" JSON_TEXT NOT NULL DEFAULT '{}',
                    "utmSource" TEXT,
                    "utmMedium" TEXT,
                    "utmCampaign" TEXT,
                    "recoveryEmailSent" BOOLEAN NOT NULL DEFAULT 0,
                    "recoveryEmailSentAt" TIMESTAMP_TEXT,
                    "recoveryClicks" INTEGER NOT NULL DEFAULT 0,
                    "mergedIntoCartId" TEXT,
                    "mergedAt" TIMESTAMP_TEXT,
                    "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT \(SQLText.now),
                    "updatedAt" TIMESTAMP_TEXT NOT NULL,
                    "lastActivityAt" TIMESTAMP_TEXT NOT NULL DEFAULT \(SQLText.now),
                    "expiresAt" TIMESTAMP_TEXT,
                    "convertedAt" TIMESTAMP_TEXT,
                    "abandonedAt" TIMESTAMP_TEXT,
                    "orderId" TEXT,
                    CONSTRAINT "carts_pkey" PRIMARY KEY ("id"),
                    CONSTRAINT "carts_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE,
                    CONSTRAINT "carts_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "sites"("id") ON DELETE SET NULL ON UPDATE CASCADE,
                    CONSTRAINT "carts_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "customers"("id") ON DELETE SET NULL ON UPDATE CASCADE
                );
                CREATE TABLE "cross_site_sessions" (
                    "id" TEXT NOT NULL,
                    "companyId" TEXT NOT NULL,
                    "sessionToken" TEXT NOT NULL,
                    "visitorId" TEXT,
                    "customerId" TEXT,
                    "status" TEXT NOT NULL DEFAULT 'ACTIVE' CONSTRAINT "CrossSiteSessionStatus" CHECK ("status" IN ('ACTIVE', 'EXPIRED', 'MERGED', 'REVOKED')),
                    "dataReferences" JSON_TEXT NOT NULL DEFAULT '[]',
                    "deviceInfo" JSON_TEXT,
                    "firstSeenAt" TIMESTAMP_TEXT NOT NULL DEFAULT \(SQLText.now),
                    "lastActiveAt" TIMESTAMP_TEXT NOT NULL DEFAULT \(SQLText.now),
                    "expiresAt" TIMESTAMP_TEXT NOT NULL,
                    "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT \(SQLText.now),
                    "updatedAt" TIMESTAMP_TEXT NOT NULL,
                    CONSTRAINT "cross_site_sessions_pkey" PRIMARY KEY ("id"),
                    CONSTRAINT "cross_site_sessions_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE,
                    CONSTRAINT "cross_site_sessions_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "customers"("id") ON DELETE SET NULL ON UPDATE CASCADE
                );
                CREATE UNIQUE INDEX "carts_sessionToken_key" ON "carts"("sessionToken");
                CREATE UNIQUE INDEX "carts_orderId_key" ON "carts"("orderId");
                CREATE INDEX "carts_companyId_status_idx" ON "carts"("companyId", "status");
                CREATE INDEX "carts_companyId_customerId_idx" ON "carts"("companyId", "customerId");
                CREATE INDEX "carts_sessionToken_idx" ON "carts"("sessionToken");
                CREATE INDEX "carts_visitorId_idx" ON "carts"("visitorId");
                CREATE INDEX "carts_status_expiresAt_idx" ON "carts"("status", "expiresAt");
                CREATE INDEX "carts_companyId_siteId_status_idx" ON "carts"("companyId", "siteId", "status");
                CREATE UNIQUE INDEX "cross_site_sessions_sessionToken_key" ON "cross_site_sessions"("sessionToken");
                CREATE INDEX "cross_site_sessions_companyId_idx" ON "cross_site_sessions"("companyId");
                CREATE INDEX "cross_site_sessions_customerId_idx" ON "cross_site_sessions"("customerId");
                CREATE INDEX "cross_site_sessions_sessionToken_idx" ON "cross_site_sessions"("sessionToken");
                CREATE INDEX "cross_site_sessions_status_idx" ON "cross_site_sessions"("status");
                CREATE INDEX "cross_site_sessions_expiresAt_idx" ON "cross_site_sessions"("expiresAt");
                CREATE INDEX "companies_status_idx" ON "companies"("status");
                """)
        ],
        down: [
            .sql(
                """
                DROP INDEX "companies_status_idx";
                DROP TABLE "cross_site_sessions";
                DROP TABLE "carts";
                ALTER TABLE "sites" DROP COLUMN "type";
                ALTER TABLE "sites" DROP COLUMN "maxCompareItems";
                ALTER TABLE "sites" DROP COLUMN "guestCheckout";
                ALTER TABLE "sites" DROP COLUMN "enableWishlist";
                ALTER TABLE "sites" DROP COLUMN "enableQuickView";
                ALTER TABLE "sites" DROP COLUMN "enableCompare";
                ALTER TABLE "sites" DROP COLUMN "enableCart";
                ALTER TABLE "sites" DROP COLUMN "enableBundleBuilder";
                ALTER TABLE "sites" DROP COLUMN "checkoutMode";
                ALTER TABLE "sites" DROP COLUMN "cartExpirationDays";
                """)
        ])
}
