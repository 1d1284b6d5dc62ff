/// The unit in which a procedure's prescribed processing time is counted
/// (đơn vị thời gian giải quyết): the calendar engine's own unit.
package typealias DurationUnit = ProcedureDuration.Unit

/// An administrative procedure of the published catalogue (thủ tục hành chính).
package struct Procedure: Sendable, Hashable {
    package var code: String
    package var name: String
    package var fieldCode: String?
    package var fieldName: String?
    package var level: ServiceLevel?
    /// Thời gian giải quyết; may be fractional (0.5 day).
    package var duration: Double?
    package var durationUnit: DurationUnit
    /// Cấp thực hiện: the unit levels (`Cap` of a unit) that may use it; empty = every level.
    package var applicableLevels: Set<String>
    /// Công khai: 2 full, 1 partial, 0 none (Thông tư 01 indicator 6); `nil` = not assessed.
    package var disclosure: Int?

    package init(code: String, name: String, fieldCode: String? = nil, fieldName: String? = nil,
                level: ServiceLevel? = nil, duration: Double? = nil, durationUnit: DurationUnit = .workingDays,
                applicableLevels: Set<String> = [], disclosure: Int? = nil) {
        self.code = code; self.name = name; self.fieldCode = fieldCode; self.fieldName = fieldName
        self.level = level; self.duration = duration; self.durationUnit = durationUnit
        self.applicableLevels = applicableLevels; self.disclosure = disclosure
    }

    /// The prescribed processing time, or `nil` when the catalogue gives none.
    package var processingDuration: ProcedureDuration? {
        guard let duration, duration >= 0, duration.isFinite else { return nil }
        return ProcedureDuration(duration, durationUnit)
    }

    package func applies(toUnitLevel cap: String) -> Bool {
        applicableLevels.isEmpty || applicableLevels.contains(cap)
    }
}

/// The procedure catalogue (bộ thủ tục hành chính) that dossiers refer to.
package struct ProcedureCatalogue: Sendable {
    package let procedures: [Procedure]
    private let byCode: [String: Int]

    package init(_ procedures: [Procedure]) {
        self.procedures = procedures
        var index: [String: Int] = [:]
        for (i, p) in procedures.enumerated() { index[p.code] = i }
        self.byCode = index
    }

    package subscript(code: String) -> Procedure? { byCode[code].map { procedures[$0] } }

    /// The level a dossier is counted at: its own MucDo if given, else its
    /// procedure's level; `nil` (the "other" column) when neither is known.
    package func level(of dossier: Dossier) -> ServiceLevel? {
        if let declared = dossier.declaredLevel { return declared }
        guard let code = dossier.procedureCode else { return nil }
        return self[code]?.level
    }

    /// Procedures a unit of level `cap` may handle, by level — the TTHC columns
    /// of the appendix. `cap == nil` counts the whole catalogue (the total row).
    package func procedureCounts(forUnitLevel cap: String?) -> ProcedureCounts {
        procedureCounts { p in cap.map { p.applies(toUnitLevel: $0) } ?? true }
    }

    /// Procedures of the catalogue that `include` keeps, by level.
    package func procedureCounts(where include: (Procedure) -> Bool) -> ProcedureCounts {
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
package struct ProcedureCounts: Sendable, Hashable, Codable {
    package var total = 0
    package var level2 = 0
    package var level3 = 0
    package var level4 = 0
    package init() {}
}
