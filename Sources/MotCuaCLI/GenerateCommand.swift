import ArgumentParser
import Foundation
import MotCuaCore
import MotCuaGenerator
import MotCuaReport

/// `motcua generate`: deterministic synthetic exports of any size (units,
/// procedures, dossiers) for benchmarks and tests.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Sinh dữ liệu giả lập (đơn vị, danh mục TTHC, hồ sơ) với số lượng tùy ý.",
        discussion: """
        Ghi units.csv, procedures.csv và dossiers.csv của một tỉnh giả lập (tỉnh → huyện → xã, \
        hoặc tỉnh → xã với --two-level) vào thư mục --out. Cùng tham số thì cho cùng từng byte; \
        cùng --seed và --dossiers thì mọi --style cho cùng một bộ hồ sơ, chỉ khác cách mã hóa.
        Ví dụ: motcua generate --out /tmp/lai-chau --dossiers 1000000 --from 2024-01-01 --to 2024-12-31 --style vietnamese
        """)

    @Option(help: "Thư mục ghi các tệp (tạo nếu chưa có).") var out: String
    @Option(help: "Số hồ sơ cần sinh.") var dossiers: Int = 10_000
    @Option(help: "Ngày tiếp nhận đầu tiên (yyyy-MM-dd).") var from: String = "2024-01-01"
    @Option(help: "Ngày tiếp nhận cuối cùng (yyyy-MM-dd); thời điểm kết xuất là 17:30 ngày làm việc thứ ba sau đó.")
    var to: String = "2024-12-31"
    @Option(help: "Kiểu tệp: canonical (tên cột chuẩn, dấu phẩy, UTF-8), vietnamese (tên cột tiếng Việt, chấm phẩy, UTF-8 có BOM, CRLF, NFD) hoặc utf16 (UTF-16 LE, tab, như \"Unicode text\" của Excel).")
    var style: GenerateStyle = .canonical
    @Option(help: "Dạng tệp hồ sơ: csv, hoặc xlsx (như \"Xuất Excel\": hai dòng tiêu đề trên dòng tên cột, ngày là số ngày của Excel; dossiers.xlsx thay cho dossiers.csv).")
    var format: GenerateFormat = .csv
    @Option(help: "Hạt giống của bộ sinh số ngẫu nhiên.") var seed: UInt64 = 2024
    @Flag(name: .customLong("two-level"), help: "Mô hình chính quyền hai cấp (2025): tỉnh → xã, không có cấp huyện.")
    var twoLevel = false
    @Option(help: "Với --two-level: tổng số đơn vị của tỉnh (mặc định 50: tỉnh, trung tâm, các sở và 38 xã, phường); số xã tăng giảm theo.")
    var units: Int?
    @Option(name: .customLong("calendar"), help: "Tệp lịch CSV bổ sung (date,kind,note); lặp lại được.")
    var calendars: [String] = []
    @OptionGroup var templateOptions: TemplateOptions
    @Option(name: .customLong("lang"), help: LanguageOption.help) var language: LanguageOption?

    func validate() throws {
        guard dossiers >= 0 else { throw usageError("--dossiers phải là số không âm.", "--dossiers must not be negative.") }
        for d in [from, to] where parseISODate(d) == nil { throw invalidDate(d) }
        if let a = parseISODate(from), let b = parseISODate(to), b < a {
            throw usageError("--to phải không trước --from.", "--to must not be before --from.")
        }
    }

    func run() throws {
        try reportingErrors {
            // The calendar the other commands use (shipped files + --calendar),
            // so that generated due dates agree with --recompute-due.
            let calendar = try CalendarLoader.load(userFiles: calendars, library: try templateOptions.library())
            let options = SyntheticExport.Options(
                dossiers: dossiers, from: parseISODate(from)!, to: parseISODate(to)!,
                style: style.exportStyle, seed: seed, twoLevel: twoLevel, units: units)
            let started = Date()
            let summary = try SyntheticExport.write(options, to: out, calendar: calendar)
            var files = summary.files
            if format == .xlsx {
                let csv = summary.dossiers.path
                let xlsx = (csv as NSString).deletingPathExtension + ".xlsx"
                let part = xlsx + ".part"
                do {
                    // Constant memory (inline strings) for big sheets: libxlsxwriter otherwise
                    // holds every cell; smaller ones get shared strings, as Excel writes them.
                    let rows = try DossierWorkbookExport.write(
                        csv: csv, to: part, title: "DANH SÁCH HỒ SƠ TIẾP NHẬN VÀ GIẢI QUYẾT",
                        subtitle: "Từ ngày \(parseISODate(from)!.vietnameseDescription) đến ngày \(parseISODate(to)!.vietnameseDescription)",
                        constantMemory: dossiers > 200_000)
                    _ = try? FileManager.default.removeItem(atPath: xlsx)
                    try FileManager.default.moveItem(atPath: part, toPath: xlsx)
                    try FileManager.default.removeItem(atPath: csv)
                    let size = (try? FileManager.default.attributesOfItem(atPath: xlsx))?[.size] as? Int
                    files[files.count - 1] = SyntheticExport.WrittenFile(path: xlsx, rows: rows, bytes: Int64(size ?? 0))
                } catch {
                    _ = try? FileManager.default.removeItem(atPath: part)
                    if error is UserMessage { throw error }
                    throw Message.fileSystem(error, code: "generate.xlsx-failed", path: xlsx,
                                             vi: "không ghi được tệp", en: "cannot write the file")
                }
            }
            let seconds = Date().timeIntervalSince(started)
            for f in files {
                printInfo(localized("Đã ghi \(f.path): \(formatCount(f.rows)) dòng, \(formatSize(bytes: f.bytes)).",
                                    "Wrote \(f.path): \(formatCount(f.rows)) rows, \(formatSize(bytes: f.bytes))."))
            }
            printInfo(localized(
                "Kiểu \(style.rawValue), hạt giống \(seed), thời điểm kết xuất \(summary.exportedAt.vietnameseDescription); \(formatSeconds(seconds)).",
                "Style \(style.rawValue), seed \(seed), export taken \(summary.exportedAt); \(formatSeconds(seconds))."))
        }
    }
}

/// `--format` values.
enum GenerateFormat: String, ExpressibleByArgument, CaseIterable { case csv, xlsx }

/// `--style` values (listed in the help).
enum GenerateStyle: String, ExpressibleByArgument, CaseIterable {
    case canonical, vietnamese, utf16

    var exportStyle: ExportStyle { ExportStyle(rawValue: rawValue)! }
}
