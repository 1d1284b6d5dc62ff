import ArgumentParser
import Foundation
import MotCuaCore
import MotCuaReport

/// `motcua templates list|export`: the report layouts, rubric and calendar
/// files built into the binary, and where each one in use comes from.
struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "Các mẫu báo cáo, bộ chỉ số và tệp lịch có sẵn trong chương trình.",
        discussion: """
        Chương trình mang sẵn mọi mẫu báo cáo, bộ chỉ số chấm điểm và tệp lịch. Để sửa: \
        motcua templates export THƯ-MỤC, sửa tệp trong đó, rồi dùng --templates THƯ-MỤC \
        (hoặc biến MOTCUA_TEMPLATES, hoặc khóa templates: trong tệp cấu hình của motcua run). \
        Tệp trong thư mục đó ghi đè tệp có sẵn cùng tên; tệp mới được thêm vào.
        """,
        subcommands: [List.self, Export.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Liệt kê các tệp mẫu và nơi lấy từng tệp (có sẵn hay thư mục ghi đè).")
        @OptionGroup var templateOptions: TemplateOptions
        @Option(name: .customLong("lang"), help: LanguageOption.help) var language: LanguageOption?

        func run() throws {
            try reportingErrors {
                let library = try templateOptions.library()
                for path in library.relativePaths() {
                    guard let file = library.file(path) else { continue }
                    printInfo(file.shownAs == TemplateLibrary.builtInName(path) ? "\(path)" : "\(path)  ← \(file.shownAs)")
                }
            }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Ghi các tệp mẫu có sẵn ra một thư mục để sửa.",
            discussion: "Không ghi đè tệp đã có, trừ khi có --force.")
        @Argument(help: "Thư mục đích (tạo mới nếu chưa có).") var directory: String
        @Flag(help: "Ghi đè các tệp đã có trong thư mục đích.") var force = false
        @Option(name: .customLong("lang"), help: LanguageOption.help) var language: LanguageOption?

        func run() throws {
            try reportingErrors {
                let library = TemplateLibrary.builtIn
                let root = URL(fileURLWithPath: directory)
                let files = library.relativePaths().compactMap(library.file)
                // Every existing file is named before anything is written: an
                // export either writes all files or none.
                let existing = files.map { root.appendingPathComponent($0.relativePath).path }
                    .filter { FileManager.default.fileExists(atPath: $0) }
                if !existing.isEmpty && !force {
                    throw Message("templates.export-exists", vi: "\(existing.count) tệp đã có trong \(directory) (ví dụ \(existing[0])); không ghi đè. Thêm --force để ghi đè.",
                                   en: "\(existing.count) files already exist in \(directory) (e.g. \(existing[0])); nothing written. Add --force to overwrite.")
                }
                for file in files {
                    let url = root.appendingPathComponent(file.relativePath)
                    do {
                        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                        try file.data.write(to: url, options: .atomic)
                    } catch {
                        throw Message.fileSystem(error, code: "templates.export-failed", path: url.path,
                                                 vi: "không ghi được", en: "cannot write it")
                    }
                }
                printInfo(localized("Đã ghi \(formatCount(files.count)) tệp vào \(directory).", "Wrote \(formatCount(files.count)) files to \(directory)."))
            }
        }
    }
}
