import Foundation
import MotCuaCore
import MotCuaReport
import Yams

/// A configuration that cannot be used, with every problem found (each
/// names the file and, when it can, the line), so that one night's log
/// lists them all rather than one per night.
struct RunConfigurationError: UserMessage {
    let problems: [Message]

    /// All the problems as one message (each is also shown on its own).
    var message: Message {
        Message("config.invalid", vi: problems.map { $0.text(.vi) }.joined(separator: "; "),
                en: problems.map { $0.text(.en) }.joined(separator: "; "))
    }
}

/// Reads a run configuration as a YAML node tree rather than decoding it,
/// so that a mistake names its line, an unknown key is not silently ignored
/// (`calendar:` for `calendars:` would drop the holidays) and no message is a
/// raw `DecodingError`. The person editing the file is an IT officer of a
/// district, not a programmer.
struct RunConfigurationReader {
    let file: String
    private var problems: [Message] = []

    static let topKeys = ["database", "inbox", "archive", "mapping", "units", "procedures", "calendars",
                          "evaluations", "rubric", "templates", "log", "heading", "cutoff_day", "attribute", "reports"]
    static let headingKeys = ["issuer", "parent_issuer", "place", "signer_title", "signer_name"]
    static let reportKeys = ["period", "unit", "template", "out", "json", "summary", "cutoff_day", "attribute"]

    init(file: String) { self.file = file }

    /// Reads and checks the configuration file at `path`.
    /// - throws: ``RunConfigurationError`` with every problem found.
    static func load(path: String) throws -> RunConfiguration {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw RunConfigurationError(problems: [
                Message("config.unreadable", vi: "\(path): không đọc được tệp cấu hình (không có tệp, không có quyền đọc, hoặc không phải UTF-8).",
                         en: "\(path): cannot read the configuration file (missing, not readable, or not UTF-8).")])
        }
        var reader = RunConfigurationReader(file: path)
        return try reader.read(text)
    }

    /// The `log:` key of a configuration that cannot be read as a whole, so
    /// that the reason still reaches the log the administrator looks at.
    static func salvageLogPath(configuration path: String) -> String? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        if let root = try? Yams.compose(yaml: text), let map = root.mapping,
           let value = map.first(where: { $0.key.string == "log" })?.value.scalar?.string, !value.isEmpty {
            return value
        }
        // Not even YAML: a top-level `log: FILE` line is still recognisable.
        for line in text.split(separator: "\n") where line.hasPrefix("log:") {
            var value = line.dropFirst(4).trimmingSpaces()
            if let hash = value.range(of: " #") { value = String(value[..<hash.lowerBound]).trimmingSpaces() }
            value = value.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            if !value.isEmpty { return value }
        }
        return nil
    }

    mutating func read(_ yaml: String) throws -> RunConfiguration {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw RunConfigurationError(problems: [syntaxError(error)])
        }
        guard let root, root.mapping != nil else {
            throw RunConfigurationError(problems: [problem(at: root, "tệp cấu hình phải là một bảng khóa: giá trị (database, inbox, archive, reports…).",
                                                          "the configuration must be a mapping of keys (database, inbox, archive, reports…).")])
        }
        let map = fields(root, known: Self.topKeys, section: nil)
        var config = RunConfiguration(inbox: required("inbox", in: map, parent: root) ?? "",
                                      archive: required("archive", in: map, parent: root) ?? "")
        config.database = text(map["database"], key: "database")
        config.mapping = text(map["mapping"], key: "mapping")
        config.units = text(map["units"], key: "units")
        config.procedures = text(map["procedures"], key: "procedures")
        config.calendars = list(map["calendars"], key: "calendars")
        config.evaluations = text(map["evaluations"], key: "evaluations")
        config.rubric = text(map["rubric"], key: "rubric")
        config.templates = text(map["templates"], key: "templates")
        config.log = text(map["log"], key: "log")
        if let heading = map["heading"], !isNull(heading) {
            let h = fields(heading, known: Self.headingKeys, section: "heading")
            config.heading = .init(issuer: text(h["issuer"], key: "heading.issuer"),
                                   parentIssuer: text(h["parent_issuer"], key: "heading.parent_issuer"),
                                   place: text(h["place"], key: "heading.place"),
                                   signerTitle: list(h["signer_title"], key: "heading.signer_title"),
                                   signerName: text(h["signer_name"], key: "heading.signer_name"))
        }
        config.cutoffDay = cutoffDay(map["cutoff_day"], key: "cutoff_day")
        config.attribute = attribution(map["attribute"], key: "attribute")
        if let reports = map["reports"] {
            config.reports = readReports(reports)
        } else {
            problems.append(problem(at: root, "thiếu khóa \"reports\" (danh sách báo cáo cần lập).",
                                    "missing key \"reports\" (the list of reports to write)."))
        }
        if !problems.isEmpty { throw RunConfigurationError(problems: problems) }
        return config
    }

    private mutating func readReports(_ node: Node) -> [RunConfiguration.Report] {
        guard let items = node.sequence else {
            problems.append(problem(at: node, "\"reports\" phải là danh sách, mỗi báo cáo bắt đầu bằng \"- period: …\".",
                                    "\"reports\" must be a list, each report starting with \"- period: …\"."))
            return []
        }
        var reports: [RunConfiguration.Report] = []
        for (i, item) in items.enumerated() {
            let key = "reports[\(i + 1)]"
            let r = fields(item, known: Self.reportKeys, section: key)
            guard item.mapping != nil else { continue }
            let period = required("period", in: r, parent: item, section: key)
            let out = required("out", in: r, parent: item, section: key)
            let reportCutoff = cutoffDay(r["cutoff_day"], key: "\(key).cutoff_day")
            let reportAttribute = attribution(r["attribute"], key: "\(key).attribute")
            if let period, RunConfiguration.period(period, today: CivilDate(dayNumber: 0)) == nil {
                problems.append(problem(at: r["period"], "\(key).period \"\(period)\" không hợp lệ (previous-month, previous-quarter, year-to-date, previous-year hoặc kỳ cố định như 2020-10, 2020-Q3, 2020).",
                                        "\(key).period \"\(period)\" is invalid (previous-month, previous-quarter, year-to-date, previous-year or a fixed period such as 2020-10, 2020-Q3, 2020)."))
            }
            if let out, !WorkbookName.isValid(out) {
                // docs/rules.md#outputs: every workbook is written as .xlsx.
                problems.append(problem(at: r["out"], "\(key).out \"\(out)\" phải là tên tệp Excel có đuôi .xlsx (ví dụ bao-cao-{unit}-{period}.xlsx).",
                                        "\(key).out \"\(out)\" must be an Excel file name ending in .xlsx (e.g. report-{unit}-{period}.xlsx)."))
            }
            guard let period, let out else { continue }
            reports.append(.init(period: period, unit: text(r["unit"], key: "\(key).unit"),
                                 template: text(r["template"], key: "\(key).template"), out: out,
                                 json: text(r["json"], key: "\(key).json"), summary: text(r["summary"], key: "\(key).summary"),
                                 cutoffDay: reportCutoff, attribute: reportAttribute,
                                 line: item.mark?.line ?? 0))
        }
        return reports
    }

    // MARK: Values

    /// A mapping's entries by key; an unknown key is a problem naming the
    /// closest known one, since it is nearly always a typo.
    private mutating func fields(_ node: Node, known: [String], section: String?) -> [String: Node] {
        guard let mapping = node.mapping else {
            problems.append(problem(at: node, "\(section.map { "\"\($0)\" " } ?? "")cần một bảng khóa: giá trị ở đây.",
                                    "\(section.map { "\"\($0)\" " } ?? "")needs a mapping (key: value) here."))
            return [:]
        }
        var entries: [String: Node] = [:]
        for (key, value) in mapping {
            let name = key.string ?? ""
            if known.contains(name) { entries[name] = value; continue }
            let place = section.map { " trong \"\($0)\"" } ?? ""
            let placeEN = section.map { " in \"\($0)\"" } ?? ""
            if let guess = closest(to: name, in: known) {
                problems.append(problem(at: key, "khóa không hợp lệ \"\(name)\"\(place); có phải là \"\(guess)\"?",
                                        "unknown key \"\(name)\"\(placeEN); did you mean \"\(guess)\"?"))
            } else {
                problems.append(problem(at: key, "khóa không hợp lệ \"\(name)\"\(place); các khóa dùng được: \(known.joined(separator: ", ")).",
                                        "unknown key \"\(name)\"\(placeEN); known keys: \(known.joined(separator: ", "))."))
            }
        }
        return entries
    }

    private mutating func required(_ key: String, in map: [String: Node], parent: Node, section: String? = nil) -> String? {
        let name = section.map { "\($0).\(key)" } ?? key
        guard let node = map[key], !isNull(node) else {
            problems.append(problem(at: parent, "thiếu khóa bắt buộc \"\(name)\".", "missing required key \"\(name)\"."))
            return nil
        }
        return text(node, key: name)
    }

    /// A text value; a list or mapping where text belongs is a problem.
    private mutating func text(_ node: Node?, key: String) -> String? {
        guard let node, !isNull(node) else { return nil }
        guard let s = node.scalar?.string.trimmingSpaces(), !s.isEmpty else {
            problems.append(problem(at: node, "\"\(key)\" phải là một giá trị (chuỗi), không phải danh sách hay bảng.",
                                    "\"\(key)\" must be a single value (text), not a list or a mapping."))
            return nil
        }
        return s
    }

    /// A reporting cut-off day, 1–28 (docs/rules.md#cutoff-day).
    private mutating func cutoffDay(_ node: Node?, key: String) -> Int? {
        guard let value = text(node, key: key) else { return nil }
        guard let day = Int(value), ReportPeriod.cutoffDays.contains(day) else {
            problems.append(problem(at: node, "\"\(key)\" phải là một ngày từ 1 đến 28, không phải \"\(value)\".",
                                    "\"\(key)\" must be a day from 1 to 28, not \"\(value)\"."))
            return nil
        }
        return day
    }

    /// `handling` or `receiving` (docs/rules.md#receiving-unit).
    private mutating func attribution(_ node: Node?, key: String) -> Attribution? {
        guard let value = text(node, key: key) else { return nil }
        guard let a = Attribution(rawValue: value) else {
            problems.append(problem(at: node, "\"\(key)\" phải là handling (đơn vị giải quyết) hoặc receiving (đơn vị tiếp nhận), không phải \"\(value)\".",
                                    "\"\(key)\" must be handling or receiving, not \"\(value)\"."))
            return nil
        }
        return a
    }

    /// A list of texts; one text alone is taken as a list of one.
    private mutating func list(_ node: Node?, key: String) -> [String] {
        guard let node, !isNull(node) else { return [] }
        if node.scalar != nil { return text(node, key: key).map { [$0] } ?? [] }
        guard let items = node.sequence else {
            problems.append(problem(at: node, "\"\(key)\" phải là danh sách, ví dụ [a.csv, b.csv].",
                                    "\"\(key)\" must be a list, e.g. [a.csv, b.csv]."))
            return []
        }
        return items.enumerated().compactMap { i, item in text(item, key: "\(key)[\(i + 1)]") }
    }

    private func isNull(_ node: Node) -> Bool {
        guard let scalar = node.scalar, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    // MARK: Messages

    private func problem(at node: Node?, _ vi: String, _ en: String) -> Message {
        Message("config.invalid", file: file, line: node?.mark?.line, vi: vi, en: en)
    }

    private func syntaxError(_ error: YamlError) -> Message {
        switch error {
        case let .scanner(_, p, m, _), let .parser(_, p, m, _), let .composer(_, p, m, _):
            return Message("config.yaml-syntax", file: file, line: m.line, column: String(m.column),
                           vi: "lỗi cú pháp YAML (\(p)).", en: "YAML syntax error (\(p)).")
        case let .duplicatedKeysInMapping(duplicates, context):
            return Message("config.duplicate-key", file: file, line: context.mark.line,
                           vi: "khóa lặp lại: \(duplicates.joined(separator: ", ")).",
                           en: "duplicated key: \(duplicates.joined(separator: ", ")).")
        default:
            return Message("config.yaml-syntax", file: file, vi: "lỗi cú pháp YAML: \(error).", en: "YAML syntax error: \(error).")
        }
    }
}

/// The known key nearest to a misspelt one by edit distance, if it is near
/// enough to be the intended key (at most a third of its letters differ).
func closest(to word: String, in candidates: [String]) -> String? {
    let scored = candidates.map { ($0, editDistance(word.lowercased(), $0)) }
    guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
    return best.1 <= max(2, best.0.count / 3) ? best.0 : nil
}

/// Levenshtein distance: insertions, deletions and substitutions.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
