import XCTest
@testable import MotCuaReport
import MotCuaCore

/// The wording of changes and the checks of summary templates (docs/rules.md#summary).
final class SummaryTextTests: XCTestCase {
    func testChangesOfCountsAreInPercentAndRatesInPoints() {
        XCTAssertEqual(FigureChange.countChange(1907, 1096), "tăng 74,0%")
        XCTAssertEqual(FigureChange.countChange(97, 100), "giảm 3,0%")
        XCTAssertEqual(FigureChange.countChange(5, 5), "không thay đổi")
        XCTAssertEqual(FigureChange.countChange(12, 0), "tăng 12 hồ sơ (kỳ so sánh: 0)")
        XCTAssertEqual(FigureChange.countChange(0, 4), "giảm 100,0%")
        XCTAssertEqual(FigureChange.difference(1.26, unit: "điểm %"), "+1,3 điểm %")
        XCTAssertEqual(FigureChange.difference(-0.44, unit: "điểm %"), "-0,4 điểm %")
        XCTAssertEqual(FigureChange.difference(-0.44, unit: "điểm %", prose: true), "giảm 0,4 điểm %")
        XCTAssertEqual(FigureChange.difference(0.04, unit: "điểm %"), "không thay đổi")
    }

    func testListsReadAsVietnamese() {
        XCTAssertEqual(SummaryText.list(["A"]), "A")
        XCTAssertEqual(SummaryText.list(["A", "B"]), "A và B")
        XCTAssertEqual(SummaryText.list(["A", "B", "C"]), "A, B và C")
        XCTAssertEqual(SummaryText.count(1907), "1.907")
        XCTAssertEqual(SummaryText.rate(97.63), "97,6%")
    }

    private func template(_ paragraph: String) -> String {
        """
        name: t
        sheets:
          - name: Tóm tắt
            kind: summary
            paragraphs:
        \(paragraph)
        """
    }

    func testAnUnknownPlaceholderIsATemplateErrorNamingFileAndParagraph() {
        let text = template("      - { key: tiep-nhan, text: \"Tiếp nhận {receivd} hồ sơ\" }")
        XCTAssertThrowsError(try ReportTemplate.parse(text, file: "tom-tat.yaml", include: { _ in nil })) { error in
            let m = error as! Message
            XCTAssertEqual(m.code, "template.summary-placeholder")
            XCTAssertEqual(m.place.file, "tom-tat.yaml")
            XCTAssertTrue(m.text(.vi).contains("tiep-nhan") && m.text(.vi).contains("{receivd}"), m.text(.vi))
        }
        for bad in ["{received.last_year}", "{level_note}", "{received.previous.x}"] {
            XCTAssertThrowsError(try ReportTemplate.parse(template("      - { key: a, text: \"\(bad)\" }"), file: "f.yaml",
                                                          include: { _ in nil }), bad)
        }
        XCTAssertThrowsError(try ReportTemplate.parse(template("      - { key: a, text: x, when: [previus] }"), file: "f.yaml",
                                                      include: { _ in nil })) { error in
            XCTAssertEqual((error as! Message).code, "template.summary-condition")
        }
        XCTAssertNoThrow(try ReportTemplate.parse(
            template("      - { key: a, text: \"{received.vs_year_ago} {on_time_rate.previous} {period_name} {most_overdue}\", when: [\"not previous\", pending_overdue] }"),
            file: "f.yaml", include: { _ in nil }))
    }

    func testPlaceholderNamesAreThoseTheContextFills() {
        let report = PeriodAggregator(period: ReportPeriod.parse("2020-10")!, catalogue: ProcedureCatalogue([]))
            .report(scope: nil, tree: UnitTree([]))
        let context = ReportContext(report: report, issuer: "UBND huyện Tân Uyên", place: "Tân Uyên",
                                    reportDate: CivilDate(year: 2020, month: 11, day: 5)!)
        XCTAssertEqual(Set(context.placeholders.keys), Set(ReportContext.placeholderNames))
    }
}
