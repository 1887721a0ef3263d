/// Production tables tally does not mirror: the `@@map` names of the models in the platform's public
/// `schema.prisma` (repository thew0lf/payment-platform, `apps/api/prisma/`) that no report reads,
/// plus Prisma's own `_prisma_migrations`.
///
/// A database export directory holds a file per table; `tally load DIR` skips these with one notice
/// each (refused under `--strict`), while a file named after no production table at all still fails,
/// since it is more likely a typo than a table tally does not know.
enum UnmirroredTables {
    static let names: Set<String> = [
        "_prisma_migrations",
        "ab_test_assignments", "ab_test_variants", "ab_tests", "account_pools", "addresses", "ai_pricing", "ai_usage",
        "ai_usage_summary", "analytics_reports", "analytics_snapshots", "api_keys", "audit_logs",
        "automation_enrollments", "automations", "behavioral_triggers", "billing_accounts", "bundle_items", "bundles",
        "categories", "churn_risk_scores", "churn_signals", "client_integrations", "client_subscriptions",
        "collection_products", "collections", "company_usage_records", "content_generation_configs",
        "content_templates", "conversion_events", "conversion_goals", "cs_configs", "cs_messages",
        "customer_engagement_metrics", "customer_intents", "customer_notes", "customer_preferences", "customer_tags",
        "dashboard_alerts", "deletion_logs", "delivery_configs", "delivery_messages", "delivery_retries", "departments",
        "dynamic_text_rules", "generated_contents", "integration_definitions", "intent_detections",
        "interventions", "inventory_adjustments", "inventory_levels", "inventory_locations", "invoices",
        "landing_page_domains", "landing_page_popups", "landing_page_pricing", "landing_page_sections",
        "landing_page_usage", "marketing_video_scenes", "marketing_video_templates", "marketing_video_variants",
        "marketing_videos", "marketplace_reviews", "merchant_accounts", "momentum_analytics", "oauth_states",
        "oauth_tokens", "order_items", "payment_providers", "payment_vaults", "permission_grants", "permissions",
        "platform_integrations", "pricing_plans", "product_categories", "product_media", "product_price_rules",
        "product_review_stats", "product_reviews", "product_tags", "product_variants", "refund_policies",
        "refund_settings", "review_configs", "review_media", "review_votes", "rma_policies", "rmas",
        "role_permissions", "roles", "routing_decisions", "routing_rules", "save_attempts", "save_flow_configs",
        "shipment_events", "shipments", "subscription_rebills", "subscriptions", "tags", "team_members", "teams",
        "terms_acceptances", "terms_analytics", "terms_documents", "terms_summaries", "transactions",
        "upsell_configs", "upsell_offers", "usage_events", "usage_periods", "user_role_assignments", "user_sessions",
        "users", "variant_option_values", "variant_options", "vendor_client_connections", "vendor_companies",
        "vendor_order_items", "vendor_orders", "vendor_product_syncs", "vendor_products", "vendors", "voice_scripts",
        "webhooks",
    ]

    /// The unmirrored production table a file is named after (`users.csv`, `users-2026-02.csv.gz`), if any.
    static func table(forFileName fileName: String) -> String? {
        let base = String(fileName.prefix { $0 != "." }.prefix { $0 != "-" })
        return names.contains(base) ? base : nil
    }
}
