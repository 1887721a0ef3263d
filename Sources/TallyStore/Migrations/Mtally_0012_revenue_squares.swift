// The sum of squared per-session revenue beside the sum, per variant and day, so the A/B report's
// revenue statistics (standard error, Welch test, interval of the revenue lift) come from the
// rollup exactly as from the sessions (docs/REPORTS.md). Existing rows cannot know it: the
// migration marks the funnel rollups stale, and the next load rebuilds them (reports meanwhile read
// the base tables, the same bytes).
extension MigrationCatalog {
    static let tallyRevenueSquares = Migration(
        name: "tally_0012_revenue_squares",
        summary: "tally's own: Σ revenue² per variant and day in tally_rollup_variant_days",
        up: [
            .sql(
                """
                ALTER TABLE "tally_rollup_variant_days" ADD COLUMN "revenueSquaresHundredths" INTEGER;
                DELETE FROM "tally_rollup_state";
                """)
        ],
        down: [
            .sql(
                """
                ALTER TABLE "tally_rollup_variant_days" DROP COLUMN "revenueSquaresHundredths";
                DELETE FROM "tally_rollup_state";
                """)
        ])
}
