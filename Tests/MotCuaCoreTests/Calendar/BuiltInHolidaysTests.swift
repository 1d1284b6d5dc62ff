import XCTest
@testable import MotCuaCore

/// The built-in rules, for years without a calendar file.
final class BuiltInHolidaysTests: XCTestCase {
    func offWeekdays(_ year: Int) -> [String] {
        BuiltInHolidays.schedule(for: year).daysOff.filter { !$0.date.isWeekend }.map(\.date.description).sorted()
    }

    func test2027FollowsTheLawAndTheTetPractice() {
        // Tết Đinh Mùi: mùng 1 = Saturday 6/2/2027. Saturday → the free day before
        // the block (4/2), Sunday → the next free day (10/2). 1/5 Saturday → Monday 3/5.
        XCTAssertEqual(LunarCalendar.vietnamese.newYear(of: 2027), ymd("2027-02-06"))
        let hung = LunarCalendar.vietnamese.solarDate(of: LunarDate(year: 2027, month: 3, day: 10))!
        XCTAssertEqual(offWeekdays(2027), [
            "2027-01-01", "2027-02-04", "2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10",
            hung.description, "2027-04-30", "2027-05-03", "2027-09-02", "2027-09-03",
        ].sorted())
    }

    func testEveryDayOffHasAVietnameseName() {
        for year in 1990...2100 {
            for d in BuiltInHolidays.schedule(for: year).daysOff {
                XCTAssertFalse(d.name.isEmpty)
                XCTAssert(d.name.contains("Tết") || d.name.contains("Giỗ Tổ") || d.name.contains("Ngày")
                          || d.name.contains("Quốc khánh"), d.name)
            }
        }
    }

    func testHistoricalRuleChanges() {
        let names2012 = BuiltInHolidays.holidays(in: 2012).map(\.name)
        XCTAssertEqual(names2012.filter { $0.hasPrefix("Tết Nguyên đán") }.count, 4)   // before 2013: 4 days
        XCTAssertEqual(BuiltInHolidays.holidays(in: 2013).filter { $0.name.hasPrefix("Tết Nguyên đán") }.count, 5)
        XCTAssertFalse(BuiltInHolidays.holidays(in: 2006).contains { $0.name.hasPrefix("Giỗ Tổ") })
        XCTAssertTrue(BuiltInHolidays.holidays(in: 2007).contains { $0.name.hasPrefix("Giỗ Tổ") })
        XCTAssertEqual(BuiltInHolidays.holidays(in: 2020).filter { $0.name.hasPrefix("Quốc khánh") }.count, 1)
        XCTAssertEqual(BuiltInHolidays.holidays(in: 2021).filter { $0.name.hasPrefix("Quốc khánh") }.count, 2)
    }

    func testNationalDayAdjacentDayJoinsTheWeekend() {
        // 2/9 on Mon…Sun → the adjacent day chosen.
        let expected = [2024: "2024-09-03", 2025: "2025-09-01", 2026: "2026-09-01", 2021: "2021-09-03",
                        2022: "2022-09-01", 2023: "2023-09-01", 2029: "2029-09-03"]
        for (year, adjacent) in expected {
            XCTAssert(BuiltInHolidays.holidays(in: year).contains { $0.date == ymd(adjacent) }, "\(year)")
        }
    }

    func testCompensationForAWeekendHolidayIsTheNextFreeWorkingDay() {
        // 2029: 2/9 Sunday, adjacent Monday 3/9 → nghỉ bù Tuesday 4/9.
        let s = BuiltInHolidays.schedule(for: 2029)
        XCTAssert(s.daysOff.contains { $0.date == ymd("2029-09-04") && $0.name.hasPrefix("Nghỉ bù Quốc khánh") })
        // 2023 by the rules: Giỗ Tổ Saturday 29/4 and 30/4 Sunday → 2/5 and 3/5 (as officially decided).
        let w = WorkCalendar()
        for iso in ["2023-05-02", "2023-05-03"] { XCTAssertFalse(w.isWorkingDay(ymd(iso))) }
        XCTAssertTrue(w.isWorkingDay(ymd("2023-05-04")))
    }

    func testBuiltInTetMatchesOfficialArrangementsOfRecentYears() {
        // The official Tết weekdays off, which the rules reproduce without files.
        let official = [
            2020: ("2020-01-23", "2020-01-29"), 2021: ("2021-02-10", "2021-02-16"),
            2023: ("2023-01-20", "2023-01-26"), 2024: ("2024-02-08", "2024-02-14"),
            2025: ("2025-01-27", "2025-01-31"), 2026: ("2026-02-16", "2026-02-20"),
        ]
        let w = WorkCalendar()
        for (year, (from, through)) in official {
            var d = ymd(from)
            while d <= ymd(through) {
                if !d.isWeekend { XCTAssertFalse(w.isWorkingDay(d), "\(d)") }
                d = d.adding(days: 1)
            }
            XCTAssertTrue(w.isWorkingDay(w.previousWorkingDay(before: ymd(from))), "\(year)")
            XCTAssertTrue(w.isWorkingDay(w.nextWorkingDay(after: ymd(through))), "\(year)")
            XCTAssertEqual(w.workingDays(after: ymd(from).adding(days: -1), through: ymd(through)), 0, "\(year)")
        }
    }
}
