import Testing
@testable import Columns

@Suite struct CivilDateTests {
    @Test(arguments: [
        (1970, 1, 1, 0), (1970, 1, 2, 1), (1969, 12, 31, -1), (2000, 2, 29, 11016), (2024, 3, 5, 19787),
        (1900, 1, 1, -25567), (1997, 9, 30, 10134), (2100, 3, 1, 47541),
    ])
    func daysRoundTrip(year: Int, month: Int, day: Int, days: Int) {
        #expect(CivilDate.days(year: year, month: month, day: day) == days)
        let back = CivilDate.civil(fromDays: days)
        #expect(back.year == year && back.month == month && back.day == day)
    }

    @Test func everyDayOfFourCenturiesRoundTrips() {
        for d in -150_000...150_000 {
            let c = CivilDate.civil(fromDays: d)
            #expect(CivilDate.days(year: c.year, month: c.month, day: c.day) == d)
        }
    }

    @Test(arguments: [(2024, 2, 29, true), (2023, 2, 29, false), (1900, 2, 29, false), (2000, 2, 29, true),
                      (2024, 4, 31, false), (2024, 13, 1, false), (2024, 0, 1, false), (2024, 1, 0, false)])
    func validity(year: Int, month: Int, day: Int, valid: Bool) {
        #expect(CivilDate.isValid(year: year, month: month, day: day) == valid)
    }

    @Test func isoFormats() {
        #expect(CivilDate.iso(19787) == "2024-03-05")
        #expect(CivilDate.isoTimestamp(1_709_600_000) == "2024-03-05 00:53:20")
        #expect(CivilDate.isoTimestamp(-1) == "1969-12-31 23:59:59")
        #expect(CivilDate.isoTimestamp(-86400) == "1969-12-31 00:00:00")
        #expect(CivilDate.isoTimestamp(-86401) == "1969-12-30 23:59:59")
    }

    /// Hostile timestamps (a corrupt cell) must format, not trap.
    @Test(arguments: [Int64.min, Int64.min + 1, Int64.max, Int64.max - 86_399])
    func extremeTimestampsDoNotTrap(seconds: Int64) {
        #expect(!CivilDate.isoTimestamp(seconds).isEmpty)
    }
}
