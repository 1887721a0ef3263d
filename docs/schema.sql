-- trigger tally_affiliate_rollups_stale_affiliate_clicks_delete
CREATE TRIGGER "tally_affiliate_rollups_stale_affiliate_clicks_delete" AFTER DELETE ON "affiliate_clicks" BEGIN INSERT OR IGNORE INTO "tally_rollup_affiliate_dirty" ("visitorId") VALUES (COALESCE(OLD."visitorId", '')); END;

-- trigger tally_affiliate_rollups_stale_affiliate_clicks_insert
CREATE TRIGGER "tally_affiliate_rollups_stale_affiliate_clicks_insert" AFTER INSERT ON "affiliate_clicks" BEGIN INSERT OR IGNORE INTO "tally_rollup_affiliate_dirty" ("visitorId") VALUES (COALESCE(NEW."visitorId", '')); END;

-- trigger tally_affiliate_rollups_stale_affiliate_clicks_update
CREATE TRIGGER "tally_affiliate_rollups_stale_affiliate_clicks_update" AFTER UPDATE ON "affiliate_clicks" BEGIN INSERT OR IGNORE INTO "tally_rollup_affiliate_dirty" ("visitorId") VALUES (COALESCE(OLD."visitorId", '')); INSERT OR IGNORE INTO "tally_rollup_affiliate_dirty" ("visitorId") VALUES (COALESCE(NEW."visitorId", '')); END;

-- trigger tally_affiliate_rollups_stale_affiliate_program_configs_delete
CREATE TRIGGER "tally_affiliate_rollups_stale_affiliate_program_configs_delete" AFTER DELETE ON "affiliate_program_configs" BEGIN DELETE FROM "tally_rollup_affiliate_state"; END;

-- trigger tally_affiliate_rollups_stale_affiliate_program_configs_insert
CREATE TRIGGER "tally_affiliate_rollups_stale_affiliate_program_configs_insert" AFTER INSERT ON "affiliate_program_configs" BEGIN DELETE FROM "tally_rollup_affiliate_state"; END;

-- trigger tally_affiliate_rollups_stale_affiliate_program_configs_update
CREATE TRIGGER "tally_affiliate_rollups_stale_affiliate_program_configs_update" AFTER UPDATE ON "affiliate_program_configs" BEGIN DELETE FROM "tally_rollup_affiliate_state"; END;

-- trigger tally_billing_rollups_stale_companies_delete
CREATE TRIGGER "tally_billing_rollups_stale_companies_delete" AFTER DELETE ON "companies" BEGIN DELETE FROM "tally_rollup_billing_state"; END;

-- trigger tally_billing_rollups_stale_companies_insert
CREATE TRIGGER "tally_billing_rollups_stale_companies_insert" AFTER INSERT ON "companies" BEGIN DELETE FROM "tally_rollup_billing_state"; END;

-- trigger tally_billing_rollups_stale_companies_update
CREATE TRIGGER "tally_billing_rollups_stale_companies_update" AFTER UPDATE ON "companies" BEGIN DELETE FROM "tally_rollup_billing_state"; END;

-- trigger tally_billing_rollups_stale_cs_ai_usage_delete
CREATE TRIGGER "tally_billing_rollups_stale_cs_ai_usage_delete" AFTER DELETE ON "cs_ai_usage" BEGIN INSERT OR IGNORE INTO "tally_rollup_billing_dirty" ("companyId", "utcDay") VALUES (OLD."companyId", COALESCE(substr(OLD."occurredAt", 1, 10), '')); END;

-- trigger tally_billing_rollups_stale_cs_ai_usage_insert
CREATE TRIGGER "tally_billing_rollups_stale_cs_ai_usage_insert" AFTER INSERT ON "cs_ai_usage" BEGIN INSERT OR IGNORE INTO "tally_rollup_billing_dirty" ("companyId", "utcDay") VALUES (NEW."companyId", COALESCE(substr(NEW."occurredAt", 1, 10), '')); END;

-- trigger tally_billing_rollups_stale_cs_ai_usage_update
CREATE TRIGGER "tally_billing_rollups_stale_cs_ai_usage_update" AFTER UPDATE ON "cs_ai_usage" BEGIN INSERT OR IGNORE INTO "tally_rollup_billing_dirty" ("companyId", "utcDay") VALUES (OLD."companyId", COALESCE(substr(OLD."occurredAt", 1, 10), '')); INSERT OR IGNORE INTO "tally_rollup_billing_dirty" ("companyId", "utcDay") VALUES (NEW."companyId", COALESCE(substr(NEW."occurredAt", 1, 10), '')); END;

-- trigger tally_rollups_stale_companies_delete
CREATE TRIGGER "tally_rollups_stale_companies_delete" AFTER DELETE ON "companies" BEGIN DELETE FROM "tally_rollup_state"; END;

-- trigger tally_rollups_stale_companies_insert
CREATE TRIGGER "tally_rollups_stale_companies_insert" AFTER INSERT ON "companies" BEGIN DELETE FROM "tally_rollup_state"; END;

-- trigger tally_rollups_stale_companies_update
CREATE TRIGGER "tally_rollups_stale_companies_update" AFTER UPDATE ON "companies" BEGIN DELETE FROM "tally_rollup_state"; END;

-- trigger tally_rollups_stale_funnel_sessions_delete
CREATE TRIGGER "tally_rollups_stale_funnel_sessions_delete" AFTER DELETE ON "funnel_sessions" BEGIN DELETE FROM "tally_rollup_state"; END;

-- trigger tally_rollups_stale_funnel_sessions_insert
CREATE TRIGGER "tally_rollups_stale_funnel_sessions_insert" AFTER INSERT ON "funnel_sessions" BEGIN DELETE FROM "tally_rollup_state"; END;

-- trigger tally_rollups_stale_funnel_sessions_update
CREATE TRIGGER "tally_rollups_stale_funnel_sessions_update" AFTER UPDATE ON "funnel_sessions" BEGIN DELETE FROM "tally_rollup_state"; END;

-- trigger tally_rollups_stale_funnel_variants_delete
CREATE TRIGGER "tally_rollups_stale_funnel_variants_delete" AFTER DELETE ON "funnel_variants" BEGIN DELETE FROM "tally_rollup_state"; END;

-- trigger tally_rollups_stale_funnel_variants_insert
CREATE TRIGGER "tally_rollups_stale_funnel_variants_insert" AFTER INSERT ON "funnel_variants" BEGIN DELETE FROM "tally_rollup_state"; END;

-- trigger tally_rollups_stale_funnel_variants_update
CREATE TRIGGER "tally_rollups_stale_funnel_variants_update" AFTER UPDATE ON "funnel_variants" BEGIN DELETE FROM "tally_rollup_state"; END;

-- trigger tally_rollups_stale_funnels_delete
CREATE TRIGGER "tally_rollups_stale_funnels_delete" AFTER DELETE ON "funnels" BEGIN DELETE FROM "tally_rollup_state"; END;

-- trigger tally_rollups_stale_funnels_insert
CREATE TRIGGER "tally_rollups_stale_funnels_insert" AFTER INSERT ON "funnels" BEGIN DELETE FROM "tally_rollup_state"; END;

-- trigger tally_rollups_stale_funnels_update
CREATE TRIGGER "tally_rollups_stale_funnels_update" AFTER UPDATE ON "funnels" BEGIN DELETE FROM "tally_rollup_state"; END;

-- trigger tally_rollups_stale_leads_delete
CREATE TRIGGER "tally_rollups_stale_leads_delete" AFTER DELETE ON "leads" BEGIN DELETE FROM "tally_rollup_state"; END;

-- trigger tally_rollups_stale_leads_insert
CREATE TRIGGER "tally_rollups_stale_leads_insert" AFTER INSERT ON "leads" BEGIN DELETE FROM "tally_rollup_state"; END;

-- trigger tally_rollups_stale_leads_update
CREATE TRIGGER "tally_rollups_stale_leads_update" AFTER UPDATE ON "leads" BEGIN DELETE FROM "tally_rollup_state"; END;

-- trigger tally_rollups_stale_orders_delete
CREATE TRIGGER "tally_rollups_stale_orders_delete" AFTER DELETE ON "orders" BEGIN DELETE FROM "tally_rollup_state"; END;

-- trigger tally_rollups_stale_orders_insert
CREATE TRIGGER "tally_rollups_stale_orders_insert" AFTER INSERT ON "orders" BEGIN DELETE FROM "tally_rollup_state"; END;

-- trigger tally_rollups_stale_orders_update
CREATE TRIGGER "tally_rollups_stale_orders_update" AFTER UPDATE ON "orders" BEGIN DELETE FROM "tally_rollup_state"; END;

-- trigger tally_rollups_stale_refunds_delete
CREATE TRIGGER "tally_rollups_stale_refunds_delete" AFTER DELETE ON "refunds" BEGIN DELETE FROM "tally_rollup_state"; END;

-- trigger tally_rollups_stale_refunds_insert
CREATE TRIGGER "tally_rollups_stale_refunds_insert" AFTER INSERT ON "refunds" BEGIN DELETE FROM "tally_rollup_state"; END;

-- trigger tally_rollups_stale_refunds_update
CREATE TRIGGER "tally_rollups_stale_refunds_update" AFTER UPDATE ON "refunds" BEGIN DELETE FROM "tally_rollup_state"; END;

-- table affiliate_applications
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
    "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    "updatedAt" TIMESTAMP_TEXT NOT NULL,
    CONSTRAINT "affiliate_applications_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "affiliate_applications_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- table affiliate_click_queue
CREATE TABLE "affiliate_click_queue" (
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "linkId" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "ipAddress" VARCHAR(45) NOT NULL,
    "userAgent" TEXT,
    "referrer" TEXT,
    "queuedAt" TIMESTAMP_TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    "subId1" VARCHAR(100),
    "subId2" VARCHAR(100),
    "subId3" VARCHAR(100),
    "subId4" VARCHAR(100),
    "subId5" VARCHAR(100),
    "customParams" JSON_TEXT,
    "status" TEXT NOT NULL DEFAULT 'PENDING' CONSTRAINT "ClickQueueStatus" CHECK ("status" IN ('PENDING', 'PROCESSING', 'COMPLETED', 'FAILED', 'DUPLICATE')),
    "processedAt" TIMESTAMP_TEXT,
    "errorMessage" TEXT,
    "retryCount" INTEGER NOT NULL DEFAULT 0,
    "ipAddressHash" TEXT,
    "deviceType" TEXT,
    "browser" TEXT,
    "os" TEXT,
    "isUnique" BOOLEAN,
    "fraudScore" REAL,
    "fraudReasons" JSON_ARRAY_TEXT,
    "visitorId" TEXT,
    "idempotencyKey" TEXT,
    CONSTRAINT "affiliate_click_queue_pkey" PRIMARY KEY ("id")
);

-- table affiliate_clicks
CREATE TABLE "affiliate_clicks" (
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "linkId" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "clickedAt" TIMESTAMP_TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
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
    "idempotencyKey" TEXT, "customParams" JSON_TEXT,
    CONSTRAINT "affiliate_clicks_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "affiliate_clicks_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "affiliate_partners"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "affiliate_clicks_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "affiliate_links"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "affiliate_clicks_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- table affiliate_conversions
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
    "convertedAt" TIMESTAMP_TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    "updatedAt" TIMESTAMP_TEXT NOT NULL, "subId1" TEXT, "subId2" TEXT, "subId3" TEXT, "subId4" TEXT, "subId5" TEXT, "customParams" JSON_TEXT,
    CONSTRAINT "affiliate_conversions_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "affiliate_conversions_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "affiliate_partners"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "affiliate_conversions_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "affiliate_links"("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "affiliate_conversions_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "affiliate_conversions_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "orders"("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "affiliate_conversions_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "customers"("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- table affiliate_creatives
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
    "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    "updatedAt" TIMESTAMP_TEXT NOT NULL,
    "deletedAt" TIMESTAMP_TEXT,
    CONSTRAINT "affiliate_creatives_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "affiliate_creatives_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "affiliate_partners"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "affiliate_creatives_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- table affiliate_links
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
    "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    "updatedAt" TIMESTAMP_TEXT NOT NULL,
    "deletedAt" TIMESTAMP_TEXT, "subIdConfig" JSON_TEXT, "customParams" JSON_TEXT,
    CONSTRAINT "affiliate_links_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "affiliate_links_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "affiliate_partners"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "affiliate_links_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- table affiliate_partners
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
    "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    "updatedAt" TIMESTAMP_TEXT NOT NULL,
    "deletedAt" TIMESTAMP_TEXT,
    "deletedBy" TEXT,
    CONSTRAINT "affiliate_partners_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "affiliate_partners_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- table affiliate_payouts
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
    "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    "updatedAt" TIMESTAMP_TEXT NOT NULL,
    CONSTRAINT "affiliate_payouts_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "affiliate_payouts_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "affiliate_partners"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "affiliate_payouts_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- table affiliate_program_configs
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
    "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    "updatedAt" TIMESTAMP_TEXT NOT NULL, "defaultFallbackUrl" TEXT,
    CONSTRAINT "affiliate_program_configs_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "affiliate_program_configs_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- table carts
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
    "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    "updatedAt" TIMESTAMP_TEXT NOT NULL,
    "lastActivityAt" TIMESTAMP_TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    "expiresAt" TIMESTAMP_TEXT,
    "convertedAt" TIMESTAMP_TEXT,
    "abandonedAt" TIMESTAMP_TEXT,
    "orderId" TEXT, "landingPageId" TEXT CONSTRAINT "carts_landingPageId_fkey" REFERENCES "landing_pages"("id") ON DELETE SET NULL ON UPDATE CASCADE, "sourceType" TEXT NOT NULL DEFAULT 'DIRECT' CONSTRAINT "CartSourceType" CHECK ("sourceType" IN ('DIRECT', 'LANDING_PAGE', 'FUNNEL', 'EMAIL')),
    CONSTRAINT "carts_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "carts_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "carts_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "sites"("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "carts_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "customers"("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- table clients
CREATE TABLE "clients" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "code" TEXT,
    "contactName" TEXT,
    "contactEmail" TEXT,
    "contactPhone" TEXT,
    "settings" JSON_TEXT NOT NULL DEFAULT '{}',
    "plan" TEXT NOT NULL DEFAULT 'BASIC' CONSTRAINT "ClientPlan" CHECK ("plan" IN ('FOUNDERS', 'BASIC', 'STANDARD', 'PREMIUM', 'ENTERPRISE')),
    "status" TEXT NOT NULL DEFAULT 'ACTIVE' CONSTRAINT "EntityStatus" CHECK ("status" IN ('ACTIVE', 'INACTIVE', 'SUSPENDED', 'DELETED')),
    "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    "updatedAt" TIMESTAMP_TEXT NOT NULL,
    "deletedAt" TIMESTAMP_TEXT,
    "deletedBy" TEXT,
    "cascadeId" TEXT,
    CONSTRAINT "clients_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "clients_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- table companies
CREATE TABLE "companies" (
    "id" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "code" TEXT,
    "domain" TEXT,
    "logo" TEXT,
    "timezone" TEXT NOT NULL DEFAULT 'UTC',
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "settings" JSON_TEXT NOT NULL DEFAULT '{}',
    "paymentConfig" JSON_TEXT NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL DEFAULT 'ACTIVE' CONSTRAINT "EntityStatus" CHECK ("status" IN ('ACTIVE', 'INACTIVE', 'SUSPENDED', 'DELETED')),
    "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    "updatedAt" TIMESTAMP_TEXT NOT NULL,
    "deletedAt" TIMESTAMP_TEXT,
    "deletedBy" TEXT,
    "cascadeId" TEXT,
    CONSTRAINT "companies_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "companies_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- table cross_site_sessions
CREATE TABLE "cross_site_sessions" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "sessionToken" TEXT NOT NULL,
    "visitorId" TEXT,
    "customerId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'ACTIVE' CONSTRAINT "CrossSiteSessionStatus" CHECK ("status" IN ('ACTIVE', 'EXPIRED', 'MERGED', 'REVOKED')),
    "dataReferences" JSON_TEXT NOT NULL DEFAULT '[]',
    "deviceInfo" JSON_TEXT,
    "firstSeenAt" TIMESTAMP_TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    "lastActiveAt" TIMESTAMP_TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    "expiresAt" TIMESTAMP_TEXT NOT NULL,
    "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    "updatedAt" TIMESTAMP_TEXT NOT NULL,
    CONSTRAINT "cross_site_sessions_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "cross_site_sessions_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "cross_site_sessions_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "customers"("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- table cs_ai_pricing
CREATE TABLE "cs_ai_pricing" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "voicePerMinuteCents" INTEGER NOT NULL DEFAULT 50,
    "chatPerMessageCents" INTEGER NOT NULL DEFAULT 5,
    "chatPerSessionCents" INTEGER NOT NULL DEFAULT 100,
    "inputTokenPrice" INTEGER NOT NULL DEFAULT 3,
    "outputTokenPrice" INTEGER NOT NULL DEFAULT 15,
    "aiRepMultiplier" REAL NOT NULL DEFAULT 1.0,
    "aiManagerMultiplier" REAL NOT NULL DEFAULT 1.5,
    "humanAgentMultiplier" REAL NOT NULL DEFAULT 3.0,
    "monthlyMinutesAllowance" INTEGER NOT NULL DEFAULT 100,
    "monthlyMessagesAllowance" INTEGER NOT NULL DEFAULT 500,
    "overageVoicePerMinuteCents" INTEGER NOT NULL DEFAULT 75,
    "overageChatPerMessageCents" INTEGER NOT NULL DEFAULT 8,
    "csAIEnabled" BOOLEAN NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    "updatedAt" TIMESTAMP_TEXT NOT NULL,
    CONSTRAINT "cs_ai_pricing_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "cs_ai_pricing_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- table cs_ai_usage
CREATE TABLE "cs_ai_usage" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "csSessionId" TEXT,
    "voiceCallId" TEXT,
    "usageType" TEXT NOT NULL CONSTRAINT "CSAIUsageType" CHECK ("usageType" IN ('VOICE_CALL', 'CHAT_SESSION', 'EMAIL_SUPPORT', 'SMS_SUPPORT')),
    "tier" TEXT NOT NULL CONSTRAINT "CSTier" CHECK ("tier" IN ('AI_REP', 'AI_MANAGER', 'HUMAN_AGENT')),
    "channel" TEXT NOT NULL,
    "durationSeconds" INTEGER,
    "messageCount" INTEGER NOT NULL DEFAULT 0,
    "aiMessageCount" INTEGER NOT NULL DEFAULT 0,
    "inputTokens" INTEGER NOT NULL DEFAULT 0,
    "outputTokens" INTEGER NOT NULL DEFAULT 0,
    "twilioMinutes" SCALED_INTEGER(10,4),
    "twilioCostCents" INTEGER,
    "baseCost" INTEGER NOT NULL DEFAULT 0,
    "markupCost" INTEGER NOT NULL DEFAULT 0,
    "totalCost" INTEGER NOT NULL DEFAULT 0,
    "billingPeriod" TEXT,
    "invoiced" BOOLEAN NOT NULL DEFAULT 0,
    "invoicedAt" TIMESTAMP_TEXT,
    "invoiceId" TEXT,
    "metadata" JSON_TEXT,
    "occurredAt" TIMESTAMP_TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT "cs_ai_usage_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "cs_ai_usage_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "cs_ai_usage_csSessionId_fkey" FOREIGN KEY ("csSessionId") REFERENCES "cs_sessions"("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "cs_ai_usage_voiceCallId_fkey" FOREIGN KEY ("voiceCallId") REFERENCES "voice_calls"("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- table cs_ai_usage_summary
CREATE TABLE "cs_ai_usage_summary" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "periodStart" TIMESTAMP_TEXT NOT NULL,
    "periodEnd" TIMESTAMP_TEXT NOT NULL,
    "totalVoiceMinutes" SCALED_INTEGER(10,2) NOT NULL DEFAULT 0,
    "totalVoiceCalls" INTEGER NOT NULL DEFAULT 0,
    "voiceCostCents" INTEGER NOT NULL DEFAULT 0,
    "totalChatSessions" INTEGER NOT NULL DEFAULT 0,
    "totalChatMessages" INTEGER NOT NULL DEFAULT 0,
    "chatCostCents" INTEGER NOT NULL DEFAULT 0,
    "totalInputTokens" INTEGER NOT NULL DEFAULT 0,
    "totalOutputTokens" INTEGER NOT NULL DEFAULT 0,
    "aiTokenCostCents" INTEGER NOT NULL DEFAULT 0,
    "aiRepMinutes" SCALED_INTEGER(10,2) NOT NULL DEFAULT 0,
    "aiManagerMinutes" SCALED_INTEGER(10,2) NOT NULL DEFAULT 0,
    "humanAgentMinutes" SCALED_INTEGER(10,2) NOT NULL DEFAULT 0,
    "totalBaseCost" INTEGER NOT NULL DEFAULT 0,
    "totalMarkupCost" INTEGER NOT NULL DEFAULT 0,
    "totalCost" INTEGER NOT NULL DEFAULT 0,
    "allowanceUsedMinutes" INTEGER NOT NULL DEFAULT 0,
    "allowanceUsedMessages" INTEGER NOT NULL DEFAULT 0,
    "overageMinutes" INTEGER NOT NULL DEFAULT 0,
    "overageMessages" INTEGER NOT NULL DEFAULT 0,
    "invoiced" BOOLEAN NOT NULL DEFAULT 0,
    "invoicedAt" TIMESTAMP_TEXT,
    "invoiceId" TEXT,
    "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    "updatedAt" TIMESTAMP_TEXT NOT NULL,
    CONSTRAINT "cs_ai_usage_summary_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "cs_ai_usage_summary_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- table cs_sessions
CREATE TABLE "cs_sessions" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "currentTier" TEXT NOT NULL DEFAULT 'AI_REP' CONSTRAINT "CSTier" CHECK ("currentTier" IN ('AI_REP', 'AI_MANAGER', 'HUMAN_AGENT')),
    "status" TEXT NOT NULL DEFAULT 'ACTIVE' CONSTRAINT "CSSessionStatus" CHECK ("status" IN ('ACTIVE', 'WAITING_CUSTOMER', 'ESCALATED', 'RESOLVED', 'ABANDONED')),
    "issueCategory" TEXT,
    "issueSummary" TEXT,
    "customerSentiment" TEXT NOT NULL DEFAULT 'NEUTRAL',
    "sentimentHistory" JSON_TEXT NOT NULL DEFAULT '[]',
    "escalationHistory" JSON_TEXT NOT NULL DEFAULT '[]',
    "context" JSON_TEXT NOT NULL DEFAULT '{}',
    "resolutionType" TEXT,
    "resolutionSummary" TEXT,
    "resolutionActions" JSON_TEXT,
    "customerSatisfaction" INTEGER,
    "followUpRequired" BOOLEAN NOT NULL DEFAULT 0,
    "followUpDate" TIMESTAMP_TEXT,
    "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    "updatedAt" TIMESTAMP_TEXT NOT NULL,
    "resolvedAt" TIMESTAMP_TEXT,
    CONSTRAINT "cs_sessions_pkey" PRIMARY KEY ("id")
);

-- table customers
CREATE TABLE "customers" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "firstName" TEXT,
    "lastName" TEXT,
    "phone" TEXT,
    "metadata" JSON_TEXT NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL DEFAULT 'ACTIVE' CONSTRAINT "CustomerStatus" CHECK ("status" IN ('ACTIVE', 'INACTIVE', 'BLOCKED')),
    "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    "updatedAt" TIMESTAMP_TEXT NOT NULL,
    "deletedAt" TIMESTAMP_TEXT,
    "deletedBy" TEXT,
    "cascadeId" TEXT,
    CONSTRAINT "customers_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "customers_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- table field_mapping_profiles
CREATE TABLE "field_mapping_profiles" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "mappings" JSON_TEXT NOT NULL,
    "isDefault" BOOLEAN NOT NULL DEFAULT 0,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    "updatedAt" TIMESTAMP_TEXT NOT NULL,
    CONSTRAINT "field_mapping_profiles_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "field_mapping_profiles_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- table funnel_ab_test_results
CREATE TABLE "funnel_ab_test_results" (
    "id" TEXT NOT NULL,
    "testId" TEXT NOT NULL,
    "variantId" TEXT NOT NULL,
    "sessions" INTEGER NOT NULL,
    "conversions" INTEGER NOT NULL,
    "conversionRate" SCALED_INTEGER(5,4) NOT NULL,
    "revenue" SCALED_INTEGER(15,2) NOT NULL,
    "avgOrderValue" SCALED_INTEGER(15,2) NOT NULL,
    "confidenceLevel" SCALED_INTEGER(5,4) NOT NULL,
    "improvementOverControl" SCALED_INTEGER(6,4),
    "isStatisticallySignificant" BOOLEAN NOT NULL DEFAULT 0,
    "calculatedAt" TIMESTAMP_TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT "funnel_ab_test_results_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "funnel_ab_test_results_testId_fkey" FOREIGN KEY ("testId") REFERENCES "funnel_ab_tests"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "funnel_ab_test_results_variantId_fkey" FOREIGN KEY ("variantId") REFERENCES "funnel_variants"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- table funnel_ab_tests
CREATE TABLE "funnel_ab_tests" (
    "id" TEXT NOT NULL,
    "funnelId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "hypothesis" TEXT,
    "winnerSelectionMode" TEXT NOT NULL DEFAULT 'MANUAL' CONSTRAINT "WinnerSelectionMode" CHECK ("winnerSelectionMode" IN ('MANUAL', 'AUTO_PAUSE_LOSERS', 'AUTO_WITH_APPROVAL')),
    "minimumSessions" INTEGER NOT NULL DEFAULT 100,
    "confidenceThreshold" SCALED_INTEGER(3,2) NOT NULL DEFAULT 95,
    "autoPauseLosers" BOOLEAN NOT NULL DEFAULT 0,
    "autoSelectWinner" BOOLEAN NOT NULL DEFAULT 0,
    "requireApproval" BOOLEAN NOT NULL DEFAULT 1,
    "status" TEXT NOT NULL DEFAULT 'DRAFT' CONSTRAINT "FunnelABTestStatus" CHECK ("status" IN ('DRAFT', 'RUNNING', 'PAUSED', 'COMPLETED', 'CANCELLED')),
    "winnerId" TEXT,
    "startedAt" TIMESTAMP_TEXT,
    "endedAt" TIMESTAMP_TEXT,
    "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    "updatedAt" TIMESTAMP_TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    CONSTRAINT "funnel_ab_tests_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "funnel_ab_tests_funnelId_fkey" FOREIGN KEY ("funnelId") REFERENCES "funnels"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- table funnel_sessions
CREATE TABLE "funnel_sessions" (
    "id" TEXT NOT NULL,
    "funnelId" TEXT NOT NULL,
    "sessionToken" TEXT NOT NULL,
    "variantId" TEXT,
    "leadId" TEXT,
    "currentStageOrder" INTEGER NOT NULL DEFAULT 0,
    "completedStages" JSON_NUMBER_ARRAY_TEXT DEFAULT '[]',
    "status" TEXT NOT NULL DEFAULT 'ACTIVE' CONSTRAINT "FunnelSessionStatus" CHECK ("status" IN ('ACTIVE', 'COMPLETED', 'ABANDONED', 'EXPIRED')),
    "selectedProducts" JSON_TEXT NOT NULL DEFAULT '[]',
    "customerInfo" JSON_TEXT NOT NULL DEFAULT '{}',
    "shippingAddress" JSON_TEXT,
    "billingAddress" JSON_TEXT,
    "customFields" JSON_TEXT NOT NULL DEFAULT '{}',
    "entryUrl" TEXT,
    "utmSource" TEXT,
    "utmMedium" TEXT,
    "utmCampaign" TEXT,
    "utmTerm" TEXT,
    "utmContent" TEXT,
    "referrer" TEXT,
    "userAgent" TEXT,
    "ipAddress" TEXT,
    "deviceType" TEXT,
    "browser" TEXT,
    "os" TEXT,
    "orderId" TEXT,
    "totalAmount" SCALED_INTEGER(15,2),
    "currency" TEXT,
    "startedAt" TIMESTAMP_TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    "lastActivityAt" TIMESTAMP_TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    "completedAt" TIMESTAMP_TEXT,
    "abandonedAt" TIMESTAMP_TEXT, "cartId" TEXT CONSTRAINT "funnel_sessions_cartId_fkey" REFERENCES "carts"("id") ON DELETE SET NULL ON UPDATE CASCADE, "checkoutBehavior" JSON_TEXT, "csSessionId" TEXT CONSTRAINT "funnel_sessions_csSessionId_fkey" REFERENCES "cs_sessions"("id") ON DELETE SET NULL ON UPDATE CASCADE, "privacyAcceptedAt" TIMESTAMP_TEXT, "termsAcceptedAt" TIMESTAMP_TEXT, "discountCode" TEXT, "discountAmount" SCALED_INTEGER(10,2),
    CONSTRAINT "funnel_sessions_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "funnel_sessions_funnelId_fkey" FOREIGN KEY ("funnelId") REFERENCES "funnels"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "funnel_sessions_variantId_fkey" FOREIGN KEY ("variantId") REFERENCES "funnel_variants"("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "funnel_sessions_leadId_fkey" FOREIGN KEY ("leadId") REFERENCES "leads"("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- table funnel_variants
CREATE TABLE "funnel_variants" (
    "id" TEXT NOT NULL,
    "funnelId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "isControl" BOOLEAN NOT NULL DEFAULT 0,
    "trafficWeight" INTEGER NOT NULL DEFAULT 50,
    "stageOverrides" JSON_TEXT,
    "status" TEXT NOT NULL DEFAULT 'ACTIVE' CONSTRAINT "FunnelVariantStatus" CHECK ("status" IN ('ACTIVE', 'PAUSED', 'WINNER', 'LOSER')),
    "totalSessions" INTEGER NOT NULL DEFAULT 0,
    "conversions" INTEGER NOT NULL DEFAULT 0,
    "revenue" SCALED_INTEGER(15,2) NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    "updatedAt" TIMESTAMP_TEXT NOT NULL,
    CONSTRAINT "funnel_variants_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "funnel_variants_funnelId_fkey" FOREIGN KEY ("funnelId") REFERENCES "funnels"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- table funnels
CREATE TABLE "funnels" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "shortId" TEXT NOT NULL,
    "description" TEXT,
    "type" TEXT NOT NULL CONSTRAINT "FunnelType" CHECK ("type" IN ('DIRECT_CHECKOUT', 'PRODUCT_CHECKOUT', 'LANDING_CHECKOUT', 'FULL_FUNNEL')),
    "status" TEXT NOT NULL DEFAULT 'DRAFT' CONSTRAINT "FunnelStatus" CHECK ("status" IN ('DRAFT', 'PUBLISHED', 'ARCHIVED')),
    "settings" JSON_TEXT NOT NULL DEFAULT '{}',
    "activeTestId" TEXT,
    "totalVisits" INTEGER NOT NULL DEFAULT 0,
    "totalConversions" INTEGER NOT NULL DEFAULT 0,
    "publishedAt" TIMESTAMP_TEXT,
    "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    "updatedAt" TIMESTAMP_TEXT NOT NULL,
    "createdBy" TEXT NOT NULL, "siteId" TEXT CONSTRAINT "funnels_siteId_fkey" REFERENCES "sites"("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "funnels_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "funnels_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- table inventory_holds
CREATE TABLE "inventory_holds" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "cartId" TEXT NOT NULL,
    "orderId" TEXT,
    "productId" TEXT NOT NULL,
    "variantId" TEXT NOT NULL DEFAULT '',
    "quantity" INTEGER NOT NULL,
    "expiresAt" TIMESTAMP_TEXT NOT NULL,
    "releasedAt" TIMESTAMP_TEXT,
    "convertedAt" TIMESTAMP_TEXT,
    "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    "updatedAt" TIMESTAMP_TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'ACTIVE' CONSTRAINT "InventoryHoldStatus" CHECK ("status" IN ('ACTIVE', 'RELEASED', 'CONVERTED', 'EXPIRED')),
    CONSTRAINT "inventory_holds_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "inventory_holds_cartId_fkey" FOREIGN KEY ("cartId") REFERENCES "carts"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "inventory_holds_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "inventory_holds_productId_fkey" FOREIGN KEY ("productId") REFERENCES "products"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- table landing_page_sessions
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
    "startedAt" TIMESTAMP_TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    "lastActivityAt" TIMESTAMP_TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    "companyId" TEXT NOT NULL,
    CONSTRAINT "landing_page_sessions_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "landing_page_sessions_landingPageId_fkey" FOREIGN KEY ("landingPageId") REFERENCES "landing_pages"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "landing_page_sessions_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "landing_page_sessions_cartId_fkey" FOREIGN KEY ("cartId") REFERENCES "carts"("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- table landing_pages
CREATE TABLE "landing_pages" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "subdomain" TEXT,
    "theme" TEXT NOT NULL DEFAULT 'STARTER' CONSTRAINT "LandingPageTheme" CHECK ("theme" IN ('STARTER', 'ARTISAN', 'VELOCITY', 'LUXE', 'WELLNESS', 'FOODIE', 'PROFESSIONAL', 'CREATOR', 'MARKETPLACE')),
    "colorScheme" JSON_TEXT NOT NULL DEFAULT '{}',
    "typography" JSON_TEXT NOT NULL DEFAULT '{}',
    "favicon" TEXT,
    "ogImage" TEXT,
    "customCss" TEXT,
    "customJs" TEXT,
    "metaTitle" TEXT,
    "metaDescription" TEXT,
    "keywords" JSON_ARRAY_TEXT,
    "googleAnalyticsId" TEXT,
    "facebookPixelId" TEXT,
    "hostingType" TEXT NOT NULL DEFAULT 'PLATFORM' CONSTRAINT "LandingPageHosting" CHECK ("hostingType" IN ('PLATFORM', 'CLIENT')),
    "platformDistributionId" TEXT,
    "platformUrl" TEXT,
    "platformS3Path" TEXT,
    "clientBucketName" TEXT,
    "clientDistributionId" TEXT,
    "clientUrl" TEXT,
    "status" TEXT NOT NULL DEFAULT 'DRAFT' CONSTRAINT "LandingPageStatus" CHECK ("status" IN ('DRAFT', 'PUBLISHED', 'ARCHIVED')),
    "publishedAt" TIMESTAMP_TEXT,
    "publishedBy" TEXT,
    "lastDeployedAt" TIMESTAMP_TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "billingEnabled" BOOLEAN NOT NULL DEFAULT 1,
    "monthlyFee" INTEGER NOT NULL DEFAULT 0,
    "totalPageViews" INTEGER NOT NULL DEFAULT 0,
    "totalBandwidthMb" INTEGER NOT NULL DEFAULT 0,
    "totalDeploys" INTEGER NOT NULL DEFAULT 0,
    "lastPageViewAt" TIMESTAMP_TEXT,
    "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    "updatedAt" TIMESTAMP_TEXT NOT NULL,
    "deletedAt" TIMESTAMP_TEXT,
    "deletedBy" TEXT, "siteId" TEXT CONSTRAINT "landing_pages_siteId_fkey" REFERENCES "sites"("id") ON DELETE SET NULL ON UPDATE CASCADE, "cartTheme" JSON_TEXT NOT NULL DEFAULT '{}', "productCatalog" JSON_TEXT NOT NULL DEFAULT '{}',
    CONSTRAINT "landing_pages_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "landing_pages_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- table leads
CREATE TABLE "leads" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "email" TEXT,
    "emailVerified" BOOLEAN NOT NULL DEFAULT 0,
    "phone" TEXT,
    "phoneVerified" BOOLEAN NOT NULL DEFAULT 0,
    "firstName" TEXT,
    "lastName" TEXT,
    "source" TEXT NOT NULL DEFAULT 'FUNNEL' CONSTRAINT "LeadSource" CHECK ("source" IN ('FUNNEL', 'LANDING_PAGE', 'CHECKOUT_ABANDON', 'FORM', 'IMPORT', 'API', 'MANUAL')),
    "sourceId" TEXT,
    "sourceName" TEXT,
    "utmSource" TEXT,
    "utmMedium" TEXT,
    "utmCampaign" TEXT,
    "utmTerm" TEXT,
    "utmContent" TEXT,
    "referrer" TEXT,
    "landingPage" TEXT,
    "deviceType" TEXT,
    "browser" TEXT,
    "os" TEXT,
    "ipAddress" TEXT,
    "geoCountry" TEXT,
    "geoRegion" TEXT,
    "geoCity" TEXT,
    "funnelId" TEXT,
    "highestStage" INTEGER NOT NULL DEFAULT 0,
    "lastStageName" TEXT,
    "abandonStage" INTEGER,
    "abandonReason" TEXT,
    "capturedFields" JSON_TEXT NOT NULL DEFAULT '{}',
    "fieldCaptureLog" JSON_TEXT NOT NULL DEFAULT '[]',
    "totalSessions" INTEGER NOT NULL DEFAULT 0,
    "totalPageViews" INTEGER NOT NULL DEFAULT 0,
    "totalTimeOnSite" INTEGER NOT NULL DEFAULT 0,
    "engagementScore" REAL NOT NULL DEFAULT 0,
    "intentScore" REAL NOT NULL DEFAULT 0,
    "estimatedValue" SCALED_INTEGER(10,2) NOT NULL DEFAULT 0,
    "cartValue" SCALED_INTEGER(10,2) NOT NULL DEFAULT 0,
    "cartItems" JSON_TEXT NOT NULL DEFAULT '[]',
    "status" TEXT NOT NULL DEFAULT 'ANONYMOUS' CONSTRAINT "LeadStatus" CHECK ("status" IN ('ANONYMOUS', 'IDENTIFIED', 'QUALIFIED', 'CONVERTED', 'ABANDONED', 'NURTURING', 'DISQUALIFIED')),
    "qualifiedAt" TIMESTAMP_TEXT,
    "qualifiedReason" TEXT,
    "convertedAt" TIMESTAMP_TEXT,
    "customerId" TEXT,
    "conversionOrderId" TEXT,
    "lastContactedAt" TIMESTAMP_TEXT,
    "contactCount" INTEGER NOT NULL DEFAULT 0,
    "optedOut" BOOLEAN NOT NULL DEFAULT 0,
    "optedOutAt" TIMESTAMP_TEXT,
    "firstSeenAt" TIMESTAMP_TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    "lastSeenAt" TIMESTAMP_TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    "updatedAt" TIMESTAMP_TEXT NOT NULL,
    "deletedAt" TIMESTAMP_TEXT,
    "deletedBy" TEXT, "variantId" TEXT,
    CONSTRAINT "leads_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "leads_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "leads_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "customers"("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- table orders
CREATE TABLE "orders" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "subscriptionId" TEXT,
    "billingAccountId" TEXT,
    "orderNumber" TEXT NOT NULL,
    "externalId" TEXT,
    "type" TEXT NOT NULL DEFAULT 'ONE_TIME' CONSTRAINT "OrderType" CHECK ("type" IN ('ONE_TIME', 'SUBSCRIPTION', 'GIFT', 'REPLACEMENT', 'SAMPLE')),
    "status" TEXT NOT NULL DEFAULT 'PENDING' CONSTRAINT "OrderStatus" CHECK ("status" IN ('PENDING', 'CONFIRMED', 'PROCESSING', 'PARTIALLY_SHIPPED', 'SHIPPED', 'DELIVERED', 'COMPLETED', 'CANCELED', 'REFUNDED')),
    "shippingSnapshot" JSON_TEXT NOT NULL,
    "shippingAddressId" TEXT,
    "billingSnapshot" JSON_TEXT NOT NULL,
    "billingAddressId" TEXT,
    "addressLockedAt" TIMESTAMP_TEXT,
    "addressLockedBy" TEXT,
    "subtotal" SCALED_INTEGER(10,2) NOT NULL,
    "discountAmount" SCALED_INTEGER(10,2) NOT NULL DEFAULT 0,
    "discountCode" TEXT,
    "shippingAmount" SCALED_INTEGER(10,2) NOT NULL DEFAULT 0,
    "taxAmount" SCALED_INTEGER(10,2) NOT NULL DEFAULT 0,
    "total" SCALED_INTEGER(10,2) NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "paymentStatus" TEXT NOT NULL DEFAULT 'PENDING' CONSTRAINT "PaymentStatus" CHECK ("paymentStatus" IN ('PENDING', 'AUTHORIZED', 'PAID', 'PARTIALLY_REFUNDED', 'REFUNDED', 'FAILED', 'VOIDED')),
    "paidAt" TIMESTAMP_TEXT,
    "paymentMethod" TEXT,
    "paymentVaultId" TEXT,
    "paymentSnapshot" JSON_TEXT,
    "fulfillmentStatus" TEXT NOT NULL DEFAULT 'UNFULFILLED' CONSTRAINT "FulfillmentStatus" CHECK ("fulfillmentStatus" IN ('UNFULFILLED', 'PARTIALLY_FULFILLED', 'FULFILLED', 'RETURNED')),
    "fulfilledAt" TIMESTAMP_TEXT,
    "customerNotes" TEXT,
    "internalNotes" TEXT,
    "metadata" JSON_TEXT NOT NULL DEFAULT '{}',
    "environment" TEXT NOT NULL DEFAULT 'production',
    "continuitySessionId" TEXT,
    "frictionLevel" TEXT,
    "momentumScore" INTEGER,
    "orderedAt" TIMESTAMP_TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    "confirmedAt" TIMESTAMP_TEXT,
    "canceledAt" TIMESTAMP_TEXT,
    "cancelReason" TEXT,
    "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    "updatedAt" TIMESTAMP_TEXT NOT NULL,
    "deletedAt" TIMESTAMP_TEXT,
    "deletedBy" TEXT,
    "cascadeId" TEXT,
    CONSTRAINT "orders_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "orders_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "orders_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- table organizations
CREATE TABLE "organizations" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "domain" TEXT,
    "logo" TEXT,
    "settings" JSON_TEXT NOT NULL DEFAULT '{}',
    "billingEmail" TEXT,
    "billingPlan" TEXT NOT NULL DEFAULT 'STARTER' CONSTRAINT "BillingPlan" CHECK ("billingPlan" IN ('STARTER', 'PROFESSIONAL', 'ENTERPRISE', 'CUSTOM')),
    "billingStatus" TEXT NOT NULL DEFAULT 'ACTIVE' CONSTRAINT "BillingStatus" CHECK ("billingStatus" IN ('ACTIVE', 'PAST_DUE', 'CANCELED', 'SUSPENDED')),
    "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    "updatedAt" TIMESTAMP_TEXT NOT NULL,
    CONSTRAINT "organizations_pkey" PRIMARY KEY ("id")
);

-- table product_images
CREATE TABLE "product_images" (
    "id" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "s3Key" TEXT NOT NULL,
    "cdnUrl" TEXT NOT NULL,
    "originalUrl" TEXT,
    "importSource" TEXT,
    "filename" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "width" INTEGER,
    "height" INTEGER,
    "thumbnailSmall" TEXT,
    "thumbnailMedium" TEXT,
    "thumbnailLarge" TEXT,
    "thumbnailBytes" INTEGER NOT NULL DEFAULT 0,
    "position" INTEGER NOT NULL DEFAULT 0,
    "isPrimary" BOOLEAN NOT NULL DEFAULT 0,
    "altText" TEXT,
    "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    "updatedAt" TIMESTAMP_TEXT NOT NULL,
    CONSTRAINT "product_images_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "product_images_productId_fkey" FOREIGN KEY ("productId") REFERENCES "products"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "product_images_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- table product_import_jobs
CREATE TABLE "product_import_jobs" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "integrationId" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING' CONSTRAINT "ImportJobStatus" CHECK ("status" IN ('PENDING', 'IN_PROGRESS', 'COMPLETED', 'FAILED', 'CANCELLED')),
    "phase" TEXT NOT NULL DEFAULT 'QUEUED' CONSTRAINT "ImportJobPhase" CHECK ("phase" IN ('QUEUED', 'FETCHING', 'MAPPING', 'CREATING', 'DOWNLOADING_IMAGES', 'UPLOADING_IMAGES', 'GENERATING_THUMBNAILS', 'FINALIZING', 'DONE')),
    "totalProducts" INTEGER NOT NULL,
    "totalImages" INTEGER NOT NULL DEFAULT 0,
    "processedProducts" INTEGER NOT NULL DEFAULT 0,
    "processedImages" INTEGER NOT NULL DEFAULT 0,
    "importedCount" INTEGER NOT NULL DEFAULT 0,
    "skippedCount" INTEGER NOT NULL DEFAULT 0,
    "errorCount" INTEGER NOT NULL DEFAULT 0,
    "progress" INTEGER NOT NULL DEFAULT 0,
    "currentItem" TEXT,
    "estimatedSecondsRemaining" INTEGER,
    "config" JSON_TEXT NOT NULL,
    "errorLog" JSON_TEXT,
    "importedIds" JSON_ARRAY_TEXT,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    "startedAt" TIMESTAMP_TEXT,
    "completedAt" TIMESTAMP_TEXT,
    CONSTRAINT "product_import_jobs_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "product_import_jobs_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- table products
CREATE TABLE "products" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "sku" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "description" TEXT,
    "weight" SCALED_INTEGER(10,2),
    "weightUnit" TEXT NOT NULL DEFAULT 'oz',
    "price" SCALED_INTEGER(10,2) NOT NULL,
    "compareAtPrice" SCALED_INTEGER(10,2),
    "costPrice" SCALED_INTEGER(10,2),
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "isSubscribable" BOOLEAN NOT NULL DEFAULT 1,
    "subscriptionDiscount" SCALED_INTEGER(5,2),
    "fulfillmentType" TEXT NOT NULL DEFAULT 'PHYSICAL' CONSTRAINT "ProductFulfillmentType" CHECK ("fulfillmentType" IN ('PHYSICAL', 'VIRTUAL', 'ELECTRONIC')),
    "electronicDeliveryMethod" TEXT CONSTRAINT "ElectronicDeliveryMethod" CHECK ("electronicDeliveryMethod" IN ('EMAIL', 'SMS', 'EMAIL_AND_SMS', 'DOWNLOAD_LINK')),
    "electronicDeliveryUrl" TEXT,
    "electronicDeliveryDays" INTEGER,
    "trackInventory" BOOLEAN NOT NULL DEFAULT 1,
    "stockQuantity" INTEGER NOT NULL DEFAULT 0,
    "lowStockThreshold" INTEGER NOT NULL DEFAULT 10,
    "status" TEXT NOT NULL DEFAULT 'ACTIVE' CONSTRAINT "ProductStatus" CHECK ("status" IN ('ACTIVE', 'DRAFT', 'ARCHIVED', 'OUT_OF_STOCK')),
    "isVisible" BOOLEAN NOT NULL DEFAULT 1,
    "images" JSON_TEXT NOT NULL DEFAULT '[]',
    "metaTitle" TEXT,
    "metaDescription" TEXT,
    "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    "updatedAt" TIMESTAMP_TEXT NOT NULL,
    "aiGeneratedDescription" BOOLEAN NOT NULL DEFAULT 0,
    "aiGeneratedAt" TIMESTAMP_TEXT,
    "attributes" JSON_TEXT,
    "deletedAt" TIMESTAMP_TEXT,
    "deletedBy" TEXT,
    "cascadeId" TEXT, "importSource" TEXT, "externalId" TEXT, "externalSku" TEXT, "lastSyncedAt" TIMESTAMP_TEXT,
    CONSTRAINT "products_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "products_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- table refunds
CREATE TABLE "refunds" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "rmaId" TEXT,
    "csSessionId" TEXT,
    "type" TEXT NOT NULL DEFAULT 'MANUAL' CONSTRAINT "RefundType" CHECK ("type" IN ('AUTO', 'MANUAL', 'FULL', 'PARTIAL', 'BULK', 'MANAGER_OVERRIDE')),
    "status" TEXT NOT NULL DEFAULT 'PENDING' CONSTRAINT "RefundStatus" CHECK ("status" IN ('PENDING', 'APPROVED', 'PROCESSING', 'COMPLETED', 'REJECTED', 'CANCELLED', 'FAILED')),
    "reason" TEXT NOT NULL CONSTRAINT "RefundReason" CHECK ("reason" IN ('PRODUCT_DEFECT', 'DAMAGED_ITEM', 'WRONG_ITEM', 'NOT_AS_DESCRIBED', 'SHIPPING_DAMAGE', 'SHIPPING_ISSUE', 'NEVER_RECEIVED', 'DUPLICATE_CHARGE', 'DUPLICATE_ORDER', 'SUBSCRIPTION_CANCELLATION', 'CUSTOMER_REQUEST', 'SERVICE_ISSUE', 'QUALITY_ISSUE', 'LATE_DELIVERY', 'PRICE_MATCH', 'GOODWILL', 'FRAUD', 'OTHER', 'OTHER_REASON')),
    "reasonDetails" TEXT,
    "requestedAmount" SCALED_INTEGER(10,2) NOT NULL,
    "approvedAmount" SCALED_INTEGER(10,2),
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "amountBreakdown" JSON_TEXT,
    "method" TEXT NOT NULL DEFAULT 'ORIGINAL_PAYMENT' CONSTRAINT "RefundMethod" CHECK ("method" IN ('ORIGINAL_PAYMENT', 'STORE_CREDIT', 'GIFT_CARD', 'CHECK_PAYMENT', 'BANK_TRANSFER')),
    "approvalLevel" TEXT NOT NULL,
    "approvedBy" TEXT,
    "approvedAt" TIMESTAMP_TEXT,
    "rejectedBy" TEXT,
    "rejectedAt" TIMESTAMP_TEXT,
    "rejectionReason" TEXT,
    "autoApprovalRule" TEXT,
    "paymentProcessor" TEXT,
    "processorTransactionId" TEXT,
    "processedAt" TIMESTAMP_TEXT,
    "failureReason" TEXT,
    "retryCount" INTEGER NOT NULL DEFAULT 0,
    "initiatedBy" TEXT NOT NULL,
    "channel" TEXT,
    "customerImpact" TEXT,
    "fraudScore" REAL,
    "tags" JSON_ARRAY_TEXT DEFAULT '[]',
    "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    "updatedAt" TIMESTAMP_TEXT NOT NULL,
    "completedAt" TIMESTAMP_TEXT,
    CONSTRAINT "refunds_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "refunds_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "refunds_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "refunds_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "orders"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "refunds_csSessionId_fkey" FOREIGN KEY ("csSessionId") REFERENCES "cs_sessions"("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- table sites
CREATE TABLE "sites" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "code" TEXT,
    "domain" TEXT,
    "subdomain" TEXT,
    "logo" TEXT,
    "favicon" TEXT,
    "description" TEXT,
    "primaryColor" TEXT,
    "secondaryColor" TEXT,
    "accentColor" TEXT,
    "metaTitle" TEXT,
    "metaDescription" TEXT,
    "ogImage" TEXT,
    "settings" JSON_TEXT NOT NULL DEFAULT '{}',
    "timezone" TEXT,
    "currency" TEXT,
    "locale" TEXT DEFAULT 'en',
    "isDefault" BOOLEAN NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'ACTIVE' CONSTRAINT "EntityStatus" CHECK ("status" IN ('ACTIVE', 'INACTIVE', 'SUSPENDED', 'DELETED')),
    "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    "updatedAt" TIMESTAMP_TEXT NOT NULL,
    "deletedAt" TIMESTAMP_TEXT,
    "deletedBy" TEXT,
    "cascadeId" TEXT, "cartExpirationDays" INTEGER NOT NULL DEFAULT 30, "checkoutMode" TEXT NOT NULL DEFAULT 'standard', "enableBundleBuilder" BOOLEAN NOT NULL DEFAULT 0, "enableCart" BOOLEAN NOT NULL DEFAULT 1, "enableCompare" BOOLEAN NOT NULL DEFAULT 0, "enableQuickView" BOOLEAN NOT NULL DEFAULT 1, "enableWishlist" BOOLEAN NOT NULL DEFAULT 1, "guestCheckout" BOOLEAN NOT NULL DEFAULT 1, "maxCompareItems" INTEGER NOT NULL DEFAULT 4, "type" TEXT NOT NULL DEFAULT 'STOREFRONT' CONSTRAINT "SiteType" CHECK ("type" IN ('STOREFRONT', 'FUNNEL', 'TRIAL', 'MARKETPLACE', 'B2B_PORTAL')),
    CONSTRAINT "sites_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "sites_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- table storage_usage
CREATE TABLE "storage_usage" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "clientId" TEXT,
    "companyId" TEXT,
    "totalBytes" INTEGER NOT NULL DEFAULT 0,
    "fileCount" INTEGER NOT NULL DEFAULT 0,
    "imageCount" INTEGER NOT NULL DEFAULT 0,
    "thumbnailBytes" INTEGER NOT NULL DEFAULT 0,
    "month" TIMESTAMP_TEXT NOT NULL,
    "usageBySource" JSON_TEXT,
    "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    "updatedAt" TIMESTAMP_TEXT NOT NULL,
    CONSTRAINT "storage_usage_pkey" PRIMARY KEY ("id")
);

-- table tally_affiliate_ledger
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

-- table tally_billing_lines
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

-- table tally_close_input_digests
CREATE TABLE "tally_close_input_digests" (
    "closeId" TEXT NOT NULL REFERENCES "tally_closes"("id") ON DELETE CASCADE,
    "tableName" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "digest" TEXT NOT NULL,
    PRIMARY KEY ("closeId", "tableName")
) WITHOUT ROWID;

-- table tally_close_items
CREATE TABLE "tally_close_items" (
    "closeId" TEXT NOT NULL REFERENCES "tally_closes"("id") ON DELETE CASCADE,
    "role" TEXT NOT NULL,
    "tableName" TEXT NOT NULL,
    "rowId" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    CONSTRAINT "CloseItemRole" CHECK ("role" IN ('INPUT', 'OUTPUT')),
    PRIMARY KEY ("closeId", "role", "tableName", "rowId")
) WITHOUT ROWID;

-- table tally_close_reopenings
CREATE TABLE "tally_close_reopenings" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "closeId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "scopeKey" TEXT NOT NULL,
    "closedAsOf" TEXT NOT NULL,
    "inputsHash" TEXT NOT NULL,
    "outputsHash" TEXT NOT NULL,
    "outputCount" INTEGER NOT NULL,
    "reopenedAsOf" TEXT NOT NULL,
    "reopenedBy" TEXT NOT NULL
);

-- table tally_closes
CREATE TABLE "tally_closes" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "scopeKey" TEXT NOT NULL,
    "asOf" TIMESTAMP_TEXT NOT NULL,
    "inputsHash" TEXT NOT NULL,
    "outputsHash" TEXT NOT NULL,
    "inputCount" INTEGER NOT NULL,
    "outputCount" INTEGER NOT NULL
);

-- table tally_cs_ai_price_tiers
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

-- table tally_load_files
CREATE TABLE "tally_load_files" (
    "loadId" INTEGER NOT NULL REFERENCES "tally_loads"("id") ON DELETE CASCADE,
    "position" INTEGER NOT NULL,
    "path" TEXT NOT NULL,
    "tableName" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "read" INTEGER NOT NULL,
    "inserted" INTEGER NOT NULL,
    "updated" INTEGER NOT NULL,
    "unchanged" INTEGER NOT NULL,
    "rejected" INTEGER NOT NULL,
    "warnings" INTEGER NOT NULL,
    PRIMARY KEY ("loadId", "position")
);

-- table tally_loads
CREATE TABLE "tally_loads" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "startedAt" TIMESTAMP_TEXT NOT NULL,
    "finishedAt" TIMESTAMP_TEXT NOT NULL,
    "commandLine" TEXT NOT NULL,
    "isStrict" BOOLEAN NOT NULL,
    "keepsSensitive" BOOLEAN NOT NULL
);

-- table tally_pull_tables
CREATE TABLE "tally_pull_tables" (
    "source" TEXT NOT NULL,
    "schemaName" TEXT NOT NULL,
    "tableName" TEXT NOT NULL,
    "snapshotAt" TIMESTAMP_TEXT NOT NULL,
    "loadId" INTEGER NOT NULL,
    "incremental" BOOLEAN NOT NULL,
    PRIMARY KEY ("source", "schemaName", "tableName")
);

-- table tally_pulls
CREATE TABLE "tally_pulls" (
    "loadId" INTEGER NOT NULL PRIMARY KEY REFERENCES "tally_loads"("id") ON DELETE CASCADE,
    "source" TEXT NOT NULL,
    "schemaName" TEXT NOT NULL,
    "snapshotAt" TIMESTAMP_TEXT NOT NULL,
    "mode" TEXT NOT NULL CHECK ("mode" IN ('all', 'since-last', 'full')),
    "deletesFound" INTEGER NOT NULL,
    "deletesApplied" INTEGER NOT NULL
);

-- table tally_rollup_affiliate_clicks
CREATE TABLE "tally_rollup_affiliate_clicks" (
    "seq" INTEGER NOT NULL PRIMARY KEY,
    "visitor" INTEGER NOT NULL,
    "profile" INTEGER NOT NULL,
    "clickedAtMs" INTEGER NOT NULL
, "ip" INTEGER NOT NULL DEFAULT 0);

-- table tally_rollup_affiliate_dirty
CREATE TABLE "tally_rollup_affiliate_dirty" (
    "visitorId" TEXT NOT NULL PRIMARY KEY
) WITHOUT ROWID;

-- table tally_rollup_affiliate_ips
CREATE TABLE "tally_rollup_affiliate_ips" (
    "hash" TEXT NOT NULL PRIMARY KEY,
    "key" INTEGER NOT NULL
) WITHOUT ROWID;

-- table tally_rollup_affiliate_names
CREATE TABLE "tally_rollup_affiliate_names" (
    "key" INTEGER NOT NULL PRIMARY KEY,
    "text" TEXT NOT NULL
);

-- table tally_rollup_affiliate_profiles
CREATE TABLE "tally_rollup_affiliate_profiles" (
    "key" INTEGER NOT NULL PRIMARY KEY,
    "company" INTEGER NOT NULL,
    "partner" INTEGER NOT NULL,
    "link" INTEGER NOT NULL,
    "subId1" INTEGER NOT NULL,
    "subId2" INTEGER NOT NULL,
    "subId3" INTEGER NOT NULL,
    "subId4" INTEGER NOT NULL,
    "subId5" INTEGER NOT NULL,
    "status" INTEGER NOT NULL,
    "flags" INTEGER NOT NULL
);

-- table tally_rollup_affiliate_state
CREATE TABLE "tally_rollup_affiliate_state" (
    "id" INTEGER NOT NULL PRIMARY KEY CHECK ("id" = 1),
    "rebuiltAtLoadId" INTEGER
, "ipKeys" INTEGER NOT NULL DEFAULT 0);

-- table tally_rollup_affiliate_visitors
CREATE TABLE "tally_rollup_affiliate_visitors" (
    "visitorId" TEXT NOT NULL PRIMARY KEY,
    "number" INTEGER NOT NULL,
    "firstSeq" INTEGER NOT NULL,
    "lastSeq" INTEGER NOT NULL
) WITHOUT ROWID;

-- table tally_rollup_billing_dirty
CREATE TABLE "tally_rollup_billing_dirty" (
    "companyId" TEXT NOT NULL,
    "utcDay" TEXT NOT NULL,
    PRIMARY KEY ("companyId", "utcDay")
) WITHOUT ROWID;

-- table tally_rollup_billing_state
CREATE TABLE "tally_rollup_billing_state" (
    "id" INTEGER NOT NULL PRIMARY KEY CHECK ("id" = 1),
    "rebuiltAtLoadId" INTEGER
);

-- table tally_rollup_code_order_days
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

-- table tally_rollup_code_session_days
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

-- table tally_rollup_code_spellings
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

-- table tally_rollup_cs_ai_shared_voice_calls
CREATE TABLE "tally_rollup_cs_ai_shared_voice_calls" (
    "companyId" TEXT NOT NULL,
    "voiceCallId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "occurredAt" TIMESTAMP_TEXT NOT NULL,
    PRIMARY KEY ("companyId", "voiceCallId", "id")
) WITHOUT ROWID;

-- table tally_rollup_cs_ai_usage_day_digests
CREATE TABLE "tally_rollup_cs_ai_usage_day_digests" (
    "companyId" TEXT NOT NULL,
    "localDay" TEXT NOT NULL,
    "records" INTEGER NOT NULL,
    "digest" BLOB NOT NULL,
    PRIMARY KEY ("companyId", "localDay")
) WITHOUT ROWID;

-- table tally_rollup_cs_ai_usage_days
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

-- table tally_rollup_lead_days
CREATE TABLE "tally_rollup_lead_days" (
    "companyId" TEXT NOT NULL,
    "funnelId" TEXT NOT NULL,
    "variantId" TEXT NOT NULL,
    "localDay" TEXT NOT NULL,
    "leads" INTEGER NOT NULL,
    "converted" INTEGER NOT NULL,
    PRIMARY KEY ("funnelId", "localDay", "variantId")
) WITHOUT ROWID;

-- table tally_rollup_state
CREATE TABLE "tally_rollup_state" (
    "id" INTEGER NOT NULL PRIMARY KEY CHECK ("id" = 1),
    "rebuiltAtLoadId" INTEGER
);

-- table tally_rollup_variant_days
CREATE TABLE "tally_rollup_variant_days" (
    "companyId" TEXT NOT NULL,
    "funnelId" TEXT NOT NULL,
    "variantId" TEXT NOT NULL,
    "localDay" TEXT NOT NULL,
    "sessions" INTEGER NOT NULL,
    "leads" INTEGER NOT NULL,
    "conversions" INTEGER NOT NULL,
    "revenueHundredths" INTEGER, "revenueSquaresHundredths" INTEGER,
    PRIMARY KEY ("funnelId", "localDay", "variantId")
) WITHOUT ROWID;

-- table tally_settings
CREATE TABLE "tally_settings" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL
);

-- table voice_calls
CREATE TABLE "voice_calls" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "interventionId" TEXT,
    "twilioCallSid" TEXT NOT NULL,
    "direction" TEXT NOT NULL CONSTRAINT "CallDirection" CHECK ("direction" IN ('INBOUND', 'OUTBOUND')),
    "fromNumber" TEXT NOT NULL,
    "toNumber" TEXT NOT NULL,
    "initiatedAt" TIMESTAMP_TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    "answeredAt" TIMESTAMP_TEXT,
    "endedAt" TIMESTAMP_TEXT,
    "duration" INTEGER,
    "scriptId" TEXT NOT NULL,
    "transcriptRaw" TEXT,
    "transcriptProcessed" JSON_TEXT,
    "overallSentiment" TEXT CONSTRAINT "Sentiment" CHECK ("overallSentiment" IN ('POSITIVE', 'NEUTRAL', 'NEGATIVE', 'ANGRY')),
    "detectedIntents" JSON_ARRAY_TEXT,
    "keyMoments" JSON_TEXT,
    "status" TEXT NOT NULL DEFAULT 'INITIATED' CONSTRAINT "VoiceCallStatus" CHECK ("status" IN ('INITIATED', 'RINGING', 'IN_PROGRESS', 'COMPLETED', 'FAILED', 'BUSY', 'NO_ANSWER')),
    "outcome" TEXT CONSTRAINT "CallOutcome" CHECK ("outcome" IN ('SAVED', 'OFFER_ACCEPTED', 'DECLINED', 'ESCALATED_TO_HUMAN', 'CALLBACK_SCHEDULED', 'DISCONNECTED')),
    "outcomeDetails" JSON_TEXT,
    "offersPresented" JSON_TEXT,
    "offerAccepted" JSON_TEXT,
    "actionsTaken" JSON_TEXT,
    "escalatedToHuman" BOOLEAN NOT NULL DEFAULT 0,
    "escalationReason" TEXT,
    "humanAgentId" TEXT,
    "qualityScore" REAL,
    "qualityNotes" TEXT,
    "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    "updatedAt" TIMESTAMP_TEXT NOT NULL,
    CONSTRAINT "voice_calls_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "voice_calls_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "voice_calls_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- index affiliate_applications_affiliatePartnerId_key
CREATE UNIQUE INDEX "affiliate_applications_affiliatePartnerId_key" ON "affiliate_applications"("affiliatePartnerId");

-- index affiliate_applications_companyId_status_idx
CREATE INDEX "affiliate_applications_companyId_status_idx" ON "affiliate_applications"("companyId", "status");

-- index affiliate_applications_email_idx
CREATE INDEX "affiliate_applications_email_idx" ON "affiliate_applications"("email");

-- index affiliate_applications_status_createdAt_idx
CREATE INDEX "affiliate_applications_status_createdAt_idx" ON "affiliate_applications"("status", "createdAt");

-- index affiliate_click_queue_companyId_queuedAt_idx
CREATE INDEX "affiliate_click_queue_companyId_queuedAt_idx" ON "affiliate_click_queue"("companyId", "queuedAt");

-- index affiliate_click_queue_queuedAt_idx
CREATE INDEX "affiliate_click_queue_queuedAt_idx" ON "affiliate_click_queue"("queuedAt");

-- index affiliate_click_queue_status_queuedAt_idx
CREATE INDEX "affiliate_click_queue_status_queuedAt_idx" ON "affiliate_click_queue"("status", "queuedAt");

-- index affiliate_clicks_companyId_clickedAt_idx
CREATE INDEX "affiliate_clicks_companyId_clickedAt_idx" ON "affiliate_clicks"("companyId", "clickedAt");

-- index affiliate_clicks_companyId_subId1_clickedAt_idx
CREATE INDEX "affiliate_clicks_companyId_subId1_clickedAt_idx" ON "affiliate_clicks"("companyId", "subId1", "clickedAt");

-- index affiliate_clicks_companyId_subId2_clickedAt_idx
CREATE INDEX "affiliate_clicks_companyId_subId2_clickedAt_idx" ON "affiliate_clicks"("companyId", "subId2", "clickedAt");

-- index affiliate_clicks_idempotencyKey_idx
CREATE INDEX "affiliate_clicks_idempotencyKey_idx" ON "affiliate_clicks"("idempotencyKey");

-- index affiliate_clicks_idempotencyKey_key
CREATE UNIQUE INDEX "affiliate_clicks_idempotencyKey_key" ON "affiliate_clicks"("idempotencyKey");

-- index affiliate_clicks_ipAddressHash_clickedAt_idx
CREATE INDEX "affiliate_clicks_ipAddressHash_clickedAt_idx" ON "affiliate_clicks"("ipAddressHash", "clickedAt");

-- index affiliate_clicks_linkId_clickedAt_idx
CREATE INDEX "affiliate_clicks_linkId_clickedAt_idx" ON "affiliate_clicks"("linkId", "clickedAt");

-- index affiliate_clicks_partnerId_clickedAt_idx
CREATE INDEX "affiliate_clicks_partnerId_clickedAt_idx" ON "affiliate_clicks"("partnerId", "clickedAt");

-- index affiliate_clicks_partnerId_subId1_idx
CREATE INDEX "affiliate_clicks_partnerId_subId1_idx" ON "affiliate_clicks"("partnerId", "subId1");

-- index affiliate_clicks_partnerId_subId2_idx
CREATE INDEX "affiliate_clicks_partnerId_subId2_idx" ON "affiliate_clicks"("partnerId", "subId2");

-- index affiliate_clicks_status_clickedAt_idx
CREATE INDEX "affiliate_clicks_status_clickedAt_idx" ON "affiliate_clicks"("status", "clickedAt");

-- index affiliate_clicks_visitorId_idx
CREATE INDEX "affiliate_clicks_visitorId_idx" ON "affiliate_clicks"("visitorId");

-- index affiliate_conversions_companyId_convertedAt_idx
CREATE INDEX "affiliate_conversions_companyId_convertedAt_idx" ON "affiliate_conversions"("companyId", "convertedAt");

-- index affiliate_conversions_companyId_status_idx
CREATE INDEX "affiliate_conversions_companyId_status_idx" ON "affiliate_conversions"("companyId", "status");

-- index affiliate_conversions_companyId_subId1_convertedAt_idx
CREATE INDEX "affiliate_conversions_companyId_subId1_convertedAt_idx" ON "affiliate_conversions"("companyId", "subId1", "convertedAt");

-- index affiliate_conversions_companyId_subId2_convertedAt_idx
CREATE INDEX "affiliate_conversions_companyId_subId2_convertedAt_idx" ON "affiliate_conversions"("companyId", "subId2", "convertedAt");

-- index affiliate_conversions_customerId_idx
CREATE INDEX "affiliate_conversions_customerId_idx" ON "affiliate_conversions"("customerId");

-- index affiliate_conversions_idempotencyKey_idx
CREATE INDEX "affiliate_conversions_idempotencyKey_idx" ON "affiliate_conversions"("idempotencyKey");

-- index affiliate_conversions_idempotencyKey_key
CREATE UNIQUE INDEX "affiliate_conversions_idempotencyKey_key" ON "affiliate_conversions"("idempotencyKey");

-- index affiliate_conversions_orderId_idx
CREATE INDEX "affiliate_conversions_orderId_idx" ON "affiliate_conversions"("orderId");

-- index affiliate_conversions_orderId_key
CREATE UNIQUE INDEX "affiliate_conversions_orderId_key" ON "affiliate_conversions"("orderId");

-- index affiliate_conversions_partnerId_convertedAt_idx
CREATE INDEX "affiliate_conversions_partnerId_convertedAt_idx" ON "affiliate_conversions"("partnerId", "convertedAt");

-- index affiliate_conversions_partnerId_status_idx
CREATE INDEX "affiliate_conversions_partnerId_status_idx" ON "affiliate_conversions"("partnerId", "status");

-- index affiliate_conversions_partnerId_subId1_idx
CREATE INDEX "affiliate_conversions_partnerId_subId1_idx" ON "affiliate_conversions"("partnerId", "subId1");

-- index affiliate_conversions_partnerId_subId2_idx
CREATE INDEX "affiliate_conversions_partnerId_subId2_idx" ON "affiliate_conversions"("partnerId", "subId2");

-- index affiliate_conversions_status_convertedAt_idx
CREATE INDEX "affiliate_conversions_status_convertedAt_idx" ON "affiliate_conversions"("status", "convertedAt");

-- index affiliate_creatives_companyId_isActive_idx
CREATE INDEX "affiliate_creatives_companyId_isActive_idx" ON "affiliate_creatives"("companyId", "isActive");

-- index affiliate_creatives_deletedAt_idx
CREATE INDEX "affiliate_creatives_deletedAt_idx" ON "affiliate_creatives"("deletedAt");

-- index affiliate_creatives_partnerId_isActive_idx
CREATE INDEX "affiliate_creatives_partnerId_isActive_idx" ON "affiliate_creatives"("partnerId", "isActive");

-- index affiliate_creatives_type_isActive_idx
CREATE INDEX "affiliate_creatives_type_isActive_idx" ON "affiliate_creatives"("type", "isActive");

-- index affiliate_links_campaign_idx
CREATE INDEX "affiliate_links_campaign_idx" ON "affiliate_links"("campaign");

-- index affiliate_links_companyId_isActive_idx
CREATE INDEX "affiliate_links_companyId_isActive_idx" ON "affiliate_links"("companyId", "isActive");

-- index affiliate_links_deletedAt_idx
CREATE INDEX "affiliate_links_deletedAt_idx" ON "affiliate_links"("deletedAt");

-- index affiliate_links_partnerId_isActive_idx
CREATE INDEX "affiliate_links_partnerId_isActive_idx" ON "affiliate_links"("partnerId", "isActive");

-- index affiliate_links_shortCode_idx
CREATE INDEX "affiliate_links_shortCode_idx" ON "affiliate_links"("shortCode");

-- index affiliate_links_shortCode_key
CREATE UNIQUE INDEX "affiliate_links_shortCode_key" ON "affiliate_links"("shortCode");

-- index affiliate_links_trackingCode_idx
CREATE INDEX "affiliate_links_trackingCode_idx" ON "affiliate_links"("trackingCode");

-- index affiliate_links_trackingCode_key
CREATE UNIQUE INDEX "affiliate_links_trackingCode_key" ON "affiliate_links"("trackingCode");

-- index affiliate_partners_affiliateCode_idx
CREATE INDEX "affiliate_partners_affiliateCode_idx" ON "affiliate_partners"("affiliateCode");

-- index affiliate_partners_affiliateCode_key
CREATE UNIQUE INDEX "affiliate_partners_affiliateCode_key" ON "affiliate_partners"("affiliateCode");

-- index affiliate_partners_companyId_affiliateCode_key
CREATE UNIQUE INDEX "affiliate_partners_companyId_affiliateCode_key" ON "affiliate_partners"("companyId", "affiliateCode");

-- index affiliate_partners_companyId_email_key
CREATE UNIQUE INDEX "affiliate_partners_companyId_email_key" ON "affiliate_partners"("companyId", "email");

-- index affiliate_partners_companyId_partnershipType_idx
CREATE INDEX "affiliate_partners_companyId_partnershipType_idx" ON "affiliate_partners"("companyId", "partnershipType");

-- index affiliate_partners_companyId_status_idx
CREATE INDEX "affiliate_partners_companyId_status_idx" ON "affiliate_partners"("companyId", "status");

-- index affiliate_partners_companyId_tier_idx
CREATE INDEX "affiliate_partners_companyId_tier_idx" ON "affiliate_partners"("companyId", "tier");

-- index affiliate_partners_deletedAt_idx
CREATE INDEX "affiliate_partners_deletedAt_idx" ON "affiliate_partners"("deletedAt");

-- index affiliate_partners_status_createdAt_idx
CREATE INDEX "affiliate_partners_status_createdAt_idx" ON "affiliate_partners"("status", "createdAt");

-- index affiliate_payouts_companyId_status_idx
CREATE INDEX "affiliate_payouts_companyId_status_idx" ON "affiliate_payouts"("companyId", "status");

-- index affiliate_payouts_idempotencyKey_idx
CREATE INDEX "affiliate_payouts_idempotencyKey_idx" ON "affiliate_payouts"("idempotencyKey");

-- index affiliate_payouts_idempotencyKey_key
CREATE UNIQUE INDEX "affiliate_payouts_idempotencyKey_key" ON "affiliate_payouts"("idempotencyKey");

-- index affiliate_payouts_invoiceNumber_idx
CREATE INDEX "affiliate_payouts_invoiceNumber_idx" ON "affiliate_payouts"("invoiceNumber");

-- index affiliate_payouts_invoiceNumber_key
CREATE UNIQUE INDEX "affiliate_payouts_invoiceNumber_key" ON "affiliate_payouts"("invoiceNumber");

-- index affiliate_payouts_partnerId_periodEnd_idx
CREATE INDEX "affiliate_payouts_partnerId_periodEnd_idx" ON "affiliate_payouts"("partnerId", "periodEnd");

-- index affiliate_payouts_partnerId_status_idx
CREATE INDEX "affiliate_payouts_partnerId_status_idx" ON "affiliate_payouts"("partnerId", "status");

-- index affiliate_payouts_status_createdAt_idx
CREATE INDEX "affiliate_payouts_status_createdAt_idx" ON "affiliate_payouts"("status", "createdAt");

-- index affiliate_program_configs_companyId_key
CREATE UNIQUE INDEX "affiliate_program_configs_companyId_key" ON "affiliate_program_configs"("companyId");

-- index carts_companyId_customerId_idx
CREATE INDEX "carts_companyId_customerId_idx" ON "carts"("companyId", "customerId");

-- index carts_companyId_siteId_status_idx
CREATE INDEX "carts_companyId_siteId_status_idx" ON "carts"("companyId", "siteId", "status");

-- index carts_companyId_status_idx
CREATE INDEX "carts_companyId_status_idx" ON "carts"("companyId", "status");

-- index carts_companyId_status_lastActivityAt_idx
CREATE INDEX "carts_companyId_status_lastActivityAt_idx" ON "carts"("companyId", "status", "lastActivityAt");

-- index carts_landingPageId_idx
CREATE INDEX "carts_landingPageId_idx" ON "carts"("landingPageId");

-- index carts_orderId_key
CREATE UNIQUE INDEX "carts_orderId_key" ON "carts"("orderId");

-- index carts_sessionToken_idx
CREATE INDEX "carts_sessionToken_idx" ON "carts"("sessionToken");

-- index carts_sessionToken_key
CREATE UNIQUE INDEX "carts_sessionToken_key" ON "carts"("sessionToken");

-- index carts_sourceType_companyId_status_idx
CREATE INDEX "carts_sourceType_companyId_status_idx" ON "carts"("sourceType", "companyId", "status");

-- index carts_status_expiresAt_idx
CREATE INDEX "carts_status_expiresAt_idx" ON "carts"("status", "expiresAt");

-- index carts_visitorId_idx
CREATE INDEX "carts_visitorId_idx" ON "carts"("visitorId");

-- index clients_code_key
CREATE UNIQUE INDEX "clients_code_key" ON "clients"("code");

-- index clients_deletedAt_idx
CREATE INDEX "clients_deletedAt_idx" ON "clients"("deletedAt");

-- index clients_organizationId_idx
CREATE INDEX "clients_organizationId_idx" ON "clients"("organizationId");

-- index clients_organizationId_slug_key
CREATE UNIQUE INDEX "clients_organizationId_slug_key" ON "clients"("organizationId", "slug");

-- index companies_clientId_idx
CREATE INDEX "companies_clientId_idx" ON "companies"("clientId");

-- index companies_clientId_slug_key
CREATE UNIQUE INDEX "companies_clientId_slug_key" ON "companies"("clientId", "slug");

-- index companies_code_key
CREATE UNIQUE INDEX "companies_code_key" ON "companies"("code");

-- index companies_deletedAt_idx
CREATE INDEX "companies_deletedAt_idx" ON "companies"("deletedAt");

-- index companies_status_idx
CREATE INDEX "companies_status_idx" ON "companies"("status");

-- index cross_site_sessions_companyId_idx
CREATE INDEX "cross_site_sessions_companyId_idx" ON "cross_site_sessions"("companyId");

-- index cross_site_sessions_customerId_idx
CREATE INDEX "cross_site_sessions_customerId_idx" ON "cross_site_sessions"("customerId");

-- index cross_site_sessions_expiresAt_idx
CREATE INDEX "cross_site_sessions_expiresAt_idx" ON "cross_site_sessions"("expiresAt");

-- index cross_site_sessions_sessionToken_idx
CREATE INDEX "cross_site_sessions_sessionToken_idx" ON "cross_site_sessions"("sessionToken");

-- index cross_site_sessions_sessionToken_key
CREATE UNIQUE INDEX "cross_site_sessions_sessionToken_key" ON "cross_site_sessions"("sessionToken");

-- index cross_site_sessions_status_idx
CREATE INDEX "cross_site_sessions_status_idx" ON "cross_site_sessions"("status");

-- index cs_ai_pricing_organizationId_key
CREATE UNIQUE INDEX "cs_ai_pricing_organizationId_key" ON "cs_ai_pricing"("organizationId");

-- index cs_ai_usage_clientId_billingPeriod_idx
CREATE INDEX "cs_ai_usage_clientId_billingPeriod_idx" ON "cs_ai_usage"("clientId", "billingPeriod");

-- index cs_ai_usage_companyId_occurredAt_idx
CREATE INDEX "cs_ai_usage_companyId_occurredAt_idx" ON "cs_ai_usage"("companyId", "occurredAt");

-- index cs_ai_usage_invoiced_idx
CREATE INDEX "cs_ai_usage_invoiced_idx" ON "cs_ai_usage"("invoiced");

-- index cs_ai_usage_summary_clientId_periodStart_idx
CREATE INDEX "cs_ai_usage_summary_clientId_periodStart_idx" ON "cs_ai_usage_summary"("clientId", "periodStart");

-- index cs_ai_usage_summary_companyId_periodStart_key
CREATE UNIQUE INDEX "cs_ai_usage_summary_companyId_periodStart_key" ON "cs_ai_usage_summary"("companyId", "periodStart");

-- index cs_ai_usage_summary_invoiced_idx
CREATE INDEX "cs_ai_usage_summary_invoiced_idx" ON "cs_ai_usage_summary"("invoiced");

-- index cs_ai_usage_usageType_occurredAt_idx
CREATE INDEX "cs_ai_usage_usageType_occurredAt_idx" ON "cs_ai_usage"("usageType", "occurredAt");

-- index cs_sessions_companyId_idx
CREATE INDEX "cs_sessions_companyId_idx" ON "cs_sessions"("companyId");

-- index cs_sessions_currentTier_idx
CREATE INDEX "cs_sessions_currentTier_idx" ON "cs_sessions"("currentTier");

-- index cs_sessions_customerId_idx
CREATE INDEX "cs_sessions_customerId_idx" ON "cs_sessions"("customerId");

-- index cs_sessions_status_idx
CREATE INDEX "cs_sessions_status_idx" ON "cs_sessions"("status");

-- index customers_companyId_email_deletedAt_key
CREATE UNIQUE INDEX "customers_companyId_email_deletedAt_key" ON "customers"("companyId", "email", "deletedAt");

-- index customers_companyId_email_idx
CREATE INDEX "customers_companyId_email_idx" ON "customers"("companyId", "email");

-- index customers_deletedAt_idx
CREATE INDEX "customers_deletedAt_idx" ON "customers"("deletedAt");

-- index field_mapping_profiles_companyId_provider_idx
CREATE INDEX "field_mapping_profiles_companyId_provider_idx" ON "field_mapping_profiles"("companyId", "provider");

-- index field_mapping_profiles_companyId_provider_name_key
CREATE UNIQUE INDEX "field_mapping_profiles_companyId_provider_name_key" ON "field_mapping_profiles"("companyId", "provider", "name");

-- index funnel_ab_test_results_testId_idx
CREATE INDEX "funnel_ab_test_results_testId_idx" ON "funnel_ab_test_results"("testId");

-- index funnel_ab_test_results_variantId_idx
CREATE INDEX "funnel_ab_test_results_variantId_idx" ON "funnel_ab_test_results"("variantId");

-- index funnel_ab_tests_funnelId_idx
CREATE INDEX "funnel_ab_tests_funnelId_idx" ON "funnel_ab_tests"("funnelId");

-- index funnel_ab_tests_status_idx
CREATE INDEX "funnel_ab_tests_status_idx" ON "funnel_ab_tests"("status");

-- index funnel_sessions_cartId_idx
CREATE INDEX "funnel_sessions_cartId_idx" ON "funnel_sessions"("cartId");

-- index funnel_sessions_csSessionId_idx
CREATE INDEX "funnel_sessions_csSessionId_idx" ON "funnel_sessions"("csSessionId");

-- index funnel_sessions_discountCode_idx
CREATE INDEX "funnel_sessions_discountCode_idx" ON "funnel_sessions"("discountCode");

-- index funnel_sessions_funnelId_idx
CREATE INDEX "funnel_sessions_funnelId_idx" ON "funnel_sessions"("funnelId");

-- index funnel_sessions_funnelId_status_lastActivityAt_idx
CREATE INDEX "funnel_sessions_funnelId_status_lastActivityAt_idx" ON "funnel_sessions"("funnelId", "status", "lastActivityAt");

-- index funnel_sessions_lastActivityAt_idx
CREATE INDEX "funnel_sessions_lastActivityAt_idx" ON "funnel_sessions"("lastActivityAt");

-- index funnel_sessions_leadId_idx
CREATE INDEX "funnel_sessions_leadId_idx" ON "funnel_sessions"("leadId");

-- index funnel_sessions_orderId_key
CREATE UNIQUE INDEX "funnel_sessions_orderId_key" ON "funnel_sessions"("orderId");

-- index funnel_sessions_privacyAcceptedAt_idx
CREATE INDEX "funnel_sessions_privacyAcceptedAt_idx" ON "funnel_sessions"("privacyAcceptedAt");

-- index funnel_sessions_sessionToken_key
CREATE UNIQUE INDEX "funnel_sessions_sessionToken_key" ON "funnel_sessions"("sessionToken");

-- index funnel_sessions_startedAt_idx
CREATE INDEX "funnel_sessions_startedAt_idx" ON "funnel_sessions"("startedAt");

-- index funnel_sessions_status_idx
CREATE INDEX "funnel_sessions_status_idx" ON "funnel_sessions"("status");

-- index funnel_sessions_termsAcceptedAt_idx
CREATE INDEX "funnel_sessions_termsAcceptedAt_idx" ON "funnel_sessions"("termsAcceptedAt");

-- index funnel_sessions_variantId_idx
CREATE INDEX "funnel_sessions_variantId_idx" ON "funnel_sessions"("variantId");

-- index funnel_variants_funnelId_idx
CREATE INDEX "funnel_variants_funnelId_idx" ON "funnel_variants"("funnelId");

-- index funnel_variants_status_idx
CREATE INDEX "funnel_variants_status_idx" ON "funnel_variants"("status");

-- index funnels_companyId_idx
CREATE INDEX "funnels_companyId_idx" ON "funnels"("companyId");

-- index funnels_companyId_slug_key
CREATE UNIQUE INDEX "funnels_companyId_slug_key" ON "funnels"("companyId", "slug");

-- index funnels_shortId_idx
CREATE INDEX "funnels_shortId_idx" ON "funnels"("shortId");

-- index funnels_shortId_key
CREATE UNIQUE INDEX "funnels_shortId_key" ON "funnels"("shortId");

-- index funnels_status_idx
CREATE INDEX "funnels_status_idx" ON "funnels"("status");

-- index idx_carts_expiration
CREATE INDEX "idx_carts_expiration" ON "carts"("expiresAt") WHERE "status" = 'ACTIVE' AND "expiresAt" IS NOT NULL;

-- index idx_carts_recovery_candidates
CREATE INDEX "idx_carts_recovery_candidates" ON "carts"("companyId", "abandonedAt", "recoveryEmailSent") WHERE "status" = 'ABANDONED' AND "recoveryEmailSent" = 0;

-- index idx_cross_site_sessions_cleanup
CREATE INDEX "idx_cross_site_sessions_cleanup" ON "cross_site_sessions"("expiresAt") WHERE "status" = 'ACTIVE';

-- index inventory_holds_cartId_productId_variantId_key
CREATE UNIQUE INDEX "inventory_holds_cartId_productId_variantId_key" ON "inventory_holds"("cartId", "productId", "variantId");

-- index inventory_holds_companyId_status_idx
CREATE INDEX "inventory_holds_companyId_status_idx" ON "inventory_holds"("companyId", "status");

-- index inventory_holds_productId_variantId_status_idx
CREATE INDEX "inventory_holds_productId_variantId_status_idx" ON "inventory_holds"("productId", "variantId", "status");

-- index inventory_holds_status_expiresAt_idx
CREATE INDEX "inventory_holds_status_expiresAt_idx" ON "inventory_holds"("status", "expiresAt");

-- index landing_page_sessions_cartId_key
CREATE UNIQUE INDEX "landing_page_sessions_cartId_key" ON "landing_page_sessions"("cartId");

-- index landing_page_sessions_companyId_convertedAt_idx
CREATE INDEX "landing_page_sessions_companyId_convertedAt_idx" ON "landing_page_sessions"("companyId", "convertedAt");

-- index landing_page_sessions_companyId_startedAt_idx
CREATE INDEX "landing_page_sessions_companyId_startedAt_idx" ON "landing_page_sessions"("companyId", "startedAt");

-- index landing_page_sessions_landingPageId_startedAt_idx
CREATE INDEX "landing_page_sessions_landingPageId_startedAt_idx" ON "landing_page_sessions"("landingPageId", "startedAt");

-- index landing_page_sessions_landingPageId_status_idx
CREATE INDEX "landing_page_sessions_landingPageId_status_idx" ON "landing_page_sessions"("landingPageId", "status");

-- index landing_page_sessions_sessionToken_key
CREATE UNIQUE INDEX "landing_page_sessions_sessionToken_key" ON "landing_page_sessions"("sessionToken");

-- index landing_page_sessions_status_idx
CREATE INDEX "landing_page_sessions_status_idx" ON "landing_page_sessions"("status");

-- index landing_pages_companyId_slug_deletedAt_key
CREATE UNIQUE INDEX "landing_pages_companyId_slug_deletedAt_key" ON "landing_pages"("companyId", "slug", "deletedAt");

-- index landing_pages_deletedAt_idx
CREATE INDEX "landing_pages_deletedAt_idx" ON "landing_pages"("deletedAt");

-- index landing_pages_status_idx
CREATE INDEX "landing_pages_status_idx" ON "landing_pages"("status");

-- index landing_pages_subdomain_idx
CREATE INDEX "landing_pages_subdomain_idx" ON "landing_pages"("subdomain");

-- index landing_pages_subdomain_key
CREATE UNIQUE INDEX "landing_pages_subdomain_key" ON "landing_pages"("subdomain");

-- index leads_companyId_email_key
CREATE UNIQUE INDEX "leads_companyId_email_key" ON "leads"("companyId", "email");

-- index leads_companyId_idx
CREATE INDEX "leads_companyId_idx" ON "leads"("companyId");

-- index leads_convertedAt_idx
CREATE INDEX "leads_convertedAt_idx" ON "leads"("convertedAt");

-- index leads_customerId_key
CREATE UNIQUE INDEX "leads_customerId_key" ON "leads"("customerId");

-- index leads_email_idx
CREATE INDEX "leads_email_idx" ON "leads"("email");

-- index leads_engagementScore_idx
CREATE INDEX "leads_engagementScore_idx" ON "leads"("engagementScore");

-- index leads_funnelId_idx
CREATE INDEX "leads_funnelId_idx" ON "leads"("funnelId");

-- index leads_lastSeenAt_idx
CREATE INDEX "leads_lastSeenAt_idx" ON "leads"("lastSeenAt");

-- index leads_phone_idx
CREATE INDEX "leads_phone_idx" ON "leads"("phone");

-- index leads_status_idx
CREATE INDEX "leads_status_idx" ON "leads"("status");

-- index leads_variantId_idx
CREATE INDEX "leads_variantId_idx" ON "leads"("variantId");

-- index orders_companyId_orderedAt_idx
CREATE INDEX "orders_companyId_orderedAt_idx" ON "orders"("companyId", "orderedAt");

-- index orders_companyId_status_fulfillmentStatus_idx
CREATE INDEX "orders_companyId_status_fulfillmentStatus_idx" ON "orders"("companyId", "status", "fulfillmentStatus");

-- index orders_customerId_idx
CREATE INDEX "orders_customerId_idx" ON "orders"("customerId");

-- index orders_deletedAt_idx
CREATE INDEX "orders_deletedAt_idx" ON "orders"("deletedAt");

-- index orders_orderNumber_idx
CREATE INDEX "orders_orderNumber_idx" ON "orders"("orderNumber");

-- index orders_orderNumber_key
CREATE UNIQUE INDEX "orders_orderNumber_key" ON "orders"("orderNumber");

-- index orders_status_idx
CREATE INDEX "orders_status_idx" ON "orders"("status");

-- index organizations_domain_key
CREATE UNIQUE INDEX "organizations_domain_key" ON "organizations"("domain");

-- index organizations_slug_key
CREATE UNIQUE INDEX "organizations_slug_key" ON "organizations"("slug");

-- index product_images_companyId_idx
CREATE INDEX "product_images_companyId_idx" ON "product_images"("companyId");

-- index product_images_productId_idx
CREATE INDEX "product_images_productId_idx" ON "product_images"("productId");

-- index product_images_s3Key_key
CREATE UNIQUE INDEX "product_images_s3Key_key" ON "product_images"("s3Key");

-- index product_import_jobs_companyId_idx
CREATE INDEX "product_import_jobs_companyId_idx" ON "product_import_jobs"("companyId");

-- index product_import_jobs_companyId_status_idx
CREATE INDEX "product_import_jobs_companyId_status_idx" ON "product_import_jobs"("companyId", "status");

-- index product_import_jobs_provider_idx
CREATE INDEX "product_import_jobs_provider_idx" ON "product_import_jobs"("provider");

-- index product_import_jobs_status_createdAt_idx
CREATE INDEX "product_import_jobs_status_createdAt_idx" ON "product_import_jobs"("status", "createdAt");

-- index products_companyId_externalId_importSource_key
CREATE UNIQUE INDEX "products_companyId_externalId_importSource_key" ON "products"("companyId", "externalId", "importSource");

-- index products_companyId_importSource_idx
CREATE INDEX "products_companyId_importSource_idx" ON "products"("companyId", "importSource");

-- index products_companyId_sku_deletedAt_key
CREATE UNIQUE INDEX "products_companyId_sku_deletedAt_key" ON "products"("companyId", "sku", "deletedAt");

-- index products_companyId_slug_deletedAt_key
CREATE UNIQUE INDEX "products_companyId_slug_deletedAt_key" ON "products"("companyId", "slug", "deletedAt");

-- index products_companyId_status_idx
CREATE INDEX "products_companyId_status_idx" ON "products"("companyId", "status");

-- index products_companyId_status_trackInventory_idx
CREATE INDEX "products_companyId_status_trackInventory_idx" ON "products"("companyId", "status", "trackInventory");

-- index products_deletedAt_idx
CREATE INDEX "products_deletedAt_idx" ON "products"("deletedAt");

-- index refunds_companyId_idx
CREATE INDEX "refunds_companyId_idx" ON "refunds"("companyId");

-- index refunds_customerId_idx
CREATE INDEX "refunds_customerId_idx" ON "refunds"("customerId");

-- index refunds_orderId_idx
CREATE INDEX "refunds_orderId_idx" ON "refunds"("orderId");

-- index refunds_status_idx
CREATE INDEX "refunds_status_idx" ON "refunds"("status");

-- index refunds_type_idx
CREATE INDEX "refunds_type_idx" ON "refunds"("type");

-- index sites_code_key
CREATE UNIQUE INDEX "sites_code_key" ON "sites"("code");

-- index sites_companyId_idx
CREATE INDEX "sites_companyId_idx" ON "sites"("companyId");

-- index sites_companyId_slug_key
CREATE UNIQUE INDEX "sites_companyId_slug_key" ON "sites"("companyId", "slug");

-- index sites_deletedAt_idx
CREATE INDEX "sites_deletedAt_idx" ON "sites"("deletedAt");

-- index sites_domain_idx
CREATE INDEX "sites_domain_idx" ON "sites"("domain");

-- index storage_usage_clientId_idx
CREATE INDEX "storage_usage_clientId_idx" ON "storage_usage"("clientId");

-- index storage_usage_companyId_idx
CREATE INDEX "storage_usage_companyId_idx" ON "storage_usage"("companyId");

-- index storage_usage_organizationId_clientId_companyId_month_key
CREATE UNIQUE INDEX "storage_usage_organizationId_clientId_companyId_month_key" ON "storage_usage"("organizationId", "clientId", "companyId", "month");

-- index storage_usage_organizationId_idx
CREATE INDEX "storage_usage_organizationId_idx" ON "storage_usage"("organizationId");

-- index tally_affiliate_ledger_partner_idx
CREATE INDEX "tally_affiliate_ledger_partner_idx" ON "tally_affiliate_ledger" ("companyId", "partnerId", "currency", "period");

-- index tally_billing_lines_companyId_sourcePeriod_idx
CREATE INDEX "tally_billing_lines_companyId_sourcePeriod_idx" ON "tally_billing_lines" ("companyId", "sourcePeriod");

-- index tally_close_reopenings_closeId_idx
CREATE INDEX "tally_close_reopenings_closeId_idx" ON "tally_close_reopenings" ("closeId");

-- index tally_closes_kind_scopeKey_key
CREATE UNIQUE INDEX "tally_closes_kind_scopeKey_key" ON "tally_closes" ("kind", "scopeKey");

-- index tally_cs_ai_price_tiers_tier_key
CREATE UNIQUE INDEX "tally_cs_ai_price_tiers_tier_key" ON "tally_cs_ai_price_tiers"
    ("organizationId", "effectiveFrom", "usageType", "meter", "tierIndex");

-- index tally_funnel_sessions_report_idx
CREATE INDEX "tally_funnel_sessions_report_idx" ON "funnel_sessions" (
    "funnelId", "startedAt", "variantId", "status", "leadId", "orderId",
    "totalAmount", "discountCode", "discountAmount", "currency"
);

-- index voice_calls_companyId_customerId_idx
CREATE INDEX "voice_calls_companyId_customerId_idx" ON "voice_calls"("companyId", "customerId");

-- index voice_calls_companyId_initiatedAt_idx
CREATE INDEX "voice_calls_companyId_initiatedAt_idx" ON "voice_calls"("companyId", "initiatedAt");

-- index voice_calls_interventionId_key
CREATE UNIQUE INDEX "voice_calls_interventionId_key" ON "voice_calls"("interventionId");

-- index voice_calls_status_outcome_idx
CREATE INDEX "voice_calls_status_outcome_idx" ON "voice_calls"("status", "outcome");

-- index voice_calls_twilioCallSid_idx
CREATE INDEX "voice_calls_twilioCallSid_idx" ON "voice_calls"("twilioCallSid");

-- index voice_calls_twilioCallSid_key
CREATE UNIQUE INDEX "voice_calls_twilioCallSid_key" ON "voice_calls"("twilioCallSid");
