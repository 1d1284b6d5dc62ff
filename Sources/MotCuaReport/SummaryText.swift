import Foundation
import MotCuaCore

/// One paragraph of the summary (đoạn văn tóm tắt; docs/rules.md#summary):
/// its key (for messages), its wording with `{placeholders}`, and the
/// conditions under which it is written at all.
package struct SummaryParagraph: Decodable, Sendable {
    package var key: String
    package var text: String
    /// Every condition must hold: a flag of ``SummaryText/flags`` or a figure
    /// name (the total's count is not zero), either preceded by `not `.
    package var when: [String]?
}

/// Fills the summary's paragraphs from a report's figures, in Vietnamese and
/// Vietnamese number style (1.907; 97,6%) whatever the message language:
/// the summary is a part of the report, not a message.
///
/// Placeholders (docs/rules.md#summary):
/// - `{figure}`: the total's figure (`{received}`, `{on_time_rate}`…);
/// - `{figure.previous}`, `{figure.year_ago}`: the same in the comparison period;
/// - `{figure.vs_previous}`, `{figure.vs_year_ago}`: the change ("tăng 5,2%",
///   "+1,3 điểm %"), or "không có số liệu" when that period has none;
/// - the names of ``SummaryText/specials`` and the title placeholders of the templates.
package enum SummaryText {
    /// What a paragraph may depend on, besides figures.
    package static let flags: [String: @Sendable (PeriodReport) -> Bool] = [
        "dossiers": { $0.dossiersUsed > 0 },
        "previous": { hasData($0, .previous) },
        "year_ago": { hasData($0, .yearAgo) },
        // A year's (and the first nine months') previous period is also its year-ago one: said once.
        "same_comparison": { $0.comparisonReports[.previous]?.period == $0.comparisonReports[.yearAgo]?.period },
        "several_units": { unitRows($0).count > 1 },
        "overdue_without_apology": { overdueWithoutApology($0) > 0 },
        "lowest_on_time": { !lowestOnTime($0).isEmpty },
        "most_overdue": { !mostOverdue($0).isEmpty },
        // Điểm Bộ chỉ số QĐ 766 (docs/rules.md#index766): only when some indicator could be rated.
        "index766": { $0.total.figures.index766.max > 0 },
    ]

    /// Values that are not a single figure of the total.
    package static let specials: [String: @Sendable (PeriodReport) -> String] = [
        "overdue_without_apology": { count(overdueWithoutApology($0)) },
        "lowest_on_time": { list(lowestOnTime($0).map { "\($0.name) (\(rate($0.figures.onTimeRate)))" }) },
        "most_overdue": { list(mostOverdue($0).map { "\($0.name) (\(count($0.figures.pendingOverdue)) hồ sơ)" }) },
        "unit_count": { count(unitRows($0).count) },
        "index766_points": { formatDecimal($0.total.figures.index766.points, digits: 2, .vi) },
        "index766_max": { formatDecimal($0.total.figures.index766.max, digits: 0, .vi) },
        "index766_progress_rate": { i in i.total.figures.index766[.progress]?.rate.map { rate($0) } ?? "—" },
    ]

    private static let suffixes = ["previous", "year_ago", "vs_previous", "vs_year_ago"]

    /// Checks every placeholder and condition of the paragraphs, so that a
    /// mistake shows when the template is read, not on the night it is used.
    package static func validate(_ paragraphs: [SummaryParagraph], file: String, sheet: String) throws {
        let titles = Set(ReportContext.placeholderNames)
        for (i, p) in paragraphs.enumerated() {
            let at = "\(sheet).paragraphs[\(i)] (\(p.key))"
            for name in placeholders(in: p.text) where !isKnown(name, titles: titles) {
                throw Message("template.summary-placeholder", file: file, key: at,
                              vi: "\(at): không có trường \"{\(name)}\". Dùng tên chỉ tiêu ({received}, {on_time_rate.vs_previous}…) hoặc một trong: \(specials.keys.sorted().joined(separator: ", ")).",
                              en: "\(at): unknown placeholder \"{\(name)}\". Use a figure name ({received}, {on_time_rate.vs_previous}…) or one of: \(specials.keys.sorted().joined(separator: ", ")).")
            }
            for condition in p.when ?? [] where !isKnownCondition(condition) {
                throw Message("template.summary-condition", file: file, key: at,
                              vi: "\(at).when: không có điều kiện \"\(condition)\". Dùng tên chỉ tiêu hoặc: \(flags.keys.sorted().joined(separator: ", ")) (có thể thêm \"not \").",
                              en: "\(at).when: unknown condition \"\(condition)\". Use a figure name or: \(flags.keys.sorted().joined(separator: ", ")) (optionally after \"not \").")
            }
        }
    }

    /// The paragraphs whose conditions hold, filled.
    package static func render(_ paragraphs: [SummaryParagraph], context: ReportContext, file: String) throws -> [String] {
        let report = context.report
        let titles = context.placeholders
        return try paragraphs.filter { p in (p.when ?? []).allSatisfy { holds($0, report) } }.map { p in
            var out = ""
            var rest = Substring(p.text)
            while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
                out += rest[..<open]
                let name = String(rest[rest.index(after: open)..<close])
                guard let value = titles[name] ?? value(of: name, in: report) else {
                    throw Message("template.summary-placeholder", file: file, key: p.key,
                                  vi: "\(p.key): không có trường \"{\(name)}\".", en: "\(p.key): unknown placeholder \"{\(name)}\".")
                }
                out += value
                rest = rest[rest.index(after: close)...]
            }
            return out + rest
        }
    }

    /// The summary as a text file (`--summary`): UTF-8, paragraphs one blank line apart.
    package static func document(_ paragraphs: [SummaryParagraph], context: ReportContext, file: String) throws -> Data {
        Data((try render(paragraphs, context: context, file: file).joined(separator: "\n\n") + "\n").utf8)
    }

    static func placeholders(in text: String) -> [String] {
        var out: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return out
    }

    private static func isKnown(_ name: String, titles: Set<String>) -> Bool {
        if titles.contains(name) || specials[name] != nil { return true }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let figure = FigureCatalogue.figure(named: parts[0]), figure.format != .text else { return false }
        return parts.count == 1 || (parts.count == 2 && suffixes.contains(parts[1]))
    }

    private static func isKnownCondition(_ condition: String) -> Bool {
        let name = condition.hasPrefix("not ") ? String(condition.dropFirst(4)) : condition
        return flags[name] != nil || FigureCatalogue.figure(named: name).map { $0.format != .text } == true
    }

    private static func holds(_ condition: String, _ report: PeriodReport) -> Bool {
        if condition.hasPrefix("not ") { return !holds(String(condition.dropFirst(4)), report) }
        if let flag = flags[condition] { return flag(report) }
        switch FigureCatalogue.figure(named: condition)?.value(report.total) {
        case .count(let n)?: return n != 0
        case .number(let x)?: return x != 0
        default: return false
        }
    }

    private static func value(of name: String, in report: PeriodReport) -> String? {
        if let special = specials[name] { return special(report) }
        let parts = name.split(separator: ".").map(String.init)
        guard let figure = FigureCatalogue.figure(named: parts[0]) else { return nil }
        let now = report.total
        guard parts.count == 2 else { return formatted(figure, now) }
        let kind: ComparisonKind = parts[1].hasSuffix("year_ago") ? .yearAgo : .previous
        guard let then = now.comparisons[kind]?.row else { return "không có số liệu" }
        return parts[1].hasPrefix("vs_") ? FigureChange.text(figure, now: now, then: then, prose: true) : formatted(figure, then)
    }

    private static func formatted(_ figure: Figure, _ row: ReportRow) -> String {
        switch figure.value(row) {
        case .count(let n): return count(n)
        case .number(let x): return figure.format == .rate ? rate(x) : formatDecimal(x, digits: 2, .vi)
        case .text(let t): return t
        case .none: return ""
        }
    }

    private static func hasData(_ report: PeriodReport, _ kind: ComparisonKind) -> Bool {
        (report.comparisonReports[kind]?.dossiersUsed ?? 0) > 0
    }

    /// The unit rows (not the root's own row), when the report has several units.
    private static func unitRows(_ report: PeriodReport) -> [ReportRow] { report.rows.filter { $0.kind == .unit } }

    private static func overdueWithoutApology(_ report: PeriodReport) -> Int { report.overdue.filter(\.lacksApology).count }

    /// The three units with the lowest on-time rate among those that finished
    /// dossiers with a due date; only when the report has several units.
    static func lowestOnTime(_ report: PeriodReport) -> [ReportRow] {
        let rows = unitRows(report)
        guard rows.count > 1 else { return [] }
        return Array(rows.filter { $0.figures.finishedWithClass > 0 && $0.figures.onTimeRate < 100 }
            .sorted { ($0.figures.onTimeRate, $0.name) < ($1.figures.onTimeRate, $1.name) }.prefix(3))
    }

    /// The three units with the most dossiers overdue at the cutoff.
    static func mostOverdue(_ report: PeriodReport) -> [ReportRow] {
        let rows = unitRows(report)
        guard rows.count > 1 else { return [] }
        return Array(rows.filter { $0.figures.pendingOverdue > 0 }
            .sorted { ($1.figures.pendingOverdue, $0.name) < ($0.figures.pendingOverdue, $1.name) }.prefix(3))
    }

    static func count(_ n: Int) -> String { formatCount(n, .vi) }
    static func rate(_ x: Double) -> String { formatRate(x, .vi) + "%" }

    /// "A", "A và B", "A, B và C".
    static func list(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " và " + items.last!
    }
}

/// A figure's change against a comparison period, in words (docs/rules.md#comparisons):
/// counts by percent change ("tăng 5,2%", "giảm 3,0%"), rates and means by
/// their difference ("+1,3 điểm %", "-0,4 ngày"; in running text "tăng 1,3 điểm %").
package enum FigureChange {
    package static func text(_ figure: Figure, now: ReportRow, then: ReportRow, prose: Bool = false) -> String {
        switch (figure.value(now), figure.value(then)) {
        case (.count(let a), .count(let b)): return countChange(a, b)
        case (.number(let a), .number(let b)):
            return figure.format == .rate ? difference(a - b, unit: "điểm %", prose: prose)
                : difference(a - b, unit: "ngày", digits: 2, prose: prose)
        default: return ""
        }
    }

    /// Percent change of a count; from nothing, the count itself.
    package static func countChange(_ now: Int, _ then: Int) -> String {
        if now == then { return "không thay đổi" }
        if then == 0 { return "tăng \(formatCount(now, .vi)) hồ sơ (kỳ so sánh: 0)" }
        let change = Double(now - then) * 100 / Double(then)
        return (change > 0 ? "tăng " : "giảm ") + formatRate(abs(change), .vi) + "%"
    }

    /// A signed difference with one decimal ("+1,3 điểm %"); "không thay đổi" when it rounds to zero.
    package static func difference(_ d: Double, unit: String, digits: Int = 1, prose: Bool = false) -> String {
        let shown = formatDecimal(abs(d), digits: digits, .vi)
        if shown.allSatisfy({ $0 == "0" || $0 == "," }) { return "không thay đổi" }
        if prose { return (d > 0 ? "tăng " : "giảm ") + shown + " " + unit }
        return (d > 0 ? "+" : "-") + shown + " " + unit
    }
}
