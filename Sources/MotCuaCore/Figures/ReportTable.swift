/// What the rows of one table run over (bảng số liệu theo chiều;
/// docs/rules.md#dimensions): a dimension, and for unit rows optionally
/// sections by the units' level (Cấp) with a subtotal row each.
package struct TableSpec: Sendable, Hashable {
    package var rows: ReportDimension
    package var sections: LevelSections?

    package init(rows: ReportDimension = .unit, sections: LevelSections? = nil) {
        self.rows = rows; self.sections = sections
    }
}

/// Sections of unit rows by level: each section takes the units whose Cap
/// is one of its levels; units of no section's level go to a last section.
package struct LevelSections: Sendable, Hashable {
    package struct Section: Sendable, Hashable {
        package var label: String
        package var levels: [String]
        package init(label: String, levels: [String]) { self.label = label; self.levels = levels }
    }

    package var sections: [Section]
    /// The label of the section of units whose level no section names.
    package var otherLabel: String
    /// The levels of government of the period (`sections: level`): three
    /// before 1 July 2025, two from then on (docs/rules.md#government-levels).
    package var followsGovernmentLevels: Bool

    package init(sections: [Section], otherLabel: String = "Khác", followsGovernmentLevels: Bool = false) {
        self.sections = sections; self.otherLabel = otherLabel; self.followsGovernmentLevels = followsGovernmentLevels
    }

    /// Cấp tỉnh (province and its departments), cấp huyện, cấp xã.
    package static let threeLevels = LevelSections(sections: [
        Section(label: "Cấp tỉnh", levels: ["tinh", "so-nganh"]),
        Section(label: "Cấp huyện", levels: ["huyen"]),
        Section(label: "Cấp xã", levels: ["xa"]),
    ])

    /// Chính quyền địa phương hai cấp (Nghị định 118/2025/NĐ-CP, from 1 July 2025):
    /// Cấp tỉnh (with its departments and the public-administration service
    /// centre) and Cấp xã.
    package static let twoLevels = LevelSections(sections: [
        Section(label: "Cấp tỉnh", levels: ["tinh", "so-nganh"]),
        Section(label: "Cấp xã", levels: ["xa"]),
    ])

    /// The first day of two-level local government.
    package static let twoLevelsSince = CivilDate(year: 2025, month: 7, day: 1)!

    /// The sections by the levels of government of the period: three levels
    /// for a period that starts before 1 July 2025, two for one that starts on
    /// or after it.
    package static let standard = LevelSections(sections: threeLevels.sections, followsGovernmentLevels: true)

    /// The sections a table of `period` uses: a list the template wrote as is;
    /// `sections: level` by the levels of government of the period.
    package func resolved(for period: ReportPeriod) -> LevelSections {
        guard followsGovernmentLevels else { return self }
        return period.from >= Self.twoLevelsSince ? Self.twoLevels : Self.threeLevels
    }

    /// The index of the section a level belongs to (`sections.count` for the last, "other" section).
    func index(of level: String) -> Int {
        sections.firstIndex { $0.levels.contains(level) } ?? sections.count
    }
}

/// One unit of a report's scope, for the JSON's `units` (docs/rules.md#json).
package struct UnitEntry: Sendable {
    package let unit: OrgUnit
    /// The parent within the report; `nil` for the report's root (and top-level units).
    package let parent: String?
    /// Depth below the report's root (the root is 0).
    package let depth: Int
    /// The unit's whole subtree.
    package internal(set) var subtree: ReportRow
    /// The unit's own dossiers only.
    package internal(set) var own: ReportRow
}

extension PeriodReport {
    /// The rows of a table, without its total (which is ``total`` for every table).
    ///
    /// - throws: ``Message`` when the table groups by a dimension other than
    ///   units that was not counted
    ///   (``PeriodAggregator/init(period:catalogue:calendar:rubric:evaluations:dimensions:)``).
    package func table(_ spec: TableSpec) throws -> [ReportRow] {
        attachingComparisons(to: try uncomparedTable(spec), spec: spec)
    }

    private func uncomparedTable(_ spec: TableSpec) throws -> [ReportRow] {
        switch (spec.rows, spec.sections) {
        case (.unit, nil): return rows
        case (.unit, let sections?): return sectioned(rows, by: sections.resolved(for: period))
        case (.unitAll, nil): return entries().map { e in var r = e.subtree; r.depth = e.depth; return r }
        case (.unitAll, let sections?):
            // Each unit's own dossiers, so that the sections add up; a unit
            // that only groups others and has no dossiers of its own is left out.
            let rows = entries().filter { tallies.own[$0.unit.code] != nil || tree.children(of: $0.unit.code).isEmpty }
                .map { e in var r = e.own; r.kind = .unit; return r }
            return sectioned(rows, by: sections.resolved(for: period))
        case (let dimension, _): return try groups(by: dimension)
        }
    }

    /// Every unit of the scope in tree order, with its subtree and its own figures.
    package var units: [UnitEntry] { attachingComparisons(to: entries()) }

    private func entries() -> [UnitEntry] {
        let rootCode = root?.code
        var depth: [String: Int] = [:]
        var out: [UnitEntry] = []
        for code in tallies.scope {
            guard let unit = tree[code] else { continue }
            let parent = code == rootCode ? nil : unit.parentCode.flatMap { depth[$0] != nil ? $0 : nil }
            let d = parent.map { depth[$0]! + 1 } ?? 0
            depth[code] = d
            let procedures = tallies.catalogue.procedureCounts(forUnitLevel: unit.level)
            out.append(UnitEntry(
                unit: unit, parent: parent, depth: d,
                subtree: row(unit, tree.subtreeSum(of: code, tallies.own),
                             tallies.scored ? tree.subtreeSum(of: code, tallies.ownScores) : nil, procedures, kind: .unit),
                own: row(unit, tallies.own[code] ?? UnitFigures(),
                         tallies.scored ? tallies.ownScores[code] ?? UnitScore() : nil, procedures, kind: .own)))
        }
        return out
    }

    /// The groups of a dimension other than units, over the report's scope.
    package func groups(by dimension: ReportDimension) throws -> [ReportRow] {
        // A caller that forgot to count the dimension gets a message, never a wrong table.
        guard tallies.dimensions.contains(dimension) else {
            throw Message("report.dimension-not-counted",
                          vi: "bảng theo \"\(dimension.rawValue)\" cần số liệu chưa được tính cho báo cáo này (lỗi của motcua, hãy báo lại).",
                          en: "a table by \"\(dimension.rawValue)\" needs figures this report did not count (a motcua bug; please report it).")
        }
        let inScope = Set(tallies.scope)
        var figures: [String: UnitFigures] = [:], scores: [String: UnitScore] = [:]
        for (cell, f) in tallies.groups.figures where cell.dimension == dimension && inScope.contains(cell.unit) {
            figures[cell.key, default: UnitFigures()] += f
        }
        for (cell, s) in tallies.groups.scores where cell.dimension == dimension && inScope.contains(cell.unit) {
            scores[cell.key, default: UnitScore()] += s
        }
        // Every month of the period has a row, quiet or not.
        let keys = dimension == .month ? tallies.months : dimension.ordered(Array(figures.keys))
        let names = tallies.groups.names[dimension] ?? [:]
        return keys.map { key in
            let name = names[key] ?? dimension.defaultName(of: key)
            return row(OrgUnit(code: key, name: name), figures[key] ?? UnitFigures(),
                       tallies.scored ? scores[key] ?? UnitScore() : nil,
                       procedures(of: dimension, key: key), kind: .group)
        }
    }

    /// Catalogue procedures of a group (docs/rules.md#tthc).
    private func procedures(of dimension: ReportDimension, key: String) -> ProcedureCounts {
        let unknown = key == ReportDimension.unknownKey
        switch dimension {
        case .field: return tallies.catalogue.procedureCounts { unknown ? $0.fieldCode == nil : $0.fieldCode == key }
        case .procedure: return tallies.catalogue.procedureCounts { $0.code == key }
        case .level: return tallies.catalogue.procedureCounts { ($0.level?.bucket ?? .other).key == key }
        default: return tallies.catalogue.procedureCounts(forUnitLevel: nil)
        }
    }

    /// Unit rows under their sections' subtotal rows, sections in order, empty ones left out.
    private func sectioned(_ rows: [ReportRow], by sections: LevelSections) -> [ReportRow] {
        var bySection: [Int: [ReportRow]] = [:]
        for r in rows { bySection[sections.index(of: r.unit.level), default: []].append(r) }
        var out: [ReportRow] = []
        for i in 0...sections.sections.count {
            guard let members = bySection[i] else { continue }
            let levels = i < sections.sections.count ? Set(sections.sections[i].levels) : nil
            let label = i < sections.sections.count ? sections.sections[i].label : sections.otherLabel
            var figures = UnitFigures()
            var score: UnitScore? = tallies.scored ? UnitScore() : nil
            for r in members {
                figures += r.figures
                if let s = r.score { score! += s }
            }
            let procedures = tallies.catalogue.procedureCounts { p in
                levels.map { $0.contains { p.applies(toUnitLevel: $0) } } ?? true
            }
            out.append(row(OrgUnit(code: "", name: label), figures, score, procedures, kind: .section))
            out += members
        }
        return out
    }

    private func row(_ unit: OrgUnit, _ figures: UnitFigures, _ score: UnitScore?, _ procedures: ProcedureCounts,
                     kind: ReportRow.Kind) -> ReportRow {
        ReportRow(unit: unit, figures: figures, procedures: procedures, workingDayLength: tallies.workingDayLength,
                  score: score, kind: kind)
    }
}
