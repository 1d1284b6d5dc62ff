import Foundation
import MotCuaCore

extension NightlyRun {
    /// `motcua run --check`: the configuration's problems, or what a run
    /// would do now. Creates nothing — no database, lock, log or folder —
    /// so that it can be tried on the server at any time.
    /// - returns: the exit code, 1 when the configuration has problems.
    func dryRun() -> Int32 {
        let plan: RunPlan
        do {
            let config = try RunConfigurationReader.load(path: configurationFile)
            plan = try RunPlan(configuration: config, file: configurationFile, today: today)
        } catch {
            let problems = (error as? RunConfigurationError)?.problems.map { $0 as Error } ?? [error]
            for p in problems { printError(userMessage(p).labelled()) }
            printError(localized("Cấu hình có \(formatCount(problems.count)) lỗi; lần chạy sẽ dừng mà không nhập gì.",
                                 "The configuration has \(formatCount(problems.count)) problem(s); a run would stop without importing anything."))
            return ExitStatus.failure
        }
        func say(_ vi: String, _ en: String) { printInfo(localized(vi, en)) }
        say("Cấu hình \(configurationFile): hợp lệ.", "Configuration \(configurationFile): valid.")
        let exists = DossierDatabase.hasSchema(plan.database)
        say("Cơ sở dữ liệu: \(plan.database)\(exists ? "" : " (chưa có, sẽ được tạo)")",
            "Database: \(plan.database)\(exists ? "" : " (not there yet, would be created)")")
        do {
            let store = exists ? try DossierDatabase.openExisting(plan.database) : nil
            let entries = try InboxScanner().scan(plan.inbox) { sha in try store?.hasImported(sha256: sha) ?? false }
            say("Hộp thư đến \(plan.inbox): \(entries.isEmpty ? "trống" : "\(formatCount(entries.count)) tệp")",
                "Inbox \(plan.inbox): \(entries.isEmpty ? "empty" : "\(formatCount(entries.count)) files")")
            for e in entries {
                switch e.decision {
                case .importFile: say("  sẽ nhập: \(e.name)", "  would import: \(e.name)")
                case .alreadyImported: say("  đã nhập trước đó, chỉ chuyển vào lưu trữ: \(e.name)",
                                           "  imported before, would only be archived: \(e.name)")
                case .stillBeingCopied: say("  để lại (có thể đang được chép): \(e.name)",
                                            "  left (probably still being copied): \(e.name)")
                case .unreadable(let error): say("  không đọc được: \(e.name) (\(describe(error)))",
                                                 "  cannot be read: \(e.name) (\(describe(error)))")
                case .ignored: say("  bỏ qua (tệp ẩn hoặc đang tải dở): \(e.name)", "  ignored (hidden or partial download): \(e.name)")
                case .unsupported: say("  để nguyên, không nhập được loại tệp này: \(e.name)",
                                       "  left, cannot import this kind of file: \(e.name)")
                }
            }
        } catch {
            printError(userMessage(error).labelled())
            return ExitStatus.failure
        }
        say("Lưu trữ: \(plan.archive)", "Archive: \(plan.archive)")
        for r in plan.reports {
            let dates = "\(r.period.from.vietnameseDescription)–\(r.period.to.vietnameseDescription)"
            let outputs = ([r.out] + (r.json.map { [$0] } ?? [])).joined(separator: ", ")
            say("Báo cáo \(r.name), \(dates), mẫu \(r.templateFile): \(outputs)",
                "Report \(r.name), \(dates), template \(r.templateFile): \(outputs)")
        }
        return 0
    }
}
