import GRDB
import XCTest

@testable import TallyStore

/// The mirrored schema against production's facts, written out by hand from
/// `apps/api/prisma/migrations/*/migration.sql` of thew0lf/payment-platform and the changelog.
final class SchemaContentTests: XCTestCase {
    private func columns(_ table: String, in store: Store) throws -> [String] {
        try store.queue.read { db in try db.columns(in: table).map(\.name) }
    }

    private func indexNames(in store: Store) throws -> Set<String> {
        Set(try store.schemaDump().entries.filter { $0.type == "index" }.map(\.name))
    }

    /// Every index the changelog names exists once its migration is applied.
    func testChangelogIndexNamesExistAfterTheirMigration() throws {
        let expected: [(migration: String, indexes: [String])] = [
            (
                "20241224100000_add_cs_ai_usage_tables",
                [
                    "cs_ai_usage_companyId_occurredAt_idx", "cs_ai_usage_clientId_billingPeriod_idx",
                    "cs_ai_usage_usageType_occurredAt_idx", "cs_ai_usage_invoiced_idx",
                    "cs_ai_pricing_organizationId_key", "cs_ai_usage_summary_companyId_periodStart_key",
                ]
            ),
            (
                "20251231201625_add_cart_and_session_partial_indexes",
                [
                    "idx_carts_recovery_candidates", "idx_cross_site_sessions_cleanup", "idx_carts_expiration",
                ]
            ),
            (
                "20260102215624_add_landing_page_cart_integration",
                [
                    "carts_landingPageId_idx", "carts_sourceType_companyId_status_idx",
                    "landing_page_sessions_sessionToken_key", "landing_page_sessions_cartId_key",
                    "landing_page_sessions_landingPageId_startedAt_idx",
                    "landing_page_sessions_landingPageId_status_idx",
                    "landing_page_sessions_companyId_startedAt_idx", "landing_page_sessions_companyId_convertedAt_idx",
                    "landing_page_sessions_status_idx",
                ]
            ),
            ("20260131134047_add_funnel_cs_session_link", ["funnel_sessions_csSessionId_idx"]),
            (
                "20260131135216_add_funnel_session_performance_indexes",
                [
                    "funnel_sessions_funnelId_status_lastActivityAt_idx", "funnel_sessions_termsAcceptedAt_idx",
                    "funnel_sessions_privacyAcceptedAt_idx", "funnel_sessions_lastActivityAt_idx",
                ]
            ),
            (
                "20260131160000_phase4_lead_variant_discount_tracking",
                [
                    "leads_variantId_idx", "funnel_sessions_discountCode_idx",
                ]
            ),
            (
                "20260131200000_add_affiliate_program",
                [
                    "affiliate_partners_affiliateCode_key", "affiliate_clicks_idempotencyKey_key",
                    "affiliate_clicks_companyId_clickedAt_idx", "affiliate_conversions_orderId_key",
                    "affiliate_payouts_idempotencyKey_key", "affiliate_program_configs_companyId_key",
                ]
            ),
            (
                "20260203000000_add_affiliate_click_queue",
                [
                    "affiliate_click_queue_queuedAt_idx", "affiliate_click_queue_companyId_queuedAt_idx",
                    "affiliate_click_queue_status_queuedAt_idx",
                ]
            ),
        ]
        let store = try Store.open(path: ":memory:", migrate: .leaveAsIs)
        for (migration, indexes) in expected {
            try store.migrateUp(to: migration)
            let present = try indexNames(in: store)
            for index in indexes {
                XCTAssertTrue(present.contains(index), "\(index) missing after \(migration)")
            }
        }
    }

    func testPartialIndexesKeepTheirConditions() throws {
        let store = try Store.open(path: ":memory:")
        let sql = try store.queue.read { db in
            try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'idx_carts_expiration'")
        }
        XCTAssertEqual(
            sql,
            #"CREATE INDEX "idx_carts_expiration" ON "carts"("expiresAt") WHERE "status" = 'ACTIVE' AND "expiresAt" IS NOT NULL"#
        )
    }

    func testAffiliateClicksHasProductionsTwelveIndexes() throws {
        let store = try Store.open(path: ":memory:")
        let indexes = try store.schemaDump().entries.filter { $0.type == "index" && $0.table == "affiliate_clicks" }
        XCTAssertEqual(indexes.count, 12)
    }

    func testFunnelSessionsColumnsEqualProductions() throws {
        let store = try Store.open(path: ":memory:")
        XCTAssertEqual(
            try columns("funnel_sessions", in: store),
            [
                "id", "funnelId", "sessionToken", "variantId", "leadId", "currentStageOrder", "completedStages",
                "status", "selectedProducts", "customerInfo", "shippingAddress", "billingAddress", "customFields",
                "entryUrl", "utmSource", "utmMedium", "utmCampaign", "utmTerm", "utmContent", "referrer",
                "userAgent", "ipAddress", "deviceType", "browser", "os", "orderId", "totalAmount", "currency",
                "startedAt", "lastActivityAt", "completedAt", "abandonedAt",
                // 20260128005720_add_cart_theme_to_landing_page
                "cartId", "checkoutBehavior",
                // 20260131134047_add_funnel_cs_session_link
                "csSessionId", "privacyAcceptedAt", "termsAcceptedAt",
                // 20260131160000_phase4_lead_variant_discount_tracking
                "discountCode", "discountAmount",
            ])
    }

    func testAffiliateClicksColumnsEqualProductions() throws {
        let store = try Store.open(path: ":memory:")
        XCTAssertEqual(
            try columns("affiliate_clicks", in: store),
            [
                "id", "partnerId", "linkId", "companyId", "clickedAt", "ipAddressHash", "userAgent", "referrer",
                "deviceType", "browser", "os", "country", "region", "city", "subId1", "subId2", "subId3", "subId4",
                "subId5", "status", "fraudScore", "fraudReasons", "isUnique", "visitorId", "sessionId",
                "idempotencyKey",
                // 20260131210000_add_subid_config_and_conversion_subids
                "customParams",
            ])
    }

    func testCSAIUsageColumnsEqualProductions() throws {
        let store = try Store.open(path: ":memory:")
        XCTAssertEqual(
            try columns("cs_ai_usage", in: store),
            [
                "id", "companyId", "clientId", "csSessionId", "voiceCallId", "usageType", "tier", "channel",
                "durationSeconds", "messageCount", "aiMessageCount", "inputTokens", "outputTokens",
                "twilioMinutes", "twilioCostCents", "baseCost", "markupCost", "totalCost", "billingPeriod",
                "invoiced", "invoicedAt", "invoiceId", "metadata", "occurredAt", "createdAt",
            ])
    }

    func testInventoryHoldStatusBecomesAnEnumPlacedLast() throws {
        let store = try Store.open(path: ":memory:")
        XCTAssertEqual(try columns("inventory_holds", in: store).last, "status")
    }

    func testEveryTableOfTheContractIsMirrored() throws {
        let store = try Store.open(path: ":memory:")
        let tables = Set(
            try store.schemaDump().entries.filter { $0.type == "table" && !$0.name.hasPrefix("tally_") }.map(\.name))
        let contract: Set<String> = [
            "organizations", "clients", "companies", "customers", "orders", "refunds", "products",
            "funnels", "funnel_variants", "funnel_sessions", "funnel_ab_tests", "funnel_ab_test_results", "leads",
            "landing_pages", "landing_page_sessions", "carts", "cross_site_sessions", "inventory_holds", "sites",
            "cs_sessions", "voice_calls", "cs_ai_usage", "cs_ai_pricing", "cs_ai_usage_summary",
            "affiliate_partners", "affiliate_links", "affiliate_clicks", "affiliate_click_queue",
            "affiliate_conversions", "affiliate_payouts", "affiliate_creatives", "affiliate_program_configs",
            "affiliate_applications",
            "product_import_jobs", "product_images", "storage_usage", "field_mapping_profiles",
        ]
        XCTAssertEqual(tables, contract)
    }

    func testEnumCheckRefusesAnUnknownValueAndNamesTheEnum() throws {
        let store = try Store.open(path: ":memory:")
        XCTAssertThrowsError(
            try store.queue.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO "affiliate_click_queue" ("id", "partnerId", "linkId", "companyId", "ipAddress", "status")
                        VALUES ('q1', 'p', 'l', 'c', '198.51.100.1', 'LOST')
                        """)
            }
        ) { error in
            let message = (error as? DatabaseError)?.message ?? ""
            XCTAssertTrue(message.contains("ClickQueueStatus"), message)
        }
    }

    func testForeignKeysAreEnforced() throws {
        let store = try Store.open(path: ":memory:")
        XCTAssertThrowsError(
            try store.queue.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO "clients" ("id", "organizationId", "name", "slug", "updatedAt")
                        VALUES ('cl1', 'no-such-org', 'C', 'c', '2026-01-01T00:00:00.000Z')
                        """)
            })
    }
}
