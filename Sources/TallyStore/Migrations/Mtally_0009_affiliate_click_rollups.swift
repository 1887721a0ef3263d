// The affiliate click rollup (docs/AFFILIATE.md, "Performance"): each click as the affiliate
// reports' click columns count it — its visitor, its time in milliseconds, and a profile: company,
// partner, link, SubIDs (keys of tally_rollup_affiliate_names), status, and the standing a pass
// over every click derives (duplicate, bot, fraud score above the threshold) — stored in the order
// of that pass, so a report reads three integers per click in visitor order instead of sorting
// every click of the store. Kept by the loader like the other rollups, with its own state row: a
// click change marks its visitor in tally_rollup_affiliate_dirty (tally_rollup_affiliate_visitors
// says where each visitor's clicks are, so a load redoes the visitors it touched), a change to
// affiliate_program_configs (the deduplication window and the fraud threshold decide the standing)
// marks the whole rollup stale.
extension MigrationCatalog {
    static let tallyAffiliateClickRollups = Migration(
        name: "tally_0009_affiliate_click_rollups",
        summary: "tally's own: affiliate clicks as the click columns count them, in visitor order",
        up: [
            .sql(
                """
                CREATE TABLE "tally_rollup_affiliate_state" (
                    "id" INTEGER NOT NULL PRIMARY KEY CHECK ("id" = 1),
                    "rebuiltAtLoadId" INTEGER
                );
                CREATE TABLE "tally_rollup_affiliate_names" (
                    "key" INTEGER NOT NULL PRIMARY KEY,
                    "text" TEXT NOT NULL
                );
                CREATE TABLE "tally_rollup_affiliate_profiles" (
                    "key" INTEGER NOT NULL PRIMARY KEY,
                    "company" INTEGER NOT NULL,
                    "partner" INTEGER NOT NULL,
                    "link" INTEGER NOT NULL,
                    "subId1" INTEGER NOT NULL,
                    "subId2" INTEGER NOT NULL,
                    "subId3" INTEGER NOT NULL,
                    "subId4" INTEGER NOT NULL,
                    "subId5" INTEGER NOT NULL,
                    "status" INTEGER NOT NULL,
                    "flags" INTEGER NOT NULL
                );
                CREATE TABLE "tally_rollup_affiliate_dirty" (
                    "visitorId" TEXT NOT NULL PRIMARY KEY
                ) WITHOUT ROWID;
                CREATE TABLE "tally_rollup_affiliate_visitors" (
                    "visitorId" TEXT NOT NULL PRIMARY KEY,
                    "number" INTEGER NOT NULL,
                    "firstSeq" INTEGER NOT NULL,
                    "lastSeq" INTEGER NOT NULL
                ) WITHOUT ROWID;
                CREATE TABLE "tally_rollup_affiliate_clicks" (
                    "seq" INTEGER NOT NULL PRIMARY KEY,
                    "visitor" INTEGER NOT NULL,
                    "profile" INTEGER NOT NULL,
                    "clickedAtMs" INTEGER NOT NULL
                );
                """),
            .sql(RollupTriggers.affiliate.creates.joined(separator: "\n")),
        ],
        down: [
            .sql(RollupTriggers.affiliate.drops.joined(separator: "\n")),
            .sql(
                """
                DROP TABLE "tally_rollup_affiliate_clicks";
                DROP TABLE "tally_rollup_affiliate_visitors";
                DROP TABLE "tally_rollup_affiliate_dirty";
                DROP TABLE "tally_rollup_affiliate_profiles";
                DROP TABLE "tally_rollup_affiliate_names";
                DROP TABLE "tally_rollup_affiliate_state";
                """),
        ])
}
