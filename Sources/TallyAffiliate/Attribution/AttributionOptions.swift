import Foundation
import GRDB
import TallyCore
import TallyReporting

/// Options of the model view (docs/AFFILIATE.md).
public struct AttributionOptions: Sendable, Equatable {
    public var model: AttributionModel = .production
    public var halfLifeDays: Double = 7
    /// `--window-days`: overrides every click's window.
    public var windowDays: Int64?
    /// `--include-suspicious`: SUSPICIOUS clicks are eligible too.
    public var includesSuspicious = false
    /// On by default: a self-referring partner's touchpoints are dropped from that conversion.
    public var excludesSelfReferrals = true
    /// `--bind-customer`: clicks of visitors of the customer's earlier conversions join the candidates.
    public var bindsCustomer = false
    /// `--net-of-refunds`: the commission basis is credited revenue − credited refunds.
    public var isNetOfRefunds = false

    public init() {}
}
