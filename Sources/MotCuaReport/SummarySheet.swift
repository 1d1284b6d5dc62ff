import MotCuaCore
import XlsxWriter

/// The "Tóm tắt" sheet (`kind: summary`; docs/rules.md#summary): the
/// letterhead and title, then each paragraph of the summary in one wrapped
/// cell across the page, for an A4 portrait page a clerk can copy from or print.
struct SummarySheet {
    let template: SheetTemplate
    let templateFile: String
    let context: ReportContext
    /// Eight columns of 11,5: the printable width of A4 portrait at the sheet's margins.
    static let columnWidths = [Double](repeating: 11.5, count: 8)

    func write(to workbook: Workbook) throws {
        let sheet = try workbook.addWorksheet(named: template.name)
        let frame = SheetFrame(template: template, templateFile: templateFile, context: context, sheet: sheet,
                               columnCount: Self.columnWidths.count)
        try frame.setColumnWidths(Self.columnWidths)
        var row = try frame.writeTitle(at: 0)
        let paragraphs = try SummaryText.render(template.paragraphs ?? [], context: context, file: templateFile)
        let format = frame.base { $0.wrap = true; $0.horizontal = .left; $0.vertical = .top }
        let width = Self.columnWidths.reduce(0, +)
        for text in paragraphs {
            try sheet.merge(firstRow: row, firstColumn: 0, lastRow: row, lastColumn: Self.columnWidths.count - 1,
                            text: text, format: format)
            try sheet.setRowHeight(row, height: Self.height(of: text, width: width, fontSize: frame.fontSize))
            row += 1
        }
        row = try frame.writeFootnotes(at: row)
        _ = try frame.writeSignature(at: row)
        var portrait = template
        if portrait.page == nil { portrait.page = PageTemplate(orientation: "portrait") }
        try SheetFrame(template: portrait, templateFile: templateFile, context: context, sheet: sheet,
                       columnCount: Self.columnWidths.count).applyPageSetup(headerTop: 0, headerRows: 0)
    }

    /// The height that shows a wrapped paragraph whole: neither libxlsxwriter
    /// nor Excel sizes rows to wrapped text (the estimate of ``SheetFrame/fitHeight(of:values:widths:)``),
    /// plus half a line that stands between paragraphs.
    static func height(of text: String, width: Double, fontSize: Double) -> Double {
        let perLine = max(1, Int(width * 1.2 * 11 / fontSize))
        let lines = max(1, (text.count + perLine - 1) / perLine)
        return min(409, (Double(lines) + 0.5) * fontSize * 1.35)
    }
}
