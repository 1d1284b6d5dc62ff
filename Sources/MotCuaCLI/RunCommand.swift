import ArgumentParser
import Foundation
import MotCuaCore
import MotCuaIngest
import MotCuaReport
import MotCuaStore

/// `motcua run --config FILE`: the unattended job for cron or a systemd timer.
/// Imports the inbox (each file once, by SHA-256), archives it, writes the
/// configured reports, and logs one line per step.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Chạy tự động (cron): nhập các tệp mới trong hộp thư đến, lập các báo cáo đã cấu hình.",
        discussion: """
        Tệp cấu hình (YAML/JSON) khai báo database, inbox, archive, units, procedures, calendars, \
        evaluations, mapping và danh sách reports (period: previous-month | previous-quarter | \
        year-to-date | previous-year | kỳ cố định; unit; template; out: out/{unit}/{period}.xlsx; json). \
        Đường dẫn tương đối tính từ thư mục của tệp cấu hình. Mỗi bước ghi một dòng nhật ký có thời gian. \
        Mã thoát: 0 thành công, 1 lỗi (kể cả khi một lần chạy khác đang giữ khóa), 3 có dòng bị từ chối \
        (báo cáo vẫn được lập).
        """)

    @Option(help: "Tệp cấu hình (YAML hoặc JSON).") var config: String
    @Option(help: "Ngày chạy (yyyy-MM-dd) thay cho hôm nay, để tính previous-month…") var today: String?
    @Option(name: .customLong("lang"), help: "Ngôn ngữ thông báo: vi hoặc en.") var language: LanguageOption = .vi

    func validate() throws {
        if let today, parseISODate(today) == nil { throw ValidationError("Ngày không hợp lệ: \"\(today)\" (dạng yyyy-MM-dd).") }
    }

    func run() throws {
        let english = language == .en
        var log = RunLog(path: nil, english: english)
        try reportingErrors(english: english) {
            let (cfg, dir) = try RunConfiguration.load(path: config)
            func path(_ p: String) -> String { resolve(p, relativeTo: dir) }
            log = RunLog(path: cfg.log.map(path), english: english)
            let database = path(cfg.database ?? "motcua.sqlite")
            let lock = try RunLock(path: database + ".lock")
            defer { withExtendedLifetime(lock) {} }
            log.say("bắt đầu, cấu hình \(config), cơ sở dữ liệu \(database)", "start, configuration \(config), database \(database)")

            let mappingPath = cfg.mapping.map(path)
            let (mapping, resolvedMapping, mappingDir) = try MappingLoader.loadMapping(path: mappingPath)
            let library = try TemplateLibrary(directories: [])
            let calendar = try MappingLoader.loadCalendar(mapping: mapping, mappingPath: mappingPath, relativeTo: mappingDir,
                                                          extraFiles: (cfg.calendars ?? []).map(path), library: library)

            let store = try DossierStore(path: database)
            var importer = Importer(store: store, english: english, mapping: resolvedMapping, calendar: calendar)
            importer.rejectsPath = database + ".rejects.csv"
            importer.emit = { text, isError in log.say(text, text, isError: isError) }
            var rejected = try importer.run(units: cfg.units.map(path), procedures: cfg.procedures.map(path),
                                            dossierFiles: [], evaluations: cfg.evaluations.map(path)).rejectedRows

            let inbox = path(cfg.inbox), archive = path(cfg.archive)
            for file in try inboxFiles(inbox) {
                let sha = try Importer.sha256(ofFileAt: file)
                if try store.hasImported(sha256: sha) {
                    log.say("\(file): đã nhập trước đó (SHA-256 \(sha.prefix(12))…), chỉ chuyển vào lưu trữ",
                            "\(file): imported before (SHA-256 \(sha.prefix(12))…), only archived")
                } else {
                    importer.knownSHA256[file] = sha
                    rejected += try importer.run(units: nil, procedures: nil, dossierFiles: [file]).rejectedRows
                }
                let moved = try moveToArchive(file, archive: archive)
                log.say("\(file) → \(moved)", "\(file) → \(moved)")
            }

            let day = today.flatMap(parseISODate) ?? MotCuaCLI.today()
            let rubric = try library.rubric(cfg.rubric.map(path))
            let evaluations = try store.evaluations()
            for spec in cfg.reports {
                let period = RunConfiguration.period(spec.period, today: day)!
                let report = try ReportInputs.aggregate(store: store, period: period, calendar: calendar, unit: spec.unit,
                                                        rubric: rubric, evaluations: evaluations)
                let heading = ReportHeading(issuer: cfg.heading?.issuer, parentIssuer: cfg.heading?.parentIssuer,
                                            place: cfg.heading?.place, date: day,
                                            signerTitle: cfg.heading?.signerTitle ?? [], signerName: cfg.heading?.signerName)
                let context = heading.context(for: report)
                let fill = { (pattern: String) in
                    path(pattern.replacingOccurrences(of: "{unit}", with: spec.unit ?? "tat-ca")
                        .replacingOccurrences(of: "{period}", with: period.label))
                }
                let loaded = try library.report(spec.template ?? "bao-cao")
                let out = fill(spec.out)
                try WorkbookWriter.write(template: loaded.template, templateFile: loaded.file, context: context, to: out)
                log.say("báo cáo \(period.label)\(spec.unit.map { " (\($0))" } ?? ""): \(out), \(formatCount(report.dossiersUsed)) hồ sơ",
                        "report \(period.label)\(spec.unit.map { " (\($0))" } ?? ""): \(out), \(report.dossiersUsed) dossiers")
                if report.dossiersUsed == 0 {
                    log.say("cảnh báo: kỳ \(period.label) không có hồ sơ nào", "warning: no dossiers in \(period.label)", isError: true)
                }
                if let json = spec.json {
                    let file = fill(json)
                    try WorkbookWriter.writeAtomically(try ReportJSON.encode(report), to: file)
                    log.say("JSON: \(file)", "JSON: \(file)")
                }
            }
            log.say("xong\(rejected > 0 ? ", có \(rejected) dòng bị từ chối" : "")", "done\(rejected > 0 ? ", \(rejected) rows rejected" : "")")
            if rejected > 0 { throw ExitCode(ExitStatus.rejectedRows) }
        }
    }

    /// Export files waiting in the inbox, oldest name first (exports are usually named by date).
    private func inboxFiles(_ inbox: String) throws -> [String] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: inbox, isDirectory: &isDir), isDir.boolValue else {
            throw CLIError(vi: "\(inbox): không có thư mục hộp thư đến (inbox).", en: "\(inbox): the inbox folder does not exist.")
        }
        return try FileManager.default.contentsOfDirectory(atPath: inbox)
            .filter(DossierFileKind.importable)
            .sorted().map { (inbox as NSString).appendingPathComponent($0) }
    }

    /// Moves an imported file to the archive; a name already there gets the time appended.
    private func moveToArchive(_ file: String, archive: String) throws -> String {
        let fm = FileManager.default
        try fm.createDirectory(atPath: archive, withIntermediateDirectories: true)
        let name = (file as NSString).lastPathComponent
        var target = (archive as NSString).appendingPathComponent(name)
        if fm.fileExists(atPath: target) {
            let stamp = Int(Date().timeIntervalSince1970)
            target = (archive as NSString).appendingPathComponent("\((name as NSString).deletingPathExtension)-\(stamp).\((name as NSString).pathExtension)")
        }
        do { try fm.moveItem(atPath: file, toPath: target) } catch {
            throw CLIError(vi: "\(file): không chuyển được vào \(archive).", en: "\(file): cannot move it to \(archive).")
        }
        return target
    }
}

/// One timestamped line per step, on standard output and in the log file.
struct RunLog {
    let path: String?
    let english: Bool

    func say(_ vi: String, _ en: String, isError: Bool = false) {
        let now = LocalDateTime(secondsSinceEpoch: Int64(Date().timeIntervalSince1970) + 7 * 3600)
        let line = "\(now) \(isError ? "!" : " ") \(english ? en : vi)"
        if isError { printError(line) } else { printInfo(line) }
        guard let path else { return }
        if let handle = FileHandle(forWritingAtPath: path) ?? {
            _ = FileManager.default.createFile(atPath: path, contents: nil)  // a failure shows as no handle below
            return FileHandle(forWritingAtPath: path)
        }() {
            handle.seekToEndOfFile()
            handle.write(Data((line + "\n").utf8))
            try? handle.close()
        }
    }
}
