import MotCuaCore
import XlsxWriter

/// The "Chỉ số 766" sheet from a template of kind `index766`
/// (docs/rules.md#index766): per unit row, for each indicator the export
/// allows, its numerator, denominator, rate, points and maximum; then the
/// total points, the maximum of the rated indicators and the unit's rank by
/// points. The template gives the name, title lines, font, letterhead and
/// signature; the columns follow the indicators that have data.
struct Index766Sheet {
    let template: SheetTemplate
    let templateFile: String
    let context: ReportContext

    /// The indicators printed: those the report's total has data for
    /// (an indicator without data anywhere is "không có dữ liệu", not a column of zeros).
    var kinds: [Index766Indicator.Kind] {
        context.report.total.figures.index766.indicators.filter { $0.value != nil }.map(\.kind)
    }

    private var widths: [Double] { [5, 26] + kinds.flatMap { _ in [8.0, 8, 7, 7, 5] } + [8, 8, 6] }
    private var columnCount: Int { widths.count }
    private func firstColumn(of i: Int) -> Int { 2 + i * 5 }
    private var totalsColumn: Int { 2 + kinds.count * 5 }

    func write(to workbook: Workbook) throws {
        let sheet = try workbook.addWorksheet(named: template.name)
        let frame = SheetFrame(template: template, templateFile: templateFile, context: context, sheet: sheet,
                               columnCount: columnCount)
        try frame.setColumnWidths(widths)
        let headerTop = try frame.writeTitle(at: 0)
        try writeHeader(frame, top: headerTop)
        var row = headerTop + 2
        let rows = context.report.rows
        let ranks = Index766Sheet.ranks(rows.map { $0.figures.index766 })
        for (i, r) in rows.enumerated() {
            try writeRow(frame, row: row, stt: i + 1, name: r.name, index: r.figures.index766, rank: ranks[i], bold: false)
            row += 1
        }
        try writeRow(frame, row: row, stt: nil, name: "TỔNG CỘNG", index: context.report.total.figures.index766, rank: nil, bold: true)
        row += 1
        row = try frame.writeFootnotes(at: row + 1)
        _ = try frame.writeSignature(at: row)
        try frame.applyPageSetup(headerTop: headerTop, headerRows: 2)
    }

    /// Xếp hạng by total points, highest first; equal points share a rank
    /// (1, 2, 2, 4); a unit with nothing rated has none.
    static func ranks(_ indexes: [Index766]) -> [Int?] {
        indexes.map { index in
            guard index.max > 0 else { return nil }
            return 1 + indexes.filter { $0.max > 0 && $0.points > index.points + 1e-9 }.count
        }
    }

    private func writeHeader(_ frame: SheetFrame, top: Int) throws {
        let groups = kinds.enumerated().map { i, kind in
            ColumnGroup(firstColumn: firstColumn(of: i), title: "\(kind.vietnameseName) (tối đa \(Int(kind.maxPoints)) điểm)",
                        subheadings: [kind.numeratorName, kind.denominatorName, "Tỷ lệ %", "Điểm", "Tối đa"])
        }
        try frame.writeTwoRowHeader(top: top, columnCount: columnCount,
                                    tall: [(0, "STT"), (1, "Đơn vị"), (totalsColumn, "Tổng điểm"),
                                           (totalsColumn + 1, "Điểm tối đa"), (totalsColumn + 2, "Xếp hạng")],
                                    groups: groups, secondRowLines: 3)
    }

    private func writeRow(_ frame: SheetFrame, row: Int, stt: Int?, name: String, index: Index766, rank: Int?, bold: Bool) throws {
        let sheet = frame.sheet
        func put(_ value: CellValue, _ kind: CellKind, _ column: Int) throws {
            try frame.write(value, kind: kind, bold: bold, row: row, column: column)
        }
        try frame.writeRowLabel(row: row, stt: stt, name: name, bold: bold)
        let centred = frame.centredText(bold: bold)
        for (i, kind) in kinds.enumerated() {
            let c = firstColumn(of: i)
            guard let indicator = index[kind] else {
                // This unit's dossiers carry no value of the indicator's columns.
                try sheet.merge(firstRow: row, firstColumn: c, lastRow: row, lastColumn: c + 4, text: "không có dữ liệu", format: centred)
                continue
            }
            try put(.number(Double(indicator.numerator)), .integer, c)
            try put(.number(Double(indicator.denominator)), .integer, c + 1)
            if let rate = indicator.rate, let points = indicator.points {
                try put(.number(rate), .rate, c + 2)
                try put(.number(points), .decimal, c + 3)
            } else {
                try sheet.write("—", row: row, column: c + 2, format: centred)
                try sheet.write("—", row: row, column: c + 3, format: centred)
            }
            try put(.number(indicator.max), .integer, c + 4)
        }
        if index.max > 0 { try put(.number(index.points), .decimal, totalsColumn) } else {
            try sheet.write("—", row: row, column: totalsColumn, format: centred)
        }
        try put(.number(index.max), .integer, totalsColumn + 1)
        if let rank { try put(.number(Double(rank)), .integer, totalsColumn + 2) } else { try put(.blank, .integer, totalsColumn + 2) }
        try frame.fitHeight(of: row, values: [.blank, .text(name)], widths: widths)
    }
}
