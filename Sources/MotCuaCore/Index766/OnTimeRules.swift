/// How one rule placed a dossier: on time, not on time, or not counted.
package enum OnTimeOutcome: String, Sendable, Hashable {
    case onTime = "dung-han"
    case notOnTime = "khong-dung-han"
    case notCounted = "khong-tinh"

    package var vietnamese: String {
        switch self {
        case .onTime: return "đúng hạn"
        case .notOnTime: return "không đúng hạn"
        case .notCounted: return "không tính"
        }
    }
    package var english: String {
        switch self {
        case .onTime: return "on time"
        case .notOnTime: return "not on time"
        case .notCounted: return "not counted"
        }
    }
}

/// The three on-time rules side by side (docs/rules.md#on-time-rules): the
/// appendix's, the national portal's (QĐ 766) and the day-level rule many
/// one-stop systems use.
package enum OnTimeRule: String, Sendable, Hashable, CaseIterable {
    case appendix, portal, dayLevel = "day"

    package var vietnamese: String {
        switch self {
        case .appendix: return "Phụ lục"
        case .portal: return "Cổng QĐ 766"
        case .dayLevel: return "Theo ngày"
        }
    }
    package var english: String {
        switch self {
        case .appendix: return "Appendix"
        case .portal: return "Portal QĐ 766"
        case .dayLevel: return "Day level"
        }
    }
}

/// Why the rules placed a dossier differently (the first that applies).
package enum OnTimeDifferenceReason: String, Sendable, Hashable, CaseIterable {
    /// SoLanBoSung ≥ 2: only the portal's rule counts it as not on time.
    case repeatedSupplements = "bo-sung-nhieu-lan"
    /// Withdrawn or stopped: no class in the appendix, always on time by day, judged by the portal.
    case withdrawnOrStopped = "rut-dung"
    /// Unfinished at the cutoff: only the portal counts it.
    case unfinished = "chua-ket-thuc"
    /// Finished on the due day after the due time: on time by day only.
    case dueDayAfterTime = "trong-ngay-hen-sau-gio-hen"
    /// No due date in the export: the portal compares with the recomputed one.
    case noDueDate = "khong-co-han"

    package var vietnamese: String {
        switch self {
        case .repeatedSupplements: return "Bổ sung từ 2 lần: chỉ Cổng trừ"
        case .withdrawnOrStopped: return "Rút hoặc dừng xử lý: phụ lục không xét hạn, theo ngày luôn đúng hạn, Cổng so giờ hẹn"
        case .unfinished: return "Chưa kết thúc tại thời điểm chốt: chỉ Cổng tính"
        case .dueDayAfterTime: return "Kết thúc trong ngày hẹn nhưng sau giờ hẹn: theo ngày đúng hạn"
        case .noDueDate: return "Không có ngày hẹn trả: Cổng so với hạn tính lại"
        }
    }
    package var english: String {
        switch self {
        case .repeatedSupplements: return "Two or more supplement requests: only the portal deducts"
        case .withdrawnOrStopped: return "Withdrawn or stopped: no class in the appendix, always on time by day, the portal compares times"
        case .unfinished: return "Unfinished at the cutoff: only the portal counts it"
        case .dueDayAfterTime: return "Finished on the due day after the due time: on time by day"
        case .noDueDate: return "No due date: the portal compares with the recomputed one"
        }
    }
}

/// One dossier the three rules place differently.
package struct OnTimeDifference: Sendable, Hashable {
    package var dossier: Dossier
    package var appendix: OnTimeOutcome
    package var portal: OnTimeOutcome
    package var dayLevel: OnTimeOutcome
    package var reason: OnTimeDifferenceReason
    /// The finish as of the cutoff: `nil` for a dossier unfinished then,
    /// whatever later date the export gives.
    package var finish: LocalDateTime?

    package func outcome(_ rule: OnTimeRule) -> OnTimeOutcome {
        switch rule {
        case .appendix: return appendix
        case .portal: return portal
        case .dayLevel: return dayLevel
        }
    }
}

/// The places of one dossier under the three rules, in the order of
/// ``OnTimeRule/allCases``. (An array of them, built for every dossier of
/// every period, was three allocations a dossier.)
package struct OnTimeOutcomes: Sendable, Hashable {
    package var appendix: OnTimeOutcome
    package var portal: OnTimeOutcome
    package var dayLevel: OnTimeOutcome

    package subscript(rule: OnTimeRule) -> OnTimeOutcome {
        switch rule {
        case .appendix: return appendix
        case .portal: return portal
        case .dayLevel: return dayLevel
        }
    }

    /// Whether the rules' outcomes are not all the same.
    package var disagree: Bool { portal != appendix || dayLevel != appendix }
}

/// Counted and on-time dossiers under each rule: sums, so rates roll up.
package struct OnTimeRuleCounts: Sendable, Hashable, Summable {
    /// By rule, in the order of ``OnTimeRule/allCases`` (lane 3 unused): inline
    /// values, where arrays cost two allocations for every dossier of every period.
    private var countedByRule = SIMD4<Int>(repeating: 0)
    private var onTimeByRule = SIMD4<Int>(repeating: 0)
    /// Dossiers the rules place differently.
    package var differing = 0

    package init() {}

    private static func slot(_ rule: OnTimeRule) -> Int {
        switch rule {
        case .appendix: return 0
        case .portal: return 1
        case .dayLevel: return 2
        }
    }

    package func counted(_ rule: OnTimeRule) -> Int { countedByRule[Self.slot(rule)] }
    package func onTime(_ rule: OnTimeRule) -> Int { onTimeByRule[Self.slot(rule)] }
    /// Tỷ lệ đúng hạn under `rule`, percent; `nil` when it counts nothing.
    package func rate(_ rule: OnTimeRule) -> Double? {
        counted(rule) == 0 ? nil : Double(onTime(rule)) * 100 / Double(counted(rule))
    }

    package mutating func add(_ outcomes: OnTimeOutcomes) {
        for rule in OnTimeRule.allCases {
            let o = outcomes[rule]
            guard o != .notCounted else { continue }
            countedByRule[Self.slot(rule)] += 1
            if o == .onTime { onTimeByRule[Self.slot(rule)] += 1 }
        }
        if outcomes.disagree { differing += 1 }
    }

    package static func += (a: inout OnTimeRuleCounts, b: OnTimeRuleCounts) {
        a.countedByRule &+= b.countedByRule; a.onTimeByRule &+= b.onTimeByRule
        a.differing += b.differing
    }
}

extension OnTimeRuleCounts {
    /// Places one dossier of the period under the three rules; returns the
    /// difference when they disagree.
    package static func compare(_ d: Dossier, state: PeriodState, verdict: Index766Verdict) -> (outcomes: OnTimeOutcomes, difference: OnTimeDifference?) {
        let appendix: OnTimeOutcome
        switch state.finish {
        case .early?, .onTime?: appendix = .onTime
        case .late?: appendix = .notOnTime
        case .unclassified?, nil: appendix = .notCounted
        }
        let portal: OnTimeOutcome = verdict.isOnTime ? .onTime : .notOnTime
        let dayLevel: OnTimeOutcome
        if state.finish == nil {
            dayLevel = .notCounted
        } else if d.status?.endsWithoutOnTimeClass == true {
            dayLevel = .onTime
        } else if let due = d.dueAt, let f = d.finish {
            dayLevel = f.date <= due.date ? .onTime : .notOnTime
        } else {
            dayLevel = .notCounted
        }
        let outcomes = OnTimeOutcomes(appendix: appendix, portal: portal, dayLevel: dayLevel)
        guard outcomes.disagree else { return (outcomes, nil) }
        let reason: OnTimeDifferenceReason
        if let n = d.supplementCount, n >= 2, portal == .notOnTime {
            reason = .repeatedSupplements
        } else if state.finish == nil {
            reason = .unfinished
        } else if d.status?.endsWithoutOnTimeClass == true {
            reason = .withdrawnOrStopped
        } else if d.dueAt == nil {
            reason = .noDueDate
        } else {
            reason = .dueDayAfterTime
        }
        return (outcomes, OnTimeDifference(dossier: d, appendix: appendix, portal: portal, dayLevel: dayLevel, reason: reason,
                                                  finish: state.finish == nil ? nil : d.finish))
    }
}
