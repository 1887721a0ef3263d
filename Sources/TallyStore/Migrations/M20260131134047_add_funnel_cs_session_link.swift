extension MigrationCatalog {
    private static let funnelSessionCSSessionColumn =
        #""csSessionId" TEXT CONSTRAINT "funnel_sessions_csSessionId_fkey" REFERENCES "cs_sessions"("id") ON DELETE SET NULL ON UPDATE CASCADE"#

    static let addFunnelCSSessionLink = Migration(
        name: "20260131134047_add_funnel_cs_session_link",
        summary: "consent timestamps and csSessionId on funnel_sessions",
        up: [
            .sql(
                """
                ALTER TABLE "funnel_sessions" ADD COLUMN \(funnelSessionCSSessionColumn);
                ALTER TABLE "funnel_sessions" ADD COLUMN "privacyAcceptedAt" TIMESTAMP_TEXT;
                ALTER TABLE "funnel_sessions" ADD COLUMN "termsAcceptedAt" TIMESTAMP_TEXT;
                CREATE INDEX "funnel_sessions_csSessionId_idx" ON "funnel_sessions"("csSessionId");
                """)
        ],
        // The changelog's rollback drops the constraint first; SQLite drops a foreign key only by
        // rebuilding the table, which the last step does.
        down: [
            .sql(
                """
                DROP INDEX "funnel_sessions_csSessionId_idx";
                ALTER TABLE "funnel_sessions" DROP COLUMN "termsAcceptedAt";
                ALTER TABLE "funnel_sessions" DROP COLUMN "privacyAcceptedAt";
                """),
            .removeAddedColumn(table: "funnel_sessions", name: "csSessionId", definition: funnelSessionCSSessionColumn),
        ])
}
