import Foundation
import MotCuaCore
import MotCuaIngest
import MotCuaReport

/// Everything a run will do, with its paths resolved and checked before
/// anything is imported: a mistake in the configuration must stop the run
/// with the database, the inbox and the archive untouched, not halfway.
struct RunPlan {
    /// The configuration file's absolute path; relative paths in it are
    /// relative to its folder, whatever the current folder.
    let configurationFile: String
    let database: String
    let inbox: String
    let archive: String
    let units: String?
    let procedures: String?
    let evaluations: String?
    let mapping: ResolvedMapping
    let calendar: WorkCalendar
    let rubric: Rubric
    let heading: ReportHeading
    let reports: [Report]

    struct Report {
        let period: ReportPeriod
        let unit: String?
        /// Which unit reception figures count for (docs/rules.md#receiving-unit).
        let attribution: Attribution
        let template: ReportTemplate
        let templateFile: String
        let out: String
        let json: String?
        /// The summary text file, and the paragraphs and template file it is written from.
        let summary: (path: String, paragraphs: [SummaryParagraph], file: String)?
        /// "2020-10 (TU)", for the log.
        var name: String { period.label + (unit.map { " (\($0))" } ?? "") }
    }

    /// Resolves and checks the configuration; reads nothing it would change.
    /// - throws: ``RunConfigurationError`` listing every problem found.
    init(configuration config: RunConfiguration, file: String, today: CivilDate) throws {
        var check = Preflight(file: file)
        let folder = URL(fileURLWithPath: (file as NSString).deletingLastPathComponent)
        func path(_ p: String) -> String { resolve(p, relativeTo: folder) }
        configurationFile = file
        database = path(config.database ?? "motcua.sqlite")
        inbox = path(config.inbox)
        archive = path(config.archive)
        units = config.units.map(path)
        procedures = config.procedures.map(path)
        evaluations = config.evaluations.map(path)

        check.folderCanBeCreated((database as NSString).deletingLastPathComponent, key: "database")
        check.readableFolder(inbox, key: "inbox")
        check.folderCanBeCreated(archive, key: "archive")
        if let log = config.log.map(path) { check.folderCanBeCreated((log as NSString).deletingLastPathComponent, key: "log") }
        for (key, file) in [("units", units), ("procedures", procedures), ("evaluations", evaluations)] {
            if let file { check.readableFile(file, key: key) }
        }
        let calendars = config.calendars.map(path)
        let mappingFile = config.mapping.map(path)
        let templatesFolder = config.templates.map(path)
        let rubricFile = config.rubric.map(path)
        // A file that is not there is one problem, not also a failure to load it.
        let calendarsReadable = calendars.map { check.readableFile($0, key: "calendars") }.allSatisfy { $0 }
        let mappingReadable = mappingFile.map { check.readableFile($0, key: "mapping") } ?? true
        let templatesReadable = templatesFolder.map { check.readableFolder($0, key: "templates") } ?? true
        let rubricReadable = rubricFile.map { check.readableFile($0, key: "rubric") } ?? true

        // Built-in templates, overridden by $MOTCUA_TEMPLATES, then by the configuration's folder.
        let library = templatesReadable ? check.attempt { try TemplateLibrary(directories: templatesFolder.map { [$0] } ?? []) } : nil
        let loadedMapping = mappingReadable ? check.attempt { try MappingLoader.loadMapping(path: mappingFile) } : nil
        var loadedCalendar: WorkCalendar?, loadedRubric: Rubric?
        if let library, let loadedMapping, calendarsReadable {
            loadedCalendar = check.attempt {
                try MappingLoader.loadCalendar(mapping: loadedMapping.mapping, mappingPath: mappingFile,
                                               relativeTo: loadedMapping.directory, extraFiles: calendars, library: library)
            }
        }
        if let library, rubricReadable { loadedRubric = check.attempt { try library.rubric(rubricFile) } }

        let knownUnits = check.knownUnits(unitsFile: units, database: database)
        var reports: [Report] = []
        for spec in config.reports {
            let period = RunConfiguration.period(spec.period, today: today,
                                                 cutoffDay: spec.cutoffDay ?? config.cutoffDay)!  // checked by the reader
            let at = "dòng \(spec.line): báo cáo \(period.label)", atEN = "line \(spec.line): report \(period.label)"
            if let unit = spec.unit, let knownUnits, !knownUnits.contains(unit) {
                check.problem("\(at): không có đơn vị mã \"\(unit)\" trong tệp đơn vị\(units == nil ? "" : " \(units!)") hay trong cơ sở dữ liệu.",
                              "\(atEN): no unit with code \"\(unit)\" in the units file\(units == nil ? "" : " \(units!)") or in the database.")
            }
            // A unit code is not trusted: OutputPattern keeps the filled path inside the pattern's folder.
            func fill(_ pattern: String) -> String? {
                check.attempt { try OutputPattern.fill(pattern, unit: spec.unit ?? "tat-ca", period: period.label, relativeTo: folder) }
            }
            guard let out = fill(spec.out) else { continue }
            let json = spec.json.flatMap(fill)
            if spec.json != nil && json == nil { continue }
            let summaryPath = spec.summary.flatMap(fill)
            if spec.summary != nil && summaryPath == nil { continue }
            for file in [out] + (json.map { [$0] } ?? []) + (summaryPath.map { [$0] } ?? []) {
                check.folderCanBeCreated((file as NSString).deletingLastPathComponent, key: "out")
            }
            // A template given as a path is relative to the configuration file, like every path in it.
            let template = spec.template.map { TemplateLibrary.isPath($0) ? path($0) : $0 } ?? "bao-cao"
            if let library, let loaded = check.attempt({ try library.report(template) }) {
                // The template's own summary sheet, else the built-in tom-tat (docs/rules.md#summary).
                let wording = summaryPath == nil || loaded.template.summaryParagraphs != nil ? loaded
                    : check.attempt { try library.report("tom-tat") }
                reports.append(Report(period: period, unit: spec.unit, attribution: spec.attribute ?? config.attribute ?? .handling,
                                      template: loaded.template, templateFile: loaded.file, out: out, json: json,
                                      summary: summaryPath.flatMap { path in
                                          wording.map { (path, $0.template.summaryParagraphs ?? [], $0.file) }
                                      }))
            }
        }
        guard check.problems.isEmpty, let loadedMapping, let loadedCalendar, let loadedRubric else {
            throw RunConfigurationError(problems: check.problems)
        }
        self.reports = reports
        mapping = loadedMapping.resolved
        calendar = loadedCalendar
        rubric = loadedRubric
        let h = config.heading
        heading = ReportHeading(issuer: h.issuer, parentIssuer: h.parentIssuer, place: h.place, date: today,
                                signerTitle: h.signerTitle, signerName: h.signerName)
    }
}

/// Collects the problems of a configuration instead of stopping at the first.
private struct Preflight {
    let file: String
    var problems: [Message] = []

    mutating func problem(_ vi: String, _ en: String) {
        problems.append(Message("config.invalid", file: file, vi: vi, en: en))
    }

    /// Runs a loading step; its error becomes a problem.
    mutating func attempt<T>(_ body: () throws -> T) -> T? {
        do { return try body() } catch {
            problems.append(userMessage(error))
            return nil
        }
    }

    /// - returns: whether the file can be read (else the problem is recorded).
    @discardableResult
    mutating func readableFile(_ path: String, key: String) -> Bool {
        var isDir: ObjCBool = false
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isDir) {
            problem("\(key): không có tệp \(path).", "\(key): no file \(path).")
        } else if isDir.boolValue {
            problem("\(key): \(path) là thư mục, không phải tệp.", "\(key): \(path) is a folder, not a file.")
        } else if FileHandle(forReadingAtPath: path) == nil {
            problem("\(key): không có quyền đọc tệp \(path).", "\(key): no permission to read \(path).")
        } else {
            return true
        }
        return false
    }

    /// - returns: whether the folder can be listed (else the problem is recorded).
    @discardableResult
    mutating func readableFolder(_ path: String, key: String) -> Bool {
        var isDir: ObjCBool = false
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isDir) {
            problem("\(key): không có thư mục \(path).", "\(key): no folder \(path).")
        } else if !isDir.boolValue {
            problem("\(key): \(path) không phải là thư mục.", "\(key): \(path) is not a folder.")
        } else if (try? FileManager.default.contentsOfDirectory(atPath: path)) == nil {
            problem("\(key): không có quyền đọc thư mục \(path).", "\(key): no permission to read the folder \(path).")
        } else {
            return true
        }
        return false
    }

    /// The folder exists, or its nearest existing ancestor is a folder this
    /// run may write in (so that creating it will work).
    mutating func folderCanBeCreated(_ path: String, key: String) {
        let fm = FileManager.default
        var existing = path
        while !existing.isEmpty, existing != "/", !fm.fileExists(atPath: existing) {
            existing = (existing as NSString).deletingLastPathComponent
        }
        var isDir: ObjCBool = false
        if existing.isEmpty { existing = "/" }
        _ = fm.fileExists(atPath: existing, isDirectory: &isDir)
        if !isDir.boolValue {
            problem("\(key): không tạo được thư mục \(path): \(existing) là một tệp, không phải thư mục.",
                    "\(key): cannot create the folder \(path): \(existing) is a file, not a folder.")
        } else if !fm.isWritableFile(atPath: existing) {
            problem("\(key): không tạo được thư mục \(path): không có quyền ghi vào \(existing).",
                    "\(key): cannot create the folder \(path): no permission to write in \(existing).")
        }
    }

    /// Unit codes a report may name: the units file's and the database's.
    /// `nil` when neither could be read (their own problem is reported).
    mutating func knownUnits(unitsFile: String?, database: String) -> Set<String>? {
        var codes: Set<String> = []
        if let unitsFile, FileManager.default.isReadableFile(atPath: unitsFile) {
            guard let units = attempt({ try UnitsFile.read(path: unitsFile).units }) else { return nil }
            codes.formUnion(units.map(\.code))
        }
        if DossierDatabase.hasSchema(database) {
            guard let units = attempt({ try DossierDatabase.openExisting(database).units() }) else { return nil }
            codes.formUnion(units.map(\.code))
        }
        return codes
    }
}
