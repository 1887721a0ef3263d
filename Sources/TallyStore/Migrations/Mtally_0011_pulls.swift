// The pulls from PostgreSQL (docs/LOADING.md, "Pulling from PostgreSQL"): for each load that read
// a source, the source (without credentials), the schema, the snapshot's instant (the source's
// now()) and the mode; and per source table the snapshot of its latest pull, from which
// `--since-last` reads what changed. Row counts per table are the load's tally_load_files rows.
extension MigrationCatalog {
    static let tallyPulls = Migration(
        name: "tally_0011_pulls",
        summary: "tally's own: pulls from PostgreSQL (tally_pulls) and their per-table watermarks (tally_pull_tables)",
        up: [
            .sql(
                """
                CREATE TABLE "tally_pulls" (
                    "loadId" INTEGER NOT NULL PRIMARY KEY REFERENCES "tally_loads"("id") ON DELETE CASCADE,
                    "source" TEXT NOT NULL,
                    "schemaName" TEXT NOT NULL,
                    "snapshotAt" TIMESTAMP_TEXT NOT NULL,
                    "mode" TEXT NOT NULL CHECK ("mode" IN ('all', 'since-last', 'full')),
                    "deletesFound" INTEGER NOT NULL,
                    "deletesApplied" INTEGER NOT NULL
                );
                CREATE TABLE "tally_pull_tables" (
                    "source" TEXT NOT NULL,
                    "schemaName" TEXT NOT NULL,
                    "tableName" TEXT NOT NULL,
                    "snapshotAt" TIMESTAMP_TEXT NOT NULL,
                    "loadId" INTEGER NOT NULL,
                    "incremental" BOOLEAN NOT NULL,
                    PRIMARY KEY ("source", "schemaName", "tableName")
                );
                """)
        ],
        down: [
            .sql(
                """
                DROP TABLE "tally_pull_tables";
                DROP TABLE "tally_pulls";
                """)
        ])
}
