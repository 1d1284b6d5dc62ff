import MotCuaCore
import XlsxWriter

/// Where a chart's value axis starts (docs/rules.md#chart-axis).
package enum ChartAxis {
    /// For rates: 0, unless every value shown is at least 50 %; then the
    /// largest multiple of 10 at least 2 points below the lowest, so that
    /// bars of 93 % and 100 % differ visibly (the axis title says where it starts).
    package static func rateMinimum(_ values: [Double]) -> Double {
        guard let lowest = values.min(), lowest >= 50 else { return 0 }
        return max(0, ((lowest - 2) / 10).rounded(.down) * 10)
    }

    /// `count` bars in pages of at most `perPage`, as even as can be:
    /// 125 bars in 30s give 25, 25, 25, 25, 25.
    package static func pages(_ count: Int, perPage: Int) -> [Range<Int>] {
        guard count > 0, perPage > 0 else { return [] }
        let pageCount = (count + perPage - 1) / perPage
        return (0..<pageCount).map { p in (p * count / pageCount)..<((p + 1) * count / pageCount) }
    }
}

/// A unit table's chart on a sheet of its own (biểu đồ), one printed page
/// per chart: no table header repeats over it and no page break crosses it.
/// Units with no dossiers, or no value for the figure, are left out (a blank
/// is not a 0 % performer); more than ``barsPerPage`` units take several pages.
struct ChartPages {
    /// Bars per printed page: about 20 pixels each on A4 landscape, enough for a
    /// unit name in the default font without the labels thinning out.
    static let barsPerPage = 30
    /// Rows of 20 pixels per page: the chart (620 pixels) and a margin.
    static let rowsPerPage = 33

    let sheetName: String
    let title: String?
    let isRate: Bool
    /// Name and value of each unit charted, in table order.
    let bars: [(name: String, value: Double)]
    /// A line printed above the chart on each page, such as the period's
    /// actual dates under a cut-off day (docs/rules.md#cutoff-day).
    var subtitle: String? = nil

    /// The bars of a unit table: rows of units with dossiers and a value.
    static func bars(rows: [ReportRow], figure: FigureRegistry.Figure) -> [(name: String, value: Double)] {
        rows.compactMap { row in
            guard row.figures.backlog + row.figures.received > 0, case .number(let x) = figure.value(row, nil) else { return nil }
            return (row.name, x)
        }
    }

    func write(to workbook: Workbook) throws {
        let sheet = try workbook.addWorksheet(named: sheetName)
        // The data the charts read: beside the print area, not printed.
        let dataColumn = 20
        var text = CellFormat(); text.fontName = "Times New Roman"; text.fontSize = 10
        for (i, bar) in bars.enumerated() {
            try sheet.write(bar.name, row: i, column: dataColumn, format: text)
            try sheet.write(bar.value, row: i, column: dataColumn + 1, format: text)
        }
        let minimum = isRate ? ChartAxis.rateMinimum(bars.map(\.value)) : 0
        let pages = ChartAxis.pages(bars.count, perPage: Self.barsPerPage)
        for (p, range) in pages.enumerated() {
            let chart = workbook.addChart(.bar)
            chart.addSeries(sheet: sheetName, categories: (range.lowerBound, range.upperBound - 1, dataColumn),
                            values: (range.lowerBound, range.upperBound - 1, dataColumn + 1), numberFormat: isRate ? "0.0" : "#,##0")
            var heading = title ?? ""
            if pages.count > 1 { heading += " (\(p + 1)/\(pages.count))" }
            if !heading.isEmpty { chart.setTitle(heading) }
            chart.hideLegend()
            if isRate {
                chart.setValueAxis(min: minimum, max: 100,
                                   name: minimum > 0 ? "Trục bắt đầu từ \(Int(minimum)) %, không từ 0" : "%")
            }
            chart.reverseCategories()
            var top = p * Self.rowsPerPage
            if let subtitle {
                var italic = text; italic.italic = true
                try sheet.write(subtitle, row: top, column: 0, format: italic)
                top += 1
            }
            try sheet.insert(chart, row: top, column: 0, width: 980,
                             height: min(620, max(260, 20 * Double(range.count) + 120)))
        }
        if bars.isEmpty {
            try sheet.write("Không có đơn vị nào có hồ sơ để vẽ biểu đồ.", row: 0, column: 0, format: text)
        }
        sheet.setPrintLayout(landscape: true, fitToWidth: true, margins: (left: 0.5, right: 0.4, top: 0.6, bottom: 0.6))
        try sheet.setPrintArea(firstRow: 0, firstColumn: 0, lastRow: max(1, pages.count) * Self.rowsPerPage - 1, lastColumn: 15)
        try sheet.setPageBreaks(beforeRows: (1..<max(1, pages.count)).map { $0 * Self.rowsPerPage })
        try sheet.setFooter("&CTrang &P/&N")
    }
}
