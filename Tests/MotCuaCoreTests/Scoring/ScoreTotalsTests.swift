import XCTest
import MotCuaCore

/// Per-dossier totals: which dossiers are scored, unassessed indicators left
/// out of points and maximum, and evaluations overriding derived points.
final class ScoringTotalsTests: XCTestCase {
    func testOnlyFinishedDossiersWithAnOnTimeClassAreScored() {
        XCTAssertNil(tt01Scorer.score(scoringDossier(), finish: .unclassified), "withdrawn/stopped: không xét hạn")
        XCTAssertNil(tt01Scorer.score(scoringDossier(), finish: nil), "pending at the cutoff")
        XCTAssertNil(tt01Scorer.score(scoringDossier(), finish: nil, evaluation: [7: 2]), "an evaluation does not make it scored")
        XCTAssertNotNil(tt01Scorer.score(scoringDossier(), finish: .late))
    }

    func testUnassessedIndicatorsAreLeftOutOfPointsAndMaximum() throws {
        // Early, no supplement, P4: indicators 1, 3, 6, 9 assessed, 2 points each.
        let full = try XCTUnwrap(tt01Scorer.score(scoringDossier(), finish: .early))
        XCTAssertEqual(full.points, 8)
        XCTAssertEqual(full.maxPoints, 8)
        XCTAssertEqual(full.percent, 100)

        // Late, non-numeric supplements, blank CongKhai, level 3: only 1 and 9 assessed.
        let partial = try XCTUnwrap(tt01Scorer.score(scoringDossier(procedure: "PB", supplements: nil), finish: .late))
        XCTAssertEqual(Set(partial.indicators.keys), [1, 9])
        XCTAssertEqual(partial.points, 1)
        XCTAssertEqual(partial.maxPoints, 4)
        XCTAssertEqual(partial.percent, 25)
    }

    func testNothingAssessedGivesZeroPercentNotNaN() throws {
        var rubric = tt01TestRubric()
        rubric.indicators = rubric.indicators.filter { $0.source == .notDerived }
        let s = try XCTUnwrap(Tt01Scorer(rubric: rubric, catalogue: scoringCatalogue).score(scoringDossier(), finish: .early))
        XCTAssertEqual(s.maxPoints, 0)
        XCTAssertEqual(s.percent, 0)
    }

    func testDisabledIndicatorsAreNotScoredEvenWithAnEvaluation() throws {
        var rubric = tt01TestRubric()
        rubric.indicators[8].enabled = false    // indicator 9
        rubric.indicators[6].enabled = false    // indicator 7
        let s = try XCTUnwrap(Tt01Scorer(rubric: rubric, catalogue: scoringCatalogue)
            .score(scoringDossier(), finish: .early, evaluation: [7: 2]))
        XCTAssertEqual(Set(s.indicators.keys), [1, 3, 6])
        XCTAssertEqual(s.maxPoints, 6)
        XCTAssertTrue(s.warnings.isEmpty)
    }

    func testEvaluationOverridesDerivedPoints() throws {
        let s = try XCTUnwrap(tt01Scorer.score(scoringDossier(), finish: .early, evaluation: [1: 0, 9: 1]))
        XCTAssertEqual(s[1], 0)
        XCTAssertEqual(s[9], 1)
        XCTAssertEqual(s.indicators[1]?.evaluated, true)
        XCTAssertEqual(s.indicators[3]?.evaluated, false)
        XCTAssertEqual(s.points, 5)
        XCTAssertEqual(s.maxPoints, 8)
    }

    func testEvaluationOfANonDerivedIndicatorMakesItAssessed() throws {
        let s = try XCTUnwrap(tt01Scorer.score(scoringDossier(), finish: .early, evaluation: [4: 1, 7: 0]))
        XCTAssertEqual(s[4], 1)
        XCTAssertEqual(s[7], 0)
        XCTAssertEqual(s.points, 9)
        XCTAssertEqual(s.maxPoints, 12)
        // It also fills an indicator whose data is missing.
        let blank = try XCTUnwrap(tt01Scorer.score(scoringDossier(procedure: "PB", supplements: nil),
                                                   finish: .early, evaluation: [3: 1, 6: 2]))
        XCTAssertEqual(blank[3], 1)
        XCTAssertEqual(blank[6], 2)
    }

    func testOutOfRangeEvaluationIsIgnoredWithAWarning() throws {
        let s = try XCTUnwrap(tt01Scorer.score(scoringDossier("HS-9"), finish: .early, evaluation: [1: 3, 7: -1, 4: 2]))
        XCTAssertEqual(s[1], 2, "the derived points stand")
        XCTAssertNil(s[7], "an ignored evaluation does not make the indicator assessed")
        XCTAssertEqual(s[4], 2)
        XCTAssertEqual(s.warnings.map(\.indicator).sorted(), [1, 7])
        let w = try XCTUnwrap(s.warnings.first { $0.indicator == 1 })
        XCTAssertEqual(w.dossierCode, "HS-9")
        XCTAssertEqual(w.value, 3)
        XCTAssertTrue(w.message.vi.contains("CS1") && w.message.vi.contains("HS-9"), w.message.vi)
        XCTAssertTrue(w.message.en.contains("ignored"), w.message.en)
    }

    func testEvaluationRangeFollowsTheIndicatorsMaximum() throws {
        var rubric = tt01TestRubric()
        rubric.indicators[6].maxPoints = 4  // indicator 7 out of 4
        let s = try XCTUnwrap(Tt01Scorer(rubric: rubric, catalogue: scoringCatalogue)
            .score(scoringDossier(), finish: .early, evaluation: [7: 3]))
        XCTAssertEqual(s.indicators[7], IndicatorScore(points: 3, maxPoints: 4, evaluated: true))
        XCTAssertEqual(s.maxPoints, 12)
        XCTAssertTrue(s.warnings.isEmpty)
    }
}
