import ArgumentParser
import TallyCore

/// The options every period close takes (`billing close`, `affiliate payouts`).
struct CloseOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The month to close, in each company's time zone.", valueName: "YYYY-MM"))
    var period: CalendarMonth

    @Option(
        help: ArgumentHelp(
            "The instant the close stands for (written as its time); never the clock.", valueName: "time"))
    var asOf: Instant

    @Option(
        name: .customLong("company"), help: ArgumentHelp("Only this company (repeat for several).", valueName: "id"))
    var companies: [String] = []

    @Flag(help: "Print what the close would write; write nothing.")
    var dryRun = false
}
