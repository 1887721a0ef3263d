import TallyCore
import TallyReporting

/// Why a billing command cannot run (docs/BILLING.md); why a close may not run is a ``CloseError``.
public enum BillingError: TallyError, Equatable {
    case invalidPricing(organization: String, effectiveFrom: String, row: String, rule: String)
    case noPricing(company: String, organization: String, period: CalendarMonth)
    case currencyMismatch(company: String, companyCurrency: String, pricingCurrency: String)
    /// A usage record's count beyond production's 32-bit `Int` (a store edited by hand): its sums
    /// would overflow.
    case usageOutOfRange(id: String, column: String, value: Int64)

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
        case .usageOutOfRange(let id, let column, let value):
            return "cs_ai_usage \(id): \(column) \(value) is beyond production's 32-bit INTEGER; summing it would "
                + "overflow, so nothing was computed"
        }
    }

    public var hint: String? {
        switch self {
        case .invalidPricing: return "fix the rows in tally_cs_ai_price_tiers.csv and load it again"
        case .noPricing:
            return "load tally_cs_ai_price_tiers.csv with a version effective at or before the period start"
        case .currencyMismatch: return "price the organization in the company's currency"
        case .usageOutOfRange:
            return "fix the row in the export and load it again (tally load rejects it: out_of_range)"
        }
    }

    public var exitStatus: ExitStatus {
        switch self {
        case .invalidPricing, .noPricing, .currencyMismatch, .usageOutOfRange: return .dataError
        }
    }
}
