/// Settings of the deadline rules that offices may change.
package struct DeadlineRules: Hashable, Sendable {
    /// Paper dossiers received after this second of the day (15:00) are
    /// counted from the next working day.
    package var afternoonCutoff: Int

    package init(afternoonCutoff: Int = 15 * 3600) { self.afternoonCutoff = afternoonCutoff }

    package static let standard = DeadlineRules()
}

/// Due dates, days overdue and processing time (docs/rules.md#deadlines).
package enum Deadline {
    /// The moment from which a dossier's processing time is counted.
    ///
    /// - A paper dossier (desk or post) received on a working day after 15:00
    ///   counts from the start of the next working day (Điều 13, Lai Châu).
    /// - Any dossier received outside working hours — online at night, on a
    ///   Sunday, during the lunch break — counts from the next working hour
    ///   (Điều 9, Quyết định 31/2020/QĐ-UBND tỉnh Phú Thọ).
    package static func countingStart(
        receivedAt received: LocalDateTime,
        channel: SubmissionChannel,
        calendar: WorkCalendar,
        rules: DeadlineRules = .standard
    ) -> LocalDateTime {
        let date = received.date
        if channel.appliesAfternoonCutoff, calendar.isWorkingDay(date),
           received.secondOfDay > rules.afternoonCutoff {
            return calendar.startOfWorkingDay(calendar.nextWorkingDay(after: date))
        }
        return calendar.nextWorkingMoment(atOrAfter: received)
    }

    /// The due moment (ngày hẹn trả) of a dossier received at `received`
    /// for a procedure of `duration` (from NgayTiepNhan, or from
    /// NgayTiepNhanBoSung when a supplement restarts the count).
    ///
    /// Working days and hours add working time to the counting start (0.5
    /// day = 3 h 45 min by default). N calendar days give the end of the
    /// working day N days after the counting start's day, moved forward to a
    /// working day.
    ///
    /// ```swift
    /// // Received at the desk on Monday 10:00, 1 working day: due Tuesday 10:00.
    /// Deadline.due(receivedAt: monday10, channel: .direct, duration: .workingDays(1), calendar: cal)
    /// ```
    package static func due(
        receivedAt received: LocalDateTime,
        channel: SubmissionChannel,
        duration: ProcedureDuration,
        calendar: WorkCalendar,
        rules: DeadlineRules = .standard
    ) -> LocalDateTime {
        let start = countingStart(receivedAt: received, channel: channel, calendar: calendar, rules: rules)
        if let seconds = duration.workingSeconds(dayLength: calendar.dayLength) {
            return calendar.adding(workingSeconds: seconds, to: start)
        }
        let day = calendar.workingDay(onOrAfter: start.date.adding(days: duration.wholeCalendarDays))
        return calendar.endOfWorkingDay(day)
    }

    /// Days overdue (số ngày quá hạn): 0 when finished (or, for a pending
    /// dossier, the cutoff is) at or before the due moment; otherwise the
    /// number of working days after the due date's day up to and including
    /// the finish (or cutoff) day, and at least 1 — a dossier finished at
    /// 17:30 on its due day is 1 day late.
    package static func daysOverdue(due: LocalDateTime, finish: LocalDateTime, calendar: WorkCalendar) -> Int {
        guard finish > due else { return 0 }
        return max(1, calendar.workingDays(after: due.date, through: finish.date))
    }

    /// Processing time in working days (thời gian xử lý): the working time
    /// between receipt and finish divided by the length of a working day;
    /// 0 when the finish is not after the receipt.
    package static func processingDays(
        receivedAt received: LocalDateTime,
        finishedAt finished: LocalDateTime,
        calendar: WorkCalendar
    ) -> Double {
        let seconds = calendar.workingSeconds(from: received, to: finished)
        return seconds > 0 ? Double(seconds) / Double(calendar.dayLength) : 0
    }
}
