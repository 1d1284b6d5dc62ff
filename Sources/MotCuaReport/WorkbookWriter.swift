import Foundation
import MotCuaCore
import XlsxWriter

/// Writes a report workbook from a template. The file appears complete or
/// not at all: it is written beside the target under a temporary name and
/// renamed over it, so a crash never leaves a half-written workbook and a
/// previous report stays intact until the new one is whole.
public enum WorkbookWriter {
    public static func write(template: ReportTemplate, templateFile: String, context: ReportContext, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent()
        try ensureWritableDirectory(dir, for: path)
        let temp = dir.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            let workbook = try Workbook(path: temp.path)
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
                case .tt01Scores:
                    try TT01Sheet(template: sheet, templateFile: templateFile, context: context).write(to: workbook)
                }
            }
            try workbook.close()
            try replaceItem(at: url, with: temp)
        } catch {
            try? FileManager.default.removeItem(at: temp)
            if let e = error as? XlsxError {
                throw OutputError(path: path, vi: "không ghi được tệp Excel (\(e.detail)). Ổ đĩa đầy hoặc không có quyền ghi?",
                                  en: "cannot write the workbook (\(e.detail)). Disk full or no permission?")
            }
            throw error
        }
    }

    /// Writes bytes atomically (temporary file + rename).
    public static func writeAtomically(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent()
        try ensureWritableDirectory(dir, for: path)
        let temp = dir.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try data.write(to: temp)
            try replaceItem(at: url, with: temp)
        } catch {
            try? FileManager.default.removeItem(at: temp)
            throw OutputError(path: path, vi: "không ghi được tệp (ổ đĩa đầy hoặc không có quyền ghi?).",
                              en: "cannot write the file (disk full or no permission?).")
        }
    }

    private static func ensureWritableDirectory(_ dir: URL, for path: String) throws {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if !fm.fileExists(atPath: dir.path, isDirectory: &isDir) {
            do { try fm.createDirectory(at: dir, withIntermediateDirectories: true) } catch {
                throw OutputError(path: path, vi: "không tạo được thư mục \(dir.path).", en: "cannot create the folder \(dir.path).")
            }
        } else if !isDir.boolValue {
            throw OutputError(path: path, vi: "\(dir.path) không phải là thư mục.", en: "\(dir.path) is not a folder.")
        }
        if !fm.isWritableFile(atPath: dir.path) {
            throw OutputError(path: path, vi: "không có quyền ghi vào thư mục \(dir.path).",
                              en: "no permission to write in \(dir.path).")
        }
    }

    private static func replaceItem(at url: URL, with temp: URL) throws {
        // rename(2) replaces atomically on the same file system.
        if rename(temp.path, url.path) != 0 {
            throw OutputError(path: url.path, vi: "không đổi tên được tệp tạm thành \(url.lastPathComponent).",
                              en: "cannot rename the temporary file to \(url.lastPathComponent).")
        }
        removeStaleTemporaries(of: url)
    }

    /// Temporary files left by runs killed while writing the same output.
    private static func removeStaleTemporaries(of url: URL) {
        let dir = url.deletingLastPathComponent()
        let prefix = ".\(url.lastPathComponent)."
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
            try? FileManager.default.removeItem(at: dir.appendingPathComponent(name))
        }
    }
}

/// An output that cannot be written.
public struct OutputError: Error, CustomStringConvertible, Sendable {
    public let path: String
    public let vi: String
    public let en: String
    public var description: String { "\(path): \(vi)" }
    public func text(english: Bool) -> String { "\(path): \(english ? en : vi)" }
}
