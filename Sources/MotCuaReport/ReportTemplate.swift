import Foundation
import MotCuaCore
import Yams

/// A report layout read from a YAML file in `Templates/` (mẫu báo cáo): a new
/// provincial form is a new file, not new code. The format is documented in
/// `Templates/README.md`.
package struct ReportTemplate: Decodable, Sendable {
    package var name: String
    package var description: String?
    package var sheets: [SheetTemplate]
}

/// One sheet: a title, a multi-row header with merges, then either one row
/// per unit with a total row (`unit-table`) or one row per dossier of the
/// overdue list (`overdue-list`), and footnotes. `include: NAME` instead
/// takes the sheets of another template in the same folder.
package struct SheetTemplate: Decodable, Sendable {
    package enum Kind: String, Decodable, Sendable {
        case unitTable = "unit-table"
        case overdueList = "overdue-list"
        case dataQuality = "data-quality"
        case tt01Scores = "tt01-scores"
        /// Chỉ số 766: its columns follow the indicators the export allows.
        case index766 = "index766"
        /// Hồ sơ bị trừ điểm tiến độ of the QĐ 766 index.
        case index766Cost = "index766-cost"
        /// Đối chiếu cách tính: on-time rates under three rules, per unit.
        case onTimeRules = "on-time-rules"
        /// The dossiers the three on-time rules place differently.
        case onTimeDifferences = "on-time-differences"

        /// Tóm tắt: paragraphs of text from the figures (docs/rules.md#summary).
        case summary

        /// Sheets whose columns come from elsewhere (the rubric, the indicators): no header or columns in the template.
        var hasFixedColumns: Bool { self == .tt01Scores || self == .index766 || self == .onTimeRules || self == .summary }

        /// The figures a column of this kind of sheet may print.
        var figureNames: [String] {
            switch self {
            case .unitTable: return FigureRegistry.names
            case .overdueList: return OverdueFigures.names
            case .dataQuality: return FindingFigures.names
            case .tt01Scores, .index766, .onTimeRules, .summary: return []
            case .onTimeDifferences: return OnTimeDifferenceFigures.names
            case .index766Cost: return Index766CostFigures.names
            }
        }
    }

    /// Another template whose sheets stand here (`include: phu-luc`).
    package var include: String?
    package var kind: Kind?
    /// Sheet tab name (at most 31 characters).
    package var name: String
    package var font: FontSpec?
    package var title: [TextLine]?
    /// Header cells by range relative to the header block (`A1:A4: STT`).
    package var header: [String: String]
    package var headerRowHeights: [Double]?
    package var columns: [ColumnTemplate]
    package var total: TotalRowTemplate?
    package var footnotes: [TextLine]?
    package var page: PageTemplate?
    /// A native bar chart of one figure per unit (unit tables only).
    package var chart: ChartTemplate?
    /// Freeze the header rows and put an autofilter on them (lists).
    package var filter: Bool?
    /// What the rows run over (unit tables): `unit` (default), `unit-all`,
    /// `linh-vuc`, `thu-tuc`, `kenh`, `muc-do` or `thang` (docs/rules.md#dimensions).
    package var rows: ReportDimension?
    /// Unit rows in sections by level with a subtotal row each: `level`
    /// for Cấp tỉnh / Cấp huyện / Cấp xã, or a list of `{label, levels}`.
    package var sections: LevelSections?
    /// The rows instead of ``rows`` and ``sections`` when the report is about
    /// one unit, a unit with no units below it (docs/rules.md#bieu-06): the
    /// national form lists a unit's own work by lĩnh vực, a tree's by unit.
    package var oneUnitRows: ReportDimension?
    /// The heading of an official document (Nghị định 30/2020/NĐ-CP): issuing
    /// body on the left, national motto on the right, place and date.
    package var letterhead: Bool?
    /// The signature block below the table.
    package var signature: Bool?
    /// The paragraphs of a summary sheet (`kind: summary`).
    package var paragraphs: [SummaryParagraph]?
    /// Lists (`overdue-list`, `data-quality`): print every row in the report
    /// itself instead of a short summary there and the rows in a companion
    /// file (docs/rules.md#companion-files).
    package var inlineList: Bool?

    enum CodingKeys: String, CodingKey {
        case include, kind, name, font, title, header, columns, total, footnotes, page, chart, filter, letterhead, signature
        case rows, sections, paragraphs
        case headerRowHeights = "header_row_heights"
        case inlineList = "inline_list"
        case oneUnitRows = "one_unit_rows"
    }

    package init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        include = try c.decodeIfPresent(String.self, forKey: .include)
        kind = try c.decodeIfPresent(Kind.self, forKey: .kind)
        // An include line needs nothing else.
        name = include == nil ? try c.decode(String.self, forKey: .name) : (try c.decodeIfPresent(String.self, forKey: .name) ?? "")
        // An include line, and a TT01 sheet (its columns come from the rubric), need no header or columns.
        let needsTable = include == nil && kind?.hasFixedColumns != true
        header = needsTable ? try c.decode([String: String].self, forKey: .header) : [:]
        columns = needsTable ? try c.decode([ColumnTemplate].self, forKey: .columns) : []
        font = try c.decodeIfPresent(FontSpec.self, forKey: .font)
        title = try c.decodeIfPresent([TextLine].self, forKey: .title)
        headerRowHeights = try c.decodeIfPresent([Double].self, forKey: .headerRowHeights)
        total = try c.decodeIfPresent(TotalRowTemplate.self, forKey: .total)
        footnotes = try c.decodeIfPresent([TextLine].self, forKey: .footnotes)
        page = try c.decodeIfPresent(PageTemplate.self, forKey: .page)
        chart = try c.decodeIfPresent(ChartTemplate.self, forKey: .chart)
        filter = try c.decodeIfPresent(Bool.self, forKey: .filter)
        letterhead = try c.decodeIfPresent(Bool.self, forKey: .letterhead)
        signature = try c.decodeIfPresent(Bool.self, forKey: .signature)
        inlineList = try c.decodeIfPresent(Bool.self, forKey: .inlineList)
        rows = try c.decodeIfPresent(ReportDimension.self, forKey: .rows)
        paragraphs = try c.decodeIfPresent([SummaryParagraph].self, forKey: .paragraphs)
        oneUnitRows = try c.decodeIfPresent(ReportDimension.self, forKey: .oneUnitRows)
        if let word = try? c.decodeIfPresent(String.self, forKey: .sections) {
            guard word == "level" else {
                throw DecodingError.dataCorruptedError(forKey: .sections, in: c,
                                                       debugDescription: "sections: \"level\" or a list of {label, levels}")
            }
            sections = .standard
        } else if let list = try c.decodeIfPresent([SectionTemplate].self, forKey: .sections) {
            sections = LevelSections(sections: list.map { LevelSections.Section(label: $0.label, levels: $0.levels) })
        }
    }

    /// The table's rows: its dimension and sections.
    package var table: TableSpec { TableSpec(rows: rows ?? .unit, sections: sections) }

    /// The table's rows for this report: ``oneUnitRows`` when the report is
    /// about one unit and the template names them, else ``table``.
    package func table(for report: PeriodReport) -> TableSpec {
        if let oneUnitRows, report.isAboutOneUnit { return TableSpec(rows: oneUnitRows) }
        return table
    }
}

/// One section of unit rows: its label and the levels (Cap) it takes.
struct SectionTemplate: Decodable {
    var label: String
    var levels: [String]
}

extension ReportDimension: Decodable {}

extension ReportTemplate {
    /// The dimensions other than units that the template's tables group by,
    /// which the figures must be counted for.
    package var dimensions: Set<ReportDimension> {
        Set(sheets.filter { ($0.kind ?? .unitTable) == .unitTable }.flatMap { [$0.rows, $0.oneUnitRows].compactMap { $0 } }
            .filter { !$0.isUnitDimension })
    }

    /// The paragraphs of the first summary sheet, if the template has one.
    package var summaryParagraphs: [SummaryParagraph]? {
        sheets.first { $0.kind == .summary }?.paragraphs
    }

    /// The rows of the first unit table (the JSON's `rows`), as printed for this report.
    package func firstTable(for report: PeriodReport) -> TableSpec? {
        sheets.first { ($0.kind ?? .unitTable) == .unitTable }?.table(for: report)
    }
}

/// A bar chart placed below a unit table: one bar per unit row.
package struct ChartTemplate: Decodable, Sendable {
    /// The figure charted; it must also be one of the sheet's columns.
    package var figure: String
    package var title: String?
}

package struct FontSpec: Decodable, Sendable {
    package var name: String?
    package var size: Double?
}

/// A line of text above or below the table; `{placeholders}` are filled per run.
package struct TextLine: Decodable, Sendable {
    package var text: String
    package var bold: Bool?
    package var italic: Bool?
    package var size: Double?
    /// `center` (default), `left` or `right`.
    package var align: String?
}

package struct ColumnTemplate: Decodable, Sendable {
    /// The figure printed in the column (see `Templates/README.md` for the list).
    package var figure: String
    package var width: Double?
    /// `integer`, `rate` or `text`; defaults to the figure's own.
    package var format: String?
    /// `previous` or `year_ago`: the figure's change against that period
    /// instead of the figure (docs/rules.md#comparisons).
    package var compare: ComparisonKind?
}

extension ComparisonKind: Decodable {}

package struct TotalRowTemplate: Decodable, Sendable {
    package var label: String
    /// How many leading columns the label spans (merged).
    package var labelColumns: Int?

    enum CodingKeys: String, CodingKey {
        case label
        case labelColumns = "label_columns"
    }
}

package struct PageTemplate: Decodable, Sendable {
    package var orientation: String?
    package var fitWidth: Bool?
    package var repeatHeader: Bool?
    package var footer: String?

    enum CodingKeys: String, CodingKey {
        case orientation, footer
        case fitWidth = "fit_width"
        case repeatHeader = "repeat_header"
    }
}

extension ReportTemplate {
    /// Reads and checks a template file: YAML syntax, known figures, valid
    /// ranges. `include: NAME` lines are read from the same folder, else
    /// through `otherwise` (the built-in templates).
    package static func load(path: String,
                            otherwise: (String) throws -> (text: String, file: String)? = { _ in nil }) throws -> ReportTemplate {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw Message("template.unreadable", file: path, vi: "không đọc được tệp mẫu báo cáo.", en: "cannot read the template file.")
        }
        let dir = (path as NSString).deletingLastPathComponent
        return try parse(text, file: path) { name in
            let file = (dir as NSString).appendingPathComponent(name + ".yaml")
            if let text = try? String(contentsOfFile: file, encoding: .utf8) { return (text, file) }
            return try otherwise(name)
        }
    }

    /// A template's text, read and checked. `include` finds the text of an
    /// included template by name (`nil` when there is none), so that a
    /// template can come from a file or from the binary's built-in files.
    ///
    /// - throws: a ``Message`` (`template.*`), also for an include that leads back to a
    ///   template already being read (which would otherwise recurse forever).
    package static func parse(_ text: String, file: String,
                             include: (String) throws -> (text: String, file: String)?) throws -> ReportTemplate {
        try parse(text, file: file, include: include, including: [])
    }

    private static func parse(_ text: String, file: String, include: (String) throws -> (text: String, file: String)?,
                              including chain: [String]) throws -> ReportTemplate {
        let template: ReportTemplate
        do {
            template = try YAMLDecoder().decode(ReportTemplate.self, from: text)
        } catch let error as YamlError {
            throw Message("template.yaml-syntax", file: file, vi: "lỗi cú pháp YAML: \(error)", en: "YAML syntax error: \(error)")
        } catch let error as DecodingError {
            let (vi, en) = DecodingProblem.describe(error)
            throw Message("template.invalid", file: file, vi: vi, en: en)
        }
        let chain = chain + [file]
        var resolved = template
        resolved.sheets = try template.sheets.flatMap { sheet -> [SheetTemplate] in
            guard let name = sheet.include else { return [sheet] }
            guard let included = try include(name) else {
                throw Message("template.include-missing", file: file, vi: "include: không có mẫu \"\(name)\".",
                                    en: "include: no template \"\(name)\".")
            }
            if chain.contains(included.file) {
                let loop = (chain + [included.file]).joined(separator: " → ")
                throw Message("template.include-loop", file: file, vi: "include: các mẫu gọi lẫn nhau thành vòng (\(loop)).",
                                    en: "include: the templates include each other in a loop (\(loop)).")
            }
            let sheets = try parse(included.text, file: included.file, include: include, including: chain).sheets
            // `inline_list` on an include line applies to the lists it brings.
            guard let inline = sheet.inlineList else { return sheets }
            return sheets.map { s in
                var s = s
                if s.kind == .overdueList || s.kind == .dataQuality { s.inlineList = inline }
                return s
            }
        }
        try resolved.validate(file: file)
        return resolved
    }

    func validate(file: String) throws {
        guard !sheets.isEmpty else {
            throw Message("template.no-sheets", file: file, vi: "mẫu không có trang tính nào (sheets).", en: "the template has no sheets.")
        }
        var names: Set<String> = []
        for (s, sheet) in sheets.enumerated() {
            let at = "sheets[\(s)] (\(sheet.name))"
            // Excel compares sheet names ignoring case; a repeated include gives two.
            guard names.insert(sheet.name.lowercased()).inserted else {
                throw Message("template.duplicate-sheet", file: file, vi: "\(at): hai trang tính cùng tên \"\(sheet.name)\".",
                                    en: "\(at): two sheets are named \"\(sheet.name)\".")
            }
            if sheet.name.isEmpty || sheet.name.count > 31 || sheet.name.contains(where: { "[]:*?/\\".contains($0) }) {
                throw Message("template.bad-sheet-name", file: file, vi: "\(at): tên trang tính phải có 1–31 ký tự, không chứa []:*?/\\.",
                                    en: "\(at): a sheet name needs 1–31 characters without []:*?/\\.")
            }
            let kind = sheet.kind ?? .unitTable
            let known = kind.figureNames
            for (c, column) in sheet.columns.enumerated() where !known.contains(column.figure) {
                throw Message("template.unknown-figure", 
                    file: file,
                    vi: "\(at).columns[\(c)]: không có chỉ tiêu \"\(column.figure)\". Các chỉ tiêu: \(known.joined(separator: ", ")).",
                    en: "\(at).columns[\(c)]: unknown figure \"\(column.figure)\". Known figures: \(known.joined(separator: ", ")).")
            }
            if let chart = sheet.chart, !sheet.columns.contains(where: { $0.figure == chart.figure }) {
                throw Message("template.chart-figure", file: file, vi: "\(at).chart: chỉ tiêu \"\(chart.figure)\" phải là một cột của trang.",
                                    en: "\(at).chart: the figure \"\(chart.figure)\" must be one of the sheet's columns.")
            }
            // Excel's own limits; beyond them (or NaN) row heights and page layout cannot be computed.
            func within(_ value: Double?, _ range: ClosedRange<Double>, _ key: String) throws {
                guard let value, !range.contains(value) else { return }
                throw Message("template.size-out-of-range", file: file,
                              vi: "\(at).\(key): \(value) nằm ngoài \(Int(range.lowerBound))–\(Int(range.upperBound)).",
                              en: "\(at).\(key): \(value) is outside \(Int(range.lowerBound))–\(Int(range.upperBound)).")
            }
            try within(sheet.font?.size, 1...409, "font.size")
            for (i, line) in ((sheet.title ?? []) + (sheet.footnotes ?? [])).enumerated() { try within(line.size, 1...409, "title/footnotes[\(i)].size") }
            for (c, column) in sheet.columns.enumerated() { try within(column.width, 0...255, "columns[\(c)].width") }
            for (i, h) in (sheet.headerRowHeights ?? []).enumerated() { try within(h, 0...409, "header_row_heights[\(i)]") }
            if sheet.inlineList != nil && kind != .overdueList && kind != .dataQuality {
                throw Message("template.inline-list-kind", file: file, vi: "\(at): inline_list chỉ dùng cho danh sách (overdue-list, data-quality).",
                                    en: "\(at): inline_list is for lists only (overdue-list, data-quality).")
            }
            if (sheet.rows != nil || sheet.sections != nil || sheet.oneUnitRows != nil) && kind != .unitTable {
                throw Message("template.rows-kind", file: file, vi: "\(at): rows, sections và one_unit_rows chỉ dùng cho bảng theo đơn vị (unit-table).",
                                    en: "\(at): rows, sections and one_unit_rows are for unit tables only.")
            }
            if sheet.sections != nil && !(sheet.rows ?? .unit).isUnitDimension {
                throw Message("template.sections-rows", file: file, vi: "\(at): sections (chia theo cấp) chỉ dùng với rows: unit hoặc unit-all.",
                                    en: "\(at): sections (by level) need rows: unit or unit-all.")
            }
            if sheet.sections != nil && sheet.chart != nil {
                throw Message("template.sections-chart", file: file, vi: "\(at): biểu đồ không dùng được với sections (dòng cộng từng cấp sẽ lẫn vào).",
                                    en: "\(at): a chart cannot be used with sections (the subtotal rows would be charted).")
            }
            if kind == .summary {
                guard let paragraphs = sheet.paragraphs, !paragraphs.isEmpty else {
                    throw Message("template.summary-paragraphs", file: file, key: at,
                                  vi: "\(at): trang tóm tắt cần danh sách paragraphs.", en: "\(at): a summary sheet needs paragraphs.")
                }
                try SummaryText.validate(paragraphs, file: file, sheet: at)
            } else if sheet.paragraphs != nil {
                throw Message("template.paragraphs-kind", file: file, key: at,
                              vi: "\(at): paragraphs chỉ dùng cho trang tóm tắt (kind: summary).",
                              en: "\(at): paragraphs are for summary sheets (kind: summary) only.")
            }
            if sheet.columns.isEmpty && !kind.hasFixedColumns {
                throw Message("template.no-columns", file: file, vi: "\(at): trang không có cột nào.", en: "\(at): the sheet has no columns.")
            }
            for (c, column) in sheet.columns.enumerated() where column.compare != nil {
                guard kind == .unitTable, FigureCatalogue.figure(named: column.figure).map({ $0.format != .text }) == true else {
                    throw Message("template.compare-figure", file: file, key: "\(at).columns[\(c)]",
                                  vi: "\(at).columns[\(c)]: compare chỉ dùng với một chỉ tiêu số của bảng theo đơn vị, không với \"\(column.figure)\".",
                                  en: "\(at).columns[\(c)]: compare needs a numeric figure of a unit table, not \"\(column.figure)\".")
                }
            }
            for (c, column) in sheet.columns.enumerated() {
                if let f = column.format, CellKind(rawValue: f) == nil {
                    throw Message("template.bad-format", file: file, vi: "\(at).columns[\(c)]: định dạng \"\(f)\" không hợp lệ (integer, rate, decimal, date, text).",
                                        en: "\(at).columns[\(c)]: unknown format \"\(f)\" (integer, rate, decimal, date, text).")
                }
            }
            for range in sheet.header.keys {
                guard let r = CellRange(range), r.lastColumn < sheet.columns.count else {
                    throw Message("template.bad-header-range", file: file,
                                        vi: "\(at).header: ô \"\(range)\" không hợp lệ hoặc vượt quá \(sheet.columns.count) cột.",
                                        en: "\(at).header: range \"\(range)\" is invalid or beyond the \(sheet.columns.count) columns.")
                }
            }
        }
    }
}
