// An integer identity for each `ipAddressHash` in the affiliate click rollup, so the fraud view
// counts distinct addresses per partner from the rollup's narrow rows instead of a temporary
// b-tree of hash texts over every click (issue 26: 13× a scan of the clicks). Keys are dense from
// 1, assigned in hash order at a rebuild and continued by later loads; 0 stands for a NULL hash.
// Existing rollup rows cannot know their keys: the migration marks the click rollup stale and the
// next load rebuilds it (reports meanwhile pass over the clicks, the same bytes).
extension MigrationCatalog {
    static let tallyAffiliateIPKeys = Migration(
        name: "tally_0013_affiliate_ip_keys",
        summary: "tally's own: ipAddressHash keys in the affiliate click rollup (tally_rollup_affiliate_ips)",
        up: [
            .sql(
                """
                CREATE TABLE "tally_rollup_affiliate_ips" (
                    "hash" TEXT NOT NULL PRIMARY KEY,
                    "key" INTEGER NOT NULL
                ) WITHOUT ROWID;
                ALTER TABLE "tally_rollup_affiliate_clicks" ADD COLUMN "ip" INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE "tally_rollup_affiliate_state" ADD COLUMN "ipKeys" INTEGER NOT NULL DEFAULT 0;
                DELETE FROM "tally_rollup_affiliate_state";
                """)
        ],
        down: [
            .sql(
                """
                DELETE FROM "tally_rollup_affiliate_state";
                ALTER TABLE "tally_rollup_affiliate_state" DROP COLUMN "ipKeys";
                ALTER TABLE "tally_rollup_affiliate_clicks" DROP COLUMN "ip";
                DROP TABLE "tally_rollup_affiliate_ips";
                """)
        ])
}
