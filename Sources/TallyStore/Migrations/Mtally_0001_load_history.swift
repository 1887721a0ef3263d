// tally's own tables carry the `tally_` prefix (docs/STORE.md, "tally's own tables") and so do its migrations, which
// sort after every production migration name (digits sort before letters).
extension MigrationCatalog {
    static let tallyLoadHistory = Migration(
        name: "tally_0001_load_history",
        summary: "tally's own: load history (tally_loads, tally_load_files) and settings (tally_settings)",
        up: [
            .sql(
                """
                CREATE TABLE "tally_settings" (
                    "key" TEXT NOT NULL PRIMARY KEY,
                    "value" TEXT NOT NULL
                );
                CREATE TABLE "tally_loads" (
                    "id" INTEGER NOT NULL PRIMARY KEY,
                    "startedAt" TIMESTAMP_TEXT NOT NULL,
                    "finishedAt" TIMESTAMP_TEXT NOT NULL,
                    "commandLine" TEXT NOT NULL,
                    "isStrict" BOOLEAN NOT NULL,
                    "keepsSensitive" BOOLEAN NOT NULL
                );
                CREATE TABLE "tally_load_files" (
                    "loadId" INTEGER NOT NULL REFERENCES "tally_loads"("id") ON DELETE CASCADE,
                    "position" INTEGER NOT NULL,
                    "path" TEXT NOT NULL,
                    "tableName" TEXT NOT NULL,
                    "format" TEXT NOT NULL,
                    "bytes" INTEGER NOT NULL,
                    "sha256" TEXT NOT NULL,
                    "read" INTEGER NOT NULL,
                    "inserted" INTEGER NOT NULL,
                    "updated" INTEGER NOT NULL,
                    "unchanged" INTEGER NOT NULL,
                    "rejected" INTEGER NOT NULL,
                    "warnings" INTEGER NOT NULL,
                    PRIMARY KEY ("loadId", "position")
                );
                """)
        ],
        down: [
            .sql(
                """
                DROP TABLE "tally_load_files";
                DROP TABLE "tally_loads";
                DROP TABLE "tally_settings";
                """)
        ])
}
