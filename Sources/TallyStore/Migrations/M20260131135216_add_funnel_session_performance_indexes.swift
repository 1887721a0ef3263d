extension MigrationCatalog {
    static let addFunnelSessionPerformanceIndexes = Migration(
        name: "20260131135216_add_funnel_session_performance_indexes",
        summary: "funnel, status and activity indexes on funnel_sessions",
        up: [
            .sql(
                """
                CREATE INDEX "funnel_sessions_funnelId_status_lastActivityAt_idx" ON "funnel_sessions"("funnelId", "status", "lastActivityAt");
                CREATE INDEX "funnel_sessions_termsAcceptedAt_idx" ON "funnel_sessions"("termsAcceptedAt");
                CREATE INDEX "funnel_sessions_privacyAcceptedAt_idx" ON "funnel_sessions"("privacyAcceptedAt");
                CREATE INDEX "funnel_sessions_lastActivityAt_idx" ON "funnel_sessions"("lastActivityAt");
                """)
        ],
        down: [
            .sql(
                """
                DROP INDEX "funnel_sessions_funnelId_status_lastActivityAt_idx";
                DROP INDEX "funnel_sessions_termsAcceptedAt_idx";
                DROP INDEX "funnel_sessions_privacyAcceptedAt_idx";
                DROP INDEX "funnel_sessions_lastActivityAt_idx";
                """)
        ])
}
