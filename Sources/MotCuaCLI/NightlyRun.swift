import Foundation
import MotCuaCore
import MotCuaIngest
import MotCuaReport

/// The steps of `motcua run`: read and check the configuration, take the
/// lock, import the reference files and the inbox, write every report. Each
/// failure is logged with its reason and does not hide the others; the
/// outcome is the log's last line and the exit code.
struct NightlyRun {
    let configurationFile: String
    let today: CivilDate

    var folder: URL { URL(fileURLWithPath: (configurationFile as NSString).deletingLastPathComponent) }

    func perform() -> RunOutcome {
        let config: RunConfiguration
        do {
            config = try RunConfigurationReader.load(path: configurationFile)
        } catch {
            // The administrator reads the log, not cron's mail: find it even in a broken file.
            let log = RunLog(path: RunConfigurationReader.salvageLogPath(configuration: configurationFile)
                .map { resolve($0, relativeTo: folder) })
            return configurationFailed(error, log: log)
        }
        let log = RunLog(path: config.log.map { resolve($0, relativeTo: folder) })
        log.say("bắt đầu, cấu hình \(configurationFile)", "start, configuration \(configurationFile)")
        let plan: RunPlan
        do { plan = try RunPlan(configuration: config, file: configurationFile, today: today) } catch {
            return configurationFailed(error, log: log, started: true)
        }
        log.say("cơ sở dữ liệu \(plan.database)", "database \(plan.database)")

        let lock: RunLock
        do {
            try FileManager.default.createDirectory(atPath: (plan.database as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            lock = try RunLock(path: plan.database + ".lock")
        } catch {
            log.fail(error)
            return finish(.failure(Message("run.no-lock", vi: "không lấy được khóa \(plan.database).lock",
                                           en: "could not take the lock \(plan.database).lock")), log)
        }
        return withExtendedLifetime(lock) {
            if let pid = lock.takenOverFrom {
                log.say("khóa cũ của lần chạy bị ngắt (PID \(pid)) đã được tiếp quản",
                        "the stale lock of a killed run (PID \(pid)) was taken over")
            }
            do {
                return finish(try work(plan, log: log), log)
            } catch {
                log.fail(error)
                return finish(.failure(userMessage(error)), log)
            }
        }
    }

    private func configurationFailed(_ error: Error, log: RunLog, started: Bool = false) -> RunOutcome {
        if !started { log.say("bắt đầu, cấu hình \(configurationFile)", "start, configuration \(configurationFile)") }
        let problems = (error as? RunConfigurationError)?.problems.map { $0 as Error } ?? [error]
        for p in problems { log.fail(p) }
        return finish(.failure(Message("config.invalid",
                                       vi: "cấu hình không hợp lệ (\(formatCount(problems.count, .vi)) lỗi), không nhập gì",
                                       en: "invalid configuration (\(formatCount(problems.count, .en)) \(problems.count == 1 ? "problem" : "problems")), nothing imported")), log)
    }

    private func finish(_ outcome: RunOutcome, _ log: RunLog) -> RunOutcome {
        log.finish(outcome)
        return outcome
    }

    /// Imports, then writes the reports; a failing inbox file or report is
    /// logged and the others are still done.
    private func work(_ plan: RunPlan, log: RunLog) throws -> RunOutcome {
        let store = try DossierDatabase.open(plan.database)
        var importer = Importer(store: store, mapping: plan.mapping, calendar: plan.calendar,
                                rejectsPath: DossierDatabase.rejectsFile(of: plan.database))
        importer.emit = { text, isError in log.say(text, isError: isError) }
        var rejected = try importer.run(units: plan.units, procedures: plan.procedures, dossierFiles: [],
                                        evaluations: plan.evaluations).rejectedRows

        var failedFiles = 0
        // Hidden files and partial downloads are not worth a line every night.
        let entries = try InboxScanner().scan(plan.inbox) { try store.hasImported(sha256: $0) }
            .filter { if case .ignored = $0.decision { return false } else { return true } }
        if entries.isEmpty { log.say("hộp thư đến \(plan.inbox) trống: không có tệp mới", "the inbox \(plan.inbox) is empty: no new files") }
        for entry in entries {
            switch entry.decision {
            case .ignored:
                break
            case .unsupported:
                if (entry.path as NSString).pathExtension.lowercased() == "xls" {
                    log.warn(Message("run.xls-in-inbox", file: entry.path,
                                     vi: "tệp Excel 97–2003 (.xls) không nhập được; mở bằng Excel, lưu thành .xlsx hoặc CSV UTF-8 rồi đặt lại vào hộp thư đến; để nguyên tệp này",
                                     en: "an Excel 97–2003 file (.xls) cannot be imported; open it in Excel, save it as .xlsx or CSV UTF-8 and put that in the inbox; this file is left in place",
                                     severity: .warning))
                } else {
                    log.warn(Message("run.unsupported-in-inbox", file: entry.path,
                                     vi: "motcua không nhập được loại tệp này (chỉ .csv, .txt, .tsv, .xlsx); để nguyên trong hộp thư đến",
                                     en: "motcua cannot import this kind of file (only .csv, .txt, .tsv, .xlsx); left in the inbox",
                                     severity: .warning))
                }
            case .unreadable(let error):
                log.fail(error)
                log.say("\(entry.path): không đọc được; để lại trong hộp thư đến", "\(entry.path): cannot be read; left in the inbox", isError: true)
                failedFiles += 1
            case .stillBeingCopied:
                log.say("\(entry.path): vừa thay đổi, có thể đang được chép; để lại cho lần chạy sau",
                        "\(entry.path): changed moments ago, probably still being copied; left for the next run")
            case .alreadyImported(let sha):
                log.say("\(entry.path): đã nhập trước đó (SHA-256 \(sha.prefix(12))…), chỉ chuyển vào lưu trữ",
                        "\(entry.path): imported before (SHA-256 \(sha.prefix(12))…), only archived")
                if !archive(entry.path, to: plan.archive, log: log) { failedFiles += 1 }
            case .importFile(let sha):
                importer.knownSHA256[entry.path] = sha
                do {
                    rejected += try importer.run(units: nil, procedures: nil, dossierFiles: [entry.path]).rejectedRows
                } catch {
                    log.fail(error)
                    log.say("\(entry.path): không nhập được; để lại trong hộp thư đến", "\(entry.path): not imported; left in the inbox", isError: true)
                    failedFiles += 1
                    continue
                }
                // Changed while read: what was imported may be a part; the whole file comes next night (new SHA-256).
                guard InboxScanner.fileState(entry.path) == entry.state else {
                    log.say("\(entry.path): thay đổi trong khi đang nhập, có thể đang được chép; để lại để nhập lại lần sau",
                            "\(entry.path): changed while being imported, probably still being copied; left to import again next run", isError: true)
                    continue
                }
                if !archive(entry.path, to: plan.archive, log: log) { failedFiles += 1 }
            }
        }

        let writer = RunReportWriter(store: store, plan: plan, evaluations: try store.evaluations(),
                                     newest: try store.newestStateTime(), log: log)
        var failedReports = 0
        for report in plan.reports {
            do { try writer.write(report) } catch {
                failedReports += 1
                log.say("báo cáo \(report.name) không lập được: \(describe(error))",
                        "report \(report.name) not written: \(describe(error))", isError: true)
            }
        }
        if failedReports > 0 || failedFiles > 0 {
            return .partialFailure(failedReports: failedReports, reports: plan.reports.count, failedFiles: failedFiles)
        }
        return .success(rejectedRows: rejected)
    }

    /// Moves a file to the archive and logs it; `false` (logged) when it cannot.
    private func archive(_ file: String, to archive: String, log: RunLog) -> Bool {
        do {
            let moved = try moveToArchive(file, archive: archive)
            log.say("\(file) → \(moved)", "\(file) → \(moved)")
            return true
        } catch {
            log.fail(error)
            return false
        }
    }

    /// Moves an imported file to the archive; a name already there gets the time appended.
    private func moveToArchive(_ file: String, archive: String) throws -> String {
        let fm = FileManager.default
        let name = (file as NSString).lastPathComponent
        var target = (archive as NSString).appendingPathComponent(name)
        do {
            try fm.createDirectory(atPath: archive, withIntermediateDirectories: true)
            if fm.fileExists(atPath: target) {
                let stamp = Int(Date().timeIntervalSince1970)
                target = (archive as NSString).appendingPathComponent("\((name as NSString).deletingPathExtension)-\(stamp).\((name as NSString).pathExtension)")
            }
            try fm.moveItem(atPath: file, toPath: target)
        } catch {
            throw Message.fileSystem(error, code: "run.archive-failed", path: file,
                                     vi: "không chuyển được vào \(archive); tệp vẫn ở hộp thư đến (đã nhập, lần sau sẽ chỉ được chuyển)",
                                     en: "cannot move it to \(archive); it stays in the inbox (imported; next run only moves it)")
        }
        return target
    }
}

/// Writes one configured report and logs it, with the warnings a reader of
/// the workbook needs.
struct RunReportWriter {
    let store: any DossierRepository
    let plan: RunPlan
    let evaluations: [String: [Int: Int]]
    /// The newest stored timestamp, to warn about a period the data do not reach.
    let newest: LocalDateTime?
    let log: RunLog

    func write(_ spec: RunPlan.Report) throws {
        var report = try ReportInputs.aggregate(store: store, period: spec.period, calendar: plan.calendar, unit: spec.unit,
                                                rubric: plan.rubric, dimensions: spec.template.dimensions,
                                                attribution: spec.attribution, evaluations: evaluations)
        if let newest, let finding = DataQualityFinding.dataEnds(at: newest, before: spec.period,
                                                                 unitCode: report.root?.code ?? "") {
            report = report.addingLeadingFinding(finding)
            let day = newest.date.vietnameseDescription
            log.warn(Message("report.data-ends-early",
                             vi: "báo cáo \(spec.name): dữ liệu mới nhất đến ngày \(day); số hồ sơ chưa giải quyết, quá hạn có thể cao hơn thực tế",
                             en: "report \(spec.name): the newest data are from \(newest.date); pending and overdue counts may be higher than they really are",
                             severity: .warning))
        }
        // The long lists go beside the report, each file written whole (docs/rules.md#companion-files);
        // all of the report's files at once, put in place in order (docs/rules.md#outputs).
        let context = plan.heading.context(for: report)
        var (files, companions) = WorkbookWriter.files(template: spec.template, templateFile: spec.templateFile,
                                                       context: context, to: spec.out, companions: true)
        // What the log says as each file is put in place, in the order of `files`:
        // a failure further on leaves these lines in the log.
        var logLines: [() -> Void] = [{
            log.say("báo cáo \(spec.name): \(spec.out), \(formatCount(report.dossiersUsed)) hồ sơ",
                    "report \(spec.name): \(spec.out), \(formatCount(report.dossiersUsed)) dossiers")
        }]
        for file in companions {
            logLines.append { log.say("báo cáo \(spec.name): tệp kèm theo \(file)", "report \(spec.name): companion file \(file)") }
        }
        if report.dossiersUsed == 0 {
            // After the last workbook, as when they were written one after another.
            let last = logLines.count - 1, line = logLines[last]
            logLines[last] = {
                line()
                log.warn(Message("report.no-dossiers", vi: "kỳ \(spec.period.label) không có hồ sơ nào",
                                 en: "no dossiers in \(spec.period.label)", severity: .warning))
            }
        }
        if let json = spec.json {
            let rows = spec.template.firstTable(for: report) ?? TableSpec(), finished = report
            files.add(json) { try ReportJSON.encode(finished, rows: rows) }
            logLines.append { log.say("JSON: \(json)", "JSON: \(json)") }
        }
        if let summary = spec.summary {
            files.add(summary.path) { try SummaryText.document(summary.paragraphs, context: context, file: summary.file) }
            logLines.append { log.say("tóm tắt: \(summary.path)", "summary: \(summary.path)") }
        }
        try files.write { index, _ in logLines[index]() }
    }
}
