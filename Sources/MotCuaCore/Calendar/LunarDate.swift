/// A date of the Vietnamese lunisolar calendar (ngày âm lịch).
///
/// `month` is 1…12; a leap month (tháng nhuận) repeats the number of the month
/// before it and has `isLeapMonth == true`. `year` is the lunar year, which
/// starts at Tết (mùng 1 tháng Giêng), so 20/01/1985 is 30/12 of lunar 1984.
package struct LunarDate: Hashable, Sendable, CustomStringConvertible {
    package let year: Int
    package let month: Int
    package let day: Int
    package let isLeapMonth: Bool

    package init(year: Int, month: Int, day: Int, isLeapMonth: Bool = false) {
        self.year = year
        self.month = month
        self.day = day
        self.isLeapMonth = isLeapMonth
    }

    /// `d/m/yyyy` with " (nhuận)" for a leap month, as Vietnamese calendars print it.
    package var description: String {
        "\(day)/\(month)\(isLeapMonth ? " nhuận" : "")/\(year)"
    }
}
