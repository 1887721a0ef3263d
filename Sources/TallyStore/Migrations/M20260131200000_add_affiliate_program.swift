// Affiliate money is DOUBLE PRECISION in production. The store keeps it exact as MONEY_INTEGER:
// integer minor units of the row's currency (the company's when the row has none), converted once
// from the exported text (docs/STORE.md, "Type mapping"). Rates and scores stay REAL: a PostgreSQL double exports as
// its shortest round-trip text, so REAL keeps exactly the exported value.
extension MigrationCatalog {
    static let addAffiliateProgram = Migration(
        name: "20260131200000_add_affiliate_program",
        summary: "affiliate partners, links, clicks, conversions, payouts, creatives, program configs, applications",
        up: [
            .sql(
                """
                CREATE TABLE "affiliate_partners" (
                    "id" TEXT NOT NULL,
                    "companyId" TEXT NOT NULL,
                    "email" TEXT NOT NULL,
                    "firstName" TEXT NOT NULL,
                    "lastName" TEXT NOT NULL,
                    "displayName" TEXT,
                    "phone" TEXT,
                    "website" TEXT,
                    "socialMedia" JSON_TEXT,
                    "affiliateCode" TEXT NOT NULL,
                    "partnershipType" TEXT NOT NULL DEFAULT 'AFFILIATE' CONSTRAINT "PartnershipType" CHECK ("partnershipType" IN ('AFFILIATE', 'AMBASSADOR', 'INFLUENCER', 'RESELLER', 'REFERRAL')),
                    "status" TEXT NOT NULL DEFAULT 'PENDING_APPROVAL' CONSTRAINT "AffiliateStatus" CHECK ("status" IN ('PENDING_APPROVAL', 'ACTIVE', 'SUSPENDED', 'INACTIVE', 'REJECTED', 'TERMINATED')),
                    "tier" TEXT NOT NULL DEFAULT 'BRONZE' CONSTRAINT "AffiliateTier" CHECK ("tier" IN ('BRONZE', 'SILVER', 'GOLD', 'PLATINUM', 'DIAMOND')),
                    "commissionRate" REAL,
                    "commissionFlat" MONEY_INTEGER,
                    "secondTierRate" REAL,
                    "cookieDurationDays" INTEGER,
                    "customTerms" JSON_TEXT,
                    "payoutMethod" TEXT NOT NULL DEFAULT 'PAYPAL' CONSTRAINT "AffiliatePayoutMethod" CHECK ("payoutMethod" IN ('PAYPAL', 'BANK_TRANSFER', 'CHECK', 'CRYPTO', 'STORE_CREDIT')),
                    "payoutThreshold" MONEY_INTEGER NOT NULL DEFAULT 5000,
                    "payoutDetails" JSON_TEXT,
                    "taxId" TEXT,
                    "w9OnFile" BOOLEAN NOT NULL DEFAULT 0,
                    "totalClicks" INTEGER NOT NULL DEFAULT 0,
                    "totalConversions" INTEGER NOT NULL DEFAULT 0,
                    "totalRevenue" MONEY_INTEGER NOT NULL DEFAULT 0,
                    "totalEarnings" MONEY_INTEGER NOT NULL DEFAULT 0,
                    "totalPaid" MONEY_INTEGER NOT NULL DEFAULT 0,
                    "currentBalance" MONEY_INTEGER NOT NULL DEFAULT 0,
                    "conversionRate" REAL NOT NULL DEFAULT 0,
                    "applicationData" JSON_TEXT,
                    "applicationNotes" TEXT,
                    "approvedAt" TIMESTAMP_TEXT,
                    "approvedBy" TEXT,
                    "rejectionReason" TEXT,
                    "lastActivityAt" TIMESTAMP_TEXT,
                    "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT \(SQLText.now),
                    "updatedAt" TIMESTAMP_TEXT NOT NULL,
                    "deletedAt" TIMESTAMP_TEXT,
                    "deletedBy" TEXT,
                    CONSTRAINT "affiliate_partners_pkey" PRIMARY KEY ("id"),
                    CONSTRAINT "affiliate_partners_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE
                );
                CREATE TABLE "affiliate_links" (
                    "id" TEXT NOT NULL,
                    "partnerId" TEXT NOT NULL,
                    "companyId" TEXT NOT NULL,
                    "name" TEXT,
                    "destinationUrl" TEXT NOT NULL,
                    "trackingCode" TEXT NOT NULL,
                    "shortCode" TEXT,
                    "campaign" TEXT,
                    "source" TEXT,
                    "medium" TEXT,
                    "subId1" TEXT,
                    "subId2" TEXT,
                    "subId3" TEXT,
                    "subId4" TEXT,
                    "subId5" TEXT,
                    "isActive" BOOLEAN NOT NULL DEFAULT 1,
                    "expiresAt" TIMESTAMP_TEXT,
                    "maxClicks" INTEGER,
                    "maxConversions" INTEGER,
                    "totalClicks" INTEGER NOT NULL DEFAULT 0,
                    "uniqueClicks" INTEGER NOT NULL DEFAULT 0,
                    "totalConversions" INTEGER NOT NULL DEFAULT 0,
                    "totalRevenue" MONEY_INTEGER NOT NULL DEFAULT 0,
                    "conversionRate" REAL NOT NULL DEFAULT 0,
                    "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT \(SQLText.now),
                    "updatedAt" TIMESTAMP_TEXT NOT NULL,
                    "deletedAt" TIMESTAMP_TEXT,
                    CONSTRAINT "affiliate_links_pkey" PRIMARY KEY ("id"),
                    CONSTRAINT "affiliate_links_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "affiliate_partners"("id") ON DELETE CASCADE ON UPDATE CASCADE,
                    CONSTRAINT "affiliate_links_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE
                );
                CREATE TABLE "affiliate_clicks" (
                    "id" TEXT NOT NULL,
                    "partnerId" TEXT NOT NULL,
                    "linkId" TEXT NOT NULL,
                    "companyId" TEXT NOT NULL,
                    "clickedAt" TIMESTAMP_TEXT NOT NULL DEFAULT \(SQLText.now),
                    "ipAddressHash" TEXT NOT NULL,
                    "userAgent" TEXT,
                    "referrer" TEXT,
                    "deviceType" TEXT,
                    "browser" TEXT,
                    "os" TEXT,
                    "country" TEXT,
                    "region" TEXT,
                    "city" TEXT,
                    "subId1" TEXT,
                    "subId2" TEXT,
                    "subId3" TEXT,
                    "subId4" TEXT,
                    "subId5" TEXT,
                    "status" TEXT NOT NULL DEFAULT 'VALID' CONSTRAINT "ClickStatus" CHECK ("status" IN ('VALID', 'DUPLICATE', 'SUSPICIOUS', 'FRAUD', 'BOT')),
                    "fraudScore" REAL,
                    "fraudReasons" JSON_ARRAY_TEXT,
                    "isUnique" BOOLEAN NOT NULL DEFAULT 1,
                    "visitorId" TEXT,
                    "sessionId" TEXT,
                    "idempotencyKey" TEXT,
                    CONSTRAINT "affiliate_clicks_pkey" PRIMARY KEY ("id"),
                    CONSTRAINT "affiliate_clicks_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "affiliate_partners"("id") ON DELETE CASCADE ON UPDATE CASCADE,
                    CONSTRAINT "affiliate_clicks_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "affiliate_links"("id") ON DELETE CASCADE ON UPDATE CASCADE,
                    CONSTRAINT "affiliate_clicks_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE
                );
                CREATE TABLE "affiliate_conversions" (
                    "id" TEXT NOT NULL,
                    "partnerId" TEXT NOT NULL,
                    "linkId" TEXT,
                    "companyId" TEXT NOT NULL,
                    "clickId" TEXT,
                    "orderId" TEXT,
                    "orderNumber" TEXT,
                    "orderTotal" MONEY_INTEGER NOT NULL,
                    "currency" TEXT NOT NULL DEFAULT 'USD',
                    "commissionRate" REAL NOT NULL,
                    "commissionAmount" MONEY_INTEGER NOT NULL,
                    "secondTierAmount" MONEY_INTEGER NOT NULL DEFAULT 0,
                    "attributionWindow" INTEGER NOT NULL,
                    "isFirstPurchase" BOOLEAN NOT NULL DEFAULT 0,
                    "customerId" TEXT,
                    "status" TEXT NOT NULL DEFAULT 'PENDING' CONSTRAINT "ConversionStatus" CHECK ("status" IN ('PENDING', 'APPROVED', 'REJECTED', 'REVERSED', 'DISPUTED')),
                    "approvedAt" TIMESTAMP_TEXT,
                    "approvedBy" TEXT,
                    "rejectedAt" TIMESTAMP_TEXT,
                    "rejectedBy" TEXT,
                    "rejectReason" TEXT,
                    "reversedAt" TIMESTAMP_TEXT,
                    "reversalReason" TEXT,
                    "reversalAmount" MONEY_INTEGER,
                    "idempotencyKey" TEXT,
                    "convertedAt" TIMESTAMP_TEXT NOT NULL DEFAULT \(SQLText.now),
                    "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT \(SQLText.now),
                    "updatedAt" TIMESTAMP_TEXT NOT NULL,
                    CONSTRAINT "affiliate_conversions_pkey" PRIMARY KEY ("id"),
                    CONSTRAINT "affiliate_conversions_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "affiliate_partners"("id") ON DELETE CASCADE ON UPDATE CASCADE,
                    CONSTRAINT "affiliate_conversions_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "affiliate_links"("id") ON DELETE SET NULL ON UPDATE CASCADE,
                    CONSTRAINT "affiliate_conversions_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE,
                    CONSTRAINT "affiliate_conversions_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "orders"("id") ON DELETE SET NULL ON UPDATE CASCADE,
                    CONSTRAINT "affiliate_conversions_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "customers"("id") ON DELETE SET NULL ON UPDATE CASCADE
                );
                CREATE TABLE "affiliate_payouts" (
                    "id" TEXT NOT NULL,
                    "partnerId" TEXT NOT NULL,
                    "companyId" TEXT NOT NULL,
                    "amount" MONEY_INTEGER NOT NULL,
                    "currency" TEXT NOT NULL DEFAULT 'USD',
                    "method" TEXT NOT NULL CONSTRAINT "AffiliatePayoutMethod" CHECK ("method" IN ('PAYPAL', 'BANK_TRANSFER', 'CHECK', 'CRYPTO', 'STORE_CREDIT')),
                    "status" TEXT NOT NULL DEFAULT 'PENDING' CONSTRAINT "AffiliatePayoutStatus" CHECK ("status" IN ('PENDING', 'PROCESSING', 'COMPLETED', 'FAILED', 'CANCELLED', 'ON_HOLD')),
                    "periodStart" TIMESTAMP_TEXT NOT NULL,
                    "periodEnd" TIMESTAMP_TEXT NOT NULL,
                    "grossAmount" MONEY_INTEGER NOT NULL,
                    "fees" MONEY_INTEGER NOT NULL DEFAULT 0,
                    "netAmount" MONEY_INTEGER NOT NULL,
                    "conversionsCount" INTEGER NOT NULL,
                    "reversalsCount" INTEGER NOT NULL DEFAULT 0,
                    "reversalsAmount" MONEY_INTEGER NOT NULL DEFAULT 0,
                    "transactionId" TEXT,
                    "paymentDetails" JSON_TEXT,
                    "processedAt" TIMESTAMP_TEXT,
                    "failedAt" TIMESTAMP_TEXT,
                    "failReason" TEXT,
                    "invoiceNumber" TEXT,
                    "invoiceUrl" TEXT,
                    "approvedAt" TIMESTAMP_TEXT,
                    "approvedBy" TEXT,
                    "idempotencyKey" TEXT,
                    "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT \(SQLText.now),
                    "updatedAt" TIMESTAMP_TEXT NOT NULL,
                    CONSTRAINT "affiliate_payouts_pkey" PRIMARY KEY ("id"),
                    CONSTRAINT "affiliate_payouts_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "affiliate_partners"("id") ON DELETE CASCADE ON UPDATE CASCADE,
                    CONSTRAINT "affiliate_payouts_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE
                );
                CREATE TABLE "affiliate_creatives" (
                    "id" TEXT NOT NULL,
                    "partnerId" TEXT,
                    "companyId" TEXT NOT NULL,
                    "name" TEXT NOT NULL,
                    "description" TEXT,
                    "type" TEXT NOT NULL,
                    "size" TEXT,
                    "assetUrl" TEXT NOT NULL,
                    "thumbnailUrl" TEXT,
                    "htmlCode" TEXT,
                    "defaultLinkId" TEXT,
                    "impressions" INTEGER NOT NULL DEFAULT 0,
                    "clicks" INTEGER NOT NULL DEFAULT 0,
                    "conversions" INTEGER NOT NULL DEFAULT 0,
                    "isActive" BOOLEAN NOT NULL DEFAULT 1,
                    "expiresAt" TIMESTAMP_TEXT,
                    "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT \(SQLText.now),
                    "updatedAt" TIMESTAMP_TEXT NOT NULL,
                    "deletedAt" TIMESTAMP_TEXT,
                    CONSTRAINT "affiliate_creatives_pkey" PRIMARY KEY ("id"),
                    CONSTRAINT "affiliate_creatives_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "affiliate_partners"("id") ON DELETE CASCADE ON UPDATE CASCADE,
                    CONSTRAINT "affiliate_creatives_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE
                );
                CREATE TABLE "affiliate_program_configs" (
                    "id" TEXT NOT NULL,
                    "companyId" TEXT NOT NULL,
                    "isEnabled" BOOLEAN NOT NULL DEFAULT 0,
                    "programName" TEXT NOT NULL DEFAULT 'Affiliate Program',
                    "programDescription" TEXT,
                    "defaultCommissionRate" REAL NOT NULL DEFAULT 10,
                    "defaultCommissionFlat" MONEY_INTEGER,
                    "defaultSecondTierRate" REAL NOT NULL DEFAULT 5,
                    "defaultCookieDurationDays" INTEGER NOT NULL DEFAULT 30,
                    "tierThresholds" JSON_TEXT NOT NULL DEFAULT '{"silver": 10, "gold": 50, "platinum": 200, "diamond": 1000}',
                    "minimumPayoutThreshold" MONEY_INTEGER NOT NULL DEFAULT 5000,
                    "payoutFrequency" TEXT NOT NULL DEFAULT 'monthly',
                    "automaticPayouts" BOOLEAN NOT NULL DEFAULT 0,
                    "attributionWindowDays" INTEGER NOT NULL DEFAULT 30,
                    "lastClickAttribution" BOOLEAN NOT NULL DEFAULT 1,
                    "deduplicationWindowMins" INTEGER NOT NULL DEFAULT 60,
                    "fraudScoreThreshold" REAL NOT NULL DEFAULT 70,
                    "requireManualApproval" BOOLEAN NOT NULL DEFAULT 1,
                    "holdPeriodDays" INTEGER NOT NULL DEFAULT 30,
                    "termsUrl" TEXT,
                    "privacyUrl" TEXT,
                    "customTerms" TEXT,
                    "requireW9" BOOLEAN NOT NULL DEFAULT 0,
                    "requireTaxId" BOOLEAN NOT NULL DEFAULT 0,
                    "portalLogoUrl" TEXT,
                    "portalTheme" JSON_TEXT,
                    "welcomeMessage" TEXT,
                    "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT \(SQLText.now),
                    "updatedAt" TIMESTAMP_TEXT NOT NULL,
                    CONSTRAINT "affiliate_program_configs_pkey" PRIMARY KEY ("id"),
                    CONSTRAINT "affiliate_program_configs_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE
                );
                CREATE TABLE "affiliate_applications" (
                    "id" TEXT NOT NULL,
                    "companyId" TEXT NOT NULL,
                    "email" TEXT NOT NULL,
                    "firstName" TEXT NOT NULL,
                    "lastName" TEXT NOT NULL,
                    "phone" TEXT,
                    "website" TEXT,
                    "socialMedia" JSON_TEXT,
                    "howDidYouHear" TEXT,
                    "promotionMethods" JSON_ARRAY_TEXT,
                    "estimatedReach" TEXT,
                    "relevantExperience" TEXT,
                    "additionalNotes" TEXT,
                    "status" TEXT NOT NULL DEFAULT 'PENDING_APPROVAL' CONSTRAINT "AffiliateStatus" CHECK ("status" IN ('PENDING_APPROVAL', 'ACTIVE', 'SUSPENDED', 'INACTIVE', 'REJECTED', 'TERMINATED')),
                    "reviewedAt" TIMESTAMP_TEXT,
                    "reviewedBy" TEXT,
                    "reviewNotes" TEXT,
                    "rejectionReason" TEXT,
                    "affiliatePartnerId" TEXT,
                    "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT \(SQLText.now),
                    "updatedAt" TIMESTAMP_TEXT NOT NULL,
                    CONSTRAINT "affiliate_applications_pkey" PRIMARY KEY ("id"),
                    CONSTRAINT "affiliate_applications_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE
                );
                CREATE UNIQUE INDEX "affiliate_partners_affiliateCode_key" ON "affiliate_partners"("affiliateCode");
                CREATE INDEX "affiliate_partners_companyId_status_idx" ON "affiliate_partners"("companyId", "status");
                CREATE INDEX "affiliate_partners_companyId_tier_idx" ON "affiliate_partners"("companyId", "tier");
                CREATE INDEX "affiliate_partners_companyId_partnershipType_idx" ON "affiliate_partners"("companyId", "partnershipType");
                CREATE INDEX "affiliate_partners_status_createdAt_idx" ON "affiliate_partners"("status", "createdAt");
                CREATE INDEX "affiliate_partners_affiliateCode_idx" ON "affiliate_partners"("affiliateCode");
                CREATE INDEX "affiliate_partners_deletedAt_idx" ON "affiliate_partners"("deletedAt");
                CREATE UNIQUE INDEX "affiliate_partners_companyId_email_key" ON "affiliate_partners"("companyId", "email");
                CREATE UNIQUE INDEX "affiliate_partners_companyId_affiliateCode_key" ON "affiliate_partners"("companyId", "affiliateCode");
                CREATE UNIQUE INDEX "affiliate_links_trackingCode_key" ON "affiliate_links"("trackingCode");
                CREATE UNIQUE INDEX "affiliate_links_shortCode_key" ON "affiliate_links"("shortCode");
                CREATE INDEX "affiliate_links_partnerId_isActive_idx" ON "affiliate_links"("partnerId", "isActive");
                CREATE INDEX "affiliate_links_companyId_isActive_idx" ON "affiliate_links"("companyId", "isActive");
                CREATE INDEX "affiliate_links_trackingCode_idx" ON "affiliate_links"("trackingCode");
                CREATE INDEX "affiliate_links_shortCode_idx" ON "affiliate_links"("shortCode");
                CREATE INDEX "affiliate_links_campaign_idx" ON "affiliate_links"("campaign");
                CREATE INDEX "affiliate_links_deletedAt_idx" ON "affiliate_links"("deletedAt");
                CREATE UNIQUE INDEX "affiliate_clicks_idempotencyKey_key" ON "affiliate_clicks"("idempotencyKey");
                CREATE INDEX "affiliate_clicks_partnerId_clickedAt_idx" ON "affiliate_clicks"("partnerId", "clickedAt");
                CREATE INDEX "affiliate_clicks_linkId_clickedAt_idx" ON "affiliate_clicks"("linkId", "clickedAt");
                CREATE INDEX "affiliate_clicks_companyId_clickedAt_idx" ON "affiliate_clicks"("companyId", "clickedAt");
                CREATE INDEX "affiliate_clicks_visitorId_idx" ON "affiliate_clicks"("visitorId");
                CREATE INDEX "affiliate_clicks_ipAddressHash_clickedAt_idx" ON "affiliate_clicks"("ipAddressHash", "clickedAt");
                CREATE INDEX "affiliate_clicks_status_clickedAt_idx" ON "affiliate_clicks"("status", "clickedAt");
                CREATE INDEX "affiliate_clicks_idempotencyKey_idx" ON "affiliate_clicks"("idempotencyKey");
                CREATE UNIQUE INDEX "affiliate_conversions_orderId_key" ON "affiliate_conversions"("orderId");
                CREATE UNIQUE INDEX "affiliate_conversions_idempotencyKey_key" ON "affiliate_conversions"("idempotencyKey");
                CREATE INDEX "affiliate_conversions_partnerId_status_idx" ON "affiliate_conversions"("partnerId", "status");
                CREATE INDEX "affiliate_conversions_partnerId_convertedAt_idx" ON "affiliate_conversions"("partnerId", "convertedAt");
                CREATE INDEX "affiliate_conversions_companyId_status_idx" ON "affiliate_conversions"("companyId", "status");
                CREATE INDEX "affiliate_conversions_companyId_convertedAt_idx" ON "affiliate_conversions"("companyId", "convertedAt");
                CREATE INDEX "affiliate_conversions_orderId_idx" ON "affiliate_conversions"("orderId");
                CREATE INDEX "affiliate_conversions_customerId_idx" ON "affiliate_conversions"("customerId");
                CREATE INDEX "affiliate_conversions_status_convertedAt_idx" ON "affiliate_conversions"("status", "convertedAt");
                CREATE INDEX "affiliate_conversions_idempotencyKey_idx" ON "affiliate_conversions"("idempotencyKey");
                CREATE UNIQUE INDEX "affiliate_payouts_invoiceNumber_key" ON "affiliate_payouts"("invoiceNumber");
                CREATE UNIQUE INDEX "affiliate_payouts_idempotencyKey_key" ON "affiliate_payouts"("idempotencyKey");
                CREATE INDEX "affiliate_payouts_partnerId_status_idx" ON "affiliate_payouts"("partnerId", "status");
                CREATE INDEX "affiliate_payouts_partnerId_periodEnd_idx" ON "affiliate_payouts"("partnerId", "periodEnd");
                CREATE INDEX "affiliate_payouts_companyId_status_idx" ON "affiliate_payouts"("companyId", "status");
                CREATE INDEX "affiliate_payouts_status_createdAt_idx" ON "affiliate_payouts"("status", "createdAt");
                CREATE INDEX "affiliate_payouts_invoiceNumber_idx" ON "affiliate_payouts"("invoiceNumber");
                CREATE INDEX "affiliate_payouts_idempotencyKey_idx" ON "affiliate_payouts"("idempotencyKey");
                CREATE INDEX "affiliate_creatives_companyId_isActive_idx" ON "affiliate_creatives"("companyId", "isActive");
                CREATE INDEX "affiliate_creatives_partnerId_isActive_idx" ON "affiliate_creatives"("partnerId", "isActive");
                CREATE INDEX "affiliate_creatives_type_isActive_idx" ON "affiliate_creatives"("type", "isActive");
                CREATE INDEX "affiliate_creatives_deletedAt_idx" ON "affiliate_creatives"("deletedAt");
                CREATE UNIQUE INDEX "affiliate_program_configs_companyId_key" ON "affiliate_program_configs"("companyId");
                CREATE UNIQUE INDEX "affiliate_applications_affiliatePartnerId_key" ON "affiliate_applications"("affiliatePartnerId");
                CREATE INDEX "affiliate_applications_companyId_status_idx" ON "affiliate_applications"("companyId", "status");
                CREATE INDEX "affiliate_applications_email_idx" ON "affiliate_applications"("email");
                CREATE INDEX "affiliate_applications_status_createdAt_idx" ON "affiliate_applications"("status", "createdAt");
                """)
        ],
        // The changelog's rollback, less DROP TYPE: enums live in each table's CHECK.
        down: [
            .sql(
                """
                DROP TABLE "affiliate_applications";
                DROP TABLE "affiliate_program_configs";
                DROP TABLE "affiliate_creatives";
                DROP TABLE "affiliate_payouts";
                DROP TABLE "affiliate_conversions";
                DROP TABLE "affiliate_clicks";
                DROP TABLE "affiliate_links";
                DROP TABLE "affiliate_partners";
                """)
        ])
}
