/// A calendar day with no time zone attached, `YYYY-MM-DD` (proleptic Gregorian).
///
/// Reports take days on the command line (`--from 2026-03-01`); which instant a day starts at
/// depends on the company it is applied to, so a `CalendarDay` stays zone-free until
/// ``CompanyTimeZone/start(of:)`` turns it into UTC. Parsing is strict: `2026-02-30`, `2026-3-1`
/// and `20260301` are refused, so a typo fails before any store is opened.
public struct CalendarDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A valid day, or nil (`month` 1...12, `day` within that month, year 1...9999).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...UTCTimestamp.daysInMonth(year: year, month: month)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`; nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.utf8.count == 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.utf8.allSatisfy { (48...57).contains($0) } }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Days since 1970-01-01.
    public var daysSinceEpoch: Int { UTCTimestamp.daysFromCivil(year: year, month: month, day: day) }

    /// The day `count` days later (earlier when negative).
    public func adding(days count: Int) -> CalendarDay {
        let (y, m, d) = UTCTimestamp.civilFromDays(daysSinceEpoch + count)
        return CalendarDay(year: y, month: m, day: d)!
    }

    /// The month this day belongs to.
    public var calendarMonth: CalendarMonth { CalendarMonth(year: year, month: month)! }

    public var description: String { pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) }

    public static func < (a: CalendarDay, b: CalendarDay) -> Bool { a.daysSinceEpoch < b.daysSinceEpoch }
}

/// A calendar month, `YYYY-MM`: a billing or payout period once a company's time zone is applied.
public struct CalendarMonth: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init?(year: Int, month: Int) {
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// Parses exactly `YYYY-MM`; nil for anything else (`2026-13`, `2026-1`).
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.utf8.count == 7, parts.count == 2, parts[0].count == 4, parts[1].count == 2,
            parts.allSatisfy({ $0.utf8.allSatisfy { (48...57).contains($0) } }),
            let year = Int(parts[0]), let month = Int(parts[1])
        else { return nil }
        self.init(year: year, month: month)
    }

    /// Day 1 of the month.
    public var firstDay: CalendarDay { CalendarDay(year: year, month: month, day: 1)! }

    /// The month after this one (December → January of the next year).
    public var next: CalendarMonth {
        month == 12 ? CalendarMonth(year: year + 1, month: 1)! : CalendarMonth(year: year, month: month + 1)!
    }

    /// The month before this one.
    public var previous: CalendarMonth {
        month == 1 ? CalendarMonth(year: year - 1, month: 12)! : CalendarMonth(year: year, month: month - 1)!
    }

    public var description: String { pad(year, 4) + "-" + pad(month, 2) }

    public static func < (a: CalendarMonth, b: CalendarMonth) -> Bool { (a.year, a.month) < (b.year, b.month) }
}

private func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}
