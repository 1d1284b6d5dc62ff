/// A calendar date in the proleptic Gregorian calendar, with no time zone
/// (ngày dương lịch).
///
/// Dates are stored as a day number counted from 1970-01-01 so that
/// comparisons, differences and weekday arithmetic are integer operations:
/// the classification of a million dossiers must not go through Foundation's
/// `Calendar`.
package struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before it).
    package let dayNumber: Int

    package init(dayNumber: Int) { self.dayNumber = dayNumber }

    /// Returns `nil` for impossible dates such as 31/02.
    package init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1,
              day <= CivilDate.daysInMonth(year: year, month: month) else { return nil }
        self.dayNumber = CivilDate.daysFromCivil(year: year, month: month, day: day)
    }

    package var components: (year: Int, month: Int, day: Int) {
        CivilDate.civilFromDays(dayNumber)
    }
    package var year: Int { components.year }
    package var month: Int { components.month }
    package var day: Int { components.day }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    package var isoWeekday: Int {
        // 1970-01-01 was a Thursday (ISO 4).
        let r = (dayNumber + 3) % 7
        return (r < 0 ? r + 7 : r) + 1
    }
    package var isWeekend: Bool { isoWeekday >= 6 }

    package func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }

    package static func < (a: CivilDate, b: CivilDate) -> Bool { a.dayNumber < b.dayNumber }

    /// `yyyy-MM-dd`.
    package var description: String {
        let c = components
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))"
    }

    /// `dd/MM/yyyy`, the way Vietnamese documents write dates.
    package var vietnameseDescription: String {
        let c = components
        return "\(pad(c.day, 2))/\(pad(c.month, 2))/\(pad(c.year, 4))"
    }

    package static func isLeapYear(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    package static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's days_from_civil / civil_from_days: exact for every
    // proleptic Gregorian date, branch-light, no tables.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilFromDays(_ z0: Int) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}

@inline(__always)
func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}
