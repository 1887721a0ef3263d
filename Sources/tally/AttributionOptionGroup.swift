import ArgumentParser
import Foundation
import TallyAffiliate
import TallyOutput
import TallyStore

/// Attribution options shared by `report affiliate` and `report affiliate-credits`.
struct AttributionOptionGroup: ParsableArguments {
    @Option(
        help:
            "production (the conversion's own partner) or a click model: last-click, first-click, linear, time-decay, position-based."
    )
    var model: AttributionModel = .production

    @Option(help: ArgumentHelp("Time-decay half-life in days.", valueName: "days"))
    var halfLifeDays: Double = 7

    @Option(
        help: ArgumentHelp("Attribution window for every click, overriding partners' and programs'.", valueName: "days")
    )
    var windowDays: Int?

    @Flag(help: "SUSPICIOUS clicks are eligible too.")
    var includeSuspicious = false

    @Flag(help: "Keep self-referring partners' touchpoints (dropped by default).")
    var noExcludeSelfReferrals = false

    @Flag(help: "Clicks of the visitors of the customer's earlier conversions join the candidates.")
    var bindCustomer = false

    @Flag(help: "Commission on credited revenue minus credited refunds.")
    var netOfRefunds = false

    var options: AttributionOptions {
        var options = AttributionOptions()
        options.model = model
        options.halfLifeDays = halfLifeDays
        options.windowDays = windowDays.map(Int64.init)
        options.includesSuspicious = includeSuspicious
        options.excludesSelfReferrals = !noExcludeSelfReferrals
        options.bindsCustomer = bindCustomer
        options.isNetOfRefunds = netOfRefunds
        return options
    }

    func validate() throws {
        guard halfLifeDays > 0, halfLifeDays.isFinite else {
            throw ValidationError("--half-life-days must be positive")
        }
        if let windowDays, windowDays < 0 { throw ValidationError("--window-days cannot be negative") }
    }
}

extension AttributionModel: ExpressibleByArgument {}
