/// One line of the overdue list (danh sách hồ sơ quá hạn): a dossier finished
/// late in the period, or pending past its due date at the cutoff.
package struct OverdueEntry: Sendable, Hashable {
    package let dossier: Dossier
    /// True when it was finished (late) in the period; false when still pending.
    package let isFinished: Bool
    /// Working days after the due date's day up to the finish (or the cutoff).
    package let daysOverdue: Int
    /// Whether the apology letter's new date was missed too; `nil` without a new date.
    package let missedNewDueDate: Bool?

    /// Overdue without the apology letter Điều 15 of the Lai Châu rules requires.
    package var lacksApology: Bool { dossier.apologyCount == 0 }
    /// More than one apology letter: the rules allow one per dossier.
    package var hasSeveralApologies: Bool { dossier.apologyCount > 1 }

    package init(dossier: Dossier, isFinished: Bool, daysOverdue: Int, missedNewDueDate: Bool?) {
        self.dossier = dossier; self.isFinished = isFinished
        self.daysOverdue = daysOverdue; self.missedNewDueDate = missedNewDueDate
    }

    /// Builds the entry for a dossier whose state is late or overdue, else `nil`.
    package static func make(_ d: Dossier, state: PeriodState, cutoff: LocalDateTime,
                            calendar: WorkCalendar) -> OverdueEntry? {
        guard let due = d.dueAt else { return nil }
        let end: LocalDateTime
        switch (state.finish, state.pending) {
        case (.late?, _): end = d.finish!
        case (nil, .overdue?): end = cutoff
        default: return nil
        }
        return OverdueEntry(
            dossier: d, isFinished: state.finish != nil,
            daysOverdue: max(1, Deadline.daysOverdue(due: due, finish: end, calendar: calendar)),
            missedNewDueDate: d.newDueAt.map { end > $0 })
    }
}
