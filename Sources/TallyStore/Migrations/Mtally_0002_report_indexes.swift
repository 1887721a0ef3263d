// An index production does not have, added for tally's reports with a measured reason: both
// session reports read every session of the funnels in scope and the date range. Through
// production's `funnel_sessions_funnelId_status_lastActivityAt_idx` SQLite must fetch each wide
// session row; this index holds every column those reports read, so they never touch the table.
// Scale-100 store (1M sessions): variant-conversion 6.2 s → 1.25 s, discount-codes 6.9 s → 2.9 s,
// for a 1.9 s index build at load (docs/STORE.md).
extension MigrationCatalog {
    static let tallyReportIndexes = Migration(
        name: "tally_0002_report_indexes",
        summary: "tally's own: a covering index on funnel_sessions for the session reports",
        up: [
            .sql(
                """
                CREATE INDEX "tally_funnel_sessions_report_idx" ON "funnel_sessions" (
                    "funnelId", "startedAt", "variantId", "status", "leadId", "orderId",
                    "totalAmount", "discountCode", "discountAmount", "currency"
                );
                """)
        ],
        down: [
            .sql(#"DROP INDEX "tally_funnel_sessions_report_idx";"#)
        ])
}
