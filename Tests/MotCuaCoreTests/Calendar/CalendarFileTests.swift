import XCTest
@testable import MotCuaCore

final class CalendarFileTests: XCTestCase {
    func testReadsEntriesCommentsHeaderBomCrlfAndQuotedNotes() throws {
        let text = "\u{FEFF}# Lịch tỉnh\r\ndate,kind,note\r\n\r\n2027-03-10,nghi,\"Ngày giải phóng tỉnh, 10/3\"\r\n"
            + "2027-03-13, LAM-BU ,Làm bù\r\n2027-03-11,nghỉ\r\n2027-03-20,làm bù,x\n"
        let entries = try CalendarFile.parse(text, fileName: "tinh.csv")
        XCTAssertEqual(entries.map(\.date), [ymd("2027-03-10"), ymd("2027-03-13"), ymd("2027-03-11"), ymd("2027-03-20")])
        XCTAssertEqual(entries.map(\.kind), [.dayOff, .makeUp, .dayOff, .makeUp])
        XCTAssertEqual(entries[0].name, "Ngày giải phóng tỉnh, 10/3")
        XCTAssertEqual(entries[0].line, 4)
        XCTAssertEqual(entries[2].name, "Ngày nghỉ")
        XCTAssertEqual(entries[0].file, "tinh.csv")
    }

    func testEmptyFileHasNoEntries() throws {
        XCTAssertEqual(try CalendarFile.parse("", fileName: "x.csv"), [])
        XCTAssertEqual(try CalendarFile.parse("# only a comment\n", fileName: "x.csv"), [])
    }

    func assertError(_ text: String, line: Int, _ problem: CalendarFileError.Problem,
                     vi: String, en: String, file: StaticString = #filePath, at: UInt = #line) {
        XCTAssertThrowsError(try CalendarFile.parse(text, fileName: "lich-tinh.csv"), file: file, line: at) { error in
            guard let e = error as? CalendarFileError else { return XCTFail("\(error)", file: file, line: at) }
            XCTAssertEqual(e.line, line, file: file, line: at)
            XCTAssertEqual(e.problem, problem, file: file, line: at)
            let m = e.message
            XCTAssert(m.code.hasPrefix("calendar."), m.code, file: file, line: at)
            XCTAssert(m.text(.vi).hasPrefix("lich-tinh.csv, dòng \(line): "), m.text(.vi), file: file, line: at)
            XCTAssert(m.text(.vi).contains(vi), m.text(.vi), file: file, line: at)
            XCTAssert(m.text(.en).hasPrefix("lich-tinh.csv, line \(line): "), m.text(.en), file: file, line: at)
            XCTAssert(m.text(.en).contains(en), m.text(.en), file: file, line: at)
        }
    }

    func testMalformedLinesNameFileLineAndProblem() {
        assertError("date,kind,note\n2025-05-02\n", line: 2, .missingColumns(found: 1),
                    vi: "chỉ có 1 cột", en: "found 1 column")
        assertError("02/05/2025,nghi,x\n", line: 1, .badDateFormat("02/05/2025"),
                    vi: "không đúng dạng yyyy-MM-dd", en: "not written yyyy-MM-dd")
        assertError("# c\n2025-5-2,nghi,x\n", line: 2, .badDateFormat("2025-5-2"),
                    vi: "yyyy-MM-dd", en: "yyyy-MM-dd")
        assertError("2025-02-30,nghi,x\n", line: 1, .impossibleDate("2025-02-30"),
                    vi: "không tồn tại", en: "does not exist")
        assertError("1850-01-01,nghi,x\n", line: 1, .yearOutOfRange(1850), vi: "1900–2200", en: "outside 1900–2200")
        assertError("2025-05-02,nghi le,x\n", line: 1, .unknownKind("nghi le"),
                    vi: "chỉ dùng \"nghi\"", en: "use \"nghi\"")
        assertError("2025-05-02,nghi,a\n2025-05-03,lam-bu,b\n2025-05-02,lam-bu,c\n", line: 3,
                    .conflictingKinds(date: "2025-05-02", firstLine: 1), vi: "xem dòng 1", en: "see line 1")
        assertError("2025-05-02,,x\n", line: 1, .missingColumns(found: 2), vi: "cột", en: "column")
    }

    func testIdenticalRepeatIsAccepted() throws {
        XCTAssertEqual(try CalendarFile.parse("2025-05-02,nghi,a\n2025-05-02,nghi,a\n", fileName: "x").count, 2)
    }

    func testWorkingHoursParseAndErrors() throws {
        let h = try WorkingHours(parsing: "07:30-11:30, 13:30-17:00")
        XCTAssertEqual(h, WorkingHours.standard)
        XCTAssertEqual(h.dayLength, 27_000)
        XCTAssertEqual(try WorkingHours(parsing: "7h-11h;13h-16h30").dayLength, 7 * 3600 + 1800)
        XCTAssertThrowsError(try WorkingHours(parsing: "")) { XCTAssert("\($0)".contains("trống")) }
        XCTAssertThrowsError(try WorkingHours(parsing: "7:30")) { XCTAssert("\($0)".contains("HH:mm-HH:mm")) }
        XCTAssertThrowsError(try WorkingHours(parsing: "11:30-07:30"))
        XCTAssertThrowsError(try WorkingHours(parsing: "07:30-12:00,11:00-17:00")) {
            XCTAssert(($0 as! WorkingHoursError).message.text(.en).contains("overlaps"))
        }
    }
}
