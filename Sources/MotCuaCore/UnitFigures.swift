/// The counts of one unit (or a subtree, or the whole report) for one period:
/// everything the appendix and the on-time sheet print.
///
/// Only counts are stored; rates are derived, so that a parent's figures are
/// plain sums of its children's and rates are recomputed from the sums,
/// never averaged.
package struct UnitFigures: Sendable, Hashable {
    package var backlog = 0
    package var received = 0
    package var receivedDirect = 0
    package var receivedOnline = 0
    package var receivedPostal = 0
    /// Received here in the period for another unit to handle, and handled
    /// here after another unit received it: both 0 unless reception counts
    /// for the receiving unit (docs/rules.md#receiving-unit).
    package var receivedForOthers = 0
    package var receivedElsewhere = 0
    /// Received by level bucket (2, 3, 4, other).
    package var receivedByLevel = LevelCounts()
    package var receivedOnlineByLevel = LevelCounts()
    package var finished = 0
    package var finishedByLevel = LevelCounts()
    package var early = 0
    package var onTime = 0
    package var late = 0
    package var unclassified = 0
    package var pending = 0
    package var pendingInTime = 0
    package var pendingOverdue = 0
    package var pendingSupplement = 0
    /// Working seconds from receipt to finish, summed over the finished dossiers
    /// that have an on-time class (an integer, so roll-up sums are exact).
    package var processingWorkSeconds: Int64 = 0
    /// The counts of the QĐ 766 index, by the portal's own rules (docs/rules.md#index766).
    package var portal = Index766Counts()
    /// Tỷ lệ đúng hạn under the three rules of docs/rules.md#on-time-rules.
    package var onTimeRules = OnTimeRuleCounts()

    package init() {}

    /// Counts one classified dossier; `workSeconds` is its processing time
    /// when it finished with an on-time class (0 otherwise).
    package mutating func add(_ state: PeriodState, channel: Channel, level: LevelBucket, workSeconds: Int64,
                              parts: FigureParts = .all) {
        add(state, channel: channel, level: level, parts: parts)
        if parts.contains(.results) { processingWorkSeconds += workSeconds }
    }

    /// Counts the `parts` of a dossier's figures: reception (received, by
    /// channel and level) and results (backlog, finished, pending) may go to
    /// different units (docs/rules.md#receiving-unit).
    package mutating func add(_ state: PeriodState, channel: Channel, level: LevelBucket, parts: FigureParts = .all) {
        if state.isBacklog {
            if parts.contains(.results) { backlog += 1 }
        } else if parts == .reception {
            receivedForOthers += 1
        } else if parts == .results {
            receivedElsewhere += 1
        }
        if !state.isBacklog && parts.contains(.reception) {
            received += 1
            receivedByLevel[level] += 1
            switch channel {
            case .direct: receivedDirect += 1
            case .online: receivedOnline += 1; receivedOnlineByLevel[level] += 1
            case .postal: receivedPostal += 1
            }
        }
        guard parts.contains(.results) else { return }
        if let f = state.finish {
            finished += 1
            finishedByLevel[level] += 1
            switch f {
            case .early: early += 1
            case .onTime: onTime += 1
            case .late: late += 1
            case .unclassified: unclassified += 1
            }
        }
        if let p = state.pending {
            pending += 1
            switch p {
            case .inTime: pendingInTime += 1
            case .overdue: pendingOverdue += 1
            case .waitingSupplement: pendingSupplement += 1
            }
        }
    }

    package static func += (a: inout UnitFigures, b: UnitFigures) {
        a.backlog += b.backlog; a.received += b.received
        a.receivedDirect += b.receivedDirect; a.receivedOnline += b.receivedOnline
        a.receivedPostal += b.receivedPostal
        a.receivedForOthers += b.receivedForOthers; a.receivedElsewhere += b.receivedElsewhere
        a.receivedByLevel += b.receivedByLevel; a.receivedOnlineByLevel += b.receivedOnlineByLevel
        a.finished += b.finished; a.finishedByLevel += b.finishedByLevel
        a.early += b.early; a.onTime += b.onTime; a.late += b.late; a.unclassified += b.unclassified
        a.pending += b.pending; a.pendingInTime += b.pendingInTime
        a.pendingOverdue += b.pendingOverdue; a.pendingSupplement += b.pendingSupplement
        a.processingWorkSeconds += b.processingWorkSeconds
        a.portal += b.portal
        a.onTimeRules += b.onTimeRules
    }

    /// Tiếp nhận MCĐT: entered at the desk into the one-stop e-system (direct + postal).
    package var receivedAtDesk: Int { receivedDirect + receivedPostal }

    /// Finished dossiers that have an on-time class.
    package var finishedWithClass: Int { early + onTime + late }

    /// Số hồ sơ nhận giải quyết: the backlog and the dossiers received for this
    /// unit to handle (Biểu 06, column C), so that it equals finished + pending.
    package var toHandle: Int { backlog + received - receivedForOthers + receivedElsewhere }

    /// Tỷ lệ giải quyết = finished / (backlog + received) × 100, over the
    /// dossiers the unit handles (docs/rules.md#receiving-unit).
    package var resolutionRate: Double { percent(finished, toHandle) }
    /// Tỷ lệ đúng hạn = (trước hạn + đúng hạn) / finished with a class × 100.
    package var onTimeRate: Double { percent(early + onTime, finishedWithClass) }
    /// Tỷ lệ trễ hạn.
    package var lateRate: Double { percent(late, finishedWithClass) }
    /// Tỷ lệ trực tuyến = received online / received × 100.
    package var onlineRate: Double { percent(receivedOnline, received) }

    /// Thời gian xử lý trung bình: mean working days from receipt to finish of the
    /// finished dossiers with an on-time class; 0 when there are none.
    package func averageProcessingDays(workingDayLength: Int) -> Double {
        finishedWithClass == 0 || workingDayLength <= 0
            ? 0 : Double(processingWorkSeconds) / Double(workingDayLength) / Double(finishedWithClass)
    }
}

/// The parts of a dossier's figures, which ``Attribution/receiving`` gives to
/// different units.
package struct FigureParts: OptionSet, Sendable, Hashable {
    package let rawValue: Int
    package init(rawValue: Int) { self.rawValue = rawValue }
    /// Tiếp nhận: received, by channel and by level.
    package static let reception = FigureParts(rawValue: 1)
    /// Kết quả: backlog, finished (with its class, level and processing time), pending.
    package static let results = FigureParts(rawValue: 2)
    package static let all: FigureParts = [.reception, .results]
}

/// Which unit a dossier's figures count for (docs/rules.md#receiving-unit).
package enum Attribution: String, Sendable, Hashable, CaseIterable {
    /// Everything to the handling unit (MaDonVi), the default.
    case handling
    /// Reception figures to the receiving unit (MaDonViTiepNhan, else the
    /// handling unit), results to the handling unit.
    case receiving
}

/// Percent with an empty denominator giving 0, never NaN (Excel rejects NaN).
@inline(__always)
package func percent(_ part: Int, _ whole: Int) -> Double {
    whole == 0 ? 0 : Double(part) * 100 / Double(whole)
}

/// Counts per appendix level column.
package struct LevelCounts: Sendable, Hashable {
    package var level2 = 0, level3 = 0, level4 = 0, other = 0
    package init() {}

    package subscript(bucket: LevelBucket) -> Int {
        get {
            switch bucket {
            case .two: return level2
            case .three: return level3
            case .four: return level4
            case .other: return other
            }
        }
        set {
            switch bucket {
            case .two: level2 = newValue
            case .three: level3 = newValue
            case .four: level4 = newValue
            case .other: other = newValue
            }
        }
    }

    package var total: Int { level2 + level3 + level4 + other }

    package static func += (a: inout LevelCounts, b: LevelCounts) {
        a.level2 += b.level2; a.level3 += b.level3; a.level4 += b.level4; a.other += b.other
    }
}
