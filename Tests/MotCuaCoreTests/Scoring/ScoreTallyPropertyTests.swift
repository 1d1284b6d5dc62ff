import XCTest
@testable import MotCuaCore

/// A report adds each finished dossier's points to a ``ScoreTally`` through
/// ``Tt01Scorer/score(_:finish:evaluation:into:warnings:)``; for random
/// rubrics, dossiers and evaluations the tally's score and warnings equal
/// those of a ``UnitScore`` fed each dossier's ``DossierScore`` built by
/// number, as the scorer did before (worked out here independently).
final class ScoreTallyPropertyTests: XCTestCase {
    /// Any rubric the type allows, not only what a rubric file passes: numbers
    /// outside 1–9 and given twice, indicators dropped, points above the maximum.
    func randomRubric(_ rng: inout SplitMix64) -> Rubric {
        let rules: [PointRule] = [
            .onTimeClass(early: 2, onTime: 1, late: 0), .onTimeClass(early: 5, onTime: 3, late: -1),
            .steps(allEarly: 2, allOnTime: 1, anyLate: 0), .notDerived,
            .supplementCount(thresholds: [SupplementThreshold(atMost: 0, points: 2), SupplementThreshold(atMost: 1, points: 1)], more: 0),
            .disclosure(full: 2, partial: 1, none: 0), .serviceLevel(level4: 2, level3: 1, other: 0),
        ]
        let indicators = (0..<Int.random(in: 0...11, using: &rng)).map { _ in
            RubricIndicator(number: Int.random(in: 1...11, using: &rng), name: "CS", rule: rules.randomElement(using: &rng)!,
                            maxPoints: Int.random(in: 1...4, using: &rng), enabled: Int.random(in: 0...5, using: &rng) > 0)
        }
        return Rubric(name: "R", indicators: indicators, bands: [RubricBand(name: "Kém", minimumPercent: 0)])
    }

    /// The score of one dossier by indicator number, a later indicator of the same number replacing an earlier one.
    func reference(_ scorer: Tt01Scorer, _ d: Dossier, finish: FinishClass?, evaluation: [Int: Int]) -> DossierScore? {
        guard let finish, finish != .unclassified else { return nil }
        var indicators: [Int: IndicatorScore] = [:]
        var warnings: [ScoringWarning] = []
        for indicator in scorer.rubric.enabledIndicators {
            var result = scorer.derivedPoints(indicator.rule, dossier: d, finish: finish)
                .map { IndicatorScore(points: $0, maxPoints: indicator.maxPoints, evaluated: false) }
            if let given = evaluation[indicator.number] {
                if (0...indicator.maxPoints).contains(given) {
                    result = IndicatorScore(points: given, maxPoints: indicator.maxPoints, evaluated: true)
                } else {
                    warnings.append(ScoringWarning(dossierCode: d.code, indicator: indicator.number, value: given,
                                                   maxPoints: indicator.maxPoints))
                }
            }
            indicators[indicator.number] = result
        }
        return DossierScore(dossierCode: d.code, indicators: indicators, warnings: warnings)
    }

    func testTallyOfPointsEqualsUnitScoreOfDossierScores() {
        var rng = SplitMix64(seed: 1801)
        let finishes: [FinishClass?] = [nil, .early, .onTime, .late, .unclassified]
        for _ in 0..<200 {
            let scorer = Tt01Scorer(rubric: randomRubric(&rng), catalogue: scoringCatalogue)
            var tally = ScoreTally(), expected = UnitScore()
            var warnings: [ScoringWarning] = [], expectedWarnings: [ScoringWarning] = []
            var points = scorer.emptyPoints
            for k in 0..<Int.random(in: 0...40, using: &rng) {
                let d = scoringDossier("H\(k)", procedure: ["P4", "P3", "P2", "PB", "PN", "PX", nil].randomElement(using: &rng)!,
                                       level: [nil, .two, .three, .four].randomElement(using: &rng)!,
                                       supplements: [nil, 0, 1, 2, 5].randomElement(using: &rng)!)
                let finish = finishes.randomElement(using: &rng)!
                var evaluation: [Int: Int] = [:]
                for _ in 0..<Int.random(in: 0...3, using: &rng) {
                    evaluation[Int.random(in: 1...11, using: &rng)] = Int.random(in: -1...5, using: &rng)
                }
                let old = reference(scorer, d, finish: finish, evaluation: evaluation)
                if scorer.score(d, finish: finish, evaluation: evaluation, into: &points, warnings: &warnings) {
                    tally.add(points)
                } else {
                    XCTAssertNil(old)
                }
                XCTAssertEqual(scorer.score(d, finish: finish, evaluation: evaluation), old, "the public score is unchanged")
                if let old {
                    expected.add(old)
                    expectedWarnings += old.warnings
                }
            }
            XCTAssertEqual(tally.unitScore, expected)
            XCTAssertEqual(warnings, expectedWarnings)
        }
    }
}
