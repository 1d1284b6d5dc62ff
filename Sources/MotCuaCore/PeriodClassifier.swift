/// The on-time class of a dossier finished in the period.
package enum FinishClass: Sendable, Hashable {
    /// Trước hạn: finished on a calendar day before the due date's day.
    case early
    /// Đúng hạn: finished on the due date's day, at or before the due time.
    case onTime
    /// Trễ hạn: finished after the due time.
    case late
    /// Không xét hạn: withdrawn or stopped, or no due date to judge by.
    case unclassified
}

/// Where a dossier that is not finished at the cutoff stands.
package enum PendingClass: Sendable, Hashable {
    /// Trong hạn: due at or after the cutoff.
    case inTime
    /// Quá hạn: due before the cutoff.
    case overdue
    /// Chờ bổ sung: waiting for the applicant's supplement; the clock is stopped.
    case waitingSupplement
}

/// The state of one dossier for one period, rebuilt from its timestamps
/// (docs/rules.md#classification). `nil` from the classifier means the dossier plays no part.
package struct PeriodState: Sendable, Hashable {
    /// Hồ sơ tồn: received before the period and not finished before it started.
    package var isBacklog: Bool
    /// Tiếp nhận: received within the period.
    package var isReceived: Bool { !isBacklog }
    /// Set when the dossier was finished in the period.
    package var finish: FinishClass?
    /// Set when the dossier is still pending at the cutoff.
    package var pending: PendingClass?
}

/// Classifies dossiers for a report period (phân loại hồ sơ theo kỳ báo cáo).
package struct PeriodClassifier: Sendable {
    package let period: ReportPeriod
    private let start: Int64
    private let cutoff: Int64

    package init(period: ReportPeriod) {
        self.period = period
        self.start = period.start.secondsSinceEpoch
        self.cutoff = period.cutoff.secondsSinceEpoch
    }

    /// Returns `nil` for a dossier outside the period: not accepted (status 3),
    /// never received, received after the cutoff, or finished before `from`.
    package func classify(_ d: Dossier) -> PeriodState? {
        if d.status == .notAccepted { return nil }
        guard let received = d.receivedAt?.secondsSinceEpoch, received <= cutoff else { return nil }
        // A finish after the cutoff did not happen yet, as of the cutoff.
        // A closure, not the key path `\.secondsSinceEpoch`: a key path used as a
        // function is projected at run time, 5 % of a 10M quarter report's samples
        // (classify runs once per dossier and aggregator).
        let finish = d.finish.flatMap { f in f.secondsSinceEpoch <= cutoff ? f.secondsSinceEpoch : nil }
        if let f = finish, f < start { return nil }
        var state = PeriodState(isBacklog: received < start, finish: nil, pending: nil)
        if let f = finish {
            state.finish = finishClass(of: d, finishedAt: f)
        } else {
            state.pending = pendingClass(of: d)
        }
        return state
    }

    private func finishClass(of d: Dossier, finishedAt f: Int64) -> FinishClass {
        if let s = d.status, s.endsWithoutOnTimeClass { return .unclassified }
        guard let due = d.dueAt else { return .unclassified }
        let finishDay = LocalDateTime(secondsSinceEpoch: f).date
        if finishDay < due.date { return .early }
        return f <= due.secondsSinceEpoch ? .onTime : .late
    }

    private func pendingClass(of d: Dossier) -> PendingClass {
        if isWaitingForSupplement(d) { return .waitingSupplement }
        guard let due = d.dueAt else { return .inTime }
        return due.secondsSinceEpoch >= cutoff ? .inTime : .overdue
    }

    /// A supplement was requested at or before the cutoff and none arrived by
    /// it. Without a request date, the current status 5 stands in for the
    /// request (docs/rules.md#pending: the fallback for exports that lack the column).
    private func isWaitingForSupplement(_ d: Dossier) -> Bool {
        let arrivedByCutoff = d.supplementReceivedAt.map { $0.secondsSinceEpoch <= cutoff } ?? false
        if let requested = d.supplementRequestedAt {
            return requested.secondsSinceEpoch <= cutoff
                && !(arrivedByCutoff && d.supplementReceivedAt! >= requested)
        }
        return d.status == .supplementRequested && !arrivedByCutoff
    }
}
