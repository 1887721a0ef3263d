// The reopenings of closes (docs/CLOSES.md, "Reopening a close"): a mistaken close is undone by
// `tally billing reopen` / `tally affiliate reopen`, which deletes what it wrote and records here
// what was undone, when (the --as-of given) and by whom. Written only through the close stage.
extension MigrationCatalog {
    static let tallyCloseReopenings = Migration(
        name: "tally_0010_close_reopenings",
        summary: "tally's own: the record of reopened closes (tally_close_reopenings)",
        up: [
            .sql(
                """
                CREATE TABLE "tally_close_reopenings" (
                    "id" TEXT NOT NULL PRIMARY KEY,
                    "closeId" TEXT NOT NULL,
                    "kind" TEXT NOT NULL,
                    "scopeKey" TEXT NOT NULL,
                    "closedAsOf" TEXT NOT NULL,
                    "inputsHash" TEXT NOT NULL,
                    "outputsHash" TEXT NOT NULL,
                    "outputCount" INTEGER NOT NULL,
                    "reopenedAsOf" TEXT NOT NULL,
                    "reopenedBy" TEXT NOT NULL
                );
                CREATE INDEX "tally_close_reopenings_closeId_idx" ON "tally_close_reopenings" ("closeId");
                """)
        ],
        down: [
            .sql(
                """
                DROP INDEX "tally_close_reopenings_closeId_idx";
                DROP TABLE "tally_close_reopenings";
                """)
        ])
}
