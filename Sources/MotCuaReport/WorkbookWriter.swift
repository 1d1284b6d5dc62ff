import Foundation
#if canImport(Glibc)
import Glibc
#endif
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
            // libxlsxwriter reports only "error creating the file"; the C call
            // that failed left the plain reason in errno, read before cleanup.
            let code = errno
            try? FileManager.default.removeItem(at: temp)
            if let e = error as? XlsxError {
                let reason = OutputError.Reason(errno: code, folder: dir.path)
                throw OutputError(path: path, vi: "không ghi được tệp Excel: \(reason?.vi ?? e.detail).",
                                  en: "cannot write the workbook: \(reason?.en ?? e.detail).")
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
        // Written with open/write/close rather than Data.write so that a
        // failure keeps its errno: "disk full" and "no permission" need
        // different fixes.
        let failure: Int32? = data.withUnsafeBytes { bytes -> Int32? in
            let fd = open(temp.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard fd >= 0 else { return errno }
            var offset = 0
            while offset < bytes.count {
                let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    let code = errno; close(fd); return code
                }
                offset += n
            }
            // A full disk may only show when the data are flushed.
            if fsync(fd) != 0 || close(fd) != 0 { return errno }
            return nil
        }
        if let failure {
            try? FileManager.default.removeItem(at: temp)
            let reason = OutputError.Reason(errno: failure, folder: dir.path)
            throw OutputError(path: path, vi: "không ghi được tệp: \(reason?.vi ?? String(cString: strerror(failure))).",
                              en: "cannot write the file: \(reason?.en ?? String(cString: strerror(failure))).")
        }
        try replaceItem(at: url, with: temp)
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
            let code = errno
            try? FileManager.default.removeItem(at: temp)
            let reason = OutputError.Reason(errno: code, folder: url.deletingLastPathComponent().path)
            throw OutputError(path: url.path, vi: "không ghi được tệp: \(reason?.vi ?? String(cString: strerror(code))).",
                              en: "cannot write the file: \(reason?.en ?? String(cString: strerror(code))).")
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

    /// Why a write failed, in the words a clerk can act on.
    public struct Reason: Sendable {
        public let vi: String
        public let en: String

        /// The reason for an errno; when errno says nothing useful, a folder
        /// with no free space left still means the disk is full.
        public init?(errno code: Int32, folder: String? = nil) {
            switch code {
            case ENOSPC, EDQUOT: (vi, en) = ("ổ đĩa đầy", "the disk is full")
            case EACCES, EPERM, EROFS: (vi, en) = ("không có quyền ghi", "no permission to write")
            case EISDIR: (vi, en) = ("đã có một thư mục trùng tên", "a folder of that name is in the way")
            case ENOTDIR: (vi, en) = ("một phần của đường dẫn không phải thư mục", "part of the path is not a folder")
            default:
                var fs = statvfs()
                if let folder, statvfs(folder, &fs) == 0, fs.f_bavail == 0 {
                    (vi, en) = ("ổ đĩa đầy", "the disk is full")
                } else if code != 0 {
                    let text = String(cString: strerror(code))
                    (vi, en) = (text, text)
                } else {
                    return nil
                }
            }
        }
    }
}
