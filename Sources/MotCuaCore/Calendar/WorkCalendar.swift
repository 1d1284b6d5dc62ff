/// The working calendar (lịch làm việc): which days are working days and
/// what office hours count as working time.
///
/// A working day is Monday–Friday unless it is a day off, or any day that is
/// a make-up day (làm bù). Days off of a year come from the built-in rules
/// (``BuiltInHolidays``) unless a calendar file has at least one `nghi` day
/// in that year: then that year takes its days off from the files alone
/// (docs/rules.md#working-days). Make-up days from files always apply. When several files give the
/// same date, the last one wins: pass the shipped files first and the user's
/// files after them, so a province's decision overrides the national one.
///
/// Everything is precomputed at initialisation for 1900–2200 (a flag per day
/// and a running count of working days), so that every question a report asks
/// for a dossier — is this a working day, how much working time lies between
/// two moments, when does a duration end — is answered in constant or
/// logarithmic time without Foundation's `Calendar`. Outside that range only
/// weekends are days off.
///
/// ```swift
/// let entries = try CalendarFile.parse(text, fileName: "2025.csv")
/// let calendar = WorkCalendar(entries: entries)
/// calendar.isWorkingDay(CivilDate(year: 2025, month: 5, day: 2)!)   // false
/// ```
package struct WorkCalendar: Sendable {
    package static let firstTableYear = 1900
    package static let lastTableYear = 2200

    package let workingHours: WorkingHours
    /// Length of a working day in seconds (27 000 by default).
    package var dayLength: Int { workingHours.dayLength }

    let firstDay: Int                 // day number of 1900-01-01
    let lastDay: Int                  // day number of 2200-12-31
    let working: [Bool]               // per day of the table
    let workingDaysBefore: [Int32]    // working days in [firstDay, firstDay + i)
    let schedules: [YearSchedule]     // per year of the table

    /// A calendar from the built-in rules and the given calendar-file entries
    /// (in the order the files were read).
    package init(entries: [CalendarEntry] = [], workingHours: WorkingHours = .standard) {
        self.workingHours = workingHours
        let first = CivilDate(year: Self.firstTableYear, month: 1, day: 1)!.dayNumber
        let last = CivilDate(year: Self.lastTableYear, month: 12, day: 31)!.dayNumber
        firstDay = first
        lastDay = last

        var finalEntry: [CivilDate: CalendarEntry] = [:]
        for e in entries { finalEntry[e.date] = e }
        var fileYears = Set<Int>()
        var entriesByYear: [Int: [CalendarEntry]] = [:]
        for e in finalEntry.values {
            entriesByYear[e.date.year, default: []].append(e)
            if e.kind == .dayOff { fileYears.insert(e.date.year) }
        }

        var schedules: [YearSchedule] = []
        schedules.reserveCapacity(Self.lastTableYear - Self.firstTableYear + 1)
        var working = [Bool](repeating: false, count: last - first + 1)
        for i in working.indices { working[i] = !CivilDate(dayNumber: first + i).isWeekend }

        for year in Self.firstTableYear...Self.lastTableYear {
            let yearEntries = entriesByYear[year] ?? []
            let makeUp = yearEntries.filter { $0.kind == .makeUp }
            let schedule: YearSchedule
            if fileYears.contains(year) {
                schedule = YearSchedule(
                    year: year,
                    daysOff: yearEntries.filter { $0.kind == .dayOff }.map { NamedDay(date: $0.date, name: $0.name) },
                    makeUpDays: makeUp.map { NamedDay(date: $0.date, name: $0.name) },
                    source: .calendarFiles)
            } else {
                let builtIn = BuiltInHolidays.builtInSchedule(for: year)
                let workedAnyway = Set(makeUp.map(\.date))
                schedule = YearSchedule(
                    year: year,
                    daysOff: builtIn.daysOff.filter { !workedAnyway.contains($0.date) },
                    makeUpDays: makeUp.map { NamedDay(date: $0.date, name: $0.name) },
                    source: .builtInRules)
            }
            for d in schedule.daysOff { working[d.date.dayNumber - first] = false }
            for d in schedule.makeUpDays { working[d.date.dayNumber - first] = true }
            schedules.append(schedule)
        }

        var before = [Int32](repeating: 0, count: working.count + 1)
        for i in working.indices { before[i + 1] = before[i] + (working[i] ? 1 : 0) }
        self.working = working
        self.workingDaysBefore = before
        self.schedules = schedules
    }

    // MARK: - Days

    /// Whether the office works on that day (ngày làm việc).
    @inline(__always)
    package func isWorkingDay(_ date: CivilDate) -> Bool {
        let n = date.dayNumber
        if n < firstDay || n > lastDay { return !date.isWeekend }
        return working[n - firstDay]
    }

    /// The first working day strictly after `date`.
    package func nextWorkingDay(after date: CivilDate) -> CivilDate {
        var d = date.adding(days: 1)
        while !isWorkingDay(d) { d = d.adding(days: 1) }
        return d
    }

    /// `date` if it is a working day, else the next one.
    package func workingDay(onOrAfter date: CivilDate) -> CivilDate {
        isWorkingDay(date) ? date : nextWorkingDay(after: date)
    }

    /// The last working day strictly before `date`.
    package func previousWorkingDay(before date: CivilDate) -> CivilDate {
        var d = date.adding(days: -1)
        while !isWorkingDay(d) { d = d.adding(days: -1) }
        return d
    }

    /// Number of working days `d` with `after < d ≤ through` (0 when `through ≤ after`).
    package func workingDays(after: CivilDate, through: CivilDate) -> Int {
        guard through > after else { return 0 }
        return workingDaysBefore(through.dayNumber + 1) - workingDaysBefore(after.dayNumber + 1)
    }

    /// Number of working days in `[firstDay, dayNumber)`; negative before the
    /// table, extended by the weekday rule after it. Strictly increasing
    /// across working days, constant across days off.
    @inline(__always)
    func workingDaysBefore(_ dayNumber: Int) -> Int {
        if dayNumber < firstDay {
            return -(Self.weekdaysBefore(firstDay) - Self.weekdaysBefore(dayNumber))
        }
        let count = working.count
        if dayNumber <= firstDay + count { return Int(workingDaysBefore[dayNumber - firstDay]) }
        return Int(workingDaysBefore[count]) + Self.weekdaysBefore(dayNumber) - Self.weekdaysBefore(firstDay + count)
    }

    /// Mondays to Fridays in `[1970-01-05, dayNumber)` (negative before it).
    @inline(__always)
    static func weekdaysBefore(_ dayNumber: Int) -> Int {
        let n = dayNumber - 4                       // 1970-01-05 was a Monday
        let weeks = n >= 0 ? n / 7 : -((-n + 6) / 7)
        let rest = n - weeks * 7
        return weeks * 5 + min(rest, 5)
    }

    /// The working day that has exactly `index` working days before it
    /// (counted by ``workingDaysBefore(_:)``), searching from `hint` on.
    func workingDay(withIndex index: Int, from hint: CivilDate) -> CivilDate {
        var low = hint.dayNumber
        if workingDaysBefore(low) > index { low = firstDay - 1; while workingDaysBefore(low) > index { low -= 3650 } }
        var step = 8
        var high = low + step
        while workingDaysBefore(high + 1) <= index { low = high; step *= 2; high = low + step }
        // Smallest d in [low, high] with workingDaysBefore(d + 1) > index.
        while low < high {
            let mid = low + (high - low) / 2
            if workingDaysBefore(mid + 1) > index { high = mid } else { low = mid + 1 }
        }
        return CivilDate(dayNumber: low)
    }

    // MARK: - Years

    /// The days off and make-up days of a year (1900–2200; other years have none).
    package func schedule(for year: Int) -> YearSchedule {
        guard (Self.firstTableYear...Self.lastTableYear).contains(year) else {
            return YearSchedule(year: year, daysOff: [], makeUpDays: [], source: .builtInRules)
        }
        return schedules[year - Self.firstTableYear]
    }

    /// The name of the day off on `date`, or `nil` for a working day or a plain weekend.
    package func dayOffName(_ date: CivilDate) -> String? {
        schedule(for: date.year).daysOff.first { $0.date == date }?.name
    }

    /// Number of working days in a year.
    package func workingDayCount(in year: Int) -> Int {
        let start = CivilDate(year: year, month: 1, day: 1)!
        return workingDays(after: start.adding(days: -1), through: CivilDate(year: year, month: 12, day: 31)!)
    }
}

extension BuiltInHolidays {
    /// Built-in schedules of 1900–2200, computed once per process.
    static let table: [YearSchedule] = (WorkCalendar.firstTableYear...WorkCalendar.lastTableYear)
        .map { schedule(for: $0) }

    static func builtInSchedule(for year: Int) -> YearSchedule {
        table[year - WorkCalendar.firstTableYear]
    }
}
