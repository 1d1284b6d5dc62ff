import Foundation
import MotCuaCore
import Yams

/// Reads a scoring rubric (bộ chỉ số chấm điểm) from a YAML file in
/// `Templates/` — `rubric-tt01.yaml` is the default and documents the format.
///
/// The file is read as a YAML node tree rather than decoded, so that every
/// problem, not only a syntax error, names the line where it is: the person
/// editing the file is a provincial IT officer, not a programmer. Keys are
/// matched ignoring case, `_`, `-` and spaces (`on_time`, `onTime`, `On-time`).
package enum RubricFile {
    /// Reads and checks a rubric file.
    /// - throws: a ``Message`` (`rubric.*`) naming the file and, when it can, the line.
    package static func load(path: String) throws -> Rubric {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw Message("rubric.unreadable", file: path, vi: "không đọc được tệp bộ chỉ số chấm điểm (không có tệp, hoặc không phải UTF-8).",
                                en: "cannot read the rubric file (missing, or not UTF-8).")
        }
        return try parse(text, file: path)
    }

    /// Reads a rubric from YAML text; `file` names it in errors.
    package static func parse(_ yaml: String, file: String) throws -> Rubric {
        let reader = RubricReader(file: file)
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw reader.syntaxError(error)
        }
        return try reader.rubric(from: root)
    }
}

/// Turns the YAML node tree into a ``Rubric``, checking it as it goes.
private struct RubricReader {
    let file: String

    func error(at node: Node?, _ vi: String, _ en: String) -> Message {
        Message("rubric.invalid", file: file, line: node?.mark?.line, vi: vi, en: en)
    }

    func syntaxError(_ error: YamlError) -> Message {
        let mark: Mark?
        let problem: String
        switch error {
        case let .scanner(context, p, m, _), let .parser(context, p, m, _), let .composer(context, p, m, _):
            // libyaml reports where it gave up (often the end of the file);
            // the context says where the construct began, e.g. an open quote.
            mark = m
            problem = context.map { "\($0.text) at line \($0.mark.line): \(p)" } ?? p
        case let .duplicatedKeysInMapping(duplicates, context):
            mark = context.mark
            problem = "duplicated key \(duplicates.joined(separator: ", "))"
        default:
            mark = nil; problem = "\(error)"
        }
        guard let mark else {
            return Message("rubric.yaml-syntax", file: file, vi: "lỗi cú pháp YAML: \(problem).", en: "YAML syntax error: \(problem).")
        }
        return Message("rubric.yaml-syntax", file: file, line: mark.line, column: String(mark.column),
                       vi: "lỗi cú pháp YAML (\(problem)).", en: "YAML syntax error (\(problem)).")
    }

    // MARK: Whole file

    func rubric(from root: Node?) throws -> Rubric {
        guard let root, root.mapping != nil else {
            throw error(at: root, "tệp phải có các mục \"indicators\" và \"bands\".",
                        "the file must have \"indicators\" and \"bands\" sections.")
        }
        let map = try fields(root, allowed: ["name", "description", "indicators", "bands"])
        let name = try map.optional("name").map { try text($0, what: "name") } ?? "Thông tư 01/2018/TT-VPCP"
        let indicators = try readIndicators(map.required("indicators", in: root))
        let bands = try readBands(map.required("bands", in: root))
        return Rubric(name: name, indicators: indicators, bands: bands)
    }

    // MARK: Indicators

    func readIndicators(_ node: Node) throws -> [RubricIndicator] {
        guard let items = node.sequence, !items.isEmpty else {
            throw error(at: node, "\"indicators\" phải là danh sách các chỉ số (mỗi mục bắt đầu bằng \"- number: …\").",
                        "\"indicators\" must be a list of indicators (each item starting with \"- number: …\").")
        }
        var result: [RubricIndicator] = []
        var seen: [Int: Int] = [:]
        for item in items {
            let indicator = try readIndicator(item)
            if let line = seen[indicator.number] {
                throw error(at: item, "chỉ số \(indicator.number) đã khai báo ở dòng \(line).",
                            "indicator \(indicator.number) is already declared on line \(line).")
            }
            seen[indicator.number] = item.mark?.line ?? 0
            result.append(indicator)
        }
        guard result.contains(where: \.enabled) else {
            throw error(at: node, "không còn chỉ số nào được chấm (tất cả đều enabled: false).",
                        "no indicator is left to score (all are enabled: false).")
        }
        return result
    }

    func readIndicator(_ node: Node) throws -> RubricIndicator {
        let map = try fields(node, allowed: ["number", "name", "source", "max", "enabled", "points"])
        let numberNode = try map.required("number", in: node)
        guard let number = integer(numberNode), (1...9).contains(number) else {
            throw error(at: numberNode, "số thứ tự chỉ số phải từ 1 đến 9.", "the indicator number must be 1 to 9.")
        }
        let name = try text(map.required("name", in: node), what: "name")
        let maxPoints = try map.optional("max").map { n -> Int in
            guard let m = integer(n), (1...100).contains(m) else {
                throw error(at: n, "điểm tối đa (max) phải là số nguyên từ 1 đến 100.", "max must be a whole number from 1 to 100.")
            }
            return m
        } ?? 2
        let enabled = try map.optional("enabled").map { n -> Bool in
            guard let b = n.bool else {
                throw error(at: n, "enabled phải là true hoặc false.", "enabled must be true or false.")
            }
            return b
        } ?? true
        let sourceNode = try map.required("source", in: node)
        let sourceText = sourceNode.string ?? ""
        guard let source = IndicatorSource.allCases.first(where: { fold($0.rawValue) == fold(sourceText) }) else {
            let known = IndicatorSource.allCases.map(\.rawValue).joined(separator: ", ")
            throw error(at: sourceNode, "nguồn dữ liệu \"\(sourceText)\" không hợp lệ; dùng một trong: \(known).",
                        "unknown source \"\(sourceText)\"; use one of: \(known).")
        }
        let rule = try readRule(source, points: map.optional("points"), indicator: node)
        for (value, valueNode) in rule.values where !(0...maxPoints).contains(value) {
            throw error(at: valueNode, "chỉ số \(number): điểm \(value) nằm ngoài 0–\(maxPoints) (max).",
                        "indicator \(number): \(value) points is outside 0–\(maxPoints) (max).")
        }
        return RubricIndicator(number: number, name: name, rule: rule.rule, maxPoints: maxPoints, enabled: enabled)
    }

    /// The point rule of a source, with each value's node for error lines.
    func readRule(_ source: IndicatorSource, points: Node?, indicator: Node) throws
        -> (rule: PointRule, values: [(Int, Node)]) {
        if source == .notDerived { return (.notDerived, []) }  // points, if left in, are unused
        guard let points else {
            throw error(at: indicator, "chỉ số có nguồn \"\(source.rawValue)\" cần mục \"points\".",
                        "an indicator with source \"\(source.rawValue)\" needs \"points\".")
        }
        func named(_ keys: [String]) throws -> [(Int, Node)] {
            let map = try fields(points, allowed: Set(keys))
            return try keys.map { key in
                let n = try map.required(key, in: points)
                return (try pointValue(n), n)
            }
        }
        switch source {
        case .onTimeClass, .steps:
            let v = try named(["early", "on_time", "late"])
            let rule: PointRule = source == .steps ? .steps(allEarly: v[0].0, allOnTime: v[1].0, anyLate: v[2].0)
                                                   : .onTimeClass(early: v[0].0, onTime: v[1].0, late: v[2].0)
            return (rule, v)
        case .disclosure:
            let v = try named(["2", "1", "0"])
            return (.disclosure(full: v[0].0, partial: v[1].0, none: v[2].0), v)
        case .serviceLevel:
            let v = try named(["level4", "level3", "other"])
            return (.serviceLevel(level4: v[0].0, level3: v[1].0, other: v[2].0), v)
        case .supplementCount:
            return try readThresholds(points)
        case .notDerived:
            return (.notDerived, [])
        }
    }

    /// `{ 0: 2, 1: 1, more: 0 }`: at most N requests earn the points; `more` beyond.
    func readThresholds(_ node: Node) throws -> (rule: PointRule, values: [(Int, Node)]) {
        guard let mapping = node.mapping else {
            throw error(at: node, "\"points\" phải có dạng { 0: 2, 1: 1, more: 0 }.", "\"points\" must look like { 0: 2, 1: 1, more: 0 }.")
        }
        var thresholds: [SupplementThreshold] = []
        var values: [(Int, Node)] = []
        var more: Int?
        for (key, value) in mapping {
            let points = try pointValue(value)
            values.append((points, value))
            if fold(key.string ?? "") == "more" {
                more = points
            } else if let n = integer(key), n >= 0 {
                thresholds.append(SupplementThreshold(atMost: n, points: points))
            } else {
                throw error(at: key, "khóa \"\(key.string ?? "")\" không hợp lệ: dùng số lần (0, 1, 2…) hoặc more.",
                            "invalid key \"\(key.string ?? "")\": use a number of requests (0, 1, 2…) or more.")
            }
        }
        guard let more else {
            throw error(at: node, "thiếu \"more\" (điểm khi số lần bổ sung nhiều hơn mọi ngưỡng).",
                        "missing \"more\" (the points beyond every threshold).")
        }
        return (.supplementCount(thresholds: thresholds.sorted { $0.atMost < $1.atMost }, more: more), values)
    }

    // MARK: Bands

    func readBands(_ node: Node) throws -> [RubricBand] {
        guard let items = node.sequence, !items.isEmpty else {
            throw error(at: node, "\"bands\" phải là danh sách xếp loại, ví dụ - { name: Tốt, min: 90 }.",
                        "\"bands\" must be a list of bands, e.g. - { name: Tốt, min: 90 }.")
        }
        var bands: [RubricBand] = []
        for item in items {
            let map = try fields(item, allowed: ["name", "min"])
            let name = try text(map.required("name", in: item), what: "name")
            let minNode = try map.required("min", in: item)
            let minText = (minNode.string ?? "").replacingOccurrences(of: "%", with: "")
                .replacingOccurrences(of: ",", with: ".").trimmingSpaces()
            guard let minimum = Double(minText), minimum.isFinite, (0...100).contains(minimum) else {
                throw error(at: minNode, "tỷ lệ tối thiểu (min) phải là số từ 0 đến 100.", "min must be a number from 0 to 100.")
            }
            if let previous = bands.last, minimum >= previous.minimumPercent {
                throw error(at: minNode, "xếp loại phải theo thứ tự giảm dần: \(name) (\(minText)) không thấp hơn \(previous.name).",
                            "bands must be in descending order: \(name) (\(minText)) is not below \(previous.name).")
            }
            if bands.contains(where: { $0.name == name }) {
                throw error(at: item, "xếp loại \"\(name)\" bị trùng.", "duplicate band \"\(name)\".")
            }
            bands.append(RubricBand(name: name, minimumPercent: minimum))
        }
        guard bands.last?.minimumPercent == 0 else {
            throw error(at: items.last, "xếp loại cuối cùng phải có min: 0 để mọi tỷ lệ đều được xếp loại.",
                        "the last band must have min: 0 so that every percent gets a band.")
        }
        return bands
    }

    // MARK: Values

    func pointValue(_ node: Node) throws -> Int {
        guard let n = integer(node) else {
            throw error(at: node, "điểm phải là số nguyên.", "points must be a whole number.")
        }
        return n
    }

    func integer(_ node: Node) -> Int? {
        node.scalar.flatMap { Int($0.string.trimmingSpaces()) }
    }

    func text(_ node: Node, what: String) throws -> String {
        guard let s = node.scalar?.string.trimmingSpaces(), !s.isEmpty else {
            throw error(at: node, "\"\(what)\" phải là một chuỗi không rỗng.", "\"\(what)\" must be a non-empty text.")
        }
        return s.precomposedStringWithCanonicalMapping
    }

    /// Keys compared without case, `_`, `-` or spaces.
    func fold(_ s: String) -> String {
        String(s.lowercased().filter { !"_- ".contains($0) })
    }

    /// A mapping's entries by folded key; unknown keys are an error (a typo
    /// such as `enable:` must not be silently ignored).
    func fields(_ node: Node, allowed: Set<String>) throws -> Fields {
        guard let mapping = node.mapping else {
            throw error(at: node, "cần một bảng khóa: giá trị ở đây.", "a mapping (key: value) is expected here.")
        }
        let allowedFolded = Dictionary(uniqueKeysWithValues: allowed.map { (fold($0), $0) })
        var entries: [String: Node] = [:]
        for (key, value) in mapping {
            let k = fold(key.string ?? "")
            guard let canonical = allowedFolded[k] else {
                let list = allowed.sorted().joined(separator: ", ")
                throw error(at: key, "khóa \"\(key.string ?? "")\" không hợp lệ ở đây; dùng: \(list).",
                            "unknown key \"\(key.string ?? "")\" here; use: \(list).")
            }
            entries[canonical] = value
        }
        return Fields(entries: entries, reader: self)
    }

    struct Fields {
        let entries: [String: Node]
        let reader: RubricReader

        func optional(_ key: String) -> Node? { entries[key] }

        func required(_ key: String, in parent: Node) throws -> Node {
            guard let n = entries[key] else {
                throw reader.error(at: parent, "thiếu khóa \"\(key)\".", "missing key \"\(key)\".")
            }
            return n
        }
    }
}
