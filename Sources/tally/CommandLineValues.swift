import ArgumentParser
import Foundation
import TallyCore
import TallyOutput

/// A UTC instant given on the command line (`--as-of`), in any form the loader accepts:
/// `2026-04-01T00:00:00Z`, `2026-04-01 00:00:00+02`, ...
struct Instant: ExpressibleByArgument {
    let milliseconds: UTCTimestamp.Milliseconds

    init?(argument: String) {
        guard case .success(let value) = UTCTimestamp.parse(argument) else { return nil }
        milliseconds = value
    }
}

extension CalendarDay: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

extension CalendarMonth: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}
