/// Scores finished dossiers with a ``Rubric`` (chấm điểm theo Thông tư 01/2018).
///
/// Derived points come from the dossier, its on-time class and the procedure
/// catalogue; an evaluation (the CS1…CS9 columns of the evaluations file,
/// docs/rules.md#evaluations) overrides them indicator by indicator. An indicator with
/// neither is not assessed and counts in neither the points nor the maximum.
/// The edge cases follow docs/rules.md#tt01.
package struct Tt01Scorer: Sendable {
    package let rubric: Rubric
    package let catalogue: ProcedureCatalogue
    /// The rubric's enabled indicators, filtered and sorted once rather than
    /// for each of a quarter's hundreds of thousands of finished dossiers.
    private let enabledIndicators: [RubricIndicator]

    /// Each enabled indicator's place in ``IndicatorPoints``: one per number
    /// (a number given twice keeps its last indicator's result, as a dictionary by number would).
    private let slotOfIndicator: [Int]
    /// The indicator number of each place in ``IndicatorPoints``, in order.
    private let slotNumbers: [Int]

    package init(rubric: Rubric, catalogue: ProcedureCatalogue) {
        self.rubric = rubric
        self.catalogue = catalogue
        self.enabledIndicators = rubric.enabledIndicators
        var numbers: [Int] = []
        slotOfIndicator = enabledIndicators.map { indicator in
            if let i = numbers.firstIndex(of: indicator.number) { return i }
            numbers.append(indicator.number)
            return numbers.count - 1
        }
        slotNumbers = numbers
    }

    /// Scores one dossier, or returns `nil` when it is not scored: only
    /// dossiers finished in the period with an on-time class are (docs/rules.md#tt01), so
    /// a pending dossier (`finish == nil`) and a withdrawn or stopped one
    /// (`.unclassified`) give `nil`.
    ///
    /// - Parameter evaluation: points by indicator number (1–9). A value
    ///   outside 0…the indicator's maximum is ignored with a warning (the derived
    ///   points, if any, stand); a value for an indicator the rubric drops or
    ///   does not have is ignored silently (the province chose not to score it).
    package func score(_ dossier: Dossier, finish: FinishClass?, evaluation: [Int: Int] = [:]) -> DossierScore? {
        var points = emptyPoints
        var warnings: [ScoringWarning] = []
        guard score(dossier, finish: finish, evaluation: evaluation, into: &points, warnings: &warnings) else { return nil }
        return DossierScore(dossierCode: dossier.code, indicators: points.byNumber, warnings: warnings)
    }

    /// Room for one dossier's points, to pass to ``score(_:finish:evaluation:into:warnings:)`` again and again.
    package var emptyPoints: IndicatorPoints { IndicatorPoints(numbers: slotNumbers) }

    /// ``score(_:finish:evaluation:)`` into `points`, refilled in place, and
    /// the ignored evaluation values appended to `warnings`: what a report
    /// adds for each finished dossier, without a dictionary built for each.
    /// Returns `false` (and leaves `points` as it was) when the dossier is not scored.
    package func score(_ dossier: Dossier, finish: FinishClass?, evaluation: [Int: Int],
                       into points: inout IndicatorPoints, warnings: inout [ScoringWarning]) -> Bool {
        guard let finish, finish != .unclassified else { return false }
        // Looked up once for the disclosure and service-level indicators.
        let procedure = dossier.procedureCode.flatMap { catalogue[$0] }
        // The indicators read in place: a copy of each (its name, its rule's
        // thresholds) was retained and released for every dossier scored.
        enabledIndicators.withUnsafeBufferPointer { indicators in
            for i in indicators.indices {
                let maxPoints = indicators[i].maxPoints, number = indicators[i].number
                var result = derivedPoints(indicators[i].rule, dossier: dossier, procedure: procedure, finish: finish)
                    .map { IndicatorScore(points: $0, maxPoints: maxPoints, evaluated: false) }
                if !evaluation.isEmpty, let given = evaluation[number] {
                    if (0...maxPoints).contains(given) {
                        result = IndicatorScore(points: given, maxPoints: maxPoints, evaluated: true)
                    } else {
                        warnings.append(ScoringWarning(dossierCode: dossier.code, indicator: number,
                                                       value: given, maxPoints: maxPoints))
                    }
                }
                points.scores[slotOfIndicator[i]] = result
            }
        }
        return true
    }

    /// Points from the data alone, or `nil` when the data cannot assess the indicator.
    func derivedPoints(_ rule: PointRule, dossier: Dossier, finish: FinishClass) -> Int? {
        derivedPoints(rule, dossier: dossier, procedure: procedure(of: dossier), finish: finish)
    }

    /// ``derivedPoints(_:dossier:finish:)`` with the dossier's catalogue procedure already looked up.
    private func derivedPoints(_ rule: PointRule, dossier: Dossier, procedure: Procedure?, finish: FinishClass) -> Int? {
        switch rule {
        case let .onTimeClass(early, onTime, late):
            switch finish {
            case .early: return early
            case .onTime: return onTime
            case .late: return late
            case .unclassified: return nil
            }
        case let .supplementCount(thresholds, more):
            // The ingest stores 0 for a blank SoLanBoSung and nil for a
            // non-numeric one; only the latter leaves the indicator unassessed.
            guard let count = dossier.supplementCount else { return nil }
            return PointRule.points(forSupplements: max(0, count), thresholds: thresholds, more: more)
        case let .disclosure(full, partial, none):
            switch procedure?.disclosure {
            case 2: return full
            case 1: return partial
            case 0: return none
            default: return nil  // blank CongKhai or unknown procedure: not assessed
            }
        case let .serviceLevel(level4, level3, other):
            switch serviceLevel(of: dossier, procedure: procedure) {
            case .four: return level4
            case .three: return level3
            case .two, .one, nil: return other
            }
        case .steps, .notDerived:
            // No per-step data in the schema yet: only an evaluation assesses it.
            return nil
        }
    }

    /// Indicator 9 judges the procedure's service, so the catalogue's level
    /// wins; the dossier's own MucDo is used only when the procedure is not in
    /// the catalogue (docs/rules.md#tt01) — unlike the appendix, which counts the
    /// dossier at its declared level.
    func serviceLevel(of dossier: Dossier) -> ServiceLevel? {
        serviceLevel(of: dossier, procedure: procedure(of: dossier))
    }

    private func serviceLevel(of dossier: Dossier, procedure: Procedure?) -> ServiceLevel? {
        if let procedure { return procedure.level }
        return dossier.declaredLevel
    }

    private func procedure(of dossier: Dossier) -> Procedure? {
        dossier.procedureCode.flatMap { catalogue[$0] }
    }
}

/// The points of one assessed indicator for one dossier.
package struct IndicatorScore: Sendable, Hashable {
    package var points: Int
    package var maxPoints: Int
    /// `true` when an evaluation gave the points, `false` when derived from the data.
    package var evaluated: Bool

    package init(points: Int, maxPoints: Int, evaluated: Bool) {
        self.points = points
        self.maxPoints = maxPoints
        self.evaluated = evaluated
    }
}

/// The score of one dossier (điểm của một hồ sơ).
package struct DossierScore: Sendable, Hashable {
    package var dossierCode: String
    /// The assessed indicators by number; an absent number was not assessed.
    package var indicators: [Int: IndicatorScore]
    /// Evaluation values that were ignored.
    package var warnings: [ScoringWarning]

    package init(dossierCode: String, indicators: [Int: IndicatorScore], warnings: [ScoringWarning] = []) {
        self.dossierCode = dossierCode
        self.indicators = indicators
        self.warnings = warnings
    }

    /// Points of indicator `number`, `nil` when it was not assessed.
    package subscript(number: Int) -> Int? { indicators[number]?.points }

    /// Sum of the assessed indicators' points.
    package var points: Int { indicators.values.reduce(0) { $0 + $1.points } }
    /// Sum of the assessed indicators' maximums: unassessed ones count in neither.
    package var maxPoints: Int { indicators.values.reduce(0) { $0 + $1.maxPoints } }
    /// Points / maximum × 100, unrounded; 0 when nothing was assessed.
    package var percent: Double { MotCuaCore.percent(points, maxPoints) }
}

/// An evaluation value that was ignored because it is outside 0…maximum.
package struct ScoringWarning: Sendable, Hashable, CustomStringConvertible {
    package var dossierCode: String
    package var indicator: Int
    package var value: Int
    package var maxPoints: Int

    package init(dossierCode: String, indicator: Int, value: Int, maxPoints: Int) {
        self.dossierCode = dossierCode
        self.indicator = indicator
        self.value = value
        self.maxPoints = maxPoints
    }

    /// The warning `report` prints (code `score.out-of-range`).
    package var message: Message {
        Message("score.out-of-range",
                vi: "Hồ sơ \(dossierCode): điểm đánh giá CS\(indicator) = \(value) nằm ngoài 0–\(maxPoints), bỏ qua.",
                en: "Dossier \(dossierCode): evaluation CS\(indicator) = \(value) is outside 0–\(maxPoints); ignored.",
                severity: .warning)
    }

    package var description: String { message.text(.vi) }
}
