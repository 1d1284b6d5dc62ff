import Foundation
import MotCuaCore
import XlsxWriter

/// Writes a report workbook from a template. The file appears complete or
/// not at all (``OutputFile``): a crash never leaves a half-written workbook
/// and a previous report stays intact until the new one is whole.
package enum WorkbookWriter {
    /// Writes the workbook, and with `companions` the long lists beside it
    /// (``files(template:templateFile:context:to:companions:)``), all at once.
    /// - returns: the companion files written, in the order of their sheets.
    @discardableResult
    package static func write(template: ReportTemplate, templateFile: String, context: ReportContext, to path: String,
                              companions: Bool = false) throws -> [String] {
        let planned = files(template: template, templateFile: templateFile, context: context, to: path, companions: companions)
        try planned.files.write()
        return planned.companions
    }

    /// The workbook, and with `companions` the long lists beside it: an
    /// overdue list or data-quality sheet whose template does not say
    /// `inline_list: true` becomes a short summary here, its rows going to
    /// `<name>-qua-han.xlsx` / `<name>-kiem-tra-du-lieu.xlsx` (docs/rules.md#companion-files).
    /// The caller may add the report's other files (JSON, summary) before writing them all.
    /// - returns: the files, the workbook first, and the companion files' paths in the order of their sheets.
    package static func files(template: ReportTemplate, templateFile: String, context: ReportContext, to path: String,
                              companions: Bool = false) -> (files: ReportFiles, companions: [String]) {
        let lists = companions ? companionLists(of: template, beside: path) : [:]
        // One creation time for every workbook of the report: the same in each
        // file, and libxlsxwriter formats it with gmtime(), whose one buffer the
        // two writing threads share (docs/rules.md#outputs).
        let created = Int(time(nil))
        var files = ReportFiles()
        files.add(path) { output in
            try fillBook(output, context: context, created: created) { workbook in
                for (index, sheet) in template.sheets.enumerated() {
                    guard let companion = lists[index] else {
                        try writeSheet(sheet, templateFile: templateFile, context: context, to: workbook)
                        continue
                    }
                    let name = (companion as NSString).lastPathComponent
                    if sheet.kind == .overdueList {
                        try OverdueSummarySheet(template: sheet, templateFile: templateFile, context: context, companion: name)
                            .write(to: workbook)
                    } else {
                        try QualitySummarySheet(template: sheet, templateFile: templateFile, context: context, companion: name)
                            .write(to: workbook)
                    }
                }
            }
        }
        let ordered = lists.sorted { $0.key < $1.key }
        for (index, companion) in ordered {
            let sheet = template.sheets[index]
            files.add(companion) { output in
                try fillBook(output, context: context, created: created) { workbook in
                    if sheet.kind == .overdueList {
                        try writeOverdueByUnit(sheet, templateFile: templateFile, context: context, to: workbook)
                    } else {
                        try writeSheet(sheet, templateFile: templateFile, context: context, to: workbook)
                    }
                }
            }
        }
        return (files, ordered.map(\.value))
    }

    /// The companion file of each long list of `template`, by the sheet's
    /// place: beside `path`, a second list of the same kind numbered.
    private static func companionLists(of template: ReportTemplate, beside path: String) -> [Int: String] {
        var lists: [Int: String] = [:]
        for (index, sheet) in template.sheets.enumerated() where sheet.inlineList != true {
            let kind = sheet.kind ?? .unitTable
            guard let listKind: CompanionFiles.Kind = kind == .overdueList ? .overdue : kind == .dataQuality ? .dataQuality : nil
            else { continue }
            var companion = CompanionFiles.path(beside: path, kind: listKind)
            if lists.values.contains(companion) {
                companion = (companion as NSString).deletingPathExtension + "-\(lists.count + 1).xlsx"
            }
            lists[index] = companion
        }
        return lists
    }

    static func writeSheet(_ sheet: SheetTemplate, templateFile: String, context: ReportContext, to workbook: Workbook) throws {
        switch sheet.kind ?? .unitTable {
        case .unitTable:
            try UnitTableSheet(template: sheet, templateFile: templateFile, context: context).write(to: workbook)
        case .overdueList:
            try overdueList(sheet, templateFile: templateFile, context: context, entries: context.report.overdue).write(to: workbook)
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

    static func overdueList(_ sheet: SheetTemplate, templateFile: String, context: ReportContext,
                            entries: [OverdueEntry]) -> ListSheet<OverdueEntry> {
        ListSheet(template: sheet, templateFile: templateFile, context: context, entries: entries,
                  figures: sheet.columns.map { OverdueFigures.figure(named: $0.figure)! },
                  emptyText: "Không có hồ sơ trễ hạn hay quá hạn trong kỳ.")
    }

    /// The companion overdue list: one sheet per top-level unit, named after
    /// it, its name under the title; a single sheet saying so when the list is empty.
    static func writeOverdueByUnit(_ sheet: SheetTemplate, templateFile: String, context: ReportContext,
                                   to workbook: Workbook) throws {
        let groups = OverdueGroup.groups(context.report.overdue, tree: context.report.tree, root: context.report.root)
        guard !groups.isEmpty else {
            try overdueList(sheet, templateFile: templateFile, context: context, entries: []).write(to: workbook)
            return
        }
        var names = SheetNames()
        for group in groups {
            var t = sheet
            t.name = names.make(group.name)
            t.title = (sheet.title ?? []) + [TextLine(text: group.name, bold: true)]
            try overdueList(t, templateFile: templateFile, context: context, entries: group.entries).write(to: workbook)
        }
    }

    /// Writes a workbook into `output`; libxlsxwriter's failures become a
    /// ``Message`` about its path (``ReportFiles`` removes the temporary file).
    private static func fillBook(_ output: OutputFile, context: ReportContext, created: Int,
                                 _ body: (Workbook) throws -> Void) throws {
        let path = output.path
        do {
            let workbook = try Workbook(path: output.pathForLibrary)
            workbook.setProperties(title: "Báo cáo \(context.report.period.vietnameseName)", author: "motcua",
                                   company: context.issuer, created: created)
            try body(workbook)
            try workbook.close()
        } catch let e as XlsxError {
            // libxlsxwriter's own text is English: the clerk reads ours, its code kept for support.
            throw output.diskIsFull ? Message.output(path: path, errno: ENOSPC, doing: .write)
                : Message.output("workbook", path: path, vi: "không ghi được tệp Excel (lỗi libxlsxwriter \(e.code)).",
                                 en: "cannot write the workbook (libxlsxwriter error \(e.code)).")
        }
    }

    /// Writes bytes whole or not at all (``OutputFile``): one file of ``ReportFiles``.
    package static func writeAtomically(_ data: Data, to path: String) throws {
        var files = ReportFiles()
        files.add(path) { data }
        try files.write()
    }
}
