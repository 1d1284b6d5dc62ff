import ArgumentParser
import Foundation
import MotCuaCore
import MotCuaIngest
import MotCuaReport
import Yams

/// How exports are read: a mapping file for other systems, calendar files,
/// and explicit encoding/delimiter when detection cannot decide.
struct InputOptions: ParsableArguments {
    @Option(help: "Tệp ánh xạ (YAML/JSON) cho hệ thống một cửa khác: tên cột, từ trạng thái/kênh/mức độ, định dạng ngày, mã hóa.")
    var mapping: String?
    @Option(name: .customLong("calendar"), help: "Tệp lịch (date,kind,note) bổ sung/ghi đè ngày nghỉ; dùng được nhiều lần.")
    var calendars: [String] = []
    @OptionGroup var templateOptions: TemplateOptions
    @Option(help: "Mã hóa tệp khi không tự nhận ra: utf-8, utf-16le, utf-16be.") var encoding: TextEncoding?
    @Option(help: "Dấu phân cách cột khi không tự nhận ra: comma, semicolon, tab.") var delimiter: Delimiter?

    func loadMapping() throws -> (mapping: ImportMapping, resolved: ResolvedMapping, directory: URL?) {
        try MappingLoader.loadMapping(path: mapping, encoding: encoding, delimiter: delimiter?.byte)
    }

    func library() throws -> TemplateLibrary { try templateOptions.library() }

    func loadCalendar(mapping: ImportMapping, relativeTo directory: URL?, library: TemplateLibrary) throws -> WorkCalendar {
        try MappingLoader.loadCalendar(mapping: mapping, mappingPath: self.mapping, relativeTo: directory,
                                       extraFiles: calendars, library: library)
    }
}

/// Reads mapping files and builds the working calendar, for the commands'
/// options and for `motcua run`'s configuration alike.
enum MappingLoader {
    /// The mapping file, checked; paths in it are relative to the file.
    static func loadMapping(path mapping: String?, encoding: TextEncoding? = nil,
                            delimiter: UInt8? = nil) throws -> (mapping: ImportMapping, resolved: ResolvedMapping, directory: URL?) {
        var raw = ImportMapping()
        var directory: URL? = nil
        if let mapping {
            guard let text = try? String(contentsOfFile: mapping, encoding: .utf8) else {
                throw Message("mapping.unreadable", vi: "\(mapping): không đọc được tệp ánh xạ.", en: "\(mapping): cannot read the mapping file.")
            }
            do {
                raw = try YAMLDecoder().decode(ImportMapping.self, from: text)
            } catch {
                let (vi, en) = (error as? DecodingError).map(DecodingProblem.describe) ?? ("\(error)", "\(error)")
                throw Message("mapping.invalid", vi: "\(mapping): tệp ánh xạ không hợp lệ: \(vi)", en: "\(mapping): invalid mapping file: \(en)")
            }
            directory = URL(fileURLWithPath: mapping).deletingLastPathComponent()
        }
        var resolved = try raw.validated(file: mapping ?? "")
        if let encoding { resolved.encoding = encoding }
        if let delimiter { resolved.delimiter = delimiter }
        return (raw, resolved, directory)
    }

    /// The working calendar: built-in rules, shipped files, the mapping's
    /// calendars, then `extraFiles` (later ones win).
    static func loadCalendar(mapping: ImportMapping, mappingPath: String?, relativeTo directory: URL?,
                             extraFiles: [String], library: TemplateLibrary) throws -> WorkCalendar {
        var hours = WorkingHours.standard
        if let text = mapping.workingHours {
            do { hours = try WorkingHours(parsing: text) } catch {
                throw Message("mapping.bad-working-hours", vi: "\(mappingPath ?? ""): working_hours \"\(text)\" không hợp lệ (ví dụ 07:30-11:30,13:30-17:00).",
                               en: "\(mappingPath ?? ""): invalid working_hours \"\(text)\" (e.g. 07:30-11:30,13:30-17:00).")
            }
        }
        let fromMapping = (mapping.calendars ?? []).map { resolve($0, relativeTo: directory) }
        return try CalendarLoader.load(userFiles: fromMapping + extraFiles, workingHours: hours, library: library)
    }
}

/// A path from a configuration file, relative to that file's folder.
func resolve(_ path: String, relativeTo directory: URL?) -> String {
    guard let directory, !path.hasPrefix("/") else { return path }
    return directory.appendingPathComponent(path).standardized.path
}
