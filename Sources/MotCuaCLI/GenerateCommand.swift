import ArgumentParser
import Foundation
import MotCuaCore
import MotCuaGenerator

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
    @Option(name: .customLong("calendar"), help: "Tệp lịch CSV bổ sung (date,kind,note); lặp lại được.")
    var calendars: [String] = []
    @OptionGroup var templateOptions: TemplateOptions
    @Option(name: .customLong("lang"), help: "Ngôn ngữ thông báo: vi hoặc en.") var language: LanguageOption = .vi

    func validate() throws {
        guard dossiers >= 0 else { throw ValidationError("--dossiers phải là số không âm.") }
        for d in [from, to] where parseISODate(d) == nil {
            throw ValidationError("Ngày không hợp lệ: \"\(d)\" (dạng yyyy-MM-dd).")
        }
        if let a = parseISODate(from), let b = parseISODate(to), b < a {
            throw ValidationError("--to phải không trước --from.")
        }
    }

    func run() throws {
        let english = language == .en
        try reportingErrors(english: english) {
            // The calendar the other commands use (shipped files + --calendar),
            // so that generated due dates agree with --recompute-due.
            let calendar = try CalendarLoader.load(userFiles: calendars, library: try templateOptions.library())
            let options = SyntheticExport.Options(
                dossiers: dossiers, from: parseISODate(from)!, to: parseISODate(to)!,
                style: style.exportStyle, seed: seed, twoLevel: twoLevel)
            let started = Date()
            let summary: SyntheticExport.Summary
            do {
                summary = try SyntheticExport.write(options, to: out, calendar: calendar)
            } catch let e as GeneratorError {
                throw CLIError(vi: e.vi, en: e.en)
            }
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
                    throw CLIError(vi: "Không ghi được \(xlsx): \(error)", en: "Cannot write \(xlsx): \(error)")
                }
            }
            let seconds = Date().timeIntervalSince(started)
            for f in files {
                let mb = String(format: "%.1f", Double(f.bytes) / 1_048_576)
                printInfo(english ? "Wrote \(f.path): \(formatCount(f.rows)) rows, \(mb) MB."
                                  : "Đã ghi \(f.path): \(formatCount(f.rows)) dòng, \(mb) MB.")
            }
            let time = String(format: "%.2f", seconds)
            printInfo(english
                ? "Style \(style.rawValue), seed \(seed), export taken \(summary.exportedAt); \(time) s."
                : "Kiểu \(style.rawValue), hạt giống \(seed), thời điểm kết xuất \(summary.exportedAt.vietnameseDescription); \(time) giây.")
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
