import ArgumentParser
import Foundation
import MotCuaCore

/// `motcua calendar --year 2025 [--calendar FILE]... [--json]`: the days off,
/// make-up days and number of working days of a year, from the built-in
/// rules, the shipped `Templates/calendar/*.csv` files and the user's files.
struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "Ngày nghỉ, ngày làm bù và số ngày làm việc của một năm.",
        discussion: """
        Đọc các tệp lịch có sẵn trong chương trình (calendar/*.csv, xem motcua templates list; \
        --templates hoặc MOTCUA_TEMPLATES ghi đè), rồi các tệp --calendar theo thứ tự; \
        tệp sau ghi đè tệp trước cho cùng một ngày. Một năm có ít nhất một ngày "nghi" trong tệp lịch \
        lấy ngày nghỉ hoàn toàn từ tệp; các năm khác dùng quy tắc có sẵn (Bộ luật Lao động).
        """)

    @Option(help: "Năm (YYYY, 1900–2200).")
    var year: Int

    @Option(name: .customLong("calendar"), help: "Tệp lịch CSV date,kind,note (kind: nghi | lam-bu); lặp lại được.")
    var calendars: [String] = []

    @OptionGroup var templateOptions: TemplateOptions

    @Flag(help: "In JSON: {\"year\", \"days_off\", \"make_up_days\", \"working_days\"}.")
    var json = false

    @Option(name: .customLong("lang"), help: LanguageOption.help)
    var language: LanguageOption?

    func validate() throws {
        guard (WorkCalendar.firstTableYear...WorkCalendar.lastTableYear).contains(year) else {
            throw usageError("Năm \(year) nằm ngoài khoảng 1900–2200.", "The year \(year) is outside 1900–2200.")
        }
    }

    func run() throws {
        try reportingErrors {
            let calendar = try CalendarLoader.load(userFiles: calendars, library: try templateOptions.library())
            let schedule = calendar.schedule(for: year)
            let workingDays = calendar.workingDayCount(in: year)
            // docs/rules.md#working-days: one `nghi` day in a file replaces all built-in holidays of
            // its year. Warn when that looks like an accident.
            if schedule.source == .calendarFiles, schedule.daysOff.count < 8 {
                printError(Message("calendar.few-days-off",
                    vi: "năm \(year) lấy ngày nghỉ hoàn toàn từ tệp lịch (chỉ có \(schedule.daysOff.count) ngày); các ngày lễ có sẵn (1/1, Tết, …) không áp dụng cho năm này.",
                    en: "\(year) takes its days off from the calendar files alone (\(schedule.daysOff.count) listed); the built-in holidays (1/1, Tết, …) do not apply to it.",
                    severity: .warning).labelled())
            }
            printInfo(json ? Self.json(schedule, workingDays: workingDays) : Self.table(schedule, workingDays: workingDays))
        }
    }

    static func json(_ schedule: YearSchedule, workingDays: Int) -> String {
        func list(_ days: [NamedDay]) -> String {
            "[" + days.map { "{\"date\": \"\($0.date)\", \"name\": \(jsonString($0.name))}" }.joined(separator: ", ") + "]"
        }
        return "{\"year\": \(schedule.year), \"days_off\": \(list(schedule.daysOff)), "
            + "\"make_up_days\": \(list(schedule.makeUpDays)), \"working_days\": \(workingDays)}"
    }

    static func jsonString(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                        + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    static func weekdayName(_ isoWeekday: Int, _ language: Language) -> String {
        let vi = ["", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"]
        let en = ["", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        return language.pick(vi[isoWeekday], en[isoWeekday])
    }

    /// The year as a table, in `language`. The days' names are the
    /// calendar's own (Vietnamese, as the files write them); English dates
    /// are ISO (2025-09-02), Vietnamese ones dd/MM/yyyy.
    static func table(_ schedule: YearSchedule, workingDays: Int, _ l: Language = .current) -> String {
        var lines: [String] = []
        let source = schedule.source == .calendarFiles
            ? l.pick("tệp lịch", "calendar files") : l.pick("quy tắc có sẵn (Bộ luật Lao động)", "built-in rules (Labour Code)")
        lines.append(l.pick("Lịch làm việc năm \(schedule.year) — nguồn ngày nghỉ: \(source)",
                            "Working calendar \(schedule.year) — days off from: \(source)"))
        lines.append("")
        lines.append(l.pick("Ngày nghỉ", "Days off") + " (\(schedule.daysOff.count)):")
        lines.append(contentsOf: schedule.daysOff.map { row($0, l) })
        if schedule.daysOff.isEmpty { lines.append(l.pick("  (không có)", "  (none)")) }
        lines.append("")
        lines.append(l.pick("Ngày làm bù", "Make-up working days") + " (\(schedule.makeUpDays.count)):")
        lines.append(contentsOf: schedule.makeUpDays.map { row($0, l) })
        if schedule.makeUpDays.isEmpty { lines.append(l.pick("  (không có)", "  (none)")) }
        lines.append("")
        lines.append(l.pick("Số ngày làm việc: ", "Working days: ") + formatCount(workingDays, l))
        return lines.joined(separator: "\n")
    }

    static func row(_ day: NamedDay, _ l: Language) -> String {
        let weekday = weekdayName(day.date.isoWeekday, l)
        let date = l.pick(day.date.vietnameseDescription, "\(day.date)")
        return "  \(date)  \(weekday.padding(toLength: 9, withPad: " ", startingAt: 0))  \(day.name)"
    }
}

/// Builds the working calendar the commands use (`report`, `overdue`,
/// `calendar`): the library's calendar files first (built in, or overridden
/// by a templates folder; sorted by name), then the user's `--calendar` files
/// in order, so the user's win.
enum CalendarLoader {
    /// - throws: a ``Message`` (`calendar.*`) or ``CalendarFileError`` naming the file (and line).
    static func load(userFiles: [String], workingHours: WorkingHours = .standard,
                     library: TemplateLibrary) throws -> WorkCalendar {
        var entries: [CalendarEntry] = []
        for file in library.calendarFiles() { entries += try parse(file.data, shownAs: file.shownAs) }
        for path in userFiles { entries += try read(URL(fileURLWithPath: path), shownAs: path) }
        return WorkCalendar(entries: entries, workingHours: workingHours)
    }

    static func read(_ url: URL, shownAs name: String) throws -> [CalendarEntry] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw Message("calendar.not-found", vi: "không tìm thấy tệp lịch \(name)", en: "calendar file not found: \(name)")
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw Message("calendar.unreadable", vi: "không đọc được tệp lịch \(name)", en: "cannot read the calendar file \(name)")
        }
        return try parse(data, shownAs: name)
    }

    static func parse(_ data: Data, shownAs name: String) throws -> [CalendarEntry] {
        guard let text = String(data: data, encoding: .utf8) else {
            throw Message("calendar.not-utf8", vi: "tệp lịch \(name) không phải UTF-8", en: "the calendar file \(name) is not UTF-8")
        }
        return try CalendarFile.parse(text, fileName: name)
    }
}
