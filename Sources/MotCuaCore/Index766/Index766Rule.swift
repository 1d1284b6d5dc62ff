/// Why the progress indicator of the QĐ 766 index counts a dossier as not on
/// time (lý do bị trừ điểm tiến độ, docs/rules.md#index766-progress).
package enum Index766MissReason: String, Sendable, Hashable, CaseIterable {
    /// Two or more supplement requests (SoLanBoSung ≥ 2): never on time.
    case repeatedSupplements = "bo-sung-nhieu-lan"
    /// Finished (NgayKetThucXuLy, else NgayTra) after its due time.
    case finishedLate = "ket-thuc-sau-han"
    /// Waiting for a supplement that was requested after the due time.
    case supplementRequestedLate = "yeu-cau-bo-sung-sau-han"
    /// Still pending at the cutoff, past its due time.
    case pendingPastDue = "ton-qua-han"
    /// No NgayHenTra, and the end is after the due moment recomputed from the
    /// procedure's legal duration (or the duration is unknown).
    case noDueDate = "khong-co-han"

    package var vietnamese: String {
        switch self {
        case .repeatedSupplements: return "Yêu cầu bổ sung từ 2 lần trở lên"
        case .finishedLate: return "Kết thúc xử lý sau ngày hẹn trả"
        case .supplementRequestedLate: return "Chờ bổ sung, yêu cầu bổ sung sau ngày hẹn trả"
        case .pendingPastDue: return "Chưa kết thúc tại thời điểm chốt, đã quá ngày hẹn trả"
        case .noDueDate: return "Không có ngày hẹn trả, quá thời hạn giải quyết theo quy định"
        }
    }

    package var english: String {
        switch self {
        case .repeatedSupplements: return "Two or more supplement requests"
        case .finishedLate: return "Finished after its due time"
        case .supplementRequestedLate: return "Waiting for a supplement requested after its due time"
        case .pendingPastDue: return "Still pending at the cutoff, past its due time"
        case .noDueDate: return "No due date, and over the legal duration"
        }
    }
}

/// How the portal's progress rule judged one dossier in scope.
package struct Index766Verdict: Sendable, Hashable {
    /// The moment the rule compares: the finish, the supplement request of a
    /// waiting dossier, or the cutoff.
    package var end: LocalDateTime
    /// NgayHenTra as exported, else the recomputed due moment; `nil` when neither.
    package var due: LocalDateTime?
    /// Whether the due moment was recomputed because the export had none.
    package var dueRecomputed: Bool
    /// `nil` when on time.
    package var miss: Index766MissReason?
    package var isOnTime: Bool { miss == nil }
}

/// The national portal's progress rule (tiến độ giải quyết, QĐ 766/QĐ-TTg),
/// which differs from the appendix classification on purpose
/// (docs/rules.md#index766-progress): it compares moments, not days; it
/// judges withdrawn and stopped dossiers too; a waiting dossier ends at its
/// supplement request; an unfinished one at the cutoff.
package struct Index766Rule: Sendable {
    package let period: ReportPeriod
    /// Recomputes a due moment for a dossier stored without NgayHenTra.
    package let dueDates: DueDateCalculator?

    package init(period: ReportPeriod, dueDates: DueDateCalculator? = nil) {
        self.period = period
        self.dueDates = dueDates
    }

    /// The verdict for a dossier the classifier placed in the period
    /// (backlog or received: the portal's scope is the same).
    package func judge(_ d: Dossier, state: PeriodState) -> Index766Verdict {
        let cutoff = period.cutoff
        let waiting = state.pending == .waitingSupplement
        let end: LocalDateTime
        if state.finish != nil, let f = d.finish {
            end = f
        } else if waiting {
            end = d.supplementRequestedAt ?? cutoff
        } else {
            end = cutoff
        }
        var due = d.dueAt
        var recomputed = false
        if due == nil, let computed = dueDates?.computedDue(for: d) { due = computed; recomputed = true }
        var verdict = Index766Verdict(end: end, due: due, dueRecomputed: recomputed || d.dueAt == nil, miss: nil)
        if let n = d.supplementCount, n >= 2 {
            verdict.miss = .repeatedSupplements
        } else if let due, end <= due {
            verdict.miss = nil
        } else if d.dueAt == nil {
            verdict.miss = .noDueDate
        } else if state.finish != nil {
            verdict.miss = .finishedLate
        } else if waiting {
            verdict.miss = .supplementRequestedLate
        } else {
            verdict.miss = .pendingPastDue
        }
        return verdict
    }
}

/// A dossier that costs the unit progress points (hồ sơ bị trừ điểm).
package struct Index766Miss: Sendable, Hashable {
    package var dossier: Dossier
    package var verdict: Index766Verdict
    package var reason: Index766MissReason { verdict.miss! }
}
