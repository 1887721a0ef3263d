extension MigrationCatalog {
    static let addProductImportIndexes = Migration(
        name: "20251229091239_add_product_import_indexes",
        summary: "indexes on field_mapping_profiles and product_import_jobs (not in the changelog)",
        up: [
            .sql(
                """
                CREATE INDEX "field_mapping_profiles_companyId_provider_idx" ON "field_mapping_profiles"("companyId", "provider");
                CREATE INDEX "product_import_jobs_companyId_idx" ON "product_import_jobs"("companyId");
                CREATE INDEX "product_import_jobs_provider_idx" ON "product_import_jobs"("provider");
                """)
        ],
        down: [
            .sql(
                """
                DROP INDEX "product_import_jobs_provider_idx";
                DROP INDEX "product_import_jobs_companyId_idx";
                DROP INDEX "field_mapping_profiles_companyId_provider_idx";
                """)
        ])
}
