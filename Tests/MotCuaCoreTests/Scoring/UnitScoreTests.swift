import XCTest
import MotCuaCore

/// Per-unit accumulation, roll-up by sums, averages and bands (docs/rules.md#tt01).
final class ScoringUnitScoreTests: XCTestCase {
    let rubric = tt01TestRubric()

    func unit(_ scores: [DossierScore]) -> UnitScore {
        var u = UnitScore()
        for s in scores { u.add(s) }
        return u
    }

    /// A score with the given points out of 2 on each listed indicator.
    func score(_ points: [Int: Int], max: Int = 2) -> DossierScore {
        DossierScore(dossierCode: "x", indicators: points.mapValues { IndicatorScore(points: $0, maxPoints: max, evaluated: false) })
    }

    func testAccumulatesPointsMaximumCountAndIndicatorAverages() {
        let u = unit([score([1: 2, 9: 2]), score([1: 0, 3: 1]), score([1: 1])])
        XCTAssertEqual(u.scored, 3)
        XCTAssertEqual(u.points, 6)
        XCTAssertEqual(u.maxPoints, 10)
        XCTAssertEqual(u.percent, 60)
        XCTAssertEqual(u.average(of: 1), 1)
        XCTAssertEqual(u.average(of: 3), 1, "averaged over the dossiers that assessed it, not all scored")
        XCTAssertEqual(u.average(of: 9), 2)
        XCTAssertNil(u.average(of: 7))
        XCTAssertEqual(u.indicators[1]?.byPoints, [2: 1, 0: 1, 1: 1])
        XCTAssertEqual(u.band(in: rubric)?.name, "Trung bình")
    }

    func testRollUpIsTheSumOfChildren() {
        let a = unit([score([1: 2, 9: 2]), score([1: 0])])
        let b = unit([score([1: 1, 3: 2]), score([4: 0, 5: 0, 7: 0])])
        var parent = a
        parent += b
        XCTAssertEqual(parent, unit([score([1: 2, 9: 2]), score([1: 0]), score([1: 1, 3: 2]), score([4: 0, 5: 0, 7: 0])]))
        XCTAssertEqual(parent.scored, 4)
        XCTAssertEqual(parent.points, 7)
        XCTAssertEqual(parent.maxPoints, 16)
        XCTAssertEqual(parent.average(of: 1), 1)
        XCTAssertEqual(parent.indicators[7]?.count, 1)
        XCTAssertEqual(parent.percent, 43.75, "recomputed from sums, not averaged")
        XCTAssertNotEqual(parent.percent, (a.percent + b.percent) / 2)
    }

    func testEmptyUnitHasZeroPercentAndNoBand() {
        let u = UnitScore()
        XCTAssertEqual(u.percent, 0)
        XCTAssertFalse(u.percent.isNaN)
        XCTAssertNil(u.band(in: rubric))
        var parent = UnitScore()
        parent += u
        XCTAssertNil(parent.band(in: rubric))
    }

    func testScoredDossiersWithNothingAssessedHaveNoBand() {
        let u = unit([score([:])])
        XCTAssertEqual(u.scored, 1)
        XCTAssertNil(u.band(in: rubric), "0 of 0 is not 'Kém'")
    }

    func testBandsAtTheBoundariesUseTheUnroundedPercent() {
        // points out of 1000 gives the exact percent p / 10.
        func band(_ points: Int) -> String? {
            var u = UnitScore()
            u.scored = 1
            u.points = points
            u.maxPoints = 1000
            return u.band(in: rubric)?.name
        }
        XCTAssertEqual(band(1000), "Tốt")
        XCTAssertEqual(band(900), "Tốt")
        XCTAssertEqual(band(899), "Khá", "89.9 % is Khá")
        XCTAssertEqual(band(750), "Khá")
        XCTAssertEqual(band(749), "Trung bình")
        XCTAssertEqual(band(500), "Trung bình")
        XCTAssertEqual(band(499), "Kém")
        XCTAssertEqual(band(0), "Kém")
    }

    func testBandUsesUnroundedPercentThatWouldDisplayAs90() {
        // 1799 / 1999 = 89.994…%: shows as 90,0 but is not Tốt.
        var u = UnitScore()
        u.scored = 1; u.points = 1799; u.maxPoints = 1999
        XCTAssertEqual((u.percent * 10).rounded() / 10, 90)
        XCTAssertEqual(u.band(in: rubric)?.name, "Khá")
        XCTAssertEqual(rubric.band(forPercent: 90)?.name, "Tốt")
        XCTAssertEqual(rubric.band(forPercent: 74.99)?.name, "Trung bình")
    }

    func testScorerThroughUnitScoreEndToEnd() throws {
        var u = UnitScore()
        // 8/8, then late with 2 supplements at a level-2, undisclosed procedure: 0/8.
        u.add(try XCTUnwrap(tt01Scorer.score(scoringDossier("A"), finish: .early)))
        u.add(try XCTUnwrap(tt01Scorer.score(scoringDossier("B", procedure: "P2", supplements: 2), finish: .late)))
        if let s = tt01Scorer.score(scoringDossier("C"), finish: .unclassified) { u.add(s) }
        XCTAssertEqual(u.scored, 2)
        XCTAssertEqual(u.points, 8)
        XCTAssertEqual(u.maxPoints, 16)
        XCTAssertEqual(u.band(in: rubric)?.name, "Trung bình")
        XCTAssertEqual(u.average(of: 6), 1)
    }
}
