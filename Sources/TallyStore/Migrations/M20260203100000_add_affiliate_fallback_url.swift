extension MigrationCatalog {
    static let addAffiliateFallbackURL = Migration(
        name: "20260203100000_add_affiliate_fallback_url",
        summary: "defaultFallbackUrl on affiliate_program_configs",
        up: [.sql(#"ALTER TABLE "affiliate_program_configs" ADD COLUMN "defaultFallbackUrl" TEXT;"#)],
        down: [.sql(#"ALTER TABLE "affiliate_program_configs" DROP COLUMN "defaultFallbackUrl";"#)])
}
