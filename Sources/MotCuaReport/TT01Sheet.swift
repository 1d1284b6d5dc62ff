import MotCuaCore
import XlsxWriter

/// The "Chấm điểm TT01" sheet from a template of kind `tt01-scores`: the
/// template gives the sheet name, title lines and font; the columns follow
/// the rubric the report was scored with (one per enabled indicator).
struct TT01Sheet {
    let template: SheetTemplate
    let templateFile: String
    let context: ReportContext

    func write(to workbook: Workbook) throws {
        let report = context.report
        guard let rubric = report.rubric else {
            throw Message("template.needs-rubric", file: templateFile, vi: "trang \(template.name) cần bộ tiêu chí chấm điểm (--rubric).",
                                en: "the sheet \(template.name) needs a scoring rubric (--rubric).")
        }
        var lines = try (template.title ?? []).map { try context.fill($0.text, file: templateFile) }
        // Under a cut-off day the period line also gives the actual dates (docs/rules.md#cutoff-day).
        if report.period.cutoffDay != nil, !(template.title ?? []).contains(where: { $0.text.contains("{from}") }) {
            let period = lines.count > 1 ? lines[1] : report.period.vietnameseName.capitalizedFirst
            let dated = "\(period) (từ ngày \(report.period.from.vietnameseDescription) đến ngày \(report.period.to.vietnameseDescription))"
            if lines.count > 1 { lines[1] = dated } else { lines = [lines.first ?? "KẾT QUẢ CHẤM ĐIỂM ĐÁNH GIÁ VIỆC GIẢI QUYẾT TTHC", dated] }
        }
        try ScoringSheet.write(
            to: workbook,
            rows: report.rows.map { ScoringSheet.Row(unitName: $0.unit.name, score: $0.score ?? UnitScore()) },
            total: report.total.score ?? UnitScore(), rubric: rubric,
            title: lines.first ?? "KẾT QUẢ CHẤM ĐIỂM ĐÁNH GIÁ VIỆC GIẢI QUYẾT TTHC",
            period: lines.dropFirst().first ?? report.period.vietnameseName.capitalizedFirst,
            issuer: template.letterhead == true ? nil : context.issuerHeading, sheetName: template.name,
            fontName: template.font?.name ?? "Times New Roman", fontSize: template.font?.size ?? 11,
            heading: template.letterhead == true ? { sheet, columns in
                try SheetFrame(template: template, templateFile: templateFile, context: context, sheet: sheet, columnCount: columns,
                               columnWidths: ScoringSheet.columnWidths(indicators: rubric.enabledIndicators.count))
                    .writeLetterhead(at: 0)
            } : nil)
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
