import XCTest
import MotCuaCore
import MotCuaTestSupport
import XlsxWriter
@testable import MotCuaReport

/// The report a clerk prints (docs/rules.md#companion-files, docs/rules.md#chart-axis):
/// long lists in companion files with a summary that adds up to them, charts on
/// pages of their own without empty units, the axis rule, print titles only
/// over their own table, even list rows. No page counts: structure only.
final class PrintableReportTests: TemporaryDirectoryTestCase {
    let templates = AppendixWorkbookTests.templatesDir

    /// A district (with a desk and a commune under it), a department and an
    /// empty commune under the province. Overdue: 3 at the district (one
    /// finished late, one without an apology letter at the commune), 1 at the
    /// department; nothing at the empty commune.
    static func province() -> PeriodReport {
        let period = ReportPeriod.parse("2020-10")!
        let catalogue = ProcedureCatalogue([Procedure(code: "P", name: "Cấp giấy phép", level: .two)])
        let tree = UnitTree([
            OrgUnit(code: "LC", name: "UBND tỉnh Lai Châu", level: "tinh"),
            OrgUnit(code: "TU", name: "UBND huyện Tân Uyên", level: "huyen", parentCode: "LC", sortOrder: 1),
            OrgUnit(code: "TU.BP", name: "Bộ phận Một cửa huyện Tân Uyên", level: "huyen", parentCode: "TU", sortOrder: 1),
            OrgUnit(code: "TU.MK", name: "UBND xã Mường Khoa", level: "xa", parentCode: "TU", sortOrder: 2),
            OrgUnit(code: "STP", name: "Sở Tư pháp", level: "so-nganh", parentCode: "LC", sortOrder: 2),
            OrgUnit(code: "NC", name: "UBND xã Nậm Cần", level: "xa", parentCode: "LC", sortOrder: 3),
        ])
        var agg = PeriodAggregator(period: period, catalogue: catalogue)
        func at(_ d: Int, _ h: Int = 8) -> LocalDateTime { LocalDateTime(year: 2020, month: 10, day: d, hour: h)! }
        agg.add(Dossier(code: "BP-1", unitCode: "TU.BP", procedureCode: "P", receivedAt: at(1), dueAt: at(5, 17), apologyCount: 1))
        agg.add(Dossier(code: "BP-2", unitCode: "TU.BP", procedureCode: "P", receivedAt: at(1), dueAt: at(6, 17),
                        finishedAt: at(12), apologyCount: 1))
        agg.add(Dossier(code: "MK-1", unitCode: "TU.MK", procedureCode: "P", receivedAt: at(2), dueAt: at(7, 17)))
        agg.add(Dossier(code: "MK-2", unitCode: "TU.MK", procedureCode: "P", receivedAt: at(2), dueAt: at(9, 17), finishedAt: at(5)))
        agg.add(Dossier(code: "STP-1", unitCode: "STP", procedureCode: "P", receivedAt: at(5), dueAt: at(8, 17), apologyCount: 2))
        agg.add(Dossier(code: "STP-2", unitCode: "STP", procedureCode: "P", receivedAt: at(5), dueAt: at(20, 17), finishedAt: at(6)))
        return agg.report(scope: nil, tree: tree)
    }

    /// The default workbook without the TT01 sheet (which needs a rubric).
    func writeDefault(_ report: PeriodReport, inline: Bool = false) throws -> (main: String, companions: [String]) {
        let text = """
            name: t
            sheets:
              - include: dung-han
              - include: qua-han\(inline ? "\n    inline_list: true" : "")
              - include: kiem-tra-du-lieu
            """
        let file = templates.appendingPathComponent("t.yaml").path
        let template = try ReportTemplate.parse(text, file: file) { name in
            let path = self.templates.appendingPathComponent(name + ".yaml").path
            return (try String(contentsOfFile: path, encoding: .utf8), path)
        }
        let out = dir.appendingPathComponent("bao-cao.xlsx").path
        let context = ReportContext(report: report, issuer: "UBND tỉnh Lai Châu", place: "Lai Châu",
                                    reportDate: CivilDate(year: 2020, month: 11, day: 5)!)
        let companions = try WorkbookWriter.write(template: template, templateFile: file, context: context, to: out, companions: true)
        return (out, companions)
    }

    /// Data rows of a list sheet: those below the STT header with a number in column 0.
    func dataRows(_ sheet: XLSXWorkbook.Sheet) -> [Int] {
        guard let header = sheet.row(whereColumn: 0, is: "STT") else { return [] }
        return (header + 1..<sheet.rowCount).filter { sheet.cell($0, 0)?.number != nil }
    }

    func testCompanionFilesHoldEveryOverdueRowOneSheetPerTopLevelUnit() throws {
        let report = Self.province()
        XCTAssertEqual(report.overdue.count, 4, "BP-1, BP-2 (late), MK-1, STP-1")
        let (main, companions) = try writeDefault(report)
        let overduePath = dir.appendingPathComponent("bao-cao-qua-han.xlsx").path
        let qualityPath = dir.appendingPathComponent("bao-cao-kiem-tra-du-lieu.xlsx").path
        XCTAssertEqual(companions, [overduePath, qualityPath])
        XCTAssertTrue(FileManager.default.fileExists(atPath: main))

        let book = try XLSXWorkbook(path: overduePath)
        // The district's desk and commune together on the district's sheet; the empty commune has none.
        XCTAssertEqual(book.sheets.map(\.name), ["UBND huyện Tân Uyên", "Sở Tư pháp"])
        var codes: [String] = []
        for sheet in book.sheets { codes += dataRows(sheet).map { sheet.text($0, 2) } }
        XCTAssertEqual(codes.sorted(), report.overdue.map(\.dossier.code).sorted(), "every overdue row, once")
        XCTAssertEqual(dataRows(book["UBND huyện Tân Uyên"]!).count, 3)
    }

    func testTheSummaryAddsUpToTheList() throws {
        let report = Self.province()
        let (main, companions) = try writeDefault(report)
        let summary = try XCTUnwrap(try XLSXWorkbook(path: main)["Quá hạn"])
        let list = try XLSXWorkbook(path: companions[0])
        let header = try XCTUnwrap(summary.row(whereColumn: 0, is: "STT"))
        let total = try XCTUnwrap(summary.row(whereColumn: 0, is: "TỔNG CỘNG"))
        XCTAssertEqual(total - header - 1, 2, "one line per unit with overdue dossiers")
        for r in header + 1..<total {
            let unit = summary.text(r, 1)
            let late = try XCTUnwrap(summary.cell(r, 2)?.number), overdue = try XCTUnwrap(summary.cell(r, 3)?.number)
            XCTAssertEqual(summary.cell(r, 4)?.number, late + overdue)
            XCTAssertEqual(Int(late + overdue), dataRows(try XCTUnwrap(list[unit])).count, unit)
        }
        // Tân Uyên: BP-2 finished late; BP-1 and MK-1 pending past due; MK-1 without a letter.
        let tu = try XCTUnwrap(summary.row(whereColumn: 1, is: "UBND huyện Tân Uyên"))
        XCTAssertEqual((2...5).map { summary.cell(tu, $0)?.number }, [1, 2, 3, 1])
        XCTAssertEqual(summary.text(tu, 7), "BP-1", "the oldest: due 5/10, pending at the cutoff")
        XCTAssertEqual(summary.cell(total, 4)?.number, Double(report.overdue.count))
        XCTAssertEqual(summary.cell(total, 5)?.number, Double(report.overdue.filter(\.lacksApology).count))
        let oldest = try XCTUnwrap(report.overdue.max { $0.daysOverdue < $1.daysOverdue })
        XCTAssertEqual(summary.cell(total, 6)?.number, Double(oldest.daysOverdue))
        XCTAssertTrue(summary.cells.values.contains { $0.description.contains("bao-cao-qua-han.xlsx") }, "names the companion")

        // Data quality: the summary counts what the companion lists.
        let quality = try XCTUnwrap(try XLSXWorkbook(path: main)["Kiểm tra dữ liệu"])
        let qTotal = try XCTUnwrap(quality.row(whereColumn: 0, is: "TỔNG CỘNG"))
        let findings = try XCTUnwrap(try XLSXWorkbook(path: companions[1])["Kiểm tra dữ liệu"])
        XCTAssertEqual(quality.cell(qTotal, 2)?.number, Double(dataRows(findings).count))
        XCTAssertEqual(Double(report.findings.count), Double(dataRows(findings).count))
    }

    func testInlineListKeepsTheFullListInTheReport() throws {
        let report = Self.province()
        let (main, companions) = try writeDefault(report, inline: true)
        XCTAssertEqual(companions, [dir.appendingPathComponent("bao-cao-kiem-tra-du-lieu.xlsx").path])
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("bao-cao-qua-han.xlsx").path))
        let list = try XCTUnwrap(try XLSXWorkbook(path: main)["Quá hạn"])
        XCTAssertEqual(dataRows(list).count, report.overdue.count)
    }

    func testListRowsHaveEvenHeights() throws {
        let (_, companions) = try writeDefault(Self.province())
        for sheet in try XLSXWorkbook(path: companions[0]).sheets {
            let rows = Set(dataRows(sheet).map { $0 + 1 })
            let heights = XMLRows.heights(sheet.xml).filter { rows.contains($0.key) }.map(\.value)
            XCTAssertEqual(heights.count, rows.count, "every list row has its height set")
            XCTAssertEqual(Set(heights).count, 1, "\(sheet.name): \(heights)")
        }
    }

    func testChartOnItsOwnSheetLeavesOutUnitsWithoutDossiers() throws {
        let (main, _) = try writeDefault(Self.province())
        let book = try XLSXWorkbook(path: main)
        XCTAssertEqual(book.sheets.map(\.name), ["Đúng hạn", "Đúng hạn - biểu đồ", "Quá hạn", "Kiểm tra dữ liệu"])
        let data = try XCTUnwrap(book["Đúng hạn - biểu đồ"])
        // Nậm Cần received nothing: not a bar. Tân Uyên: MK-2 early, BP-2 late → 50 %.
        let names = (0..<data.rowCount).map { data.text($0, 20) }.filter { !$0.isEmpty }
        XCTAssertEqual(names, ["UBND huyện Tân Uyên", "Sở Tư pháp"])
        XCTAssertEqual(data.cell(0, 21)?.number, 50)
        let chart = try XLSXWorkbook.entry("xl/charts/chart1.xml", in: main)
        XCTAssertTrue(chart.contains("'Đúng hạn - biểu đồ'!$U$1:$U$2"), chart)
        XCTAssertTrue(chart.contains("<c:min val=\"40\"/>"), "50 % and 100 %: from 40, below the lowest")
        // No print titles on the chart sheet: the table's header does not repeat over the chart.
        let workbookXML = try XLSXWorkbook.entry("xl/workbook.xml", in: main)
        XCTAssertFalse(workbookXML.contains("Print_Titles\" localSheetId=\"1\""), "only a print area there: \(workbookXML)")
        XCTAssertTrue(workbookXML.contains("Print_Area\" localSheetId=\"1\">'Đúng hạn - biểu đồ'!$A$1:$P$33"), workbookXML)
    }

    func testRateAxisMinimumHandCases() {
        XCTAssertEqual(ChartAxis.rateMinimum([93, 100, 97.6]), 90)
        XCTAssertEqual(ChartAxis.rateMinimum([92]), 90, "exactly 2 points above a multiple of 10")
        XCTAssertEqual(ChartAxis.rateMinimum([91.9]), 80)
        XCTAssertEqual(ChartAxis.rateMinimum([90]), 80)
        XCTAssertEqual(ChartAxis.rateMinimum([100]), 90)
        XCTAssertEqual(ChartAxis.rateMinimum([50]), 40)
        XCTAssertEqual(ChartAxis.rateMinimum([49.9, 100]), 0, "a low value: from 0")
        XCTAssertEqual(ChartAxis.rateMinimum([]), 0)
    }

    func testChartPagesSplitEvenlyAndKeepEveryBar() {
        XCTAssertEqual(ChartAxis.pages(125, perPage: 30).map(\.count), [25, 25, 25, 25, 25])
        XCTAssertEqual(ChartAxis.pages(19, perPage: 30), [0..<19])
        XCTAssertEqual(ChartAxis.pages(31, perPage: 30).map(\.count), [15, 16])
        XCTAssertEqual(ChartAxis.pages(0, perPage: 30), [])
        for n in 1...200 {
            let pages = ChartAxis.pages(n, perPage: 30)
            XCTAssertEqual(pages.map(\.count).reduce(0, +), n)
            XCTAssertTrue(pages.allSatisfy { $0.count <= 30 })
            XCTAssertEqual(zip(pages, pages.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound }, true)
        }
    }

    func testManyUnitsGiveSeveralChartsOnePerPage() throws {
        let units = [OrgUnit(code: "LC", name: "UBND tỉnh Lai Châu", level: "tinh")]
            + (1...61).map { OrgUnit(code: "X\($0)", name: "UBND xã số \($0)", level: "xa", parentCode: "LC", sortOrder: $0) }
        var agg = PeriodAggregator(period: ReportPeriod.parse("2020-10")!, catalogue: ProcedureCatalogue([]))
        func at(_ d: Int, _ h: Int = 8) -> LocalDateTime { LocalDateTime(year: 2020, month: 10, day: d, hour: h)! }
        for i in 1...61 {
            agg.add(Dossier(code: "D\(i)", unitCode: "X\(i)", receivedAt: at(1), dueAt: at(9, 17), finishedAt: at(i % 3 == 0 ? 2 : 8)))
        }
        let (main, _) = try writeDefault(agg.report(scope: nil, tree: UnitTree(units)))
        let sheet = try XCTUnwrap(try XLSXWorkbook(path: main)["Đúng hạn - biểu đồ"])
        XCTAssertTrue(sheet.xml.contains("<rowBreaks count=\"2\""), "three pages: \(sheet.xml.prefix(2000))")
        let charts = try (1...3).map { try XLSXWorkbook.entry("xl/charts/chart\($0).xml", in: main) }
        XCTAssertTrue(charts[0].contains("$U$1:$U$20") && charts[1].contains("$U$21:$U$40") && charts[2].contains("$U$41:$U$61"))
        XCTAssertTrue(charts.allSatisfy { $0.contains("<c:min val=\"90\"/>") }, "every rate is 100 %: the axis starts at 90")
        XCTAssertTrue(charts[0].contains("Trục bắt đầu từ 90 %"), "and says so")
    }

    func testTT01CriteriaHaveTheirOwnSheetWithoutTheScoreHeader() throws {
        let rubric = try RubricFile.load(path: templates.appendingPathComponent("rubric-tt01.yaml").path)
        let path = dir.appendingPathComponent("tt01.xlsx").path
        let workbook = try Workbook(path: path)
        try ScoringSheet.write(to: workbook, rows: [.init(unitName: "UBND xã Mường Khoa", score: UnitScore())],
                               total: UnitScore(), rubric: rubric, title: "KẾT QUẢ CHẤM ĐIỂM", period: "Tháng 10 năm 2020")
        try workbook.close()
        let book = try XLSXWorkbook(path: path)
        XCTAssertEqual(book.sheets.map(\.name), ["Chấm điểm TT01", "Chấm điểm TT01 - tiêu chí"])
        XCTAssertNil(book["Chấm điểm TT01"]!.row(whereColumn: 0, is: "CS1"), "no criteria under the scores")
        XCTAssertNotNil(book["Chấm điểm TT01 - tiêu chí"]!.row(whereColumn: 0, is: "CS1"))
        let workbookXML = try XLSXWorkbook.entry("xl/workbook.xml", in: path)
        XCTAssertTrue(workbookXML.contains("'Chấm điểm TT01'!$4:$5"), "print titles: the score header rows")
        XCTAssertFalse(workbookXML.contains("Print_Titles\" localSheetId=\"1\""), "none over the criteria: \(workbookXML)")
    }

    func testLetterheadRulesArePicturesAcrossTheirBlocks() throws {
        let (main, _) = try writeDefault(Self.province())
        let drawing = try XLSXWorkbook.entry("xl/drawings/drawing1.xml", in: main)
        // Two pictures (the rules) on the on-time sheet: under the issuer across
        // columns A–G, under the motto across its block (anchored to both edges of the block).
        XCTAssertEqual(drawing.components(separatedBy: "<xdr:pic>").count - 1, 2, drawing)
        XCTAssertEqual(drawing.components(separatedBy: "<xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff>").count - 1, 1, drawing)
        // The motto's block starts where the template's letterhead puts it (after the comparison columns were added, not column 9).
        let starts = drawing.components(separatedBy: "<xdr:from><xdr:col>").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
        XCTAssertEqual(starts.filter { $0 > 0 }.count, 1, drawing)
        let book = try XLSXWorkbook(path: main)
        XCTAssertEqual(book["Đúng hạn"]?.text(0, 0), "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU")
    }
}

/// Row heights and attributes read from sheet XML.
enum XMLRows {
    /// `r` (1-based row) → `ht`, for the rows with a height set.
    static func heights(_ xml: String) -> [Int: Double] {
        var out: [Int: Double] = [:]
        for match in xml.matches(of: /<row r="(\d+)"[^>]*? ht="([\d.]+)"/) {
            if let r = Int(match.1), let h = Double(match.2) { out[r] = h }
        }
        return out
    }

    static func attributes(_ element: String, _ name: String, in xml: String) -> [String] {
        xml.components(separatedBy: "<\(element) ").dropFirst().compactMap { part in
            guard let range = part.range(of: "\(name)=\"") else { return nil }
            return String(part[range.upperBound...].prefix { $0 != "\"" })
        }
    }
}
