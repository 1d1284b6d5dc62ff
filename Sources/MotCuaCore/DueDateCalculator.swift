/// Computes a dossier's due date from its procedure's prescribed time
/// (docs/rules.md#deadlines): from NgayTiepNhan, or from NgayTiepNhanBoSung when a
/// supplement restarted the count, adding working time on the working calendar.
///
/// Used when an export has no NgayHenTra, and by the data-quality check that
/// lists exported due dates differing from the computed ones.
package struct DueDateCalculator: Sendable {
    package let catalogue: ProcedureCatalogue
    package let calendar: WorkCalendar
    package let rules: DeadlineRules

    package init(catalogue: ProcedureCatalogue, calendar: WorkCalendar, rules: DeadlineRules = .standard) {
        self.catalogue = catalogue; self.calendar = calendar; self.rules = rules
    }

    /// `nil` when the procedure is unknown or has no prescribed time.
    package func computedDue(for dossier: Dossier) -> LocalDateTime? {
        guard let received = dossier.receivedAt, let code = dossier.procedureCode,
              let duration = catalogue[code]?.processingDuration else { return nil }
        var start = received
        if let restart = dossier.supplementReceivedAt, restart > received { start = restart }
        return Deadline.due(receivedAt: start, channel: SubmissionChannel(dossier.channel), duration: duration,
                            calendar: calendar, rules: rules)
    }
}
