import TallyCore

/// Which companies, funnels and local days a report covers, as the user asked for them.
///
/// Days are calendar days in each company's own time zone (docs/REPORTS.md): `--from 2026-03-01`
/// starts at local midnight of March 1 in New York for a New York company and in Berlin for a
/// Berlin company. The range is `[from, to)`. ``ResolvedScope`` applies the time zones.
public struct ReportScope: Sendable, Equatable {
    /// Company ids to include; empty means every company.
    public var companies: [String]
    /// First local day included; nil for no lower bound.
    public var from: CalendarDay?
    /// First local day excluded; nil for no upper bound.
    public var to: CalendarDay?
    /// Funnel ids to include; empty means every funnel.
    public var funnels: [String]

    public init(companies: [String] = [], from: CalendarDay? = nil, to: CalendarDay? = nil, funnels: [String] = []) {
        self.companies = companies
        self.from = from
        self.to = to
        self.funnels = funnels
    }

    /// Checks what can be checked without a store: the range is not empty or reversed.
    /// - Throws: ``ReportError/emptyRange(from:to:)``.
    public func validate() throws {
        if let from, let to, from >= to { throw ReportError.emptyRange(from: from, to: to) }
    }
}
