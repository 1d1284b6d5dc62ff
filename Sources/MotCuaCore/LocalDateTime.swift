/// A wall-clock moment in Vietnam time (UTC+7, no daylight saving), to the
/// second (thời điểm, giờ Việt Nam).
///
/// Every timestamp in an export is local time, and every rule of the domain
/// (the 15:00 transfer rule, working hours, "the due date's day") is about the
/// local wall clock, so the product never converts to UTC: a moment is the
/// number of seconds since 1970-01-01 00:00 local.
package struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    package let secondsSinceEpoch: Int64

    package init(secondsSinceEpoch: Int64) { self.secondsSinceEpoch = secondsSinceEpoch }

    package init(date: CivilDate, secondOfDay: Int = 0) {
        self.secondsSinceEpoch = Int64(date.dayNumber) * 86_400 + Int64(secondOfDay)
    }

    /// Returns `nil` when the date is impossible or the time is out of range.
    package init?(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        guard let date = CivilDate(year: year, month: month, day: day),
              (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second)
        else { return nil }
        self.init(date: date, secondOfDay: hour * 3600 + minute * 60 + second)
    }

    package var date: CivilDate {
        CivilDate(dayNumber: Int(secondsSinceEpoch.floorDiv(86_400)))
    }

    /// Seconds since local midnight, 0..<86400.
    package var secondOfDay: Int { Int(secondsSinceEpoch.floorMod(86_400)) }

    package func adding(seconds: Int64) -> LocalDateTime {
        LocalDateTime(secondsSinceEpoch: secondsSinceEpoch + seconds)
    }

    /// The last second of a day (23:59:59): the cutoff of a report period.
    package static func endOfDay(_ date: CivilDate) -> LocalDateTime {
        LocalDateTime(date: date, secondOfDay: 86_399)
    }

    package static func < (a: LocalDateTime, b: LocalDateTime) -> Bool {
        a.secondsSinceEpoch < b.secondsSinceEpoch
    }

    /// `yyyy-MM-dd HH:mm:ss`.
    package var description: String {
        let s = secondOfDay
        return "\(date) \(pad(s / 3600, 2)):\(pad(s / 60 % 60, 2)):\(pad(s % 60, 2))"
    }

    /// `dd/MM/yyyy HH:mm`.
    package var vietnameseDescription: String {
        let s = secondOfDay
        return "\(date.vietnameseDescription) \(pad(s / 3600, 2)):\(pad(s / 60 % 60, 2))"
    }
}

extension Int64 {
    @inline(__always) func floorDiv(_ d: Int64) -> Int64 {
        let q = self / d
        return (self % d != 0 && (self < 0) != (d < 0)) ? q - 1 : q
    }
    @inline(__always) func floorMod(_ d: Int64) -> Int64 { self - floorDiv(d) * d }
}
