import XCTest
@testable import MotCuaCore

/// Every weekday of 2000–2030 against the PyPI `holidays` package (country VN),
/// dumped by Scripts/calendar/dump_holidays_vn.py. Each deliberate difference
/// is listed below with its reason (also in docs/calendar.md).
final class HolidaysLibraryAgreementTests: XCTestCase {
    /// Weekdays where we and the library disagree on purpose:
    /// `date: (we say day off?, reason)`.
    static let expectedDifferences: [String: (weAreOff: Bool, reason: String)] = [
        "2010-02-19": (false, "swap with Saturday 2010-02-27 recorded by the library; no shipped calendar file for 2010"),
        "2012-01-27": (false, "swap with Saturday 2012-02-04 recorded by the library; no shipped calendar file for 2012"),
        "2013-04-29": (false, "swap with Saturday 2013-05-04 recorded by the library; no shipped calendar file for 2013"),
        "2014-05-02": (false, "swap with Saturday 2014-04-26 recorded by the library; no shipped calendar file for 2014"),
        "2014-09-01": (false, "swap with Saturday 2014-09-06 recorded by the library; no shipped calendar file for 2014"),
        "2015-01-02": (false, "swap with Saturday 2014-12-27 recorded by the library; no shipped calendar file for 2015"),
        "2015-02-16": (false, "swap with Saturday 2015-02-14 recorded by the library; no shipped calendar file for 2015"),
        "2015-04-29": (false, "swap with Saturday 2015-04-25 recorded by the library; no shipped calendar file for 2015"),
        "2026-01-02": (true, "official swap with Saturday 2026-01-10 (Công văn 12729/VPCP-KGVX) missing from the library"),
        "2026-11-24": (false, "Ngày Văn hóa Việt Nam: library has it from 2026; the Labour Code amendment is not verified"),
        "2027-11-24": (false, "Ngày Văn hóa Việt Nam (not a built-in holiday)"),
        "2028-11-24": (false, "Ngày Văn hóa Việt Nam (not a built-in holiday)"),
        "2029-11-26": (false, "library's nghỉ bù for Ngày Văn hóa Việt Nam on Saturday 24/11"),
        "2030-11-25": (false, "library's nghỉ bù for Ngày Văn hóa Việt Nam on Sunday 24/11"),
    ]

    func testEveryWeekdayFrom2000To2030AgreesWithTheHolidaysLibrary() throws {
        let libraryOff = Set(try CalendarFixtures.rows("holidays-vn-2000-2030.csv").map { ymd(String($0[0])) })
        let calendar = CalendarFixtures.shipped
        var d = ymd("2000-01-01")
        var found: [String] = []
        while d <= ymd("2030-12-31") {
            defer { d = d.adding(days: 1) }
            guard !d.isWeekend else { continue }
            let weAreOff = !calendar.isWorkingDay(d)
            let theyAreOff = libraryOff.contains(d)
            if let expected = Self.expectedDifferences[d.description] {
                XCTAssertEqual(weAreOff, expected.weAreOff, "\(d): listed difference no longer holds")
                XCTAssertNotEqual(weAreOff, theyAreOff, "\(d): listed as a difference but we agree now")
            } else if weAreOff != theyAreOff {
                found.append("\"\(d)\": (\(weAreOff), \"\(calendar.dayOffName(d) ?? "-")\"),")
            }
        }
        XCTAssert(found.isEmpty, "unexpected differences:\n" + found.joined(separator: "\n"))
    }
}
