import Foundation
import MotCuaCore

/// An output path of the run configuration (`out: out/{unit}/{period}.xlsx`)
/// with its placeholders filled in.
///
/// A unit code comes from a units file or an export, so it is not trusted:
/// each substitution becomes one safe path component (no `/`, no `..`, no
/// control characters, no leading dot or dash), and the filled path must stay
/// inside the folder the pattern names before its first placeholder. A unit
/// code `../../etc` made `out/{unit}/…` write outside `out/`.
enum OutputPattern {
    /// - throws: a ``Message`` when the result would leave the pattern's folder.
    static func fill(_ pattern: String, unit: String, period: String, relativeTo directory: URL) throws -> String {
        let filled = pattern.replacingOccurrences(of: "{unit}", with: component(unit))
            .replacingOccurrences(of: "{period}", with: component(period))
        let path = resolve(filled, relativeTo: directory)
        let fixed = pattern.range(of: "{").map { String(pattern[..<$0.lowerBound]) } ?? pattern
        let folderPart = fixed.hasSuffix("/") ? fixed : (fixed as NSString).deletingLastPathComponent
        let folder = URL(fileURLWithPath: resolve(folderPart.isEmpty ? "." : folderPart, relativeTo: directory)).standardizedFileURL.path
        let standardized = URL(fileURLWithPath: path).standardizedFileURL.path
        guard standardized == folder || standardized.hasPrefix(folder == "/" ? "/" : folder + "/") else {
            throw Message("run.out-escapes-folder", vi: "\(pattern): đường dẫn sau khi điền ({unit} = \(unit)) ra ngoài thư mục \(folder); không ghi.",
                           en: "\(pattern): the filled path ({unit} = \(unit)) leaves the folder \(folder); not written.")
        }
        return standardized
    }

    /// One path component that names the same thing: unsafe characters become `_`.
    static func component(_ text: String) -> String {
        var out = String(text.unicodeScalars.map { s -> Character in
            switch s {
            case "/", "\\", ":", "*", "?", "\"", "<", ">", "|": return "_"
            default: return s.value < 0x20 || s.value == 0x7F ? "_" : Character(s)
            }
        })
        while out.hasPrefix(".") || out.hasPrefix("-") { out = "_" + out.dropFirst() }
        if out.isEmpty { out = "_" }
        return String(out.prefix(120))
    }
}
