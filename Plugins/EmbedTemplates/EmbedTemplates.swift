import Foundation
import PackagePlugin

/// Compiles `Templates/` (report layouts, rubrics, calendar files), `VERSION`
/// and the commit being built into the `MotCuaResources` module, so that one
/// copy of the binary, alone in an empty folder, has everything it needs.
///
/// SwiftPM's own resources would not do: on Linux they are a folder beside the
/// binary, which is exactly what gets lost when an officer copies the binary to
/// `/usr/local/bin`.
@main
struct EmbedTemplates: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let templates = root.appending(path: "Templates")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFiles.swift")
        // Every input is declared, so the file is made again when a template,
        // VERSION or the checked-out commit changes, and only then.
        let inputs = Self.files(under: templates) + [root.appending(path: "VERSION")] + Self.gitFiles(root)
        return [.buildCommand(
            displayName: "Embedding Templates/, VERSION and the commit",
            executable: try context.tool(named: "motcua-embed").url,
            arguments: [root.path, output.path],
            inputFiles: inputs.filter { FileManager.default.fileExists(atPath: $0.path) },
            outputFiles: [output])]
    }

    static func files(under dir: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        return walker.compactMap { $0 as? URL }
            .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
            .sorted { $0.path < $1.path }
    }

    /// `.git/HEAD` and the ref it names (or `packed-refs`): they change when a
    /// commit is made or checked out. A worktree's `.git` is a file naming its folder.
    static func gitFiles(_ root: URL) -> [URL] {
        var gitDir = root.appending(path: ".git")
        if let text = try? String(contentsOf: gitDir, encoding: .utf8), text.hasPrefix("gitdir:") {
            gitDir = URL(fileURLWithPath: text.dropFirst(7).trimmingCharacters(in: .whitespacesAndNewlines),
                         relativeTo: root).standardizedFileURL
        }
        var common = gitDir
        if let text = try? String(contentsOf: gitDir.appending(path: "commondir"), encoding: .utf8) {
            common = URL(fileURLWithPath: text.trimmingCharacters(in: .whitespacesAndNewlines), relativeTo: gitDir)
                .standardizedFileURL
        }
        var files = [gitDir.appending(path: "HEAD"), common.appending(path: "packed-refs")]
        if let head = try? String(contentsOf: gitDir.appending(path: "HEAD"), encoding: .utf8), head.hasPrefix("ref: ") {
            files.append(common.appending(path: head.dropFirst(5).trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        return files
    }
}
