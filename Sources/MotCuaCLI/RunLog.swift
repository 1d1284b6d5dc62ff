import Foundation
import MotCuaCore

/// One timestamped line per step of `motcua run`, on standard output (`!`
/// lines on standard error) and appended to the configured log file. A run
/// started by cron has no one watching its terminal: whatever happens must
/// reach the file, and its last line says how the night went. Lines are in
/// the process language (``Language/current``).
struct RunLog {
    let path: String?

    func say(_ vi: String, _ en: String, isError: Bool = false) {
        say(localized(vi, en), isError: isError)
    }

    func say(_ text: String, isError: Bool = false) {
        let now = LocalDateTime(secondsSinceEpoch: Int64(Date().timeIntervalSince1970) + 7 * 3600)
        let line = "\(now) \(isError ? "!" : " ") \(text)"
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
        say(describe(error), isError: true)
    }

    /// A warning as a `!` line: "cảnh báo: …" / "warning: …".
    func warn(_ message: Message) {
        say(Language.current.pick("cảnh báo: ", "warning: ") + message.text(), isError: true)
    }

    /// The run's last line.
    func finish(_ outcome: RunOutcome) {
        say(outcome.text(), isError: outcome.isFailure)
    }
}

/// How a run ended, as its log's last line says it.
enum RunOutcome: Equatable {
    /// Everything done; rows may have been rejected (exit 3).
    case success(rejectedRows: Int)
    /// Some steps failed, others were done.
    case partialFailure(failedReports: Int, reports: Int, failedFiles: Int)
    /// Nothing useful was done (the configuration, the lock, a reference file).
    case failure(Message)

    var isFailure: Bool { if case .success = self { return false } else { return true } }

    var exitCode: Int32 {
        switch self {
        case .success(let rejected): return rejected > 0 ? ExitStatus.rejectedRows : 0
        case .partialFailure, .failure: return ExitStatus.failure
        }
    }

    /// The last line: Vietnamese "kết thúc: thành công" / "kết thúc: thất bại
    /// một phần — …" / "kết thúc: thất bại — …" (scripts and monitoring grep
    /// these), English "finished: success" / "finished: partial failure — …"
    /// / "finished: failure — …".
    func text(_ l: Language = .current) -> String {
        switch self {
        case .success(let rejected):
            return rejected == 0 ? l.pick("kết thúc: thành công", "finished: success")
                : l.pick("kết thúc: thành công, có \(formatCount(rejected, l)) dòng bị từ chối",
                         "finished: success, \(formatCount(rejected, l)) rows rejected")
        case let .partialFailure(failedReports, reports, failedFiles):
            var parts: [String] = []
            if failedReports > 0 {
                parts.append(l.pick("\(failedReports)/\(reports) báo cáo lỗi", "\(failedReports)/\(reports) reports failed"))
            }
            if failedFiles > 0 {
                parts.append(l.pick("\(formatCount(failedFiles, l)) tệp trong hộp thư đến lỗi", "\(formatCount(failedFiles, l)) inbox files failed"))
            }
            let whole = failedReports == reports && reports > 0
            return l.pick("kết thúc: thất bại\(whole ? "" : " một phần")", "finished: \(whole ? "failure" : "partial failure")")
                + " — " + parts.joined(separator: "; ")
        case let .failure(reason):
            return l.pick("kết thúc: thất bại — ", "finished: failure — ") + reason.text(l)
        }
    }
}
