import TallyCore
import TallyReporting

/// Why a billing command cannot run (docs/BILLING.md); why a close may not run is a ``CloseError``.
public enum BillingError: TallyError, Equatable {
    case invalidPricing(organization: String, effectiveFrom: String, row: String, rule: String)
    case noPricing(company: String, organization: String, period: CalendarMonth)
    case currencyMismatch(company: String, companyCurrency: String, pricingCurrency: String)

    public var message: String {
        switch self {
        case .invalidPricing(let organization, let effectiveFrom, let row, let rule):
            return
                "tally_cs_ai_price_tiers of \(organization), version \(effectiveFrom), row \(row): the table breaks a rule: "
                + "\(rule); the whole version is refused"
        case .noPricing(let company, let organization, let period):
            return "no pricing for organization \(organization) (company \(company)) in force for \(period)"
        case .currencyMismatch(let company, let companyCurrency, let pricingCurrency):
            return
                "company \(company) bills in \(companyCurrency) but its pricing is in \(pricingCurrency); tally does no FX"
        }
    }

    public var hint: String? {
        switch self {
        case .invalidPricing: return "fix the rows in tally_cs_ai_price_tiers.csv and load it again"
        case .noPricing:
            return "load tally_cs_ai_price_tiers.csv with a version effective at or before the period start"
        case .currencyMismatch: return "price the organization in the company's currency"
        }
    }

    public var exitStatus: ExitStatus {
        switch self {
        case .invalidPricing, .noPricing, .currencyMismatch: return .dataError
        }
    }
}
