import Foundation

/// Converts between solar (dương lịch) and lunar (âm lịch) dates.
///
/// The Vietnamese calendar is the Chinese lunisolar calendar computed for the
/// meridian of UTC+7 instead of UTC+8: a new moon shortly after 23:00 Beijing
/// time falls before midnight in Hà Nội, so a month (and sometimes Tết) can
/// start one day earlier. Since 1968 Vietnam publishes the UTC+7 calendar; the
/// two differ in years such as 1985 (Tết 21/01 in Vietnam, 20/02 in China) and
/// 2007 (17/02 vs 18/02). Use ``vietnamese`` everywhere; ``chinese`` exists so
/// tests can show the difference.
///
/// The astronomy is Hồ Ngọc Đức's algorithm (new moons and solar longitude
/// after Meeus, "Astronomical Algorithms"): month 11 contains the winter
/// solstice, and in a 13-month year the first month without a principal term
/// (trung khí) is the leap month. It is pure arithmetic on day numbers, tested
/// against an independent implementation for every day of 1900–2100.
package struct LunarCalendar: Hashable, Sendable {
    /// Hours east of UTC of the meridian the calendar is computed for.
    package let timeZoneHours: Double

    package init(timeZoneHours: Double) { self.timeZoneHours = timeZoneHours }

    /// The calendar used in Vietnam (UTC+7).
    package static let vietnamese = LunarCalendar(timeZoneHours: 7)
    /// The Chinese calendar (UTC+8), for comparison only.
    package static let chinese = LunarCalendar(timeZoneHours: 8)

    /// The lunar date of a solar date.
    package func lunarDate(of date: CivilDate) -> LunarDate {
        let dayNumber = Self.julianDay(date)
        // The new moon on or before the day. The mean-lunation estimate of k can
        // be one off near midnight new moons (2054-05-07, 2062-04-09): correct it
        // both ways, as the vnlunar port does.
        var k = Int(floor((Double(dayNumber) - 2_415_021.076998695) / 29.530588853))
        var monthStart = newMoonDay(k + 1)
        while monthStart > dayNumber { k -= 1; monthStart = newMoonDay(k + 1) }
        while newMoonDay(k + 2) <= dayNumber { k += 1; monthStart = newMoonDay(k + 1) }
        let year = date.year
        var a11 = lunarMonth11(year)
        var b11 = a11
        var lunarYear: Int
        if a11 >= monthStart {
            lunarYear = year
            a11 = lunarMonth11(year - 1)
        } else {
            lunarYear = year + 1
            b11 = lunarMonth11(year + 1)
        }
        let day = dayNumber - monthStart + 1
        let diff = (monthStart - a11) / 29
        var isLeap = false
        var month = diff + 11
        if b11 - a11 > 365 {
            let leapDiff = leapMonthOffset(a11)
            if diff >= leapDiff {
                month = diff + 10
                isLeap = diff == leapDiff
            }
        }
        if month > 12 { month -= 12 }
        if month >= 11 && diff < 4 { lunarYear -= 1 }
        return LunarDate(year: lunarYear, month: month, day: day, isLeapMonth: isLeap)
    }

    /// The solar date of a lunar date, or `nil` when it does not exist (a leap
    /// flag on a month that is not leap that year, or day 30 of a 29-day month).
    package func solarDate(of lunar: LunarDate) -> CivilDate? {
        guard (1...12).contains(lunar.month), (1...30).contains(lunar.day),
              let start = monthStart(year: lunar.year, month: lunar.month, isLeapMonth: lunar.isLeapMonth)
        else { return nil }
        let date = start.adding(days: lunar.day - 1)
        // A month has 29 or 30 days: day 30 must still be in the same month.
        if lunar.day == 30, lunarDate(of: date).day != 30 { return nil }
        return date
    }

    /// Mùng 1 Tết of a lunar year.
    package func newYear(of lunarYear: Int) -> CivilDate {
        // Month 1 always exists and is never leap.
        monthStart(year: lunarYear, month: 1, isLeapMonth: false)!
    }

    /// The solar date of day 1 of a lunar month.
    func monthStart(year: Int, month: Int, isLeapMonth: Bool) -> CivilDate? {
        let (a11, b11) = month < 11
            ? (lunarMonth11(year - 1), lunarMonth11(year))
            : (lunarMonth11(year), lunarMonth11(year + 1))
        let k = Int(floor(0.5 + (Double(a11) - 2_415_021.076998695) / 29.530588853))
        var offset = month - 11
        if offset < 0 { offset += 12 }
        if b11 - a11 > 365 {
            let leapOffset = leapMonthOffset(a11)
            var leapMonth = leapOffset - 2
            if leapMonth < 0 { leapMonth += 12 }
            if isLeapMonth && month != leapMonth { return nil }
            if isLeapMonth || offset >= leapOffset { offset += 1 }
        } else if isLeapMonth {
            return nil
        }
        return Self.civilDate(julianDay: newMoonDay(k + offset))
    }

    // MARK: - Astronomy (Julian day numbers)

    static func julianDay(_ date: CivilDate) -> Int { date.dayNumber + 2_440_588 }
    static func civilDate(julianDay: Int) -> CivilDate { CivilDate(dayNumber: julianDay - 2_440_588) }

    /// Local day (Julian day number) of the k-th new moon after 1900-01-01.
    func newMoonDay(_ k: Int) -> Int {
        let kd = Double(k)
        let t = kd / 1236.85, t2 = t * t, t3 = t2 * t
        let dr = Double.pi / 180
        var jd1 = 2_415_020.75933 + 29.53058868 * kd + 0.0001178 * t2 - 0.000000155 * t3
        jd1 += 0.00033 * sin((166.56 + 132.87 * t - 0.009173 * t2) * dr)
        let m = 359.2242 + 29.10535608 * kd - 0.0000333 * t2 - 0.00000347 * t3      // Sun's mean anomaly
        let mpr = 306.0253 + 385.81691806 * kd + 0.0107306 * t2 + 0.00001236 * t3   // Moon's mean anomaly
        let f = 21.2964 + 390.67050646 * kd - 0.0016528 * t2 - 0.00000239 * t3      // Moon's argument of latitude
        var c1 = (0.1734 - 0.000393 * t) * sin(m * dr) + 0.0021 * sin(2 * dr * m)
        c1 = c1 - 0.4068 * sin(mpr * dr) + 0.0161 * sin(dr * 2 * mpr)
        c1 = c1 - 0.0004 * sin(dr * 3 * mpr)
        c1 = c1 + 0.0104 * sin(dr * 2 * f) - 0.0051 * sin(dr * (m + mpr))
        c1 = c1 - 0.0074 * sin(dr * (m - mpr)) + 0.0004 * sin(dr * (2 * f + m))
        c1 = c1 - 0.0004 * sin(dr * (2 * f - m)) - 0.0006 * sin(dr * (2 * f + mpr))
        c1 = c1 + 0.0010 * sin(dr * (2 * f - mpr)) + 0.0005 * sin(dr * (2 * mpr + m))
        let deltaT = t < -11
            ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
            : -0.000278 + 0.000265 * t + 0.000262 * t2
        let jdNew = jd1 + c1 - deltaT
        return Int(floor(jdNew + 0.5 + timeZoneHours / 24))
    }

    /// Sector (0…11, 30° each) of the Sun's longitude at local midnight
    /// starting the given day; sector 9 (270°) is the winter solstice.
    func sunLongitudeSector(_ julianDay: Int) -> Int {
        let t = (Double(julianDay) - 2_451_545.5 - timeZoneHours / 24) / 36525
        let t2 = t * t
        let dr = Double.pi / 180
        let m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2
        let l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2
        var dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * sin(dr * m)
        dl += (0.019993 - 0.000101 * t) * sin(dr * 2 * m) + 0.000290 * sin(dr * 3 * m)
        var l = (l0 + dl) * dr
        l -= Double.pi * 2 * floor(l / (Double.pi * 2))
        return Int(floor(l / Double.pi * 6))
    }

    /// Day 1 of lunar month 11 (the month of the winter solstice) of a solar year.
    func lunarMonth11(_ year: Int) -> Int {
        let off = Self.julianDay(CivilDate(year: year, month: 12, day: 31)!) - 2_415_021
        let k = Int(floor(Double(off) / 29.530588853))
        var nm = newMoonDay(k)
        if sunLongitudeSector(nm) >= 9 { nm = newMoonDay(k - 1) }
        return nm
    }

    /// In a 13-month year starting at month 11 `a11`: how many months after it
    /// the leap month comes (the first month with no change of sector).
    func leapMonthOffset(_ a11: Int) -> Int {
        let k = Int(floor((Double(a11) - 2_415_021.076998695) / 29.530588853 + 0.5))
        var i = 1
        var arc = sunLongitudeSector(newMoonDay(k + i))
        var last = 0
        repeat {
            last = arc
            i += 1
            arc = sunLongitudeSector(newMoonDay(k + i))
        } while arc != last && i < 14
        return i - 1
    }
}
