import TallyCore

/// Why a billing command cannot run (docs/BILLING.md).
public enum BillingError: TallyError, Equatable {
    case invalidPricing(organization: String, effectiveFrom: String, row: String, rule: String)
    case noPricing(company: String, organization: String, period: CalendarMonth)
    case currencyMismatch(company: String, companyCurrency: String, pricingCurrency: String)
    case periodOutOfOrder(company: String, period: CalendarMonth, open: CalendarMonth)
    case laterPeriodClosed(company: String, period: CalendarMonth, closed: CalendarMonth)
    case asOfBeforePeriodEnd(period: CalendarMonth, periodEnd: String, asOf: String)

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
        case .periodOutOfOrder(let company, let period, let open):
            return "\(company): \(open) is not closed yet; periods close in order, so \(period) cannot close before it"
        case .laterPeriodClosed(let company, let period, let closed):
            return "\(company): \(closed) is already closed; \(period) comes before it and can no longer close "
                + "(later changes to it reach the next close)"
        case .asOfBeforePeriodEnd(let period, let periodEnd, let asOf):
            return "--as-of \(asOf) is before the end of \(period) (\(periodEnd)); a period closes after it ends"
        }
    }

    public var hint: String? {
        switch self {
        case .invalidPricing: return "fix the rows in tally_cs_ai_price_tiers.csv and load it again"
        case .noPricing:
            return "load tally_cs_ai_price_tiers.csv with a version effective at or before the period start"
        case .currencyMismatch: return "price the organization in the company's currency"
        case .periodOutOfOrder(_, _, let open):
            return "close \(open) first"
        case .laterPeriodClosed, .asOfBeforePeriodEnd: return nil
        }
    }

    public var exitStatus: ExitStatus {
        switch self {
        case .invalidPricing, .noPricing, .currencyMismatch: return .dataError
        case .periodOutOfOrder, .laterPeriodClosed, .asOfBeforePeriodEnd: return .usage
        }
    }
}
