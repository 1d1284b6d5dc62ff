import Foundation

/// Finds the `Templates/` folder (report layouts, rubrics, calendar files)
/// that ships with motcua.
///
/// Looked up, in order: `$MOTCUA_TEMPLATES`; `../share/motcua/Templates`
/// beside the executable (an installed copy); any `Templates/` folder in the
/// executable's ancestors (running from a checkout's `.build/`); the current
/// folder's `Templates/`.
enum TemplateLocator {
    static func templatesDirectory() -> URL? {
        let fm = FileManager.default
        var candidates: [URL] = []
        if let env = ProcessInfo.processInfo.environment["MOTCUA_TEMPLATES"], !env.isEmpty {
            candidates.append(URL(fileURLWithPath: env))
        }
        let exe = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var dir = exe.deletingLastPathComponent()
        candidates.append(dir.appendingPathComponent("../share/motcua/Templates").standardized)
        for _ in 0..<6 {
            candidates.append(dir.appendingPathComponent("Templates"))
            dir = dir.deletingLastPathComponent()
        }
        candidates.append(URL(fileURLWithPath: fm.currentDirectoryPath).appendingPathComponent("Templates"))
        var isDir: ObjCBool = false
        return candidates.first { fm.fileExists(atPath: $0.path, isDirectory: &isDir) && isDir.boolValue }
    }

    /// A file inside `Templates/`, or `nil` when the folder is not found.
    static func file(_ relativePath: String) -> URL? {
        templatesDirectory()?.appendingPathComponent(relativePath)
    }
}
