import GRDB
import TallyCore
import TallyReporting

/// Derives each click's standing under A3–A4 as the clicks stream in the order of
/// `Queries/affiliate/clicks.sql` (each company, link and visitor in time order): the derived
/// duplicate needs the last kept click of the same (company, link, visitor).
struct ClickStandings {
    let options: AttributionOptions
    let programs: [String: AffiliateProgram]
    private var group: (String, String, String)?
    private var anchor: Int64 = 0

    init(options: AttributionOptions, programs: [String: AffiliateProgram]) {
        self.options = options
        self.programs = programs
    }

    mutating func standing(of click: AffiliateClick) -> ClickStanding {
        let program = programs[click.companyId] ?? .defaults
        var duplicate = false
        if let link = click.linkId, let visitor = click.visitorId {
            // Strictly less than one window after the last kept click; dropped clicks never move the anchor.
            if let group, group == (click.companyId, link, visitor),
                click.time - anchor < program.deduplicationWindowMins * 60_000
            {
                duplicate = true
            } else {
                anchor = click.time
            }
            group = (click.companyId, link, visitor)
        }
        return ClickStanding(
            statusEligible: click.status == .valid || (options.includesSuspicious && click.status == .suspicious),
            derivedDuplicate: duplicate,
            excludedByFraudScore: click.fraudScore.map { program.isAboveFraudThreshold($0) } ?? false,
            derivedBot: click.isDerivedBot)
    }
}

/// One click's standing under A3–A4.
struct ClickStanding {
    let statusEligible: Bool
    let derivedDuplicate: Bool
    let excludedByFraudScore: Bool
    let derivedBot: Bool
    var isEligible: Bool { statusEligible && !derivedDuplicate && !excludedByFraudScore && !derivedBot }
}
