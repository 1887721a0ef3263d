import XCTest

@testable import TallyCore

final class CalendarTests: XCTestCase {
    func testDaysParseStrictly() {
        XCTAssertEqual(CalendarDay("2026-02-28")?.description, "2026-02-28")
        XCTAssertEqual(CalendarDay("2028-02-29")?.description, "2028-02-29")
        for bad in [
            "2026-02-29", "2026-02-30", "2026-13-01", "2026-3-1", "20260301", "2026-03-01T00", " 2026-03-01",
            "0000-01-01", "2026-00-10",
        ] {
            XCTAssertNil(CalendarDay(bad), bad)
        }
        XCTAssertEqual(CalendarDay("2026-12-31")!.adding(days: 1).description, "2027-01-01")
        XCTAssertLessThan(CalendarDay("2026-01-31")!, CalendarDay("2026-02-01")!)
    }

    func testMonthsParseStrictlyAndStep() {
        XCTAssertEqual(CalendarMonth("2026-12")?.next.description, "2027-01")
        XCTAssertEqual(CalendarMonth("2026-01")?.previous.description, "2025-12")
        for bad in ["2026-13", "2026-00", "2026-1", "202603", "2026-03-01"] { XCTAssertNil(CalendarMonth(bad), bad) }
    }

    func testMonthBoundsFollowTheCompanyTimeZoneAcrossDST() throws {
        // New York: EST (−5) on March 1, EDT (−4) on April 1: the month is 743 hours, not 744.
        let newYork = try CompanyTimeZone(identifier: "America/New_York")
        let march = newYork.bounds(of: CalendarMonth("2026-03")!)
        XCTAssertEqual(march.lowerText, "2026-03-01T05:00:00.000Z")
        XCTAssertEqual(march.upperText, "2026-04-01T04:00:00.000Z")
        XCTAssertEqual((march.upper! - march.lower!) / 3_600_000, 743)
        // Berlin: CET (+1) on October 1 is CEST (+2); November 1 is CET again: 745 hours.
        let berlin = try CompanyTimeZone(identifier: "Europe/Berlin")
        let october = berlin.bounds(of: CalendarMonth("2026-10")!)
        XCTAssertEqual(october.lowerText, "2026-09-30T22:00:00.000Z")
        XCTAssertEqual(october.upperText, "2026-10-31T23:00:00.000Z")
        XCTAssertEqual(berlin.day(containing: october.upper! - 1).description, "2026-10-31")
        XCTAssertTrue(october.contains(october.lower!))
        XCTAssertFalse(october.contains(october.upper!))
    }

    func testUnboundedRangesAndUnknownZones() {
        let range = UTCRange(lower: nil, upper: nil)
        XCTAssertEqual(range.lowerText, "0000-01-01T00:00:00.000Z")
        XCTAssertTrue(range.contains(0))
        XCTAssertThrowsError(try CompanyTimeZone(identifier: "Mars/Olympus_Mons"))
    }
}
