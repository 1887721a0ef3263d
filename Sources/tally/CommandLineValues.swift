import ArgumentParser
import Foundation
import TallyCore
import TallyOutput

/// An instant given on the command line (`--as-of`), in any form the loader accepts, with its
/// zone written out: `2026-04-01T00:00:00Z`, `2026-04-01 00:00:00+02:00`. A time without a zone is
/// refused rather than read as UTC: a close stands for the instant it names.
struct Instant: ExpressibleByArgument {
    let milliseconds: UTCTimestamp.Milliseconds

    init?(argument: String) {
        guard argument.range(of: Self.zoned, options: .regularExpression) != nil,
            case .success(let value) = UTCTimestamp.parse(argument)
        else { return nil }
        milliseconds = value
    }

    /// A time of day followed by `Z` or an offset (`+02`, `+0200`, `+02:00`).
    private static let zoned = #"[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}(:?\d{2})?)$"#
}

extension CalendarDay: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

extension CalendarMonth: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}
