import XCTest

@testable import TallyCore

final class UTCTimestampTests: XCTestCase {
    private func normalize(_ text: String) -> String? {
        try? UTCTimestamp.normalize(text).get()
    }

    func testAcceptsWhatPostgreSQLAndPrismaExport() {
        XCTAssertEqual(normalize("2026-01-31 13:40:47.123"), "2026-01-31T13:40:47.123Z")
        XCTAssertEqual(normalize("2026-01-31 13:40:47.123+00"), "2026-01-31T13:40:47.123Z")
        XCTAssertEqual(normalize("2026-01-31 13:40:47.123+02:00"), "2026-01-31T11:40:47.123Z")
        XCTAssertEqual(normalize("2026-01-31T13:40:47.123Z"), "2026-01-31T13:40:47.123Z")
        XCTAssertEqual(normalize("2026-01-31 13:40:47"), "2026-01-31T13:40:47.000Z")
        XCTAssertEqual(normalize("2026-01-31 13:40:47.1"), "2026-01-31T13:40:47.100Z")
        XCTAssertEqual(normalize("2026-01-31 13:40:47.12-05"), "2026-01-31T18:40:47.120Z")
        XCTAssertEqual(normalize("2026-01-31 13:40:47.123000"), "2026-01-31T13:40:47.123Z")
    }

    func testOffsetsCrossDayMonthAndYearBoundaries() {
        XCTAssertEqual(normalize("2026-01-01 00:30:00.000+01:00"), "2025-12-31T23:30:00.000Z")
        XCTAssertEqual(normalize("2024-02-29 23:00:00-02:00"), "2024-03-01T01:00:00.000Z")
        XCTAssertEqual(normalize("1969-12-31 23:59:59.999Z"), "1969-12-31T23:59:59.999Z")
    }

    func testRejectsBadDatesAndExtraPrecision() {
        XCTAssertEqual(UTCTimestamp.normalize("2026-02-30 00:00:00"), .failure(.outOfRange("day 30 of 2026-02")))
        XCTAssertEqual(UTCTimestamp.normalize("2026-13-01 00:00:00"), .failure(.outOfRange("month 13")))
        XCTAssertEqual(UTCTimestamp.normalize("2026-01-31 24:00:00"), .failure(.outOfRange("hour 24")))
        XCTAssertEqual(UTCTimestamp.normalize("2026-01-31 13:40:47.1234"), .failure(.tooPrecise))
        for text in ["2026-01-31", "31/01/2026 10:00", "2026-01-31 10:00", "yesterday", "2026-01-31 10:00:00 UTC", ""] {
            XCTAssertNil(normalize(text), text)
        }
    }

    func testCivilDayRoundTrip() {
        for days in [-800_000, -1, 0, 1, 19_000, 20_454, 2_932_896] {
            let (y, m, d) = UTCTimestamp.civilFromDays(days)
            XCTAssertEqual(UTCTimestamp.daysFromCivil(year: y, month: m, day: d), days)
        }
    }
}
