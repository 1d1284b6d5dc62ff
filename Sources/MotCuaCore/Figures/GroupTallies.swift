/// One unit's own dossiers in one group of a dimension.
struct GroupCell: Hashable, Sendable {
    let dimension: ReportDimension
    let unit: String
    let key: String
}

/// Figures and scores by ``GroupCell``, and the names the dossiers gave the groups.
struct GroupTallies: Sendable {
    private(set) var figures: [GroupCell: UnitFigures] = [:]
    private var scoreTallies: [GroupCell: ScoreTally] = [:]
    private(set) var names: [ReportDimension: [String: String]] = [:]

    mutating func add(_ cell: GroupCell, state: PeriodState, channel: Channel, level: LevelBucket,
                      workSeconds: Int64, score: IndicatorPoints?, portal: Index766Counts = Index766Counts(),
                      rules: OnTimeRuleCounts = OnTimeRuleCounts(), parts: FigureParts = .all) {
        figures[cell, default: UnitFigures()].add(state, channel: channel, level: level, workSeconds: workSeconds, parts: parts)
        if parts.contains(.results) {
            figures[cell]!.portal += portal
            figures[cell]!.onTimeRules += rules
        }
        if let score { scoreTallies[cell, default: ScoreTally()].add(score) }
    }

    /// The score of each cell's dossiers.
    var scores: [GroupCell: UnitScore] { scoreTallies.mapValues(\.unitScore) }

    /// Adds the tallies of dossiers that came after these (``PeriodAggregator/merge(_:)``):
    /// a group keeps the first name it was given.
    mutating func merge(_ later: GroupTallies) {
        for (cell, f) in later.figures { figures[cell, default: UnitFigures()] += f }
        for (cell, tally) in later.scoreTallies { scoreTallies[cell, default: ScoreTally()].merge(tally) }
        for (dimension, byKey) in later.names {
            for (key, name) in byKey where names[dimension]?[key] == nil { names[dimension, default: [:]][key] = name }
        }
    }

    /// Keeps the first name a dossier gives a group.
    mutating func name(_ dimension: ReportDimension, _ key: String, _ name: String?) {
        guard let name, !name.isEmpty, names[dimension]?[key] == nil else { return }
        names[dimension, default: [:]][key] = name
    }
}

/// What a report keeps to build any of its tables (docs/rules.md#dimensions):
/// the own figures of every unit of its scope and, for the dimensions asked
/// for, each unit's figures by group.
struct Tallies: Sendable {
    /// The scope's units in display order (the root's subtree, or the whole tree).
    let scope: [String]
    let own: [String: UnitFigures]
    let ownScores: [String: UnitScore]
    let groups: GroupTallies
    let catalogue: ProcedureCatalogue
    let workingDayLength: Int
    /// Whether the report scores dossiers (then every row carries a score).
    let scored: Bool
    /// The dimensions other than units that were counted.
    let dimensions: Set<ReportDimension>
    /// The period's month keys, in order.
    let months: [String]
}
