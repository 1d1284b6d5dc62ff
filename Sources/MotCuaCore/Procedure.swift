/// The unit in which a procedure's prescribed processing time is counted
/// (đơn vị thời gian giải quyết): the calendar engine's own unit.
public typealias DurationUnit = ProcedureDuration.Unit

/// An administrative procedure of the published catalogue (thủ tục hành chính).
public struct Procedure: Sendable, Hashable {
    public var code: String
    public var name: String
    public var fieldCode: String?
    public var fieldName: String?
    public var level: ServiceLevel?
    /// Thời gian giải quyết; may be fractional (0.5 day).
    public var duration: Double?
    public var durationUnit: DurationUnit
    /// Cấp thực hiện: the unit levels (`Cap` of a unit) that may use it; empty = every level.
    public var applicableLevels: Set<String>
    /// Công khai: 2 full, 1 partial, 0 none (Thông tư 01 indicator 6); `nil` = not assessed.
    public var disclosure: Int?

    public init(code: String, name: String, fieldCode: String? = nil, fieldName: String? = nil,
                level: ServiceLevel? = nil, duration: Double? = nil, durationUnit: DurationUnit = .workingDays,
                applicableLevels: Set<String> = [], disclosure: Int? = nil) {
        self.code = code; self.name = name; self.fieldCode = fieldCode; self.fieldName = fieldName
        self.level = level; self.duration = duration; self.durationUnit = durationUnit
        self.applicableLevels = applicableLevels; self.disclosure = disclosure
    }

    /// The prescribed processing time, or `nil` when the catalogue gives none.
    public var processingDuration: ProcedureDuration? {
        guard let duration, duration >= 0, duration.isFinite else { return nil }
        return ProcedureDuration(duration, durationUnit)
    }

    public func applies(toUnitLevel cap: String) -> Bool {
        applicableLevels.isEmpty || applicableLevels.contains(cap)
    }
}

/// The procedure catalogue (bộ thủ tục hành chính) that dossiers refer to.
public struct ProcedureCatalogue: Sendable {
    public let procedures: [Procedure]
    private let byCode: [String: Int]

    public init(_ procedures: [Procedure]) {
        self.procedures = procedures
        var index: [String: Int] = [:]
        for (i, p) in procedures.enumerated() { index[p.code] = i }
        self.byCode = index
    }

    public subscript(code: String) -> Procedure? { byCode[code].map { procedures[$0] } }

    /// The level a dossier is counted at: its own MucDo if given, else its
    /// procedure's level; `nil` (the "other" column) when neither is known.
    public func level(of dossier: Dossier) -> ServiceLevel? {
        if let declared = dossier.declaredLevel { return declared }
        guard let code = dossier.procedureCode else { return nil }
        return self[code]?.level
    }

    /// Procedures a unit of level `cap` may handle, by level — the TTHC columns
    /// of the appendix. `cap == nil` counts the whole catalogue (the total row).
    public func procedureCounts(forUnitLevel cap: String?) -> ProcedureCounts {
        procedureCounts { p in cap.map { p.applies(toUnitLevel: $0) } ?? true }
    }

    /// Procedures of the catalogue that `include` keeps, by level.
    public func procedureCounts(where include: (Procedure) -> Bool) -> ProcedureCounts {
        var counts = ProcedureCounts()
        for p in procedures where include(p) {
            counts.total += 1
            switch p.level {
            case .two: counts.level2 += 1
            case .three: counts.level3 += 1
            case .four: counts.level4 += 1
            case .one, nil: break
            }
        }
        return counts
    }
}

/// Number of catalogue procedures (số TTHC) in total and by level.
/// `total` includes procedures of no level, so it may exceed the sum of levels.
public struct ProcedureCounts: Sendable, Hashable, Codable {
    public var total = 0
    public var level2 = 0
    public var level3 = 0
    public var level4 = 0
    public init() {}
}
