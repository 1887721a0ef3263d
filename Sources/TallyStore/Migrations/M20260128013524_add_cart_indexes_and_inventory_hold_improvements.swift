// Not in the changelog. Production drops inventory_holds.status (TEXT) and adds it back as the
// InventoryHoldStatus enum, which PostgreSQL places last and fills with its default (the old values
// are lost, as production's migration warns); it also adds a foreign key on productId. SQLite can do
// neither in place, so the table is rebuilt.
extension MigrationCatalog {
    static let inventoryHoldsBodyWithEnumStatus = """
        (
            "id" TEXT NOT NULL,
            "companyId" TEXT NOT NULL,
            "cartId" TEXT NOT NULL,
            "orderId" TEXT,
            "productId" TEXT NOT NULL,
            "variantId" TEXT NOT NULL DEFAULT '',
            "quantity" INTEGER NOT NULL,
            "expiresAt" TIMESTAMP_TEXT NOT NULL,
            "releasedAt" TIMESTAMP_TEXT,
            "convertedAt" TIMESTAMP_TEXT,
            "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT \(SQLText.now),
            "updatedAt" TIMESTAMP_TEXT NOT NULL,
            "status" TEXT NOT NULL DEFAULT 'ACTIVE' CONSTRAINT "InventoryHoldStatus" CHECK ("status" IN ('ACTIVE', 'RELEASED', 'CONVERTED', 'EXPIRED')),
            CONSTRAINT "inventory_holds_pkey" PRIMARY KEY ("id"),
            CONSTRAINT "inventory_holds_cartId_fkey" FOREIGN KEY ("cartId") REFERENCES "carts"("id") ON DELETE CASCADE ON UPDATE CASCADE,
            CONSTRAINT "inventory_holds_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE,
            CONSTRAINT "inventory_holds_productId_fkey" FOREIGN KEY ("productId") REFERENCES "products"("id") ON DELETE CASCADE ON UPDATE CASCADE
        )
        """

    static let addCartIndexesAndInventoryHoldImprovements = Migration(
        name: "20260128013524_add_cart_indexes_and_inventory_hold_improvements",
        summary:
            "inventory_holds.status becomes the InventoryHoldStatus enum, productId gets its foreign key; carts activity index",
        up: [
            .rebuildTable(table: "inventory_holds", body: inventoryHoldsBodyWithEnumStatus, resetColumns: ["status"]),
            .sql(
                #"CREATE INDEX "carts_companyId_status_lastActivityAt_idx" ON "carts"("companyId", "status", "lastActivityAt");"#
            ),
        ],
        down: [
            .sql(#"DROP INDEX "carts_companyId_status_lastActivityAt_idx";"#),
            .rebuildTable(table: "inventory_holds", body: inventoryHoldsBodyWithTextStatus, resetColumns: []),
        ])
}
