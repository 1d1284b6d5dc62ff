import XCTest
import MotCuaCore

/// Each derived indicator's rule (docs/rules.md#tt01).
final class ScoringIndicatorRuleTests: XCTestCase {
    func score(_ d: Dossier = scoringDossier(), _ finish: FinishClass = .early,
               _ evaluation: [Int: Int] = [:]) throws -> DossierScore {
        try XCTUnwrap(tt01Scorer.score(d, finish: finish, evaluation: evaluation))
    }

    func testIndicator1FromOnTimeClass() throws {
        XCTAssertEqual(try score(scoringDossier(), .early)[1], 2)
        XCTAssertEqual(try score(scoringDossier(), .onTime)[1], 1)
        XCTAssertEqual(try score(scoringDossier(), .late)[1], 0)
    }

    func testIndicator2IsNotAssessedWithoutAnEvaluation() throws {
        XCTAssertNil(try score()[2], "no per-step data in the schema yet")
        XCTAssertEqual(try score(scoringDossier(), .early, [2: 1])[2], 1)
    }

    func testIndicator3FromSupplementCount() throws {
        XCTAssertEqual(try score(scoringDossier(supplements: 0))[3], 2, "blank SoLanBoSung is stored as 0: 2 points")
        XCTAssertEqual(try score(scoringDossier(supplements: 1))[3], 1)
        XCTAssertEqual(try score(scoringDossier(supplements: 2))[3], 0)
        XCTAssertEqual(try score(scoringDossier(supplements: 7))[3], 0)
        XCTAssertNil(try score(scoringDossier(supplements: nil))[3], "a non-numeric SoLanBoSung leaves it unassessed")
    }

    func testIndicator3ThresholdsAreUpperBounds() throws {
        // A province allowing up to two requests for 1 point: { 0: 2, 2: 1, more: 0 }.
        var rubric = tt01TestRubric()
        rubric.indicators[2].rule = .supplementCount(
            thresholds: [SupplementThreshold(atMost: 2, points: 1), SupplementThreshold(atMost: 0, points: 2)], more: 0)
        let scorer = Tt01Scorer(rubric: rubric, catalogue: scoringCatalogue)
        let points = (0...3).map { scorer.score(scoringDossier(supplements: $0), finish: .early)?[3] }
        XCTAssertEqual(points, [2, 1, 1, 0])
    }

    func testIndicator6FromTheProceduresCongKhai() throws {
        XCTAssertEqual(try score(scoringDossier(procedure: "P4"))[6], 2)
        XCTAssertEqual(try score(scoringDossier(procedure: "P3"))[6], 1)
        XCTAssertEqual(try score(scoringDossier(procedure: "P2"))[6], 0)
        XCTAssertNil(try score(scoringDossier(procedure: "PB"))[6], "blank CongKhai: not assessed")
        XCTAssertNil(try score(scoringDossier(procedure: "PX"))[6], "procedure not in the catalogue: not assessed")
        XCTAssertNil(try score(scoringDossier(procedure: nil))[6])
    }

    func testIndicator9UsesTheCatalogueLevelOverTheDossiersMucDo() throws {
        XCTAssertEqual(try score(scoringDossier(procedure: "P4"))[9], 2)
        XCTAssertEqual(try score(scoringDossier(procedure: "P3"))[9], 1)
        XCTAssertEqual(try score(scoringDossier(procedure: "P2"))[9], 0)
        XCTAssertEqual(try score(scoringDossier(procedure: "P2", level: .four))[9], 0, "catalogue level wins")
        XCTAssertEqual(try score(scoringDossier(procedure: "P4", level: .two))[9], 2, "catalogue level wins")
        XCTAssertEqual(try score(scoringDossier(procedure: "PN", level: .four))[9], 0,
                       "a catalogue procedure without a level is 'other', not the dossier's MucDo")
    }

    func testIndicator9FallsBackToMucDoOnlyOutsideTheCatalogue() throws {
        XCTAssertEqual(try score(scoringDossier(procedure: "PX", level: .four))[9], 2)
        XCTAssertEqual(try score(scoringDossier(procedure: "PX", level: .three))[9], 1)
        XCTAssertEqual(try score(scoringDossier(procedure: nil, level: .three))[9], 1)
    }

    func testIndicator9Level2Level1AndBlankScoreZeroButAreAssessed() throws {
        for level in [ServiceLevel.two, .one, nil] {
            let s = try score(scoringDossier(procedure: "PX", level: level))
            XCTAssertEqual(s[9], 0, "level \(String(describing: level))")
            XCTAssertEqual(s.indicators[9]?.maxPoints, 2, "assessed: counts in the maximum")
        }
    }

    func testNotDerivedIndicatorsAreUnassessedWithoutEvaluation() throws {
        let s = try score()
        for n in [2, 4, 5, 7, 8] { XCTAssertNil(s[n], "indicator \(n)") }
        XCTAssertEqual(Set(s.indicators.keys), [1, 3, 6, 9])
    }

    func testRuleDescriptionsInWords() {
        let rubric = tt01TestRubric()
        XCTAssertEqual(rubric[1]?.rule.vietnameseDescription, "Trước hạn: 2 điểm; đúng hạn: 1 điểm; trễ hạn: 0 điểm.")
        XCTAssertEqual(rubric[3]?.rule.vietnameseDescription,
                       "Số lần phải bổ sung hồ sơ — 0 lần: 2 điểm; 1 lần: 1 điểm; từ 2 lần trở lên: 0 điểm.")
        XCTAssertEqual(rubric[9]?.source, .serviceLevel)
    }
}
