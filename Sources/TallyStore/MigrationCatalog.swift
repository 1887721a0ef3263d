/// Every migration tally knows, in the order they apply.
///
/// The names are production's migration directory names (docs/STORE.md, "Migrations"). Production migrations
/// that change no mirrored table are not listed; `docs/STORE.md` names them and says why.
public enum MigrationCatalog {
    /// All migrations in application order (name order).
    public static let all: [Migration] = [
        initBaseline,
        addSitesModel,
        addCSAIUsageTables,
        addProductImportSystem,
        addProductImportIndexes,
        addEcommerceModules,
        addCartAndSessionPartialIndexes,
        addLandingPageCartIntegration,
        addCartThemeToLandingPage,
        addCartIndexesAndInventoryHoldImprovements,
        addFunnelCSSessionLink,
        addFunnelSessionPerformanceIndexes,
        phase4LeadVariantDiscountTracking,
        addAffiliateProgram,
        addSubIDConfigAndConversionSubIDs,
        addAffiliateClickQueue,
        addAffiliateFallbackURL,
        tallyLoadHistory,
        tallyReportIndexes,
        tallyCloseLedger,
        tallyCSAIPriceTiers,
        tallyBillingLines,
        tallyAffiliateLedger,
        tallyRollups,
        tallyBillingRollups,
        tallyAffiliateClickRollups,
        tallyCloseReopenings,
        tallyPulls,
        tallyRevenueSquares,
        tallyAffiliateIPKeys,
    ]

    /// The migration with this production name or changelog alias.
    public static func migration(named name: String) -> Migration? {
        all.first { $0.name == name || $0.changelogAlias == name }
    }
}
