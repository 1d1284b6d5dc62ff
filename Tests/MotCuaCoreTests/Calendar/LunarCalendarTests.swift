import XCTest
@testable import MotCuaCore

/// The lunar calendar against an independent implementation (two PyPI ports
/// of Hồ Ngọc Đức's algorithm at UTC+7, see Scripts/calendar/), every day of
/// 1900–2100.
final class LunarCalendarTests: XCTestCase {
    struct MonthStart { let date: CivilDate; let year: Int; let month: Int; let leap: Bool }

    static func monthStarts() throws -> [MonthStart] {
        try CalendarFixtures.rows("lunar-months-1900-2100.csv").map {
            MonthStart(date: ymd(String($0[0])), year: Int($0[1])!, month: Int($0[2])!, leap: $0[3] == "1")
        }
    }

    func testEveryDayFrom1900To2100MatchesTheIndependentTable() throws {
        let starts = try Self.monthStarts()
        XCTAssertGreaterThan(starts.count, 2400)
        let first = CivilDate(year: 1900, month: 1, day: 1)!, last = CivilDate(year: 2100, month: 12, day: 31)!
        var checked = 0, mismatches = 0
        for (m, next) in zip(starts, starts.dropFirst()) {
            let length = next.date.dayNumber - m.date.dayNumber
            XCTAssert(length == 29 || length == 30, "month starting \(m.date) has \(length) days")
            for offset in 0..<length {
                let date = m.date.adding(days: offset)
                guard date >= first && date <= last else { continue }
                let expected = LunarDate(year: m.year, month: m.month, day: offset + 1, isLeapMonth: m.leap)
                let actual = LunarCalendar.vietnamese.lunarDate(of: date)
                if actual != expected {
                    mismatches += 1
                    if mismatches <= 10 { XCTFail("\(date): expected \(expected), got \(actual)") }
                }
                checked += 1
            }
        }
        XCTAssertEqual(checked, last.dayNumber - first.dayNumber + 1)
        XCTAssertEqual(mismatches, 0)
    }

    func testEveryMonthStartConvertsBackToItsSolarDate() throws {
        for m in try Self.monthStarts().dropFirst() where m.year <= 2100 {
            let lunar = LunarDate(year: m.year, month: m.month, day: 1, isLeapMonth: m.leap)
            XCTAssertEqual(LunarCalendar.vietnamese.solarDate(of: lunar), m.date, "\(lunar)")
        }
    }

    func testLeapMonthsExistOnlyWhereTheTableHasThem() throws {
        let leaps = try Self.monthStarts().filter(\.leap)
        XCTAssertGreaterThan(leaps.count, 70)   // about 7 in 19 years
        // 2023 has a leap 2nd month (tháng 2 nhuận from 2023-03-22); 2025 a leap 6th month.
        XCTAssertEqual(LunarCalendar.vietnamese.solarDate(of: LunarDate(year: 2023, month: 2, day: 1, isLeapMonth: true)),
                       ymd("2023-03-22"))
        XCTAssertEqual(LunarCalendar.vietnamese.lunarDate(of: ymd("2025-07-25")),
                       LunarDate(year: 2025, month: 6, day: 1, isLeapMonth: true))
        XCTAssertNil(LunarCalendar.vietnamese.solarDate(of: LunarDate(year: 2024, month: 2, day: 1, isLeapMonth: true)))
    }

    func testDay30OfA29DayMonthDoesNotExist() {
        // Tháng Chạp Ất Tỵ (2025–2026) has 29 days: Tết Bính Ngọ is 2026-02-17.
        XCTAssertNil(LunarCalendar.vietnamese.solarDate(of: LunarDate(year: 2025, month: 12, day: 30)))
        XCTAssertEqual(LunarCalendar.vietnamese.solarDate(of: LunarDate(year: 2025, month: 12, day: 29)), ymd("2026-02-16"))
    }

    /// The years where Vietnam (UTC+7) and China (UTC+8) celebrate Tết on different days.
    func testTet1985And2007FollowTheVietnameseCalendar() {
        XCTAssertEqual(LunarCalendar.vietnamese.newYear(of: 1985), ymd("1985-01-21"))
        XCTAssertEqual(LunarCalendar.chinese.newYear(of: 1985), ymd("1985-02-20"))
        XCTAssertEqual(LunarCalendar.vietnamese.newYear(of: 2007), ymd("2007-02-17"))
        XCTAssertEqual(LunarCalendar.chinese.newYear(of: 2007), ymd("2007-02-18"))
        XCTAssertEqual(BuiltInHolidays.holidays(in: 2007).filter { $0.name.hasPrefix("Tết Nguyên đán") }.map(\.date),
                       [ymd("2007-02-16"), ymd("2007-02-17"), ymd("2007-02-18"), ymd("2007-02-19")])
    }

    func testKnownTetDates() {
        let known = ["2019-02-05", "2020-01-25", "2021-02-12", "2022-02-01", "2023-01-22",
                     "2024-02-10", "2025-01-29", "2026-02-17", "2027-02-06"]
        for iso in known {
            let d = ymd(iso)
            XCTAssertEqual(LunarCalendar.vietnamese.newYear(of: d.year), d)
            XCTAssertEqual(LunarCalendar.vietnamese.lunarDate(of: d), LunarDate(year: d.year, month: 1, day: 1))
        }
    }
}
