import ArgumentParser
import Foundation
import TallyCore
import TallyOutput

/// `--no-rollups`, for the reports that read rollups (docs/ROLLUPS.md).
struct RollupOptions: ParsableArguments {
    @Flag(
        name: .customLong("no-rollups"),
        help: "Compute from the base tables, not the rollups the loader keeps (same bytes; for checking and timing).")
    var noRollups = false

    var reads: Bool { !noRollups }
}
