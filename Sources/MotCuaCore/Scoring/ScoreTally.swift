/// One dossier's Thông tư 01 points, one place per indicator number of the
/// rubric (``Tt01Scorer/emptyPoints``): what a ``DossierScore`` holds, in an
/// array the scorer refills for every dossier where a score built a dictionary.
package struct IndicatorPoints: Sendable, Hashable {
    /// The indicator number of each place.
    package let numbers: [Int]
    /// Each place's points; `nil` when the indicator was not assessed.
    package internal(set) var scores: [IndicatorScore?]

    init(numbers: [Int]) {
        self.numbers = numbers
        scores = Array(repeating: nil, count: numbers.count)
    }

    /// The assessed indicators by number, as a ``DossierScore`` keeps them.
    var byNumber: [Int: IndicatorScore] {
        var out: [Int: IndicatorScore] = [:]
        for (number, score) in zip(numbers, scores) { out[number] = score }
        return out
    }
}

/// A ``UnitScore`` while dossiers are added: the same sums and distribution
/// of points, kept per place of ``IndicatorPoints`` in small arrays. Adding
/// a dossier to a `UnitScore` looked up each indicator in one dictionary and
/// its points in another, for each of a quarter's finished dossiers.
package struct ScoreTally: Sendable, Hashable {
    private var scored = 0
    private var places: [Place] = []

    /// One indicator's dossiers: the sums, and how many got each value of points.
    private struct Place: Sendable, Hashable {
        let number: Int
        var points = 0, maxPoints = 0, count = 0
        /// Distinct values of points, and the dossiers that got each (a rubric gives two or three).
        var values: [Int] = [], dossiers: [Int] = []

        mutating func add(_ score: IndicatorScore) {
            points += score.points
            maxPoints += score.maxPoints
            count += 1
            if let i = values.firstIndex(of: score.points) {
                dossiers[i] += 1
            } else {
                values.append(score.points)
                dossiers.append(1)
            }
        }

        mutating func merge(_ later: Place) {
            points += later.points
            maxPoints += later.maxPoints
            count += later.count
            for (value, n) in zip(later.values, later.dossiers) {
                if let i = values.firstIndex(of: value) {
                    dossiers[i] += n
                } else {
                    values.append(value)
                    dossiers.append(n)
                }
            }
        }
    }

    package init() {}

    /// Counts one scored dossier, as ``UnitScore/add(_:)`` counts its ``DossierScore``.
    package mutating func add(_ points: IndicatorPoints) {
        scored += 1
        if places.isEmpty { places = points.numbers.map { Place(number: $0) } }
        for (i, score) in points.scores.enumerated() {
            if let score { places[i].add(score) }
        }
    }

    /// Adds the dossiers of `later`, counted after these: each value of points
    /// keeps its place in the distribution, a new one comes after, as when
    /// the dossiers are added one by one.
    package mutating func merge(_ later: ScoreTally) {
        scored += later.scored
        if places.isEmpty { places = later.places.map { Place(number: $0.number) } }
        for (i, place) in later.places.enumerated() { places[i].merge(place) }
    }

    /// The score these dossiers add up to.
    package var unitScore: UnitScore {
        var out = UnitScore()
        out.scored = scored
        for place in places where place.count > 0 {
            out.points += place.points
            out.maxPoints += place.maxPoints
            var tally = IndicatorTally()
            tally.sum = place.points
            tally.count = place.count
            tally.byPoints = Dictionary(uniqueKeysWithValues: zip(place.values, place.dossiers))
            out.indicators[place.number] = tally
        }
        return out
    }
}
