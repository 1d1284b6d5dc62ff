/// Working time (thời gian làm việc): seconds inside the office hours of
/// working days. All durations of the domain are measured on this clock.
extension WorkCalendar {
    /// Working seconds elapsed from the start of the table to `moment`: a
    /// monotone clock that stands still outside working hours.
    @inline(__always)
    func workingClock(_ moment: LocalDateTime) -> Int64 {
        let date = moment.date
        let days = Int64(workingDaysBefore(date.dayNumber)) * Int64(dayLength)
        guard isWorkingDay(date) else { return days }
        return days + Int64(workingHours.workedSeconds(at: moment.secondOfDay))
    }

    /// Working time between two moments, in seconds: only time inside working
    /// hours on working days counts. Negative when `end` is before `start`.
    package func workingSeconds(from start: LocalDateTime, to end: LocalDateTime) -> Int64 {
        workingClock(end) - workingClock(start)
    }

    /// The moment at which `seconds` of working time have elapsed since
    /// `start`. Ending exactly at the end of a session gives that end
    /// (17:00), not the start of the next one; adding 0 returns `start`.
    /// - precondition: `seconds >= 0`.
    package func adding(workingSeconds seconds: Int64, to start: LocalDateTime) -> LocalDateTime {
        precondition(seconds >= 0, "working time to add must not be negative")
        if seconds == 0 { return start }
        let target = workingClock(start) + seconds
        let length = Int64(dayLength)
        // The target second lies in working day number `index` (0-based), at
        // `remainder` (1…dayLength) seconds into it.
        let index = (target - 1).floorDiv(length)
        let remainder = Int(target - index * length)
        let day = workingDay(withIndex: Int(index), from: start.date)
        return LocalDateTime(date: day, secondOfDay: workingHours.secondOfDay(afterWorking: remainder))
    }

    /// `moment` when it is inside working hours of a working day, else the
    /// start of the next working session (giờ làm việc kế tiếp).
    package func nextWorkingMoment(atOrAfter moment: LocalDateTime) -> LocalDateTime {
        let date = moment.date
        if isWorkingDay(date), let s = workingHours.workingMoment(atOrAfter: moment.secondOfDay) {
            return LocalDateTime(date: date, secondOfDay: s)
        }
        return startOfWorkingDay(nextWorkingDay(after: date))
    }

    /// Start of the first session of a day (07:30).
    package func startOfWorkingDay(_ date: CivilDate) -> LocalDateTime {
        LocalDateTime(date: date, secondOfDay: workingHours.firstStart)
    }

    /// End of the last session of a day (17:00): a due date written without a
    /// time means this moment (docs/rules.md#timestamps).
    package func endOfWorkingDay(_ date: CivilDate) -> LocalDateTime {
        LocalDateTime(date: date, secondOfDay: workingHours.lastEnd)
    }
}
