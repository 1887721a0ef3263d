extension MigrationCatalog {
    static let addAffiliateClickQueue = Migration(
        name: "20260203000000_add_affiliate_click_queue",
        summary: "affiliate_click_queue and the ClickQueueStatus enum",
        up: [
            .sql(
                """
                CREATE TABLE "affiliate_click_queue" (
                    "id" TEXT NOT NULL,
                    "partnerId" TEXT NOT NULL,
                    "linkId" TEXT NOT NULL,
                    "companyId" TEXT NOT NULL,
                    "ipAddress" VARCHAR(45) NOT NULL,
                    "userAgent" TEXT,
                    "referrer" TEXT,
                    "queuedAt" TIMESTAMP_TEXT NOT NULL DEFAULT \(SQLText.now),
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
                CREATE INDEX "affiliate_click_queue_status_queuedAt_idx" ON "affiliate_click_queue"("status", "queuedAt");
                CREATE INDEX "affiliate_click_queue_companyId_queuedAt_idx" ON "affiliate_click_queue"("companyId", "queuedAt");
                CREATE INDEX "affiliate_click_queue_queuedAt_idx" ON "affiliate_click_queue"("queuedAt");
                """)
        ],
        // The changelog's rollback, less DROP TYPE: enums live in the table's CHECK.
        down: [
            .sql(
                """
                DROP INDEX "affiliate_click_queue_queuedAt_idx";
                DROP INDEX "affiliate_click_queue_companyId_queuedAt_idx";
                DROP INDEX "affiliate_click_queue_status_queuedAt_idx";
                DROP TABLE "affiliate_click_queue";
                """)
        ])
}
