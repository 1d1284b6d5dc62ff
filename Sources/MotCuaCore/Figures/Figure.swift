/// One figure of a report (chỉ tiêu báo cáo): its name, its labels, how its
/// value is read from a row's counts, how it combines over rows and how it is
/// shown. Every output — sheet columns, the JSON, `check --published`,
/// `report --by` — finds figures here by name, so a figure means the same
/// everywhere (docs/rules.md#figures).
package struct Figure: Sendable {
    /// The name templates, the JSON and the CLI use (`received`, `on_time_rate`).
    package let name: String
    /// Tên chỉ tiêu as a table header writes it ("Tổng số HSTN").
    package let vi: String
    package let en: String
    package let format: FigureFormat
    package let aggregation: Aggregation
    /// Where the figure stands in a JSON figures object: `["received_level", "2"]`
    /// is `"received_level": {"2": …}`; `nil` for figures only sheets print.
    package let json: [String]?
    /// Other headers under which a published table may print the figure
    /// (besides ``name`` and ``vi``), for `check --published`.
    package let headers: [String]
    /// The figure's value for one row: its counts, catalogue procedures and score.
    package let value: @Sendable (ReportRow) -> FigureValue

    init(_ name: String, vi: String, en: String, format: FigureFormat = .integer, aggregation: Aggregation,
         json: [String]? = nil, headers: [String] = [], value: @escaping @Sendable (ReportRow) -> FigureValue) {
        self.name = name; self.vi = vi; self.en = en; self.format = format; self.aggregation = aggregation
        self.json = json; self.headers = headers; self.value = value
    }
}

/// How a figure is shown (định dạng).
package enum FigureFormat: String, Sendable {
    /// A whole number with thousands separators.
    case integer
    /// A percentage with one decimal.
    case rate
    /// A quantity with two decimals (working days).
    case decimal
    case text
}

/// A figure's value for one row.
package enum FigureValue: Sendable, Equatable {
    case count(Int)
    case number(Double)
    case text(String)
    /// Nothing to show (a note with nothing to say).
    case none

    /// The value as a number; `nil` for text and nothing.
    package var number: Double? {
        switch self {
        case .count(let n): return Double(n)
        case .number(let x): return x
        case .text, .none: return nil
        }
    }
}

/// How a figure combines over the rows of a table (cách cộng dồn).
package enum Aggregation: Sendable, Equatable {
    /// A count of dossiers: a group's value is the sum of its parts' values,
    /// so the rows of any partition add up to the total. `time` says how
    /// it adds over the months of a period.
    case sum(time: TimeAggregation)
    /// A rate or mean recomputed from the summed counts, never averaged.
    case recomputed
    /// A count of catalogue procedures (số TTHC): the total shows the
    /// whole catalogue, not a sum of the rows.
    case catalogue
    /// Text: not combined.
    case none

    /// A dossier count that adds up over any partition of the dossiers.
    package var isAdditive: Bool { if case .sum = self { return true } else { return false } }
}

/// How a count adds over the months of a period (docs/rules.md#dimensions).
package enum TimeAggregation: Sendable, Equatable {
    /// Counted in the month its event happened (received, finished): the
    /// months add up to the period.
    case flow
    /// A stock at the start of the month (backlog): the period's is its first month's.
    case openingStock
    /// A stock at the end of the month (pending): the period's is its last month's.
    case closingStock
    /// A stock plus a flow (backlog + received): the months neither add up
    /// to the period nor equal one of its months.
    case mixed
}
