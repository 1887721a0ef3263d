extension MigrationCatalog {
    private static let landingPageSiteColumn =
        #""siteId" TEXT CONSTRAINT "landing_pages_siteId_fkey" REFERENCES "sites"("id") ON DELETE SET NULL ON UPDATE CASCADE"#
    private static let funnelSiteColumn =
        #""siteId" TEXT CONSTRAINT "funnels_siteId_fkey" REFERENCES "sites"("id") ON DELETE SET NULL ON UPDATE CASCADE"#

    static let addSitesModel = Migration(
        name: "20241224000000_add_sites_model",
        summary: "sites table; siteId on landing_pages and funnels",
        up: [
            .sql(
                """
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
                    "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT \(SQLText.now),
                    "updatedAt" TIMESTAMP_TEXT NOT NULL,
                    "deletedAt" TIMESTAMP_TEXT,
                    "deletedBy" TEXT,
                    "cascadeId" TEXT,
                    CONSTRAINT "sites_pkey" PRIMARY KEY ("id"),
                    CONSTRAINT "sites_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE
                );
                CREATE UNIQUE INDEX "sites_code_key" ON "sites"("code");
                CREATE INDEX "sites_companyId_idx" ON "sites"("companyId");
                CREATE INDEX "sites_domain_idx" ON "sites"("domain");
                CREATE INDEX "sites_deletedAt_idx" ON "sites"("deletedAt");
                CREATE UNIQUE INDEX "sites_companyId_slug_key" ON "sites"("companyId", "slug");
                ALTER TABLE "landing_pages" ADD COLUMN \(landingPageSiteColumn);
                ALTER TABLE "funnels" ADD COLUMN \(funnelSiteColumn);
                """)
        ],
        down: [
            .removeAddedColumn(table: "funnels", name: "siteId", definition: funnelSiteColumn),
            .removeAddedColumn(table: "landing_pages", name: "siteId", definition: landingPageSiteColumn),
            .sql(#"DROP TABLE "sites";"#),
        ])
}
