import ArgumentParser
import TallyCore

/// The options every period close takes (`billing close`, `affiliate payouts`).
struct CloseOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The month to close, in each company's time zone.", valueName: "YYYY-MM"))
    var period: CalendarMonth

    @Option(
        help: ArgumentHelp(
            "The instant the close stands for (written as its time; never the clock), with its zone: "
                + "2026-03-05T00:00:00Z.", valueName: "time"))
    var asOf: Instant

    @Option(
        name: .customLong("company"), help: ArgumentHelp("Only this company (repeat for several).", valueName: "id"))
    var companies: [String] = []

    @Flag(help: "Print what the close would write; write nothing.")
    var dryRun = false

    /// A warning for an as-of more than a year after the period (a typed 2027 for 2026): allowed,
    /// since a late close is legitimate, but worth a second look before it is written.
    var asOfWarning: String? {
        let periodEnd = (try? UTCTimestamp.parse("\(period.next.firstDay)T00:00:00Z").get()) ?? 0
        guard asOf.milliseconds - periodEnd > 366 * 86_400_000 else { return nil }
        return "warning: --as-of \(UTCTimestamp.format(asOf.milliseconds)) is more than a year after \(period) ends"
    }
}
