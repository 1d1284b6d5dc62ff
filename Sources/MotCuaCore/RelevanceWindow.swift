/// The stretch of stored history one report period reads (khoảng cần đọc của
/// một kỳ): a dossier may matter for a period that starts at `start` and ends
/// at `cutoff` when it was received by the cutoff and was not finished before
/// the start (docs/rules.md#excluded). A store hands over at least these; the
/// classifier decides the rest.
package struct RelevanceWindow: Sendable, Hashable {
    package let start: LocalDateTime
    package let cutoff: LocalDateTime

    package init(start: LocalDateTime, cutoff: LocalDateTime) {
        self.start = start
        self.cutoff = cutoff
    }

    package init(period: ReportPeriod) {
        self.init(start: period.start, cutoff: period.cutoff)
    }

    /// Whether the window reaches `dossier`: the test a store's query makes.
    /// A dossier never finished is reached by every window after its receipt
    /// (it is backlog of every later period).
    package func reaches(_ dossier: Dossier) -> Bool {
        reaches(received: dossier.receivedAt?.secondsSinceEpoch, finish: dossier.finish?.secondsSinceEpoch)
    }

    /// ``reaches(_:)`` on a row's moments in seconds (the finish being
    /// NgayKetThucXuLy, else NgayTraKetQua), before any dossier is built.
    package func reaches(received: Int64?, finish: Int64?) -> Bool {
        guard let received, received <= cutoff.secondsSinceEpoch else { return false }
        guard let finish else { return true }
        return finish >= start.secondsSinceEpoch
    }
}
