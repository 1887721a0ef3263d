// Tables of production's baseline that tally mirrors, with every production column.
// Type mapping (docs/STORE.md): TIMESTAMP(3) → TIMESTAMP_TEXT (UTC, ms), DECIMAL(p,s) →
// SCALED_INTEGER(p,s) (the value × 10^s), JSONB → JSON_TEXT, TEXT[]/INTEGER[] → JSON_ARRAY_TEXT,
// BOOLEAN → BOOLEAN (0/1), DOUBLE PRECISION → REAL, enums → TEXT with a CHECK named after the enum.
// Foreign keys to tables tally does not mirror (users, subscriptions, interventions, ...) are left out.

extension MigrationCatalog {
    static let initBaseline = Migration(
        name: "00000000000000_init_baseline",
        summary: "core, funnel, lead, CS and order tables of the production baseline",
        up: [.sql(baselineUp)],
        down: [
            .sql(
                """
                DROP TABLE "funnel_ab_test_results";
                DROP TABLE "funnel_ab_tests";
                DROP TABLE "funnel_sessions";
                DROP TABLE "leads";
                DROP TABLE "funnel_variants";
                DROP TABLE "funnels";
                DROP TABLE "landing_pages";
                DROP TABLE "refunds";
                DROP TABLE "cs_sessions";
                DROP TABLE "voice_calls";
                DROP TABLE "orders";
                DROP TABLE "products";
                DROP TABLE "customers";
                DROP TABLE "companies";
                DROP TABLE "clients";
                DROP TABLE "organizations";
                """)
        ])

    private static let now = SQLText.now

    private static let baselineUp = """
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
            "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT \(now),
            "updatedAt" TIMESTAMP_TEXT NOT NULL,
            CONSTRAINT "organizations_pkey" PRIMARY KEY ("id")
        );
        CREATE UNIQUE INDEX "organizations_slug_key" ON "organizations"("slug");
        CREATE UNIQUE INDEX "organizations_domain_key" ON "organizations"("domain");

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
            "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT \(now),
            "updatedAt" TIMESTAMP_TEXT NOT NULL,
            "deletedAt" TIMESTAMP_TEXT,
            "deletedBy" TEXT,
            "cascadeId" TEXT,
            CONSTRAINT "clients_pkey" PRIMARY KEY ("id"),
            CONSTRAINT "clients_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE
        );
        CREATE UNIQUE INDEX "clients_code_key" ON "clients"("code");
        CREATE INDEX "clients_organizationId_idx" ON "clients"("organizationId");
        CREATE INDEX "clients_deletedAt_idx" ON "clients"("deletedAt");
        CREATE UNIQUE INDEX "clients_organizationId_slug_key" ON "clients"("organizationId", "slug");

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
            "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT \(now),
            "updatedAt" TIMESTAMP_TEXT NOT NULL,
            "deletedAt" TIMESTAMP_TEXT,
            "deletedBy" TEXT,
            "cascadeId" TEXT,
            CONSTRAINT "companies_pkey" PRIMARY KEY ("id"),
            CONSTRAINT "companies_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE CASCADE
        );
        CREATE UNIQUE INDEX "companies_code_key" ON "companies"("code");
        CREATE INDEX "companies_clientId_idx" ON "companies"("clientId");
        CREATE INDEX "companies_deletedAt_idx" ON "companies"("deletedAt");
        CREATE UNIQUE INDEX "companies_clientId_slug_key" ON "companies"("clientId", "slug");

        CREATE TABLE "customers" (
            "id" TEXT NOT NULL,
            "companyId" TEXT NOT NULL,
            "email" TEXT NOT NULL,
            "firstName" TEXT,
            "lastName" TEXT,
            "phone" TEXT,
            "metadata" JSON_TEXT NOT NULL DEFAULT '{}',
            "status" TEXT NOT NULL DEFAULT 'ACTIVE' CONSTRAINT "CustomerStatus" CHECK ("status" IN ('ACTIVE', 'INACTIVE', 'BLOCKED')),
            "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT \(now),
            "updatedAt" TIMESTAMP_TEXT NOT NULL,
            "deletedAt" TIMESTAMP_TEXT,
            "deletedBy" TEXT,
            "cascadeId" TEXT,
            CONSTRAINT "customers_pkey" PRIMARY KEY ("id"),
            CONSTRAINT "customers_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE
        );
        CREATE INDEX "customers_companyId_email_idx" ON "customers"("companyId", "email");
        CREATE INDEX "customers_deletedAt_idx" ON "customers"("deletedAt");
        CREATE UNIQUE INDEX "customers_companyId_email_deletedAt_key" ON "customers"("companyId", "email", "deletedAt");

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
            "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT \(now),
            "updatedAt" TIMESTAMP_TEXT NOT NULL,
            "aiGeneratedDescription" BOOLEAN NOT NULL DEFAULT 0,
            "aiGeneratedAt" TIMESTAMP_TEXT,
            "attributes" JSON_TEXT,
            "deletedAt" TIMESTAMP_TEXT,
            "deletedBy" TEXT,
            "cascadeId" TEXT,
            CONSTRAINT "products_pkey" PRIMARY KEY ("id"),
            CONSTRAINT "products_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE
        );
        CREATE INDEX "products_companyId_status_idx" ON "products"("companyId", "status");
        CREATE INDEX "products_companyId_status_trackInventory_idx" ON "products"("companyId", "status", "trackInventory");
        CREATE INDEX "products_deletedAt_idx" ON "products"("deletedAt");
        CREATE UNIQUE INDEX "products_companyId_sku_deletedAt_key" ON "products"("companyId", "sku", "deletedAt");
        CREATE UNIQUE INDEX "products_companyId_slug_deletedAt_key" ON "products"("companyId", "slug", "deletedAt");

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
            "orderedAt" TIMESTAMP_TEXT NOT NULL DEFAULT \(now),
            "confirmedAt" TIMESTAMP_TEXT,
            "canceledAt" TIMESTAMP_TEXT,
            "cancelReason" TEXT,
            "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT \(now),
            "updatedAt" TIMESTAMP_TEXT NOT NULL,
            "deletedAt" TIMESTAMP_TEXT,
            "deletedBy" TEXT,
            "cascadeId" TEXT,
            CONSTRAINT "orders_pkey" PRIMARY KEY ("id"),
            CONSTRAINT "orders_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE,
            CONSTRAINT "orders_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE
        );
        CREATE UNIQUE INDEX "orders_orderNumber_key" ON "orders"("orderNumber");
        CREATE INDEX "orders_companyId_orderedAt_idx" ON "orders"("companyId", "orderedAt");
        CREATE INDEX "orders_companyId_status_fulfillmentStatus_idx" ON "orders"("companyId", "status", "fulfillmentStatus");
        CREATE INDEX "orders_customerId_idx" ON "orders"("customerId");
        CREATE INDEX "orders_status_idx" ON "orders"("status");
        CREATE INDEX "orders_orderNumber_idx" ON "orders"("orderNumber");
        CREATE INDEX "orders_deletedAt_idx" ON "orders"("deletedAt");

        CREATE TABLE "voice_calls" (
            "id" TEXT NOT NULL,
            "companyId" TEXT NOT NULL,
            "customerId" TEXT NOT NULL,
            "interventionId" TEXT,
            "twilioCallSid" TEXT NOT NULL,
            "direction" TEXT NOT NULL CONSTRAINT "CallDirection" CHECK ("direction" IN ('INBOUND', 'OUTBOUND')),
            "fromNumber" TEXT NOT NULL,
            "toNumber" TEXT NOT NULL,
            "initiatedAt" TIMESTAMP_TEXT NOT NULL DEFAULT \(now),
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
            "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT \(now),
            "updatedAt" TIMESTAMP_TEXT NOT NULL,
            CONSTRAINT "voice_calls_pkey" PRIMARY KEY ("id"),
            CONSTRAINT "voice_calls_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE,
            CONSTRAINT "voice_calls_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE CASCADE
        );
        CREATE UNIQUE INDEX "voice_calls_interventionId_key" ON "voice_calls"("interventionId");
        CREATE UNIQUE INDEX "voice_calls_twilioCallSid_key" ON "voice_calls"("twilioCallSid");
        CREATE INDEX "voice_calls_companyId_customerId_idx" ON "voice_calls"("companyId", "customerId");
        CREATE INDEX "voice_calls_twilioCallSid_idx" ON "voice_calls"("twilioCallSid");
        CREATE INDEX "voice_calls_status_outcome_idx" ON "voice_calls"("status", "outcome");
        CREATE INDEX "voice_calls_companyId_initiatedAt_idx" ON "voice_calls"("companyId", "initiatedAt");

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
            "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT \(now),
            "updatedAt" TIMESTAMP_TEXT NOT NULL,
            "resolvedAt" TIMESTAMP_TEXT,
            CONSTRAINT "cs_sessions_pkey" PRIMARY KEY ("id")
        );
        CREATE INDEX "cs_sessions_companyId_idx" ON "cs_sessions"("companyId");
        CREATE INDEX "cs_sessions_customerId_idx" ON "cs_sessions"("customerId");
        CREATE INDEX "cs_sessions_status_idx" ON "cs_sessions"("status");
        CREATE INDEX "cs_sessions_currentTier_idx" ON "cs_sessions"("currentTier");

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
            "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT \(now),
            "updatedAt" TIMESTAMP_TEXT NOT NULL,
            "completedAt" TIMESTAMP_TEXT,
            CONSTRAINT "refunds_pkey" PRIMARY KEY ("id"),
            CONSTRAINT "refunds_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE,
            CONSTRAINT "refunds_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
            CONSTRAINT "refunds_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "orders"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
            CONSTRAINT "refunds_csSessionId_fkey" FOREIGN KEY ("csSessionId") REFERENCES "cs_sessions"("id") ON DELETE SET NULL ON UPDATE CASCADE
        );
        CREATE INDEX "refunds_companyId_idx" ON "refunds"("companyId");
        CREATE INDEX "refunds_customerId_idx" ON "refunds"("customerId");
        CREATE INDEX "refunds_orderId_idx" ON "refunds"("orderId");
        CREATE INDEX "refunds_status_idx" ON "refunds"("status");
        CREATE INDEX "refunds_type_idx" ON "refunds"("type");

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
            "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT \(now),
            "updatedAt" TIMESTAMP_TEXT NOT NULL,
            "deletedAt" TIMESTAMP_TEXT,
            "deletedBy" TEXT,
            CONSTRAINT "landing_pages_pkey" PRIMARY KEY ("id"),
            CONSTRAINT "landing_pages_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE
        );
        CREATE UNIQUE INDEX "landing_pages_subdomain_key" ON "landing_pages"("subdomain");
        CREATE INDEX "landing_pages_subdomain_idx" ON "landing_pages"("subdomain");
        CREATE INDEX "landing_pages_status_idx" ON "landing_pages"("status");
        CREATE INDEX "landing_pages_deletedAt_idx" ON "landing_pages"("deletedAt");
        CREATE UNIQUE INDEX "landing_pages_companyId_slug_deletedAt_key" ON "landing_pages"("companyId", "slug", "deletedAt");

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
            "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT \(now),
            "updatedAt" TIMESTAMP_TEXT NOT NULL,
            "createdBy" TEXT NOT NULL,
            CONSTRAINT "funnels_pkey" PRIMARY KEY ("id"),
            CONSTRAINT "funnels_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE
        );
        CREATE UNIQUE INDEX "funnels_shortId_key" ON "funnels"("shortId");
        CREATE INDEX "funnels_companyId_idx" ON "funnels"("companyId");
        CREATE INDEX "funnels_status_idx" ON "funnels"("status");
        CREATE INDEX "funnels_shortId_idx" ON "funnels"("shortId");
        CREATE UNIQUE INDEX "funnels_companyId_slug_key" ON "funnels"("companyId", "slug");

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
            "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT \(now),
            "updatedAt" TIMESTAMP_TEXT NOT NULL,
            CONSTRAINT "funnel_variants_pkey" PRIMARY KEY ("id"),
            CONSTRAINT "funnel_variants_funnelId_fkey" FOREIGN KEY ("funnelId") REFERENCES "funnels"("id") ON DELETE CASCADE ON UPDATE CASCADE
        );
        CREATE INDEX "funnel_variants_funnelId_idx" ON "funnel_variants"("funnelId");
        CREATE INDEX "funnel_variants_status_idx" ON "funnel_variants"("status");

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
            "firstSeenAt" TIMESTAMP_TEXT NOT NULL DEFAULT \(now),
            "lastSeenAt" TIMESTAMP_TEXT NOT NULL DEFAULT \(now),
            "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT \(now),
            "updatedAt" TIMESTAMP_TEXT NOT NULL,
            "deletedAt" TIMESTAMP_TEXT,
            "deletedBy" TEXT,
            CONSTRAINT "leads_pkey" PRIMARY KEY ("id"),
            CONSTRAINT "leads_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE,
            CONSTRAINT "leads_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "customers"("id") ON DELETE SET NULL ON UPDATE CASCADE
        );
        CREATE UNIQUE INDEX "leads_customerId_key" ON "leads"("customerId");
        CREATE INDEX "leads_companyId_idx" ON "leads"("companyId");
        CREATE INDEX "leads_status_idx" ON "leads"("status");
        CREATE INDEX "leads_email_idx" ON "leads"("email");
        CREATE INDEX "leads_phone_idx" ON "leads"("phone");
        CREATE INDEX "leads_funnelId_idx" ON "leads"("funnelId");
        CREATE INDEX "leads_engagementScore_idx" ON "leads"("engagementScore");
        CREATE INDEX "leads_lastSeenAt_idx" ON "leads"("lastSeenAt");
        CREATE INDEX "leads_convertedAt_idx" ON "leads"("convertedAt");
        CREATE UNIQUE INDEX "leads_companyId_email_key" ON "leads"("companyId", "email");

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
            "startedAt" TIMESTAMP_TEXT NOT NULL DEFAULT \(now),
            "lastActivityAt" TIMESTAMP_TEXT NOT NULL DEFAULT \(now),
            "completedAt" TIMESTAMP_TEXT,
            "abandonedAt" TIMESTAMP_TEXT,
            CONSTRAINT "funnel_sessions_pkey" PRIMARY KEY ("id"),
            CONSTRAINT "funnel_sessions_funnelId_fkey" FOREIGN KEY ("funnelId") REFERENCES "funnels"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
            CONSTRAINT "funnel_sessions_variantId_fkey" FOREIGN KEY ("variantId") REFERENCES "funnel_variants"("id") ON DELETE SET NULL ON UPDATE CASCADE,
            CONSTRAINT "funnel_sessions_leadId_fkey" FOREIGN KEY ("leadId") REFERENCES "leads"("id") ON DELETE SET NULL ON UPDATE CASCADE
        );
        CREATE UNIQUE INDEX "funnel_sessions_sessionToken_key" ON "funnel_sessions"("sessionToken");
        CREATE UNIQUE INDEX "funnel_sessions_orderId_key" ON "funnel_sessions"("orderId");
        CREATE INDEX "funnel_sessions_funnelId_idx" ON "funnel_sessions"("funnelId");
        CREATE INDEX "funnel_sessions_variantId_idx" ON "funnel_sessions"("variantId");
        CREATE INDEX "funnel_sessions_leadId_idx" ON "funnel_sessions"("leadId");
        CREATE INDEX "funnel_sessions_status_idx" ON "funnel_sessions"("status");
        CREATE INDEX "funnel_sessions_startedAt_idx" ON "funnel_sessions"("startedAt");

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
            "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT \(now),
            "updatedAt" TIMESTAMP_TEXT NOT NULL,
            "createdBy" TEXT NOT NULL,
            CONSTRAINT "funnel_ab_tests_pkey" PRIMARY KEY ("id"),
            CONSTRAINT "funnel_ab_tests_funnelId_fkey" FOREIGN KEY ("funnelId") REFERENCES "funnels"("id") ON DELETE CASCADE ON UPDATE CASCADE
        );
        CREATE INDEX "funnel_ab_tests_funnelId_idx" ON "funnel_ab_tests"("funnelId");
        CREATE INDEX "funnel_ab_tests_status_idx" ON "funnel_ab_tests"("status");

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
            "calculatedAt" TIMESTAMP_TEXT NOT NULL DEFAULT \(now),
            CONSTRAINT "funnel_ab_test_results_pkey" PRIMARY KEY ("id"),
            CONSTRAINT "funnel_ab_test_results_testId_fkey" FOREIGN KEY ("testId") REFERENCES "funnel_ab_tests"("id") ON DELETE CASCADE ON UPDATE CASCADE,
            CONSTRAINT "funnel_ab_test_results_variantId_fkey" FOREIGN KEY ("variantId") REFERENCES "funnel_variants"("id") ON DELETE RESTRICT ON UPDATE CASCADE
        );
        CREATE INDEX "funnel_ab_test_results_testId_idx" ON "funnel_ab_test_results"("testId");
        CREATE INDEX "funnel_ab_test_results_variantId_idx" ON "funnel_ab_test_results"("variantId");
        """
}
