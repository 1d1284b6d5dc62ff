import Foundation
import MotCuaCore

/// One timestamped line per step of `motcua run`, on standard output (`!`
/// lines on standard error) and appended to the configured log file. A run
/// started by cron has no one watching its terminal: whatever happens must
/// reach the file, and its last line says how the night went.
struct RunLog {
    let path: String?
    let english: Bool

    func say(_ vi: String, _ en: String, isError: Bool = false) {
        let now = LocalDateTime(secondsSinceEpoch: Int64(Date().timeIntervalSince1970) + 7 * 3600)
        let line = "\(now) \(isError ? "!" : " ") \(english ? en : vi)"
        if isError { printError(line) } else { printInfo(line) }
        guard let path else { return }
        if let handle = FileHandle(forWritingAtPath: path) ?? {
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            _ = FileManager.default.createFile(atPath: path, contents: nil)  // a failure shows as no handle below
            return FileHandle(forWritingAtPath: path)
        }() {
            handle.seekToEndOfFile()
            handle.write(Data((line + "\n").utf8))
            try? handle.close()
        }
    }

    /// A failure as a `!` line with its reason.
    func fail(_ error: Error) {
        say(describe(error, english: false), describe(error, english: true), isError: true)
    }

    /// The run's last line.
    func finish(_ outcome: RunOutcome) {
        let (vi, en) = outcome.text
        say(vi, en, isError: outcome.isFailure)
    }
}

/// How a run ended, as its log's last line says it.
enum RunOutcome: Equatable {
    /// Everything done; rows may have been rejected (exit 3).
    case success(rejectedRows: Int)
    /// Some steps failed, others were done.
    case partialFailure(failedReports: Int, reports: Int, failedFiles: Int)
    /// Nothing useful was done (the configuration, the lock, a reference file).
    case failure(vi: String, en: String)

    var isFailure: Bool { if case .success = self { return false } else { return true } }

    var exitCode: Int32 {
        switch self {
        case .success(let rejected): return rejected > 0 ? ExitStatus.rejectedRows : 0
        case .partialFailure, .failure: return ExitStatus.failure
        }
    }

    var text: (vi: String, en: String) {
        switch self {
        case .success(let rejected):
            return rejected == 0 ? ("kết thúc: thành công", "end: success")
                : ("kết thúc: thành công, có \(formatCount(rejected)) dòng bị từ chối",
                   "end: success, \(rejected) rows rejected")
        case let .partialFailure(failedReports, reports, failedFiles):
            var vi: [String] = [], en: [String] = []
            if failedReports > 0 {
                vi.append("\(failedReports)/\(reports) báo cáo lỗi"); en.append("\(failedReports)/\(reports) reports failed")
            }
            if failedFiles > 0 {
                vi.append("\(failedFiles) tệp trong hộp thư đến lỗi"); en.append("\(failedFiles) inbox files failed")
            }
            let whole = failedReports == reports && reports > 0
            return ("kết thúc: thất bại\(whole ? "" : " một phần") — \(vi.joined(separator: "; "))",
                    "end: \(whole ? "failure" : "partial failure") — \(en.joined(separator: "; "))")
        case let .failure(vi, en):
            return ("kết thúc: thất bại — \(vi)", "end: failure — \(en)")
        }
    }
}
