import XCTest
import MotCuaCore
import MotCuaTestSupport
import XlsxWriter
@testable import MotCuaReport

/// The rubric file (`Templates/rubric-tt01.yaml`): the shipped default, errors
/// that name the file and line, editing without recompiling, and the
/// "Chấm điểm TT01" sheet written from it.
final class RubricFileTests: TemporaryDirectoryTestCase {
    static let shippedRubric = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Templates/rubric-tt01.yaml").path

    func write(_ text: String, name: String = "rubric.yaml") throws -> String {
        let path = dir.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The error thrown by loading `text`, as written to a file named `name`.
    func loadError(_ text: String, name: String = "rubric.yaml", file: StaticString = #filePath, line: UInt = #line) -> Message? {
        do {
            _ = try RubricFile.load(path: try write(text, name: name))
            XCTFail("expected an error", file: file, line: line)
            return nil
        } catch let error as Message {
            return error
        } catch {
            XCTFail("unexpected \(error)", file: file, line: line)
            return nil
        }
    }

    let catalogue = ProcedureCatalogue([Procedure(code: "P4", name: "Toàn trình", level: .four, disclosure: 2)])

    func finishedDossier(supplements: Int? = 0) -> Dossier {
        Dossier(code: "H1", unitCode: "U", procedureCode: "P4", receivedAt: LocalDateTime(year: 2020, month: 10, day: 1, hour: 8)!,
                dueAt: LocalDateTime(year: 2020, month: 10, day: 5, hour: 17)!,
                finishedAt: LocalDateTime(year: 2020, month: 10, day: 5, hour: 9)!, supplementCount: supplements)
    }

    // MARK: The shipped rubric

    func testShippedRubricIsTheDefaultOfSpec5() throws {
        let rubric = try RubricFile.load(path: Self.shippedRubric)
        XCTAssertEqual(rubric.indicators.map(\.number), Array(1...9))
        XCTAssertTrue(rubric.indicators.allSatisfy { $0.enabled && $0.maxPoints == 2 })
        XCTAssertEqual(rubric.indicators.map(\.source),
                       [.onTimeClass, .steps, .supplementCount, .notDerived, .notDerived, .disclosure, .notDerived, .notDerived, .serviceLevel])
        XCTAssertEqual(rubric[1]?.rule, .onTimeClass(early: 2, onTime: 1, late: 0))
        XCTAssertEqual(rubric[2]?.rule, .steps(allEarly: 2, allOnTime: 1, anyLate: 0))
        XCTAssertEqual(rubric[3]?.rule, .supplementCount(thresholds: [SupplementThreshold(atMost: 0, points: 2),
                                                                      SupplementThreshold(atMost: 1, points: 1)], more: 0))
        XCTAssertEqual(rubric[6]?.rule, .disclosure(full: 2, partial: 1, none: 0))
        XCTAssertEqual(rubric[9]?.rule, .serviceLevel(level4: 2, level3: 1, other: 0))
        XCTAssertEqual(rubric[6]?.name, "Công khai các thủ tục hành chính")
        XCTAssertEqual(rubric.bands, [RubricBand(name: "Tốt", minimumPercent: 90), RubricBand(name: "Khá", minimumPercent: 75),
                                      RubricBand(name: "Trung bình", minimumPercent: 50), RubricBand(name: "Kém", minimumPercent: 0)])
        // On the due day, no supplement, P4: 1 + 2 + 2 + 2 of 8.
        let score = try XCTUnwrap(Tt01Scorer(rubric: rubric, catalogue: catalogue).score(finishedDossier(), finish: .onTime))
        XCTAssertEqual(score.points, 7)
        XCTAssertEqual(score.maxPoints, 8)
    }

    // MARK: Editing without recompiling

    func testEditedRubricFileChangesScoresWithoutRecompiling() throws {
        let shipped = try String(contentsOfFile: Self.shippedRubric, encoding: .utf8)
        // A province gives 2 points on the due day, drops indicator 9 and raises "Tốt" to 95 %.
        var edited = shipped.replacingOccurrences(of: "points: { early: 2, on_time: 1, late: 0 }\n\n  - number: 2",
                                                  with: "points: { early: 2, on_time: 2, late: 0 }\n\n  - number: 2")
        edited = edited.replacingOccurrences(of: "    source: service_level\n", with: "    source: service_level\n    enabled: false\n")
        edited = edited.replacingOccurrences(of: "{ name: Tốt, min: 90 }", with: "{ name: Tốt, min: 95 }")
        XCTAssertNotEqual(edited, shipped)
        let original = try RubricFile.load(path: Self.shippedRubric)
        let changed = try RubricFile.load(path: try write(edited, name: "rubric-tinh.yaml"))

        let before = try XCTUnwrap(Tt01Scorer(rubric: original, catalogue: catalogue).score(finishedDossier(), finish: .onTime))
        let after = try XCTUnwrap(Tt01Scorer(rubric: changed, catalogue: catalogue).score(finishedDossier(), finish: .onTime))
        XCTAssertEqual(before[1], 1)
        XCTAssertEqual(after[1], 2)
        XCTAssertEqual(before[9], 2)
        XCTAssertNil(after[9], "a dropped indicator is not scored")
        XCTAssertEqual([before.points, before.maxPoints], [7, 8])
        XCTAssertEqual([after.points, after.maxPoints], [6, 6])
        XCTAssertEqual(changed.enabledIndicators.map(\.number), [1, 2, 3, 4, 5, 6, 7, 8])

        var unit = UnitScore()
        unit.points = 92; unit.maxPoints = 100; unit.scored = 10
        XCTAssertEqual(unit.band(in: original)?.name, "Tốt")
        XCTAssertEqual(unit.band(in: changed)?.name, "Khá")
    }

    func testAProvinceCanRenameAndRescoreIndicatorsFromScratch() throws {
        let rubric = try RubricFile.parse("""
            name: Mẫu tỉnh X
            indicators:
              - { number: 1, name: Đúng hạn, source: onTimeClass, max: 4, points: { Early: 4, On-Time: 3, late: 0 } }
              - number: 3
                name: Bổ sung
                source: supplement_count
                points: { 0: 2, 2: 1, more: 0 }
            bands:
              - { name: Đạt, min: "80%" }
              - { name: Chưa đạt, min: 0 }
            """, file: "x.yaml")
        XCTAssertEqual(rubric.name, "Mẫu tỉnh X")
        XCTAssertEqual(rubric[1]?.maxPoints, 4)
        XCTAssertEqual(rubric[1]?.rule, .onTimeClass(early: 4, onTime: 3, late: 0))
        let scorer = Tt01Scorer(rubric: rubric, catalogue: catalogue)
        let s = try XCTUnwrap(scorer.score(finishedDossier(supplements: 2), finish: .onTime))
        XCTAssertEqual([s[1], s[3]], [3, 1])
        XCTAssertEqual([s.points, s.maxPoints], [4, 6])
        XCTAssertEqual(rubric.bands.map(\.minimumPercent), [80, 0])
    }

    // MARK: Errors name the file and the line

    func testYAMLSyntaxErrorNamesFileLineAndColumn() throws {
        let error = try XCTUnwrap(loadError("""
            name: x
            indicators:
              - number: 1
                name: "unterminated
            bands: []
            """, name: "hong.yaml"))
        XCTAssertTrue(error.place.file?.hasSuffix("hong.yaml") == true)
        XCTAssertEqual(error.code, "rubric.yaml-syntax")
        XCTAssertTrue(error.text(.vi).contains("hong.yaml, dòng "), error.text(.vi))
        XCTAssertTrue(error.text(.en).contains("YAML syntax error"), error.text(.en))
        XCTAssertNotNil(error.place.line, error.text(.en))
        XCTAssertNotNil(error.place.column, error.text(.en))
        XCTAssertTrue(error.en.contains("quoted scalar at line 4"), "the context names where the quote opened: \(error.en)")
    }

    func testDuplicateKeyIsASyntaxErrorWithItsLine() throws {
        let error = try XCTUnwrap(loadError("name: a\nname: b\nindicators: []\nbands: []\n"))
        XCTAssertEqual(error.place.line, 1, error.text(.en))
    }

    /// The shipped file with one edit; the error must name the edited line.
    func assertShippedEdit(replacing old: String, with new: String, mentions words: [String],
                           file: StaticString = #filePath, line: UInt = #line) throws {
        let shipped = try String(contentsOfFile: Self.shippedRubric, encoding: .utf8)
        guard let range = shipped.range(of: old) else { return XCTFail("\(old) not in the rubric", file: file, line: line) }
        let editedLine = shipped[..<range.lowerBound].filter { $0 == "\n" }.count + 1
        let text = shipped.replacingCharacters(in: range, with: new)
        guard let error = loadError(text, file: file, line: line) else { return }
        XCTAssertTrue(error.text(.vi).hasPrefix("\(error.place.file ?? ""), dòng \(editedLine): "),
                      "expected line \(editedLine): \(error.text(.vi))", file: file, line: line)
        XCTAssertTrue(error.text(.en).hasPrefix("\(error.place.file ?? ""), line \(editedLine): "), error.text(.en), file: file, line: line)
        for w in words { XCTAssertTrue(error.en.contains(w), "\(w) not in \(error.en)", file: file, line: line) }
    }

    func testMalformedRubricsNameTheLine() throws {
        try assertShippedEdit(replacing: "points: { level4: 2, level3: 1, other: 0 }",
                              with: "points: { level4: 3, level3: 1, other: 0 }", mentions: ["indicator 9", "outside 0–2"])
        try assertShippedEdit(replacing: "  - number: 5\n", with: "  - number: 4\n", mentions: ["indicator 4", "already declared"])
        try assertShippedEdit(replacing: "  - number: 5\n", with: "  - number: 10\n", mentions: ["1 to 9"])
        try assertShippedEdit(replacing: "source: disclosure", with: "source: cong-khai", mentions: ["unknown source", "disclosure"])
        try assertShippedEdit(replacing: "{ name: Khá, min: 75 }", with: "{ name: Khá, min: 95 }", mentions: ["descending"])
        try assertShippedEdit(replacing: "{ name: Kém, min: 0 }", with: "{ name: Kém, min: 10 }", mentions: ["min: 0"])
        try assertShippedEdit(replacing: "    points: { level4: 2, level3: 1, other: 0 }",
                              with: "    enable: false\n    points: { level4: 2, level3: 1, other: 0 }",
                              mentions: ["unknown key \"enable\""])
        try assertShippedEdit(replacing: "{ 0: 2, 1: 1, more: 0 }", with: "{ 0: 2, 1: 1 }", mentions: ["more"])
        try assertShippedEdit(replacing: "{ 0: 2, 1: 1, more: 0 }", with: "{ 0: 2, 1: một, more: 0 }", mentions: ["whole number"])
        try assertShippedEdit(replacing: "{ 2: 2, 1: 1, 0: 0 }", with: "{ 2: 2, 1: 1 }", mentions: ["missing key \"0\""])
        try assertShippedEdit(replacing: "    max: 2\n    points: { early: 2, on_time: 1, late: 0 }\n\n  - number: 2",
                              with: "    max: 0\n    points: { early: 2, on_time: 1, late: 0 }\n\n  - number: 2", mentions: ["max"])
    }

    func testMissingSectionsAndMissingFile() throws {
        XCTAssertTrue(try XCTUnwrap(loadError("name: x\nbands:\n  - { name: A, min: 0 }\n")).en.contains("missing key \"indicators\""))
        XCTAssertTrue(try XCTUnwrap(loadError("just text")).en.contains("\"indicators\" and \"bands\""))
        let allOff = "indicators:\n  - { number: 1, name: a, source: none, enabled: false }\nbands:\n  - { name: A, min: 0 }\n"
        XCTAssertTrue(try XCTUnwrap(loadError(allOff)).en.contains("no indicator is left"))
        XCTAssertThrowsError(try RubricFile.load(path: dir.appendingPathComponent("khong-co.yaml").path)) { error in
            XCTAssertTrue((error as? Message)?.place.file?.hasSuffix("khong-co.yaml") == true, "\(error)")
        }
    }

    // MARK: The scoring sheet

    func testScoringSheetIsWrittenWithNumbersAndTheRubricPrinted() throws {
        var rubric = try RubricFile.load(path: Self.shippedRubric)
        rubric.indicators[4].enabled = false  // indicator 5 dropped: not a column, not in the legend
        let scorer = Tt01Scorer(rubric: rubric, catalogue: catalogue)
        var a = UnitScore(), b = UnitScore()
        a.add(try XCTUnwrap(scorer.score(finishedDossier(), finish: .early, evaluation: [7: 1])))
        a.add(try XCTUnwrap(scorer.score(finishedDossier(supplements: 1), finish: .late)))
        var total = a
        total += b

        let path = dir.appendingPathComponent("tt01.xlsx").path
        let workbook = try Workbook(path: path)
        try ScoringSheet.write(to: workbook, rows: [.init(unitName: "UBND xã Mường Khoa", score: a),
                                                    .init(unitName: "UBND xã Trung Đồng", score: b)],
                               total: total, rubric: rubric, title: "KẾT QUẢ CHẤM ĐIỂM", period: "Tháng 10 năm 2020")
        try workbook.close()

        let book = try XLSXWorkbook(path: path)
        let sheet = try XCTUnwrap(book["Chấm điểm TT01"])
        XCTAssertEqual(sheet.text(0, 0), "KẾT QUẢ CHẤM ĐIỂM")
        XCTAssertEqual(sheet.text(1, 0), "Tháng 10 năm 2020")
        // Header at rows 3–4: STT, name, CS1…CS9 without CS5, then the totals.
        XCTAssertEqual(sheet.text(3, 0), "STT")
        XCTAssertEqual((2...9).map { sheet.text(4, $0) }, ["CS1", "CS2", "CS3", "CS4", "CS6", "CS7", "CS8", "CS9"])
        XCTAssertEqual((10...14).map { sheet.text(3, $0) }, ["SỐ HỒ SƠ ĐƯỢC CHẤM", "TỔNG ĐIỂM", "ĐIỂM TỐI ĐA", "TỶ LỆ ĐIỂM %", "XẾP LOẠI"])
        XCTAssertTrue(sheet.merges.contains("A4:A5"))
        XCTAssertTrue(sheet.merges.contains("C4:J4"))

        // Unit A: early 8/8 + CS7 1/2 = 9/10; late with one supplement: 0 + 1 + 2 + 2 = 5/8.
        XCTAssertEqual(sheet.cell(5, 0)?.number, 1)
        XCTAssertEqual(sheet.text(5, 1), "UBND xã Mường Khoa")
        XCTAssertEqual(sheet.cell(5, 2)?.number, 1, "CS1 average of 2 and 0")
        XCTAssertEqual(sheet.cell(5, 4)?.number, 1.5, "CS3 average of 2 and 1")
        XCTAssertEqual(book.numberFormats[sheet.cell(5, 4)!.styleIndex], "0.00")
        XCTAssertNil(sheet.cell(5, 3)?.number, "CS2 not assessed: blank")
        XCTAssertEqual(sheet.cell(5, 7)?.number, 1, "CS7 from the evaluation")
        XCTAssertEqual(sheet.cell(5, 10)?.number, 2)
        XCTAssertEqual(sheet.cell(5, 11)?.number, 14)
        XCTAssertEqual(sheet.cell(5, 12)?.number, 18)
        let percent = try XCTUnwrap(sheet.cell(5, 13)?.number)
        XCTAssertEqual(percent, 1400.0 / 18, accuracy: 1e-9, "unrounded in the cell; the format rounds")
        XCTAssertEqual(book.numberFormats[sheet.cell(5, 13)!.styleIndex], "0.0")
        XCTAssertEqual(sheet.text(5, 14), "Khá")
        // Unit B scored nothing: zeros, no band.
        XCTAssertEqual(sheet.cell(6, 10)?.number, 0)
        XCTAssertEqual(sheet.cell(6, 13)?.number, 0)
        XCTAssertEqual(sheet.text(6, 14), "")
        // Total row.
        XCTAssertEqual(sheet.text(7, 0), "TỔNG CỘNG")
        XCTAssertTrue(sheet.merges.contains("A8:B8"))
        XCTAssertEqual(sheet.cell(7, 11)?.number, 14)

        // The rubric printed on the next sheet (the score header repeats over the score
        // table only): one row per enabled indicator with its rule in words.
        XCTAssertNil(sheet.row(whereColumn: 0, is: "CS1"))
        let legend = try XCTUnwrap(book["Chấm điểm TT01 - tiêu chí"])
        let cs1 = try XCTUnwrap(legend.row(whereColumn: 0, is: "CS1"))
        XCTAssertEqual(legend.text(cs1, 1), rubric[1]?.name)
        XCTAssertEqual(legend.text(cs1, 2), "Trước hạn: 2 điểm; đúng hạn: 1 điểm; trễ hạn: 0 điểm. Tối đa 2 điểm.")
        XCTAssertEqual(legend.text(cs1, 12), IndicatorSource.onTimeClass.vietnameseDescription)
        XCTAssertNil(legend.row(whereColumn: 0, is: "CS5"), "a dropped indicator is not printed")
        XCTAssertNotNil(legend.row(whereColumn: 0, is: "CS9"))
        let bandsRow = try XCTUnwrap(legend.cells.first { $0.value.description.hasPrefix("Xếp loại") }?.key.row)
        XCTAssertEqual(legend.text(bandsRow, 0), "Xếp loại theo tỷ lệ điểm (chưa làm tròn): Tốt: từ 90 %; Khá: từ 75 % đến dưới 90 %; "
                                                + "Trung bình: từ 50 % đến dưới 75 %; Kém: dưới 50 %.")

        // Print setup: A4 landscape, one page wide, header rows repeated, page numbers.
        XCTAssertTrue(sheet.xml.contains("paperSize=\"9\""))
        XCTAssertTrue(sheet.xml.contains("orientation=\"landscape\""))
        XCTAssertTrue(sheet.xml.contains("fitToHeight=\"0\""))
        XCTAssertTrue(sheet.xml.contains("<oddFooter>&amp;CTrang &amp;P/&amp;N</oddFooter>"))
        let workbookXML = try XLSXWorkbook.entry("xl/workbook.xml", in: path)
        XCTAssertTrue(workbookXML.contains("$4:$5"), "print titles repeat the header rows: \(workbookXML)")
        XCTAssertTrue(book.stylesXML.contains("Times New Roman"))
    }
}
