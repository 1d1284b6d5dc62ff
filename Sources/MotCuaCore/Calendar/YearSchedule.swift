/// A day with a Vietnamese name: a day off (ngày nghỉ) or a make-up working
/// day (ngày làm bù).
package struct NamedDay: Hashable, Sendable, CustomStringConvertible {
    package let date: CivilDate
    package let name: String

    package init(date: CivilDate, name: String) {
        self.date = date
        self.name = name
    }

    package var description: String { "\(date) \(name)" }
}

/// The days off and make-up days of one year, and where they came from.
///
/// `daysOff` lists every official day off, including the ones that fall on a
/// weekend (Giỗ Tổ on a Sunday, the Saturday inside a Tết break): only
/// weekdays change the working-day count, but a reader wants the full list.
package struct YearSchedule: Hashable, Sendable {
    /// Where a year's days off come from (docs/rules.md#working-days).
    package enum Source: String, Hashable, Sendable {
        /// Computed by ``BuiltInHolidays`` (no calendar file has a `nghi` day in the year).
        case builtInRules
        /// Taken from the calendar files alone: at least one has a `nghi` day in the year.
        case calendarFiles
    }

    package let year: Int
    package let daysOff: [NamedDay]
    package let makeUpDays: [NamedDay]
    package let source: Source

    package init(year: Int, daysOff: [NamedDay], makeUpDays: [NamedDay], source: Source) {
        self.year = year
        self.daysOff = daysOff.sorted { $0.date < $1.date }
        self.makeUpDays = makeUpDays.sorted { $0.date < $1.date }
        self.source = source
    }
}
