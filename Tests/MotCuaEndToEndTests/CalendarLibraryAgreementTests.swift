import Foundation
import XCTest

/// `motcua calendar --year Y`, the real binary with its compiled-in calendar
/// files, against the PyPI `holidays` package (country VN) on every weekday
/// of 2000–2030. The library's opinion is the committed fixture written by
/// `Scripts/calendar/dump_holidays_vn.py` (its version is in the fixture's
/// first line), so the test needs neither Python nor the library.
///
/// The deliberate differences are two, documented in docs/rules.md#holidays
/// and docs/calendar.md:
/// 1. the 24/11 switch: Ngày Văn hóa Việt Nam is not a day off until the
///    Labour Code is amended (the library has it from 2026);
/// 2. official swaps the library does not record.
final class CalendarLibraryAgreementTests: XCTestCase {
    static let fixture = CommandRunner.repositoryRoot
        .appendingPathComponent("Tests/MotCuaCoreTests/Calendar/Fixtures/holidays-vn-2000-2030.csv")

    /// The 24/11 switch: days off in the library, working days for us.
    static let cultureDaySwitch: Set<String> = [
        "2026-11-24", "2027-11-24", "2028-11-24",
        "2029-11-26", "2030-11-25",  // the library's nghỉ bù for 24/11 on Saturday / Sunday
    ]

    /// Official swaps (hoán đổi) missing from the library: days off for us, with their source.
    static let swapsTheLibraryLacks: [String: String] = [
        "2011-01-31": "Công văn 9529/VPCP-KGVX (Tết 2011, làm bù 29/1)",
        "2011-02-01": "Công văn 9529/VPCP-KGVX (Tết 2011, làm bù 30/1)",
        "2011-04-11": "Công văn 9529/VPCP-KGVX (Giỗ Tổ 2011, làm bù 9/4)",
        "2012-12-31": "Tết Dương lịch 2013, làm bù 5/1/2013",
        "2014-01-28": "Công văn 10525/VPCP-KGVX (Tết 2014, làm bù 25/1)",
        "2014-02-05": "Công văn 10525/VPCP-KGVX (Tết 2014: 28/1–5/2; 29/1 swapped, so Saturday 1/2 is compensated after)",
        "2026-01-02": "Công văn 12729/VPCP-KGVX (làm bù 10/1/2026)",
    ]

    struct Year {
        let daysOff: Set<String>
        let makeUpDays: Set<String>
    }

    static func year(_ y: Int) throws -> Year {
        let result = try CommandRunner.run(["calendar", "--year", String(y), "--json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        func dates(_ key: String) -> Set<String> {
            Set(((object[key] as? [[String: Any]]) ?? []).compactMap { $0["date"] as? String })
        }
        return Year(daysOff: dates("days_off"), makeUpDays: dates("make_up_days"))
    }

    /// Data lines of the fixture: `date,name`.
    static func libraryDays() throws -> [(date: String, name: String)] {
        let text = try String(contentsOf: fixture, encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.dropFirst().map { line in
            let parts = line.split(separator: ",", maxSplits: 1)
            return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
        }
    }

    func testTheFixtureNamesTheLibraryVersion() throws {
        let first = try String(contentsOf: Self.fixture, encoding: .utf8).split(separator: "\n")[0]
        XCTAssertNotNil(first.range(of: #"holidays \d+\.\d+"#, options: .regularExpression), String(first))
    }

    func testEveryWeekdayFrom2000To2030AgreesWithTheLibraryExceptTheDocumentedPoints() throws {
        let libraryOff = Set(try Self.libraryDays().map(\.date))
        var unexpected: [String] = []
        var stale: [String] = []
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = TimeZone(identifier: "UTC")!
        let format = DateFormatter()
        format.calendar = gregorian
        format.timeZone = gregorian.timeZone
        format.dateFormat = "yyyy-MM-dd"
        for y in 2000...2030 {
            let ours = try Self.year(y)
            var day = gregorian.date(from: DateComponents(year: y, month: 1, day: 1))!
            while gregorian.component(.year, from: day) == y {
                defer { day = gregorian.date(byAdding: .day, value: 1, to: day)! }
                let weekday = gregorian.component(.weekday, from: day)  // 1 = Sunday, 7 = Saturday
                guard weekday != 1, weekday != 7 else { continue }
                let date = format.string(from: day)
                let weAreOff = ours.daysOff.contains(date) && !ours.makeUpDays.contains(date)
                let theyAreOff = libraryOff.contains(date)
                if Self.cultureDaySwitch.contains(date) {
                    if weAreOff || !theyAreOff { stale.append("\(date): 24/11 switch no longer differs") }
                } else if Self.swapsTheLibraryLacks[date] != nil {
                    if !weAreOff || theyAreOff { stale.append("\(date): listed swap no longer differs") }
                } else if weAreOff != theyAreOff {
                    unexpected.append("\(date): motcua \(weAreOff ? "off" : "working"), holidays \(theyAreOff ? "off" : "working")")
                }
            }
        }
        XCTAssert(unexpected.isEmpty, "undocumented differences:\n" + unexpected.joined(separator: "\n"))
        XCTAssert(stale.isEmpty, stale.joined(separator: "\n"))
    }

    /// The library names the Saturday each of its swaps was paid with
    /// ("substituted from MM/DD/YYYY"): every one is a make-up day (làm bù) of ours.
    func testEverySwapOfTheLibraryIsPaidWithOurMakeUpSaturday() throws {
        var makeUp: [Int: Set<String>] = [:]
        var checked = 0
        for day in try Self.libraryDays() {
            guard let r = day.name.range(of: #"\d\d/\d\d/\d{4}"#, options: .regularExpression) else { continue }
            let mdy = day.name[r].split(separator: "/")
            let date = "\(mdy[2])-\(mdy[0])-\(mdy[1])"
            let y = Int(mdy[2])!
            if makeUp[y] == nil { makeUp[y] = try Self.year(y).makeUpDays }
            XCTAssert(makeUp[y]!.contains(date), "\(day.date) is paid with \(date), which motcua does not list as làm bù")
            checked += 1
        }
        XCTAssertEqual(checked, 13, "the fixture's substituted days (2010–2026)")
    }
}
