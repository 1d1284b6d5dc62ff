/// Kỳ so sánh: which period a report is compared with (docs/rules.md#comparisons).
package enum ComparisonKind: String, Sendable, Hashable, CaseIterable {
    /// Kỳ trước: the period of the same kind just before.
    case previous
    /// Cùng kỳ năm trước: the same period one year earlier.
    case yearAgo = "year_ago"

    /// The comparison period of a report's period.
    package func period(of period: ReportPeriod) -> ReportPeriod {
        switch self {
        case .previous: return period.previous
        case .yearAgo: return period.yearAgo
        }
    }

    /// "so với kỳ trước", "so với cùng kỳ năm trước".
    package var vietnameseName: String {
        switch self {
        case .previous: return "so với kỳ trước"
        case .yearAgo: return "so với cùng kỳ năm trước"
        }
    }
}

/// One row of a report in a comparison period: the period, and the row's
/// figures there, or `nil` when the row had no dossier at all in that period
/// ("không có số liệu": neither backlog nor received), so that no one reads a
/// change from nothing as 0 %.
package struct ComparedRow: Sendable, Hashable {
    package let period: ReportPeriod
    package let row: ReportRow?

    package init(period: ReportPeriod, row: ReportRow?) {
        self.period = period
        self.row = row.flatMap { $0.figures.backlog + $0.figures.received > 0 ? $0 : nil }
    }
}

extension PeriodReport {
    /// The report with the reports of its comparison periods attached to its
    /// rows, its total, its units and every table asked of it afterwards.
    /// The comparison reports must cover the same scope and dimensions.
    package func comparing(with reports: [ComparisonKind: PeriodReport]) -> PeriodReport {
        var copy = self
        copy.comparisonReports = reports
        copy.rows = copy.attachingComparisons(to: rows, spec: TableSpec())
        for (kind, other) in reports {
            copy.total.comparisons[kind] = ComparedRow(period: other.period, row: other.total)
        }
        return copy
    }

    /// Attaches to each row its counterpart in every comparison report's
    /// table of the same spec: a unit row by unit code, a group by key (a
    /// month by its place in the period, as the months' keys differ), a
    /// section by its label.
    func attachingComparisons(to rows: [ReportRow], spec: TableSpec) -> [ReportRow] {
        guard !comparisonReports.isEmpty else { return rows }
        var out = rows
        for (kind, other) in comparisonReports {
            let theirs = (try? other.table(spec)) ?? []
            var byKey: [String: ReportRow] = [:]
            for (i, r) in theirs.enumerated() { byKey[Self.matchKey(r, position: i, spec: spec)] = r }
            for i in out.indices {
                out[i].comparisons[kind] = ComparedRow(period: other.period,
                                                       row: byKey[Self.matchKey(out[i], position: i, spec: spec)])
            }
        }
        return out
    }

    /// Attaches comparisons to unit entries, by unit code.
    func attachingComparisons(to entries: [UnitEntry]) -> [UnitEntry] {
        guard !comparisonReports.isEmpty else { return entries }
        var out = entries
        for (kind, other) in comparisonReports {
            let theirs = Dictionary(other.units.map { ($0.unit.code, $0) }, uniquingKeysWith: { a, _ in a })
            for i in out.indices {
                let match = theirs[out[i].unit.code]
                out[i].subtree.comparisons[kind] = ComparedRow(period: other.period, row: match?.subtree)
                out[i].own.comparisons[kind] = ComparedRow(period: other.period, row: match?.own)
            }
        }
        return out
    }

    private static func matchKey(_ row: ReportRow, position: Int, spec: TableSpec) -> String {
        switch row.kind {
        case .section: return "section:" + row.name
        case .group where spec.rows == .month: return "month:\(position)"
        default: return "\(row.kind.rawValue):\(row.key)"
        }
    }
}

/// Aggregates a report's period and its comparison periods in one pass over
/// the dossiers (docs/rules.md#comparisons): the comparison periods count
/// figures only.
///
/// Comparison kinds that name the same period (of a year or of nine months,
/// the previous period is the year-ago one) share one aggregator: the same
/// period classified twice gives the same figures, at twice the cost.
package struct ComparingAggregator: Sendable {
    package private(set) var current: PeriodAggregator
    /// One aggregator per distinct comparison period, in an array updated in
    /// place. (Mutating them through a dictionary while iterating its keys
    /// copied the dictionary, and so every aggregator's unit figures, for
    /// every dossier: a quarter report took three times as long.)
    private var comparisons: [PeriodAggregator] = []
    /// The place in `comparisons` of each comparison kind's period.
    private let indexOfKind: [ComparisonKind: Int]

    package init(period: ReportPeriod, comparisons kinds: [ComparisonKind] = ComparisonKind.allCases,
                 make: (ReportPeriod, _ figuresOnly: Bool) -> PeriodAggregator) {
        current = make(period, false)
        var indexOfKind: [ComparisonKind: Int] = [:]
        var periods: [ReportPeriod] = []
        for kind in kinds {
            let p = kind.period(of: period)
            if let i = periods.firstIndex(of: p) {
                indexOfKind[kind] = i
            } else {
                indexOfKind[kind] = periods.count
                periods.append(p)
            }
        }
        self.indexOfKind = indexOfKind
        comparisons = periods.map { make($0, true) }
    }

    /// What a store must read: the windows of the report's period and of each
    /// distinct comparison period (not the span from the earliest start to the
    /// latest cutoff, which for a quarter holds fifteen months of dossiers).
    package var windows: [RelevanceWindow] {
        var out: [RelevanceWindow] = []
        for w in ([current] + comparisons).map({ RelevanceWindow(period: $0.classifier.period) }) where !out.contains(w) {
            out.append(w)
        }
        return out
    }

    /// The window of the report's own period: the only one whose dossiers
    /// need more than their figures (``DossierRepository/forEachDossier(relevantTo:detailedIn:_:)``).
    package var detailedWindow: RelevanceWindow { RelevanceWindow(period: current.classifier.period) }

    package mutating func add(_ dossier: Dossier) {
        current.add(dossier)
        for i in comparisons.indices { comparisons[i].add(dossier) }
    }

    /// Adds what a copy of this aggregator counted from later dossiers (``PeriodAggregator/merge(_:)``).
    package mutating func merge(_ later: ComparingAggregator) {
        current.merge(later.current)
        for i in comparisons.indices { comparisons[i].merge(later.comparisons[i]) }
    }

    package func report(scope: String?, tree: UnitTree) -> PeriodReport {
        let reports = comparisons.map { $0.report(scope: scope, tree: tree) }
        return current.report(scope: scope, tree: tree).comparing(with: indexOfKind.mapValues { reports[$0] })
    }
}
