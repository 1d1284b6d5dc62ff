/// The public holidays the law fixes for every year (ngày nghỉ lễ, Tết), used
/// for the years no calendar file describes.
///
/// Rules (Bộ luật Lao động 2019, Điều 112, and its predecessors):
/// - Tết Dương lịch: 1/1.
/// - Tết Nguyên đán: from 2013 (Bộ luật Lao động 2012) five days — the last
///   day of the lunar year (29 or 30 tháng Chạp) and mùng 1 to mùng 4; before
///   2013 four days — the last day of the year and mùng 1 to mùng 3. The
///   government picks the exact days each year; the official choices are in
///   the shipped calendar files.
/// - Giỗ Tổ Hùng Vương: 10/3 âm lịch, from 2007.
/// - Ngày Chiến thắng 30/4 and Ngày Quốc tế Lao động 1/5.
/// - Quốc khánh 2/9, and from 2021 one adjacent day, chosen the way the
///   government has chosen it so far: the one that joins the weekend
///   (Monday → 3/9, Tuesday → 1/9, Thursday → 3/9, Friday → 1/9,
///   Saturday → 1/9, Sunday → 3/9; Wednesday → 1/9 as in 2026).
/// - Nghỉ bù: a holiday on a Saturday or Sunday gives a day off on the next
///   working day (Mon–Fri, not already a holiday or a compensation day),
///   one for each such holiday, in date order (Điều 111.3). For Tết, from
///   2014, a day on a Saturday is compensated on the last free working day
///   *before* it instead, which is what every official Tết arrangement since
///   then has done (2018: 14/2; 2020: 23/1; 2021: 10/2; 2023: 20/1;
///   2024: 8/2; 2025: 27/1 — the day before the holiday block, so the break
///   is one block).
///
/// Historical detail before 1995 (when the 1994 Labour Code introduced nghỉ
/// bù) is not modelled: the same rules are applied to every year.
package enum BuiltInHolidays {
    /// The year from which Tết has five days instead of four.
    package static let fiveDayTetSince = 2013
    /// The year from which Giỗ Tổ Hùng Vương is a public holiday.
    package static let hungKingsSince = 2007
    /// The year from which Quốc khánh has a second, adjacent day.
    package static let twoDayNationalDaySince = 2021
    /// The year from which a Tết day on a Saturday is compensated before Tết.
    package static let tetSaturdayCompensatedBeforeSince = 2014
    /// The year from which Ngày Văn hóa Việt Nam (24/11) is a public holiday,
    /// or `nil` while it is not one. The day was chosen by Nghị quyết
    /// 80-NQ/TW, but it is a day off only once the Labour Code says so
    /// (docs/rules.md#holidays): this is the one-line switch for the years
    /// without a calendar file, beside the commented line of
    /// `Templates/calendar/2026.csv`.
    package static let cultureDaySince: Int? = nil

    static let tetName = "Tết Nguyên đán"

    /// The holidays of a year before compensation, in date order.
    package static func holidays(
        in year: Int, lunar: LunarCalendar = .vietnamese, cultureDaySince: Int? = BuiltInHolidays.cultureDaySince
    ) -> [NamedDay] {
        var days: [NamedDay] = []
        func add(_ month: Int, _ day: Int, _ name: String) {
            days.append(NamedDay(date: CivilDate(year: year, month: month, day: day)!, name: name))
        }
        add(1, 1, "Tết Dương lịch")

        // Tết: the lunar year that starts in this solar year (Tết is always in Jan–Feb).
        let newYear = lunar.newYear(of: year)
        let lastDayOfYear = newYear.adding(days: -1)
        let lastDayNumber = lunar.lunarDate(of: lastDayOfYear).day
        days.append(NamedDay(date: lastDayOfYear, name: "\(tetName) (\(lastDayNumber) tháng Chạp)"))
        let tetDays = year >= fiveDayTetSince ? 4 : 3
        let ordinals = ["mùng 1", "mùng 2", "mùng 3", "mùng 4"]
        for i in 0..<tetDays {
            days.append(NamedDay(date: newYear.adding(days: i), name: "\(tetName) (\(ordinals[i]) tháng Giêng)"))
        }

        if year >= hungKingsSince, let hung = lunar.solarDate(of: LunarDate(year: year, month: 3, day: 10)) {
            days.append(NamedDay(date: hung, name: "Giỗ Tổ Hùng Vương (10/3 âm lịch)"))
        }
        add(4, 30, "Ngày Chiến thắng (30/4)")
        add(5, 1, "Ngày Quốc tế Lao động (1/5)")
        add(9, 2, "Quốc khánh (2/9)")
        if year >= twoDayNationalDaySince {
            let national = CivilDate(year: year, month: 9, day: 2)!
            let adjacentDay: Int
            switch national.isoWeekday {
            case 1, 4, 7: adjacentDay = 3
            default: adjacentDay = 1
            }
            add(9, adjacentDay, "Quốc khánh (ngày liền kề 2/9)")
        }
        if let since = cultureDaySince, year >= since {
            add(11, 24, "Ngày Văn hóa Việt Nam (24/11)")
        }
        return days.sorted { $0.date < $1.date }
    }

    /// The year's days off: the holidays plus their compensation days.
    package static func schedule(
        for year: Int, lunar: LunarCalendar = .vietnamese, cultureDaySince: Int? = BuiltInHolidays.cultureDaySince
    ) -> YearSchedule {
        let holidays = holidays(in: year, lunar: lunar, cultureDaySince: cultureDaySince)
        var taken = Set(holidays.map(\.date))
        var compensations: [NamedDay] = []
        for holiday in holidays where holiday.date.isWeekend {
            let isTet = holiday.name.hasPrefix(tetName)
            let step = isTet && year >= tetSaturdayCompensatedBeforeSince && holiday.date.isoWeekday == 6 ? -1 : 1
            var day = holiday.date.adding(days: step)
            while day.isWeekend || taken.contains(day) { day = day.adding(days: step) }
            taken.insert(day)
            compensations.append(NamedDay(date: day, name: "Nghỉ bù \(holiday.name)"))
        }
        return YearSchedule(year: year, daysOff: holidays + compensations, makeUpDays: [], source: .builtInRules)
    }
}
