// Not in the changelog, which calls these funnel_sessions columns "existing" (docs/STORE.md, "Migrations").
// Its upsell, recommendation and cart-save tables are not mirrored.
extension MigrationCatalog {
    private static let funnelSessionCartColumn =
        #""cartId" TEXT CONSTRAINT "funnel_sessions_cartId_fkey" REFERENCES "carts"("id") ON DELETE SET NULL ON UPDATE CASCADE"#

    static let addCartThemeToLandingPage = Migration(
        name: "20260128005720_add_cart_theme_to_landing_page",
        summary: "cartId and checkoutBehavior on funnel_sessions; cartTheme and productCatalog on landing_pages",
        up: [
            .sql(
                """
                ALTER TABLE "funnel_sessions" ADD COLUMN \(funnelSessionCartColumn);
                ALTER TABLE "funnel_sessions" ADD COLUMN "checkoutBehavior" JSON_TEXT;
                ALTER TABLE "landing_pages" ADD COLUMN "cartTheme" JSON_TEXT NOT NULL DEFAULT '{}';
                ALTER TABLE "landing_pages" ADD COLUMN "productCatalog" JSON_TEXT NOT NULL DEFAULT '{}';
                CREATE INDEX "funnel_sessions_cartId_idx" ON "funnel_sessions"("cartId");
                """)
        ],
        down: [
            .sql(
                """
                DROP INDEX "funnel_sessions_cartId_idx";
                ALTER TABLE "landing_pages" DROP COLUMN "productCatalog";
                ALTER TABLE "landing_pages" DROP COLUMN "cartTheme";
                ALTER TABLE "funnel_sessions" DROP COLUMN "checkoutBehavior";
                """),
            .removeAddedColumn(table: "funnel_sessions", name: "cartId", definition: funnelSessionCartColumn),
        ])
}
