/// Where an indicator's points come from when no evaluation gives them
/// (docs/rules.md#tt01, last column of the table). The raw values are the words of the rubric file.
package enum IndicatorSource: String, Sendable, Hashable, CaseIterable {
    /// Indicator 1: trước hạn / đúng hạn / trễ hạn.
    case onTimeClass = "on_time_class"
    /// Indicator 3: SoLanBoSung, the number of supplement requests.
    case supplementCount = "supplement_count"
    /// Indicator 6: the procedure's CongKhai (2 full, 1 partial, 0 none).
    case disclosure
    /// Indicator 9: the procedure's online service level (mức độ DVC trực tuyến).
    case serviceLevel = "service_level"
    /// Indicator 2: per-step times. No export carries them yet, so the
    /// indicator is assessed only when an evaluation gives it.
    case steps
    /// Not derivable from the data: assessed only by an evaluation (CS1…CS9).
    case notDerived = "none"
}

/// The point rule of an indicator, as data (docs/rules.md#tt01).
package enum PointRule: Sendable, Hashable {
    /// Points for a dossier finished early, on the due day, or late.
    case onTimeClass(early: Int, onTime: Int, late: Int)
    /// Ascending thresholds: a dossier with at most `atMost` supplement
    /// requests earns the points of the first threshold it meets; one with
    /// more than every threshold earns `more`.
    case supplementCount(thresholds: [SupplementThreshold], more: Int)
    /// Points for CongKhai 2 (full), 1 (partial) and 0 (none).
    case disclosure(full: Int, partial: Int, none: Int)
    /// Points for level 4 / toàn trình, level 3 / một phần, and any other
    /// level (2, 1, unknown: still assessed, docs/rules.md#tt01).
    case serviceLevel(level4: Int, level3: Int, other: Int)
    /// Points when all steps were early, all on time, or any step late.
    case steps(allEarly: Int, allOnTime: Int, anyLate: Int)
    /// Evaluation only.
    case notDerived

    package var source: IndicatorSource {
        switch self {
        case .onTimeClass: return .onTimeClass
        case .supplementCount: return .supplementCount
        case .disclosure: return .disclosure
        case .serviceLevel: return .serviceLevel
        case .steps: return .steps
        case .notDerived: return .notDerived
        }
    }

    /// Points for a number of supplement requests under a `supplementCount` rule.
    static func points(forSupplements count: Int, thresholds: [SupplementThreshold], more: Int) -> Int {
        thresholds.sorted { $0.atMost < $1.atMost }.first { count <= $0.atMost }?.points ?? more
    }
}

/// "At most `atMost` supplement requests earn `points`" (`0: 2`, `1: 1` in the file).
package struct SupplementThreshold: Sendable, Hashable {
    package var atMost: Int
    package var points: Int

    package init(atMost: Int, points: Int) {
        self.atMost = atMost
        self.points = points
    }
}
