import Foundation

/// The files of `Templates/` as they were when this binary was built
/// (mẫu báo cáo, bộ chỉ số chấm điểm, lịch nghỉ có sẵn): compiled in by the
/// EmbedTemplates build plugin, so the binary needs no folder beside it.
package enum BuiltInFiles {
    /// Paths relative to `Templates/`, sorted: `phu-luc.yaml`, `calendar/2025.csv`…
    package static var paths: [String] { EmbeddedFiles.files.map(\.path) }

    /// The bytes of one built-in file, or `nil` when there is none by that path.
    package static func data(_ path: String) -> Data? {
        EmbeddedFiles.files.first { $0.path == path }.flatMap { Data(base64Encoded: $0.base64) }
    }
}

/// What was built: `motcua --version` prints it.
package enum BuildInfo {
    /// From the `VERSION` file at the top of the checkout.
    package static var version: String { EmbeddedFiles.version }
    /// The short git commit, or "unknown" when built from a tree without git.
    package static var commit: String { EmbeddedFiles.commit }
    /// yyyy-MM-dd (UTC) of the build; `SOURCE_DATE_EPOCH` fixes it.
    package static var date: String { EmbeddedFiles.buildDate }

    package static var versionLine: String { "motcua \(version) (commit \(commit), built \(date))" }
}
