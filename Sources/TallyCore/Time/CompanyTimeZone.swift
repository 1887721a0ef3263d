import Foundation

/// A company's IANA time zone, which turns calendar days and months into UTC instants.
///
/// Days and months in reports and closes are the company's own (a New York company's March starts
/// at 05:00Z, a Berlin company's at 23:00Z the day before). The conversion goes through the
/// calendar, never a fixed offset, so a range or period that crosses a DST change is exact.
///
/// ```swift
/// let zone = try CompanyTimeZone(identifier: "America/New_York")
/// zone.bounds(of: CalendarMonth("2026-03")!)  // [2026-03-01T05:00:00.000Z, 2026-04-01T04:00:00.000Z)
/// ```
public struct CompanyTimeZone: Sendable {
    /// The IANA identifier, as stored in `companies.timezone`.
    public let identifier: String
    private let calendar: Calendar

    /// Why a time zone cannot be used.
    public struct UnknownTimeZone: Error, Equatable {
        public let identifier: String
    }

    /// - Throws: ``UnknownTimeZone`` when the system's time zone database does not know `identifier`.
    public init(identifier: String) throws {
        guard let zone = TimeZone(identifier: identifier) else { throw UnknownTimeZone(identifier: identifier) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        self.identifier = identifier
        self.calendar = calendar
    }

    /// The UTC instant of local midnight that starts `day`.
    ///
    /// On a day whose midnight does not exist (a DST jump at 00:00, as in some zones), this is the
    /// first instant that does: what the calendar gives for the start of that day.
    public func start(of day: CalendarDay) -> UTCTimestamp.Milliseconds {
        let components = DateComponents(year: day.year, month: day.month, day: day.day)
        // A valid Gregorian day always resolves; the fallback only guards Foundation's optional.
        let date =
            calendar.date(from: components).map { calendar.startOfDay(for: $0) } ?? Date(timeIntervalSince1970: 0)
        return UTCTimestamp.Milliseconds((date.timeIntervalSince1970 * 1000).rounded())
    }

    /// The UTC bounds `[start of first, start of the day after last)` of a run of local days.
    public func bounds(from first: CalendarDay?, to end: CalendarDay?) -> UTCRange {
        UTCRange(lower: first.map(start(of:)), upper: end.map(start(of:)))
    }

    /// The UTC bounds of a local calendar month: `[local midnight of day 1, local midnight of the next month's day 1)`.
    public func bounds(of month: CalendarMonth) -> UTCRange {
        UTCRange(lower: start(of: month.firstDay), upper: start(of: month.next.firstDay))
    }

    /// The local calendar day that contains `instant`.
    public func day(containing instant: UTCTimestamp.Milliseconds) -> CalendarDay {
        let date = Date(timeIntervalSince1970: Double(instant) / 1000)
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return CalendarDay(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}

/// A half-open UTC range `[lower, upper)`; a missing bound is unbounded.
public struct UTCRange: Hashable, Sendable {
    public let lower: UTCTimestamp.Milliseconds?
    public let upper: UTCTimestamp.Milliseconds?

    public init(lower: UTCTimestamp.Milliseconds?, upper: UTCTimestamp.Milliseconds?) {
        self.lower = lower
        self.upper = upper
    }

    /// The lower bound in the store's timestamp form; the earliest representable instant when unbounded.
    public var lowerText: String { lower.map(UTCTimestamp.format) ?? "0000-01-01T00:00:00.000Z" }
    /// The upper bound in the store's timestamp form; past every representable instant when unbounded.
    public var upperText: String { upper.map(UTCTimestamp.format) ?? "9999-12-31T23:59:59.999Z" }

    /// Whether `instant` lies in the range.
    public func contains(_ instant: UTCTimestamp.Milliseconds) -> Bool {
        (lower.map { instant >= $0 } ?? true) && (upper.map { instant < $0 } ?? true)
    }
}
