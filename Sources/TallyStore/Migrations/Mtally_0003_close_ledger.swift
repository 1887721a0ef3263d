// The close stage's ledger (docs/CLOSES.md): one row per close that wrote to the store, and the
// inputs and outputs it included with their content hashes, so a re-run can tell "unchanged" from
// "changed since the close" and name what changed.
extension MigrationCatalog {
    static let tallyCloseLedger = Migration(
        name: "tally_0003_close_ledger",
        summary: "tally's own: the close ledger (tally_closes, tally_close_items)",
        up: [
            .sql(
                """
                CREATE TABLE "tally_closes" (
                    "id" TEXT NOT NULL PRIMARY KEY,
                    "kind" TEXT NOT NULL,
                    "scopeKey" TEXT NOT NULL,
                    "asOf" TIMESTAMP_TEXT NOT NULL,
                    "inputsHash" TEXT NOT NULL,
                    "outputsHash" TEXT NOT NULL,
                    "inputCount" INTEGER NOT NULL,
                    "outputCount" INTEGER NOT NULL
                );
                CREATE UNIQUE INDEX "tally_closes_kind_scopeKey_key" ON "tally_closes" ("kind", "scopeKey");
                CREATE TABLE "tally_close_items" (
                    "closeId" TEXT NOT NULL REFERENCES "tally_closes"("id") ON DELETE CASCADE,
                    "role" TEXT NOT NULL,
                    "tableName" TEXT NOT NULL,
                    "rowId" TEXT NOT NULL,
                    "contentHash" TEXT NOT NULL,
                    CONSTRAINT "CloseItemRole" CHECK ("role" IN ('INPUT', 'OUTPUT')),
                    PRIMARY KEY ("closeId", "role", "tableName", "rowId")
                ) WITHOUT ROWID;
                """)
        ],
        down: [
            .sql(
                """
                DROP TABLE "tally_close_items";
                DROP INDEX "tally_closes_kind_scopeKey_key";
                DROP TABLE "tally_closes";
                """)
        ])
}
