extension MigrationCatalog {
    static let addProductImportSystem = Migration(
        name: "20251227_add_product_import_system",
        summary:
            "product_import_jobs, product_images, storage_usage, field_mapping_profiles; import columns on products",
        up: [
            .sql(
                """
                ALTER TABLE "products" ADD COLUMN "importSource" TEXT;
                ALTER TABLE "products" ADD COLUMN "externalId" TEXT;
                ALTER TABLE "products" ADD COLUMN "externalSku" TEXT;
                ALTER TABLE "products" ADD COLUMN "lastSyncedAt" TIMESTAMP_TEXT;
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
                    "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT \(SQLText.now),
                    "startedAt" TIMESTAMP_TEXT,
                    "completedAt" TIMESTAMP_TEXT,
                    CONSTRAINT "product_import_jobs_pkey" PRIMARY KEY ("id"),
                    CONSTRAINT "product_import_jobs_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE
                );
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
                    "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT \(SQLText.now),
                    "updatedAt" TIMESTAMP_TEXT NOT NULL,
                    CONSTRAINT "product_images_pkey" PRIMARY KEY ("id"),
                    CONSTRAINT "product_images_productId_fkey" FOREIGN KEY ("productId") REFERENCES "products"("id") ON DELETE CASCADE ON UPDATE CASCADE,
                    CONSTRAINT "product_images_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE
                );
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
                    "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT \(SQLText.now),
                    "updatedAt" TIMESTAMP_TEXT NOT NULL,
                    CONSTRAINT "storage_usage_pkey" PRIMARY KEY ("id")
                );
                CREATE TABLE "field_mapping_profiles" (
                    "id" TEXT NOT NULL,
                    "companyId" TEXT NOT NULL,
                    "provider" TEXT NOT NULL,
                    "name" TEXT NOT NULL,
                    "mappings" JSON_TEXT NOT NULL,
                    "isDefault" BOOLEAN NOT NULL DEFAULT 0,
                    "createdBy" TEXT NOT NULL,
                    "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT \(SQLText.now),
                    "updatedAt" TIMESTAMP_TEXT NOT NULL,
                    CONSTRAINT "field_mapping_profiles_pkey" PRIMARY KEY ("id"),
                    CONSTRAINT "field_mapping_profiles_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE
                );
                CREATE INDEX "product_import_jobs_companyId_status_idx" ON "product_import_jobs"("companyId", "status");
                CREATE INDEX "product_import_jobs_status_createdAt_idx" ON "product_import_jobs"("status", "createdAt");
                CREATE UNIQUE INDEX "product_images_s3Key_key" ON "product_images"("s3Key");
                CREATE INDEX "product_images_productId_idx" ON "product_images"("productId");
                CREATE INDEX "product_images_companyId_idx" ON "product_images"("companyId");
                CREATE INDEX "storage_usage_organizationId_idx" ON "storage_usage"("organizationId");
                CREATE INDEX "storage_usage_clientId_idx" ON "storage_usage"("clientId");
                CREATE INDEX "storage_usage_companyId_idx" ON "storage_usage"("companyId");
                CREATE UNIQUE INDEX "storage_usage_organizationId_clientId_companyId_month_key" ON "storage_usage"("organizationId", "clientId", "companyId", "month");
                CREATE UNIQUE INDEX "field_mapping_profiles_companyId_provider_name_key" ON "field_mapping_profiles"("companyId", "provider", "name");
                CREATE INDEX "products_companyId_importSource_idx" ON "products"("companyId", "importSource");
                CREATE UNIQUE INDEX "products_companyId_externalId_importSource_key" ON "products"("companyId", "externalId", "importSource");
                """)
        ],
        down: [
            .sql(
                """
                DROP INDEX "products_companyId_externalId_importSource_key";
                DROP INDEX "products_companyId_importSource_idx";
                DROP TABLE "field_mapping_profiles";
                DROP TABLE "storage_usage";
                DROP TABLE "product_images";
                DROP TABLE "product_import_jobs";
                ALTER TABLE "products" DROP COLUMN "lastSyncedAt";
                ALTER TABLE "products" DROP COLUMN "externalSku";
                ALTER TABLE "products" DROP COLUMN "externalId";
                ALTER TABLE "products" DROP COLUMN "importSource";
                """)
        ])
}
