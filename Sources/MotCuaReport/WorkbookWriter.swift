import Foundation
import MotCuaCore
import XlsxWriter

/// Writes a report workbook from a template. The file appears complete or
/// not at all (``OutputFile``): a crash never leaves a half-written workbook
/// and a previous report stays intact until the new one is whole.
package enum WorkbookWriter {
    package static func write(template: ReportTemplate, templateFile: String, context: ReportContext, to path: String) throws {
        let output = try OutputFile(path)
        do {
            let workbook = try Workbook(path: output.pathForLibrary)
            workbook.setProperties(title: "Báo cáo \(context.report.period.vietnameseName)", author: "motcua",
                                   company: context.issuer)
            for sheet in template.sheets {
                switch sheet.kind ?? .unitTable {
                case .unitTable:
                    try UnitTableSheet(template: sheet, templateFile: templateFile, context: context).write(to: workbook)
                case .overdueList:
                    try ListSheet(template: sheet, templateFile: templateFile, context: context,
                                  entries: context.report.overdue,
                                  figures: sheet.columns.map { OverdueFigures.figure(named: $0.figure)! },
                                  emptyText: "Không có hồ sơ trễ hạn hay quá hạn trong kỳ.").write(to: workbook)
                case .dataQuality:
                    let lines = context.report.findings.map(QualityLine.finding) + context.rejections.map(QualityLine.rejected)
                    try ListSheet(template: sheet, templateFile: templateFile, context: context, entries: lines,
                                  figures: sheet.columns.map { FindingFigures.figure(named: $0.figure)! },
                                  emptyText: "Không phát hiện vấn đề nào trong dữ liệu của kỳ.").write(to: workbook)
                case .summary:
                    try SummarySheet(template: sheet, templateFile: templateFile, context: context).write(to: workbook)
                case .tt01Scores:
                    try TT01Sheet(template: sheet, templateFile: templateFile, context: context).write(to: workbook)
                case .index766:
                    try Index766Sheet(template: sheet, templateFile: templateFile, context: context).write(to: workbook)
                case .index766Cost:
                    try ListSheet(template: sheet, templateFile: templateFile, context: context,
                                  entries: context.report.index766Misses,
                                  figures: sheet.columns.map { Index766CostFigures.figure(named: $0.figure)! },
                                  emptyText: "Không có hồ sơ nào bị trừ điểm tiến độ trong kỳ.").write(to: workbook)
                case .onTimeRules:
                    try OnTimeRulesSheet(template: sheet, templateFile: templateFile, context: context).write(to: workbook)
                case .onTimeDifferences:
                    try ListSheet(template: sheet, templateFile: templateFile, context: context,
                                  entries: context.report.onTimeDifferences,
                                  figures: sheet.columns.map { OnTimeDifferenceFigures.figure(named: $0.figure)! },
                                  emptyText: "Ba cách tính xếp mọi hồ sơ như nhau.").write(to: workbook)
                }
            }
            try workbook.close()
            try output.commit()
        } catch let e as XlsxError {
            // libxlsxwriter's own text is English: the clerk reads ours, its code kept for support.
            let full = output.diskIsFull
            output.abandon()
            throw full ? Message.output(path: path, errno: ENOSPC, doing: .write)
                : Message.output("workbook", path: path, vi: "không ghi được tệp Excel (lỗi libxlsxwriter \(e.code)).",
                                 en: "cannot write the workbook (libxlsxwriter error \(e.code)).")
        } catch {
            output.abandon()
            throw error
        }
    }

    /// Writes bytes whole or not at all (``OutputFile``).
    package static func writeAtomically(_ data: Data, to path: String) throws {
        let output = try OutputFile(path)
        do {
            try output.write(data)
            try output.commit()
        } catch {
            output.abandon()
            throw error
        }
    }
}
