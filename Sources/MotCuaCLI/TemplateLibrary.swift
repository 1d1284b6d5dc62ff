import Foundation
import MotCuaCore
import MotCuaReport
import MotCuaResources

/// The report layouts, rubrics and calendar files motcua works with (mẫu báo
/// cáo, bộ chỉ số chấm điểm, lịch nghỉ): the files built into the binary,
/// added to or overridden by folders an IT officer controls.
///
/// A file is looked up by its path relative to `Templates/` (`phu-luc.yaml`,
/// `calendar/2025.csv`): the last overriding folder that has it wins, then the
/// built-in copy. Folders come from `$MOTCUA_TEMPLATES`, then `--templates`,
/// then the run configuration's `templates:` key. Nothing is looked up beside
/// the executable or in the current folder, so a copied binary behaves the
/// same wherever it is and whatever folder cron starts it in.
struct TemplateLibrary {
    /// Overriding folders, lowest priority first.
    let directories: [URL]

    /// A file of the library: its bytes and how messages name it.
    struct File {
        let relativePath: String
        let shownAs: String
        let data: Data
    }

    /// - throws: a ``Message`` when a folder does not exist or is not a folder.
    init(directories: [String], environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        var all: [(String, String)] = []
        if let env = environment["MOTCUA_TEMPLATES"], !env.isEmpty { all.append((env, "MOTCUA_TEMPLATES")) }
        all += directories.map { ($0, "--templates") }
        self.directories = try all.map { path, origin in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw Message("templates.no-folder", vi: "\(path) (\(origin)): không có thư mục mẫu báo cáo này.",
                               en: "\(path) (\(origin)): no such templates folder.")
            }
            return URL(fileURLWithPath: path).standardizedFileURL
        }
    }

    /// Only the built-in files (for tests and `templates export`).
    static let builtIn = TemplateLibrary(builtInOnly: ())
    private init(builtInOnly: ()) { directories = [] }

    static func builtInName(_ relativePath: String) -> String { "\(relativePath) (có sẵn/built-in)" }

    /// The file at `relativePath`, from the last folder that has it, else built in.
    func file(_ relativePath: String) -> File? {
        for dir in directories.reversed() {
            let url = dir.appendingPathComponent(relativePath)
            if let data = FileManager.default.contents(atPath: url.path) {
                return File(relativePath: relativePath, shownAs: url.path, data: data)
            }
        }
        return BuiltInFiles.data(relativePath).map {
            File(relativePath: relativePath, shownAs: Self.builtInName(relativePath), data: $0)
        }
    }

    /// Every relative path that some folder or the binary provides, sorted.
    func relativePaths() -> [String] {
        var paths = Set(BuiltInFiles.paths)
        for dir in directories {
            guard let walker = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: [.isRegularFileKey]) else { continue }
            for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                paths.insert(String(url.standardizedFileURL.path.dropFirst(dir.path.count + 1)))
            }
        }
        return paths.sorted()
    }

    /// Report template names (`bao-cao`, `phu-luc`…): the YAML files at the top.
    func templateNames() -> [String] {
        relativePaths().filter { $0.hasSuffix(".yaml") && !$0.contains("/") && !$0.hasPrefix("rubric-") }
            .map { String($0.dropLast(5)) }
    }

    /// A report template, by name in the library or by path to a `.yaml` file.
    /// A file's `include: NAME` lines look in its own folder first, then here.
    func report(_ nameOrPath: String) throws -> LoadedTemplate {
        func fromLibrary(_ name: String) throws -> (text: String, file: String)? {
            guard let file = file(name + ".yaml") else { return nil }
            return (try text(of: file), file.shownAs)
        }
        if Self.isPath(nameOrPath) {
            guard FileManager.default.isReadableFile(atPath: nameOrPath) else {
                throw Message("templates.not-found", vi: "\(nameOrPath): không tìm thấy tệp mẫu báo cáo.", en: "\(nameOrPath): template file not found.")
            }
            return LoadedTemplate(template: try ReportTemplate.load(path: nameOrPath, otherwise: fromLibrary), file: nameOrPath)
        }
        guard let file = file(nameOrPath + ".yaml") else {
            let available = templateNames().joined(separator: ", ")
            throw Message("templates.unknown", vi: "Không có mẫu báo cáo \"\(nameOrPath)\". Các mẫu có: \(available).",
                           en: "No template named \"\(nameOrPath)\". Available: \(available).")
        }
        let template = try ReportTemplate.parse(try text(of: file), file: file.shownAs, include: fromLibrary)
        return LoadedTemplate(template: template, file: file.shownAs)
    }

    /// The TT01 scoring rubric: a file given by path, else `rubric-tt01.yaml` here.
    func rubric(_ path: String?) throws -> Rubric {
        if let path { return try RubricFile.load(path: path) }
        guard let file = file("rubric-tt01.yaml") else {
            throw Message("templates.no-rubric", vi: "Không có bộ chỉ số rubric-tt01.yaml.", en: "No rubric-tt01.yaml.")
        }
        return try RubricFile.parse(try text(of: file), file: file.shownAs)
    }

    /// The calendar files (`calendar/*.csv`) in name order, each from where it wins.
    func calendarFiles() -> [File] {
        relativePaths().filter { $0.hasPrefix("calendar/") && $0.hasSuffix(".csv") && !$0.dropFirst(9).contains("/") }
            .compactMap(file)
    }

    private func text(of file: File) throws -> String {
        guard let text = String(data: file.data, encoding: .utf8) else {
            throw Message("templates.not-utf8", vi: "\(file.shownAs): tệp không phải UTF-8.", en: "\(file.shownAs): the file is not UTF-8.")
        }
        return text
    }

    /// `phu-luc` is a name; `my.yaml`, `./phu-luc` and `dir/x` are paths.
    static func isPath(_ nameOrPath: String) -> Bool {
        nameOrPath.hasSuffix(".yaml") || nameOrPath.hasSuffix(".yml") || nameOrPath.contains("/")
    }
}

/// A report template and how messages name it (a path, or a built-in file).
struct LoadedTemplate {
    let template: ReportTemplate
    let file: String
}
