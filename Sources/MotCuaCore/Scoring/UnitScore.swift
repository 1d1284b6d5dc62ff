/// The Thông tư 01 score of a unit, a subtree or the whole report (điểm
/// của đơn vị).
///
/// Only sums and counts are stored, so a parent's score is the plain sum of
/// its children's (`+=`, like ``UnitFigures``) and the percent, band and
/// averages are recomputed from the sums, never averaged.
package struct UnitScore: Sendable, Hashable {
    /// Tổng điểm of the dossiers scored.
    package var points = 0
    /// Tổng điểm tối đa: the sum of each dossier's maximum over its assessed indicators.
    package var maxPoints = 0
    /// Số hồ sơ được chấm điểm.
    package var scored = 0
    /// Sum, count and distribution of each indicator's points, by indicator number.
    package var indicators: [Int: IndicatorTally] = [:]

    package init() {}

    package mutating func add(_ score: DossierScore) {
        scored += 1
        for (number, s) in score.indicators {
            points += s.points
            maxPoints += s.maxPoints
            indicators[number, default: IndicatorTally()].add(s.points)
        }
    }

    package static func += (a: inout UnitScore, b: UnitScore) {
        a.points += b.points
        a.maxPoints += b.maxPoints
        a.scored += b.scored
        for (number, tally) in b.indicators { a.indicators[number, default: IndicatorTally()] += tally }
    }

    /// Points / maximum × 100, unrounded; 0 when the maximum is 0 (never NaN).
    package var percent: Double { MotCuaCore.percent(points, maxPoints) }

    /// Xếp loại by the unrounded percent; `nil` when nothing was scored (no
    /// dossier, or no assessed indicator), so that an idle unit is not "Kém".
    package func band(in rubric: Rubric) -> RubricBand? {
        guard scored > 0, maxPoints > 0 else { return nil }
        return rubric.band(forPercent: percent)
    }

    /// Average points of an indicator over the dossiers that assessed it;
    /// `nil` when none did.
    package func average(of indicator: Int) -> Double? { indicators[indicator]?.average }
}

/// How one indicator scored over many dossiers.
package struct IndicatorTally: Sendable, Hashable {
    /// Sum of the points given.
    package var sum = 0
    /// Dossiers that assessed the indicator.
    package var count = 0
    /// Dossiers by points earned (the distribution: how many got 2, 1, 0).
    package var byPoints: [Int: Int] = [:]

    package init() {}

    package mutating func add(_ points: Int) {
        sum += points
        count += 1
        byPoints[points, default: 0] += 1
    }

    package static func += (a: inout IndicatorTally, b: IndicatorTally) {
        a.sum += b.sum
        a.count += b.count
        for (p, n) in b.byPoints { a.byPoints[p, default: 0] += n }
    }

    package var average: Double? { count == 0 ? nil : Double(sum) / Double(count) }
}
