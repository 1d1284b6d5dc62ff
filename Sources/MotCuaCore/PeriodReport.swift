/// One line of a report: a unit and the figures of its whole subtree.
package struct ReportRow: Sendable, Hashable {
    package var unit: OrgUnit
    package var figures: UnitFigures
    /// Catalogue procedures the unit may handle (the appendix's TTHC columns).
    package var procedures: ProcedureCounts
    /// Length of a working day in seconds, to express processing time in days.
    package var workingDayLength: Int
    /// Thông tư 01 score of the unit's subtree; `nil` when the report has no rubric.
    package var score: UnitScore?
    /// What the row stands for; a group or section row's ``unit`` is a
    /// stand-in carrying the group's key and name.
    package var kind: Kind = .unit
    /// Indent of the row's name: the unit's depth below the report's root (`unit-all`).
    package var depth = 0
    /// The same row in the comparison periods (kỳ trước, cùng kỳ năm trước;
    /// docs/rules.md#comparisons); empty when the report was made without them.
    package var comparisons: [ComparisonKind: ComparedRow] = [:]

    /// Loại dòng.
    package enum Kind: String, Sendable, Hashable {
        /// A unit with its whole subtree (or, in level sections of `unit-all`, its own dossiers).
        case unit
        /// The root unit's own dossiers, printed before its children.
        case own
        /// A group of dossiers of a dimension other than units (a lĩnh vực, a month…).
        case group
        /// A section's subtotal ("Cấp xã").
        case section
        /// The total of the table (TỔNG CỘNG).
        case total
    }

    /// The row's key: the unit code, or the group's key.
    package var key: String { unit.code }
    package var name: String { unit.name }

    /// Thời gian xử lý trung bình, in working days.
    package var averageProcessingDays: Double { figures.averageProcessingDays(workingDayLength: workingDayLength) }
}

/// The figures of one period for one scope of the unit tree: the rows a
/// report prints and the total row (báo cáo kỳ).
///
/// The rows are the children of the scope's root unit, each covering its
/// subtree; when the root received dossiers itself it gets a row of its own
/// first, so that the rows always add up to the total. The total counts
/// every dossier of the scope once.
package struct PeriodReport: Sendable {
    package let period: ReportPeriod
    /// The unit the report is about; `nil` when the tree has several top-level units.
    package let root: OrgUnit?
    package internal(set) var rows: [ReportRow]
    package internal(set) var total: ReportRow
    /// Dossiers that play a part in the report (backlog + received); 0 means an empty period.
    package let dossiersUsed: Int
    /// The overdue list of the scope, by unit in display order, then most days overdue first.
    package let overdue: [OverdueEntry]
    /// Units of the tree, for naming the units of overdue dossiers.
    package let tree: UnitTree
    /// Data-quality findings for the dossiers of the scope, by unit then kind.
    package private(set) var findings: [DataQualityFinding]
    /// The scoring rubric used, if any.
    package let rubric: Rubric?
    /// Evaluation values outside the rubric's range, ignored (docs/rules.md#tt01).
    package let scoringWarnings: [ScoringWarning]
    /// What the tables by dimension are built from.
    let tallies: Tallies
    /// Dossiers the QĐ 766 progress indicator counts as not on time, by unit
    /// in display order, then dossier code (docs/rules.md#index766-cost).
    package var index766Misses: [Index766Miss] = []
    /// Dossiers the three on-time rules place differently, in the same order
    /// (docs/rules.md#on-time-rules).
    package var onTimeDifferences: [OnTimeDifference] = []
    /// The reports of the comparison periods, for the rows of every table
    /// (docs/rules.md#comparisons); empty without comparisons.
    package internal(set) var comparisonReports: [ComparisonKind: PeriodReport] = [:]
    /// Which unit reception figures count for (docs/rules.md#receiving-unit).
    package var attribution: Attribution = .handling
}

extension PeriodReport {
    /// The report is about one unit (một đơn vị): its root has no units below
    /// it, so a table by unit would have one row (docs/rules.md#bieu-06).
    package var isAboutOneUnit: Bool {
        guard let root else { return false }
        return tree.children(of: root.code).isEmpty
    }

    /// The report with a finding about its data as a whole (such as
    /// ``DataQualityFinding/dataEnds(at:before:unitCode:)``), listed before the
    /// findings about single dossiers because it qualifies all of them.
    package func addingLeadingFinding(_ finding: DataQualityFinding) -> PeriodReport {
        var copy = self
        copy.findings.insert(finding, at: 0)
        return copy
    }
}

/// Accumulates dossiers into per-unit figures for one period.
///
/// Feed it every dossier that may matter (``add(_:)``), then ask for a
/// report over any scope (``report(scope:tree:catalogue:)``).
package struct PeriodAggregator: Sendable {
    package let classifier: PeriodClassifier
    package let catalogue: ProcedureCatalogue
    package let calendar: WorkCalendar
    /// Figures of each unit's own dossiers (not yet rolled up).
    package private(set) var ownFigures: [String: UnitFigures] = [:]
    /// Late and overdue dossiers, in arrival order.
    package private(set) var overdue: [OverdueEntry] = []
    /// Data-quality findings of the dossiers used, in arrival order.
    package private(set) var findings: [DataQualityFinding] = []
    private let quality: DataQualityCheck
    /// Thông tư 01 scoring, when a rubric is given.
    private let scorer: Tt01Scorer?
    private let evaluations: [String: [Int: Int]]
    /// Scores of each unit's own dossiers (not yet rolled up).
    private var ownScoreTallies: [String: ScoreTally] = [:]
    /// The points of the dossier being added, refilled for each.
    private var dossierPoints: IndicatorPoints
    package private(set) var scoringWarnings: [ScoringWarning] = []
    /// Figures by group of the dimensions asked for, per unit.
    private var groups = GroupTallies()
    /// The dimensions other than units that tables will ask for.
    private let groupDimensions: [ReportDimension]
    /// One classifier per month of the period, for the `thang` dimension.
    private let monthClassifiers: [(key: String, classifier: PeriodClassifier)]
    /// The portal's progress rule (docs/rules.md#index766-progress).
    private let portalRule: Index766Rule
    /// Dossiers that cost progress points, in arrival order.
    package private(set) var index766Misses: [Index766Miss] = []
    /// Dossiers the three on-time rules place differently, in arrival order.
    package private(set) var onTimeDifferences: [OnTimeDifference] = []
    /// Only the figures, for a comparison period: no overdue list, no
    /// data-quality findings, no scores (they belong to the report's own period).
    private let figuresOnly: Bool
    /// Which unit reception figures count for.
    package let attribution: Attribution
    /// The units a receiving unit must be one of to take a dossier's reception
    /// (another code falls back to the handling unit); `nil` takes any.
    private let knownUnits: Set<String>?

    /// - Parameters:
    ///   - rubric: scores dossiers by Thông tư 01 when given.
    ///   - evaluations: assessor or survey points by dossier code and indicator.
    ///   - dimensions: the dimensions the report's tables group rows by; a
    ///     table may only ask for these (units need nothing extra).
    ///   - attribution: with `.receiving`, reception figures count for the
    ///     dossier's receiving unit when it is one of `knownUnits`.
    package init(period: ReportPeriod, catalogue: ProcedureCatalogue, calendar: WorkCalendar = WorkCalendar(),
                rubric: Rubric? = nil, evaluations: [String: [Int: Int]] = [:],
                dimensions: Set<ReportDimension> = [], attribution: Attribution = .handling,
                knownUnits: Set<String>? = nil, figuresOnly: Bool = false) {
        self.figuresOnly = figuresOnly
        self.attribution = attribution
        self.knownUnits = knownUnits
        self.classifier = PeriodClassifier(period: period)
        self.groupDimensions = ReportDimension.allCases.filter { dimensions.contains($0) && !$0.isUnitDimension && $0 != .month }
        self.monthClassifiers = dimensions.contains(.month)
            ? period.months.map { ($0.key, PeriodClassifier(period: $0.period)) } : []
        self.catalogue = catalogue
        self.calendar = calendar
        self.scorer = figuresOnly ? nil : rubric.map { Tt01Scorer(rubric: $0, catalogue: catalogue) }
        self.dossierPoints = scorer?.emptyPoints ?? IndicatorPoints(numbers: [])
        self.evaluations = evaluations
        let dueDates = DueDateCalculator(catalogue: catalogue, calendar: calendar)
        self.quality = DataQualityCheck(dueDates: dueDates)
        self.portalRule = Index766Rule(period: period, dueDates: dueDates)
    }

    package mutating func add(_ dossier: Dossier) {
        guard let state = classifier.classify(dossier) else { return }
        let bucket = catalogue.level(of: dossier)?.bucket ?? .other
        var seconds: Int64 = 0
        if let f = state.finish, f != .unclassified, let received = dossier.receivedAt, let finish = dossier.finish {
            seconds = calendar.workingSeconds(from: received, to: finish)
        }
        let receiver = receivingUnit(of: dossier)
        // The portal's index and the three on-time rules judge how a dossier
        // was handled, so they count for the handling unit under either
        // attribution (docs/rules.md#receiving-unit).
        let verdict = portalRule.judge(dossier, state: state)
        var portal = Index766Counts()
        portal.add(dossier, state: state, verdict: verdict)
        let comparison = OnTimeRuleCounts.compare(dossier, state: state, verdict: verdict)
        var rules = OnTimeRuleCounts()
        rules.add(comparison.outcomes)
        // Updated in place: one lookup per unit, no copy, for each of a quarter's dossiers.
        if let receiver {
            ownFigures[receiver, default: UnitFigures()].add(state, channel: dossier.channel, level: bucket, parts: .reception)
        }
        Self.update(&ownFigures[dossier.unitCode, default: UnitFigures()], state: state, channel: dossier.channel,
                    level: bucket, workSeconds: seconds, parts: receiver == nil ? .all : .results,
                    portal: portal, rules: rules)
        if figuresOnly {
            if !groupDimensions.isEmpty || !monthClassifiers.isEmpty {
                addToGroups(dossier, state: state, level: bucket, workSeconds: seconds, score: nil, receiver: receiver,
                            portal: portal, rules: rules)
            }
            return
        }
        if !verdict.isOnTime { index766Misses.append(Index766Miss(dossier: dossier, verdict: verdict)) }
        if let difference = comparison.difference { onTimeDifferences.append(difference) }
        findings += quality.findings(for: dossier, level: bucket)
        var score: IndicatorPoints?
        if let scorer,
           scorer.score(dossier, finish: state.finish, evaluation: evaluations.isEmpty ? [:] : evaluations[dossier.code] ?? [:],
                        into: &dossierPoints, warnings: &scoringWarnings) {
            ownScoreTallies[dossier.unitCode, default: ScoreTally()].add(dossierPoints)
            score = dossierPoints
        }
        if !groupDimensions.isEmpty || !monthClassifiers.isEmpty {
            addToGroups(dossier, state: state, level: bucket, workSeconds: seconds, score: score, receiver: receiver,
                        portal: portal, rules: rules)
        }
        if state.finish == .late || state.pending == .overdue,
           let entry = OverdueEntry.make(dossier, state: state, cutoff: classifier.period.cutoff, calendar: calendar) {
            overdue.append(entry)
            if entry.lacksApology {
                findings.append(DataQualityFinding(kind: .overdueWithoutApology, unitCode: dossier.unitCode, dossierCode: dossier.code,
                                                   detail: "Quá hạn \(entry.daysOverdue) ngày làm việc, không có phiếu xin lỗi và hẹn lại"))
            } else if entry.hasSeveralApologies {
                findings.append(DataQualityFinding(kind: .severalApologies, unitCode: dossier.unitCode, dossierCode: dossier.code,
                                                   detail: "\(dossier.apologyCount) phiếu xin lỗi (chỉ được hẹn lại một lần)"))
            }
        }
    }

    /// Adds what `later` counted, as if its dossiers had come after this
    /// one's, in their order: the same figures, lists and first names as one
    /// aggregator fed both runs of dossiers (cộng dồn kết quả đếm từng phần).
    /// `report --input` counts each parsed batch on the thread that read it
    /// and merges the batches in file order (docs/rules.md#scratch-store).
    /// Both must be copies of one aggregator: same period, rules and inputs.
    package mutating func merge(_ later: PeriodAggregator) {
        for (unit, figures) in later.ownFigures { ownFigures[unit, default: UnitFigures()] += figures }
        overdue += later.overdue
        findings += later.findings
        for (unit, tally) in later.ownScoreTallies { ownScoreTallies[unit, default: ScoreTally()].merge(tally) }
        scoringWarnings += later.scoringWarnings
        groups.merge(later.groups)
        index766Misses += later.index766Misses
        onTimeDifferences += later.onTimeDifferences
    }

    /// The unit that takes the dossier's reception figures when it is not the
    /// handling unit: its receiving unit under ``Attribution/receiving``, if
    /// known (docs/rules.md#receiving-unit); `nil` when everything goes to the handling unit.
    private func receivingUnit(of dossier: Dossier) -> String? {
        guard attribution == .receiving, let r = dossier.receivingUnitCode, r != dossier.unitCode,
              knownUnits?.contains(r) ?? true else { return nil }
        return r
    }

    /// The handling unit's share of a dossier: its figures, its portal counts and its on-time rules.
    private static func update(_ figures: inout UnitFigures, state: PeriodState, channel: Channel, level: LevelBucket,
                               workSeconds: Int64, parts: FigureParts, portal: Index766Counts, rules: OnTimeRuleCounts) {
        figures.add(state, channel: channel, level: level, workSeconds: workSeconds, parts: parts)
        figures.portal += portal
        figures.onTimeRules += rules
    }

    /// Counts a dossier in its group of every dimension asked for; in the
    /// month dimension, in the month of each of its events (docs/rules.md#dimensions).
    /// With a `receiver`, its reception goes to that unit's group, its results to the handling unit's.
    private mutating func addToGroups(_ dossier: Dossier, state: PeriodState, level: LevelBucket,
                                      workSeconds: Int64, score: IndicatorPoints?, receiver: String?,
                                      portal: Index766Counts, rules: OnTimeRuleCounts) {
        let procedure = dossier.procedureCode.flatMap { catalogue[$0] }
        func add(_ dimension: ReportDimension, _ key: String, _ s: PeriodState, workSeconds: Int64, score: IndicatorPoints?,
                 portal: Index766Counts, rules: OnTimeRuleCounts) {
            if let receiver {
                groups.add(GroupCell(dimension: dimension, unit: receiver, key: key), state: s, channel: dossier.channel,
                           level: level, workSeconds: 0, score: nil, parts: .reception)
                groups.add(GroupCell(dimension: dimension, unit: dossier.unitCode, key: key), state: s, channel: dossier.channel,
                           level: level, workSeconds: workSeconds, score: score, portal: portal, rules: rules, parts: .results)
            } else {
                groups.add(GroupCell(dimension: dimension, unit: dossier.unitCode, key: key), state: s, channel: dossier.channel,
                           level: level, workSeconds: workSeconds, score: score, portal: portal, rules: rules)
            }
        }
        for dimension in groupDimensions {
            let key = dimension.key(of: dossier, procedure: procedure, level: level)
            add(dimension, key, state, workSeconds: workSeconds, score: score, portal: portal, rules: rules)
            groups.name(dimension, key, dimension.name(of: dossier, procedure: procedure))
        }
        for (key, monthly) in monthClassifiers {
            guard let s = monthly.classify(dossier) else { continue }
            // The processing time and the score belong to the month of the finish.
            let finishedHere = s.finish != nil
            // The month's own scope and cutoff for the portal's rule.
            var monthPortal = Index766Counts()
            let monthVerdict = Index766Rule(period: monthly.period, dueDates: portalRule.dueDates).judge(dossier, state: s)
            monthPortal.add(dossier, state: s, verdict: monthVerdict)
            var monthRules = OnTimeRuleCounts()
            monthRules.add(OnTimeRuleCounts.compare(dossier, state: s, verdict: monthVerdict).outcomes)
            add(.month, key, s, workSeconds: finishedHere ? workSeconds : 0, score: finishedHere ? score : nil,
                portal: monthPortal, rules: monthRules)
        }
    }

    /// Figures of a unit's whole subtree.
    package func subtreeFigures(of code: String, in tree: UnitTree) -> UnitFigures { tree.subtreeSum(of: code, ownFigures) }

    /// Scores of each unit's own dossiers (not yet rolled up); empty without a
    /// rubric. Built from the tallies at each call: ``report(scope:tree:)`` asks once.
    private var ownScores: [String: UnitScore] { ownScoreTallies.mapValues(\.unitScore) }

    /// - Parameter scope: the root unit's code, or `nil` for the whole tree.
    package func report(scope: String?, tree: UnitTree) -> PeriodReport {
        let root = scope.flatMap { tree[$0] } ?? (tree.topLevel.count == 1 ? tree[tree.topLevel[0]] : nil)
        var rowUnits: [OrgUnit] = []
        if let root {
            if ownFigures[root.code] != nil { rowUnits.append(root) }
            rowUnits += tree.children(of: root.code).compactMap { tree[$0] }
        } else {
            rowUnits = tree.topLevel.compactMap { tree[$0] }
        }
        let ownScores = self.ownScores
        let rows = rowUnits.map { u -> ReportRow in
            // The root's own row covers only its own dossiers, not its subtree.
            let figures = (u.code == root?.code) ? ownFigures[u.code]! : subtreeFigures(of: u.code, in: tree)
            let score = scorer == nil ? nil
                : (u.code == root?.code ? ownScores[u.code] ?? UnitScore() : tree.subtreeSum(of: u.code, ownScores))
            return ReportRow(unit: u, figures: figures,
                             procedures: catalogue.procedureCounts(forUnitLevel: u.level),
                             workingDayLength: calendar.dayLength, score: score,
                             kind: u.code == root?.code ? .own : .unit)
        }
        var totalFigures = UnitFigures()
        for r in rows { totalFigures += r.figures }
        var totalScore: UnitScore? = scorer == nil ? nil : UnitScore()
        for r in rows { if let s = r.score { totalScore! += s } }
        let totalUnit = root ?? OrgUnit(code: "", name: "Tổng cộng")
        // The total row shows the whole catalogue, not a sum (docs/rules.md#tthc).
        let total = ReportRow(unit: totalUnit, figures: totalFigures,
                              procedures: catalogue.procedureCounts(forUnitLevel: nil),
                              workingDayLength: calendar.dayLength, score: totalScore, kind: .total)
        // The overdue list of the scope: units in display order, most days overdue first.
        let order = Dictionary(uniqueKeysWithValues: (root.map { tree.subtree(of: $0.code) } ?? tree.allInDisplayOrder)
            .enumerated().map { ($1, $0) })
        // The lists are put in order on both cores: at the end of a 1,000,000-row
        // `report --input` this was a tenth of a second with the other core idle,
        // and the overdue companion, written last, waits for it (BENCHMARKS.md).
        let ((list, quality), (misses, differences)) = BothAtOnce.run({
            (Self.overdueList(overdue, order: order), Self.qualityList(findings, order: order, tree: tree))
        }, {
            (Self.byUnitAndCode(index766Misses, order: order, \.dossier),
             Self.byUnitAndCode(onTimeDifferences, order: order, \.dossier))
        })
        let tallies = Tallies(scope: root.map { tree.subtree(of: $0.code) } ?? tree.allInDisplayOrder,
                              own: ownFigures, ownScores: ownScores, groups: groups, catalogue: catalogue,
                              workingDayLength: calendar.dayLength, scored: scorer != nil,
                              dimensions: Set(groupDimensions + (monthClassifiers.isEmpty ? [] : [.month])),
                              months: monthClassifiers.map(\.key))
        return PeriodReport(period: classifier.period, root: root, rows: rows, total: total,
                            dossiersUsed: rows.isEmpty ? 0 : totalFigures.backlog + totalFigures.received,
                            overdue: list, tree: tree, findings: quality, rubric: scorer?.rubric,
                            scoringWarnings: scoringWarnings, tallies: tallies, index766Misses: misses,
                            onTimeDifferences: differences, attribution: attribution)
    }

    /// The overdue list in the scope's display order of units, most days
    /// overdue first, then by MaHoSo.
    ///
    /// Sorted as keys with each entry's place, the entries picked afterwards:
    /// sorting the entries themselves moved a whole dossier at every step (a
    /// year's lists hold hundreds of thousands). Keys are looked up once per
    /// entry, not twice per comparison; the place breaks ties as the stable
    /// sort of the entries did.
    private static func overdueList(_ overdue: [OverdueEntry], order: [String: Int]) -> [OverdueEntry] {
        var keys: [(unit: Int, days: Int, code: String, index: Int)] = []
        for (i, e) in overdue.enumerated() {
            if let unit = order[e.dossier.unitCode] { keys.append((unit, -e.daysOverdue, e.dossier.code, i)) }
        }
        keys.sort { $0 < $1 }
        return keys.map { overdue[$0.index] }
    }

    /// The data-quality findings of the scope, with one for each unit created
    /// from a dossier file, by unit, kind and MaHoSo.
    private static func qualityList(_ findings: [DataQualityFinding], order: [String: Int],
                                    tree: UnitTree) -> [DataQualityFinding] {
        var quality = findings.filter { order[$0.unitCode] != nil }
        for code in order.keys.sorted() where tree[code]?.isImplicit == true {
            quality.append(DataQualityFinding(kind: .unitNotInUnitsFile, unitCode: code, dossierCode: "",
                                              detail: "Đơn vị \"\(tree[code]!.name)\" được tạo từ tệp hồ sơ; hãy bổ sung vào danh sách đơn vị"))
        }
        quality.sort { a, b in
            let ua = order[a.unitCode]!, ub = order[b.unitCode]!
            return (ua, a.kind, a.dossierCode) < (ub, b.kind, b.dossierCode)
        }
        return quality
    }

    /// The entries of the scope's units, by unit and MaHoSo (keys sorted, as
    /// in ``overdueList(_:order:)``).
    private static func byUnitAndCode<T>(_ items: [T], order: [String: Int], _ dossier: (T) -> Dossier) -> [T] {
        var keys: [(unit: Int, code: String, index: Int)] = []
        for (i, item) in items.enumerated() {
            let d = dossier(item)
            if let unit = order[d.unitCode] { keys.append((unit, d.code, i)) }
        }
        keys.sort { $0 < $1 }
        return keys.map { items[$0.index] }
    }
}
