/// The language of everything motcua tells its user: Vietnamese, the
/// product's language, unless English is chosen.
package enum Language: String, Sendable, CaseIterable {
    case vi, en

    /// The language of this process, chosen once at startup (see
    /// ``choose(arguments:environment:)``) and read everywhere a message is
    /// shown.
    ///
    /// A plain global on purpose: threading the language through every
    /// signature is what the `english: Bool` parameters did. It is written
    /// once, by `main` before the command line is parsed and before any other
    /// thread exists, and only read afterwards, so the unsynchronised access
    /// cannot race. Tests that need one language pass it explicitly
    /// (`message.text(.en)`) instead of changing this.
    package nonisolated(unsafe) static var current: Language = .vi

    /// The language a process should use:
    ///
    /// 1. `--lang vi|en` (or `--lang=en`) anywhere on the command line before
    ///    a `--`, the last one winning as with the parser;
    /// 2. else `MOTCUA_LANG`;
    /// 3. else the locale, by POSIX precedence `LC_ALL`, `LC_MESSAGES`, `LANG`
    ///    (the first one set decides): starting with `en` is English;
    ///    anything else (`vi_VN`, `C`, `POSIX`, unset) is Vietnamese.
    ///
    /// Scanned before parsing so that the parser's own errors and `--help`
    /// follow it; an unknown `--lang` value is left to the parser to refuse.
    package static func choose<S: Sequence>(arguments: S, environment: [String: String]) -> Language
    where S.Element == String {
        var chosen: Language? = nil
        var expectingValue = false
        for argument in arguments {
            if expectingValue {
                expectingValue = false
                if let l = Language(rawValue: argument) { chosen = l }
                continue
            }
            if argument == "--" { break }
            if argument == "--lang" { expectingValue = true }
            else if argument.hasPrefix("--lang="), let l = Language(rawValue: String(argument.dropFirst(7))) { chosen = l }
        }
        if let chosen { return chosen }
        if let value = environment["MOTCUA_LANG"], !value.isEmpty { return fromLocale(value) }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[name], !value.isEmpty { return fromLocale(value) }
        }
        return .vi
    }

    /// `en`, `en_US.UTF-8`, `EN` → English; everything else → Vietnamese.
    static func fromLocale(_ value: String) -> Language {
        value.lowercased().hasPrefix("en") ? .en : .vi
    }

    /// The one of two texts in this language.
    package func pick(_ vi: String, _ en: String) -> String { self == .en ? en : vi }
}

/// Where a message is about: a file, a line of it, a column (a header name
/// or a number), a key (of a YAML file). Every part is optional.
package struct Place: Sendable, Hashable {
    package var file: String?
    package var line: Int?
    package var column: String?
    package var key: String?

    package init(file: String? = nil, line: Int? = nil, column: String? = nil, key: String? = nil) {
        self.file = file; self.line = line
        self.column = column.flatMap { $0.isEmpty ? nil : $0 }
        self.key = key.flatMap { $0.isEmpty ? nil : $0 }
    }

    package var isEmpty: Bool { file == nil && line == nil && column == nil && key == nil }

    /// "tệp.csv, dòng 12, cột NgayHenTra" / "file.csv, line 12, column NgayHenTra".
    package func text(_ language: Language = .current) -> String {
        var parts: [String] = []
        if let file { parts.append(file) }
        if let line { parts.append(language.pick("dòng \(line)", "line \(line)")) }
        if let column { parts.append(language.pick("cột \(column)", "column \(column)")) }
        if let key { parts.append(language.pick("khóa \(key)", "key \(key)")) }
        return parts.joined(separator: ", ")
    }
}

/// Everything motcua tells its user that is not a result: an error, a
/// warning. A stable code (`input.not-found`, `store.disk-full`) for tests,
/// scripts and the documentation; the text in Vietnamese and English; and
/// where it is about. Thrown as the error of every layer, so that the
/// command line has one way to show a failure (``text(_:)``).
package struct Message: Error, Sendable, Hashable, CustomStringConvertible {
    package enum Severity: String, Sendable, Hashable { case error, warning }

    package var code: String
    package var vi: String
    package var en: String
    package var place: Place
    package var severity: Severity

    package init(_ code: String, vi: String, en: String, place: Place = Place(), severity: Severity = .error) {
        self.code = code; self.vi = vi; self.en = en; self.place = place; self.severity = severity
    }

    /// A message about `file` (and a line, column or key of it).
    package init(_ code: String, file: String?, line: Int? = nil, column: String? = nil, key: String? = nil,
                vi: String, en: String, severity: Severity = .error) {
        self.init(code, vi: vi, en: en, place: Place(file: file, line: line, column: column, key: key), severity: severity)
    }

    /// The text alone, without the place.
    package func body(_ language: Language = .current) -> String { language.pick(vi, en) }

    /// "tệp.csv, dòng 12, cột NgayHenTra: …", or the text alone when there is no place.
    package func text(_ language: Language = .current) -> String {
        place.isEmpty ? body(language) : "\(place.text(language)): \(body(language))"
    }

    /// The text after "Lỗi: " / "Error: " or "Cảnh báo: " / "Warning: ".
    package func labelled(_ language: Language = .current) -> String {
        switch severity {
        case .error: return language.pick("Lỗi: ", "Error: ") + text(language)
        case .warning: return language.pick("Cảnh báo: ", "Warning: ") + text(language)
        }
    }

    package var description: String { text() }

    /// The same message, as a warning.
    package var warning: Message { var m = self; m.severity = .warning; return m }

    /// The same message about another place.
    package func at(_ place: Place) -> Message { var m = self; m.place = place; return m }
}

/// An error that has a ``Message`` for the user: ``Message`` itself, and the
/// errors that keep a structured reason (``CalendarFileError``).
package protocol UserMessage: Error {
    var message: Message { get }
}

extension Message: UserMessage {
    package var message: Message { self }
}

// MARK: - Numbers in messages

/// "1.000.000" (vi) or "1,000,000" (en).
package func formatCount(_ n: Int, _ language: Language = .current) -> String {
    let digits = String(n.magnitude)
    var out = ""
    for (i, ch) in digits.enumerated() {
        if i > 0 && (digits.count - i) % 3 == 0 { out.append(language.pick(".", ",")) }
        out.append(ch)
    }
    return n < 0 ? "-" + out : out
}

/// A whole number given as a `Double` (a cell of a table): "1.907" (vi) or "1,907" (en).
package func formatCount(_ value: Double, _ language: Language = .current) -> String {
    guard value.isFinite, value.rounded() == value, abs(value) < 1e15 else { return "\(value)" }
    return formatCount(Int(value), language)
}

/// `digits` decimals, rounded half away from zero: "95,5" (vi) or "95.5" (en),
/// thousands grouped as in `formatCount`.
package func formatDecimal(_ value: Double, digits: Int, _ language: Language = .current) -> String {
    guard value.isFinite, abs(value) < 1e15 else { return "\(value)" }
    var scale = 1
    for _ in 0..<max(0, digits) { scale *= 10 }
    let scaled = Int((value * Double(scale)).rounded())
    let sign = scaled < 0 ? "-" : ""
    let whole = formatCount(Int(scaled.magnitude) / scale, language)
    guard digits > 0 else { return sign + whole }
    let fraction = String(Int(scaled.magnitude) % scale)
    return sign + whole + language.pick(",", ".") + String(repeating: "0", count: digits - fraction.count) + fraction
}

/// A rate with one decimal: "95,5" (vi) or "95.5" (en).
package func formatRate(_ value: Double, _ language: Language = .current) -> String {
    formatDecimal(value, digits: 1, language)
}

/// A file size in megabytes (2²⁰ bytes) with one decimal: "327,9 MB" (vi) or "327.9 MB" (en).
package func formatSize(bytes: Int64, _ language: Language = .current) -> String {
    formatDecimal(Double(bytes) / 1_048_576, digits: 1, language) + " MB"
}

/// A duration with two decimals: "1,60 giây" (vi) or "1.60 s" (en).
package func formatSeconds(_ seconds: Double, _ language: Language = .current) -> String {
    formatDecimal(seconds, digits: 2, language) + language.pick(" giây", " s")
}
