/// A scoring rubric built on the nine indicators of Nghị định 61/2018
/// Article 31, scored as Thông tư 01/2018/TT-VPCP Articles 13–15 describe
/// (bộ chỉ số đánh giá việc giải quyết TTHC).
///
/// Each province builds its own form on the indicators (Article 12.4 of the
/// circular), so the rubric is data: names, point rules, maximums and bands
/// come from a file in `Templates/` (read by `RubricFile` in MotCuaReport),
/// never from code. This type only holds the rules; ``Tt01Scorer`` applies them.
package struct Rubric: Sendable, Hashable {
    /// A label for the rubric, shown under the scoring table.
    package var name: String
    /// The indicators as written in the file, enabled or not.
    package var indicators: [RubricIndicator]
    /// Xếp loại: bands by descending minimum percent; the last one's minimum is 0
    /// so that every percent falls in a band.
    package var bands: [RubricBand]

    package init(name: String, indicators: [RubricIndicator], bands: [RubricBand]) {
        self.name = name
        self.indicators = indicators
        self.bands = bands
    }

    /// The indicators that are scored, in indicator-number order (the order
    /// of the report's columns).
    package var enabledIndicators: [RubricIndicator] {
        indicators.filter(\.enabled).sorted { $0.number < $1.number }
    }

    /// The indicator with this number (1–9), enabled or not.
    package subscript(number: Int) -> RubricIndicator? {
        indicators.first { $0.number == number }
    }

    /// The band a percent falls in: the first whose minimum it reaches.
    /// Compare the unrounded percent (docs/rules.md#tt01): 89.96 % is not "Tốt"
    /// even though it prints as 90,0.
    package func band(forPercent percent: Double) -> RubricBand? {
        bands.first { percent >= $0.minimumPercent }
    }
}

/// One indicator (chỉ số) of the rubric.
package struct RubricIndicator: Sendable, Hashable {
    /// The indicator's number in Article 31 of Nghị định 61/2018 (1–9).
    package var number: Int
    /// Tên chỉ số, in Vietnamese, as the province words it.
    package var name: String
    /// How points are derived from the data when no evaluation gives them.
    package var rule: PointRule
    /// Điểm tối đa; 2 in Thông tư 01/2018.
    package var maxPoints: Int
    /// A dropped indicator (`enabled: false`) is neither scored nor printed.
    package var enabled: Bool

    package init(number: Int, name: String, rule: PointRule, maxPoints: Int = 2, enabled: Bool = true) {
        self.number = number
        self.name = name
        self.rule = rule
        self.maxPoints = maxPoints
        self.enabled = enabled
    }

    package var source: IndicatorSource { rule.source }
}

/// A classification band (xếp loại), such as "Tốt" from 90 %.
package struct RubricBand: Sendable, Hashable {
    package var name: String
    /// The lowest percent (0–100) that earns this band, inclusive.
    package var minimumPercent: Double

    package init(name: String, minimumPercent: Double) {
        self.name = name
        self.minimumPercent = minimumPercent
    }
}
