import ArgumentParser
import Foundation
import MotCuaCore

/// `motcua run --config FILE`: the unattended job for cron or a systemd timer.
/// Checks the configuration, imports the inbox (each file once, by SHA-256),
/// archives it, writes the configured reports, and logs one line per step,
/// the last saying whether the run succeeded.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Chạy tự động (cron): nhập các tệp mới trong hộp thư đến, lập các báo cáo đã cấu hình.",
        discussion: """
        Tệp cấu hình (YAML/JSON) khai báo database, inbox, archive, units, procedures, calendars, \
        evaluations, mapping, rubric, templates, log và danh sách reports (period: previous-month | previous-quarter | \
        year-to-date | previous-year | kỳ cố định; unit; template; out: out/{unit}/{period}.xlsx; json). \
        Đường dẫn tương đối tính từ thư mục của tệp cấu hình. Cấu hình được kiểm tra hết trước khi nhập; \
        --check chỉ kiểm tra và cho biết sẽ làm gì, không thay đổi gì. Mỗi bước ghi một dòng nhật ký có thời gian; \
        dòng cuối là "kết thúc: thành công", "kết thúc: thất bại một phần — …" hoặc "kết thúc: thất bại — …". \
        Tệp trong hộp thư đến vừa sửa đổi dưới 60 giây được để lại cho lần sau; tệp bắt đầu bằng "." hoặc \
        kết thúc bằng .part, .tmp, .crdownload, .filepart bị bỏ qua. \
        Mã thoát: 0 thành công, 1 lỗi (kể cả khi một lần chạy khác đang giữ khóa, hoặc một báo cáo không lập được), \
        3 có dòng bị từ chối (báo cáo vẫn được lập).
        """)

    @Option(help: "Tệp cấu hình (YAML hoặc JSON).") var config: String
    @Option(help: "Ngày chạy (yyyy-MM-dd) thay cho hôm nay, để tính previous-month…") var today: String?
    @Flag(help: "Chỉ kiểm tra cấu hình và cho biết sẽ làm gì; không thay đổi gì.") var check = false
    @Option(name: .customLong("lang"), help: LanguageOption.help) var language: LanguageOption?

    func validate() throws {
        if let today, parseISODate(today) == nil { throw invalidDate(today) }
    }

    func run() throws {
        let job = NightlyRun(configurationFile: absolutePath(config), today: today.flatMap(parseISODate) ?? MotCuaCLI.today())
        let status = check ? job.dryRun() : job.perform().exitCode
        if status != 0 { throw ExitCode(status) }
    }
}

/// `path` made absolute against the current folder, with `.` and `..`
/// removed: the configuration's folder must not depend on how `--config`
/// was written.
func absolutePath(_ path: String) -> String {
    let full = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    var parts: [Substring] = []
    for part in full.split(separator: "/") {
        switch part {
        case ".": continue
        case "..": _ = parts.popLast()
        default: parts.append(part)
        }
    }
    return "/" + parts.joined(separator: "/")
}
