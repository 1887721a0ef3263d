// The changelog lists this migration as 20251231201625_add_cart_and_session_partial_indexes, a name
// that sorts before the tables it indexes exist. Production's repository names it 20260101140600_...;
// tally uses production's name (ordering holds) and shows the changelog's name as its alias.
extension MigrationCatalog {
    static let addCartAndSessionPartialIndexes = Migration(
        name: "20260101140600_add_cart_and_session_partial_indexes",
        changelogAlias: "20251231201625_add_cart_and_session_partial_indexes",
        summary: "partial indexes for cart recovery, cart expiration and cross-site session cleanup",
        up: [
            .sql(
                """
                CREATE INDEX "idx_carts_recovery_candidates" ON "carts"("companyId", "abandonedAt", "recoveryEmailSent") WHERE "status" = 'ABANDONED' AND "recoveryEmailSent" = 0;
                CREATE INDEX "idx_cross_site_sessions_cleanup" ON "cross_site_sessions"("expiresAt") WHERE "status" = 'ACTIVE';
                CREATE INDEX "idx_carts_expiration" ON "carts"("expiresAt") WHERE "status" = 'ACTIVE' AND "expiresAt" IS NOT NULL;
                """)
        ],
        down: [
            .sql(
                """
                DROP INDEX "idx_carts_recovery_candidates";
                DROP INDEX "idx_cross_site_sessions_cleanup";
                DROP INDEX "idx_carts_expiration";
                """)
        ])
}
