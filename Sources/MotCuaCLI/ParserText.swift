import ArgumentParser
import Foundation
import MotCuaCore

extension MotCua {
    /// Chooses the language of the whole process (``Language/current``):
    /// `--lang`, else `MOTCUA_LANG`, else the locale, else Vietnamese. Called
    /// by `main` before the command line is parsed, so that argument errors
    /// and `--help` follow it.
    package static func chooseLanguage(arguments: [String], environment: [String: String]) {
        Language.current = Language.choose(arguments: arguments, environment: environment)
    }

    /// The parser's text for `error` (an argument error, `--help`,
    /// `--version`) in the process language.
    package static func localizedMessage(for error: Error) -> String {
        ParserText.localized(fullMessage(for: error), Language.current)
    }
}

/// swift-argument-parser writes its errors and help headings in English;
/// in Vietnamese their known shapes are translated here. The commands' own
/// help and `ValidationError`s are already in the process language. A shape
/// not known (a new parser version) stays English rather than garbled.
enum ParserText {
    static func localized(_ text: String, _ language: Language) -> String {
        guard language == .vi, !text.isEmpty else { return text }
        var lines: [String] = []
        var hanging = 0  // extra indent for the continuation lines of a renamed "USAGE:"/"Usage:"
        for line in text.components(separatedBy: "\n") {
            if hanging > 0, line.hasPrefix("       ") {
                lines.append(String(repeating: " ", count: hanging) + line)
                continue
            }
            hanging = 0
            var (out, extra) = heading(line)
            hanging = extra
            out = phrases(out)
            lines.append(out)
        }
        return lines.joined(separator: "\n")
    }

    /// Headings at the start of a line; the second value is how much longer
    /// the translation is, to keep a hanging indent aligned.
    private static func heading(_ line: String) -> (String, Int) {
        let starts: [(String, String)] = [
            ("OVERVIEW: ", "TỔNG QUAN: "), ("USAGE: ", "CÁCH DÙNG: "), ("Usage: ", "Cách dùng: "),
            ("Error: ", "Lỗi: "), ("Help:  ", "Trợ giúp:  "),
        ]
        for (en, vi) in starts where line.hasPrefix(en) {
            let indent = en.hasPrefix("USAGE") || en.hasPrefix("Usage") ? vi.count - en.count : 0
            return (vi + line.dropFirst(en.count), indent)
        }
        let whole: [String: String] = [
            "ARGUMENTS:": "THAM SỐ:", "OPTIONS:": "TÙY CHỌN:", "SUBCOMMANDS:": "LỆNH CON:",
        ]
        if let vi = whole[line] { return (vi, 0) }
        return (line, 0)
    }

    /// Sentences and annotations anywhere in a line.
    private static func phrases(_ line: String) -> String {
        var s = line
        let fixed: [(String, String)] = [
            ("Show help information.", "Hiện trợ giúp này."),
            ("Show subcommand help information.", "Hiện trợ giúp của một lệnh con."),
            ("Show the version.", "Hiện phiên bản."),
            ("(default as flag:", "(mặc định khi không có giá trị:"),
            ("(default:", "(mặc định:"),
            ("; default:", "; mặc định:"),
            ("(values:", "(giá trị:"),
            ("<subcommand>", "<lệnh-con>"),
            ("[<options>]", "[<tùy-chọn>]"),
        ]
        for (en, vi) in fixed { s = s.replacingOccurrences(of: en, with: vi) }
        let patterns: [(String, String)] = [
            (#"See '(.+) <lệnh-con>' for detailed help\."#, "Xem '$1 <lệnh-con>' để biết chi tiết."),
            (#"See '(.+)' for more information\."#, "Xem '$1' để biết thêm."),
            (#"^(Lỗi: )Missing expected argument '(.+)'$"#, "$1Thiếu tham số bắt buộc '$2'"),
            (#"^(Lỗi: )Missing one of: (.+)$"#, "$1Cần một trong: $2"),
            (#"^(Lỗi: )Missing value for '(.+)'$"#, "$1Thiếu giá trị cho '$2'"),
            (#"^(Lỗi: )Unknown option '([^']+)'\. Did you mean '([^']+)'\?$"#, "$1Không có tùy chọn '$2'. Có phải là '$3'?"),
            (#"^(Lỗi: )Unknown option '([^']+)'$"#, "$1Không có tùy chọn '$2'"),
            (#"^(Lỗi: )Unexpected argument '(.+)'$"#, "$1Thừa tham số '$2'"),
            (#"^(Lỗi: )(\d+) unexpected arguments: (.+)$"#, "$1Thừa $2 tham số: $3"),
            (#"^(Lỗi: )The option '([^']+)' does not take any value, but '(.*)' was specified\.$"#,
             "$1Tùy chọn '$2' không nhận giá trị, nhưng đã ghi '$3'."),
            (#"^(Lỗi: )The value '(.*)' is invalid for '([^']+)'"#, "$1Giá trị '$2' không hợp lệ cho '$3'"),
            (#"^(Lỗi: )The value '(.*)' is invalid\."#, "$1Giá trị '$2' không hợp lệ."),
            (#"\. Please provide one of the following:$"#, ". Hãy dùng một trong các giá trị sau:"),
            (#"\. Please provide one of (.+)\.$"#, ". Hãy dùng một trong các giá trị $1."),
        ]
        for (pattern, template) in patterns {
            s = s.replacingOccurrences(of: pattern, with: template, options: .regularExpression)
        }
        if s.hasPrefix("Lỗi: "), s.contains("Hãy dùng một trong các giá trị") {
            s = s.replacingOccurrences(of: "' and '", with: "' và '").replacingOccurrences(of: "' or '", with: "' hoặc '")
        }
        return s
    }
}
