@testable import MotCuaCore
import XCTest

/// Messages render their place and text in either language; numbers in
/// them follow the language; the process language is chosen from the
/// command line, then MOTCUA_LANG, then the locale.
final class MessageTests: XCTestCase {
    func testAMessageRendersItsPlaceInEitherLanguage() {
        let m = Message("input.bad-date", file: "tệp.csv", line: 12, column: "NgayHenTra",
                        vi: "Ngày giờ không đọc được.", en: "Unreadable date.")
        XCTAssertEqual(m.code, "input.bad-date")
        XCTAssertEqual(m.text(.vi), "tệp.csv, dòng 12, cột NgayHenTra: Ngày giờ không đọc được.")
        XCTAssertEqual(m.text(.en), "tệp.csv, line 12, column NgayHenTra: Unreadable date.")
        XCTAssertEqual(m.body(.en), "Unreadable date.")
        XCTAssertEqual(m.labelled(.vi), "Lỗi: tệp.csv, dòng 12, cột NgayHenTra: Ngày giờ không đọc được.")
        XCTAssertEqual(m.labelled(.en), "Error: tệp.csv, line 12, column NgayHenTra: Unreadable date.")
    }

    func testPartsOfThePlaceAreOptional() {
        let key = Message("config.invalid", file: "motcua.yaml", line: 3, key: "reports[1].period", vi: "sai.", en: "wrong.")
        XCTAssertEqual(key.text(.vi), "motcua.yaml, dòng 3, khóa reports[1].period: sai.")
        XCTAssertEqual(key.text(.en), "motcua.yaml, line 3, key reports[1].period: wrong.")
        XCTAssertEqual(Message("store.corrupt", file: "a.sqlite", vi: "hỏng.", en: "corrupt.").text(.en), "a.sqlite: corrupt.")
        XCTAssertEqual(Message("x.y", vi: "chỉ có chữ.", en: "text alone.").text(.vi), "chỉ có chữ.")
        XCTAssertTrue(Place(file: nil, line: nil, column: "", key: "").isEmpty, "empty column and key count as absent")
    }

    func testWarningsAreTheSameValueWithASeverity() {
        let w = Message("report.no-dossiers", vi: "không có hồ sơ.", en: "no dossiers.", severity: .warning)
        XCTAssertEqual(w.labelled(.vi), "Cảnh báo: không có hồ sơ.")
        XCTAssertEqual(w.labelled(.en), "Warning: no dossiers.")
        XCTAssertEqual(Message("a.b", vi: "x", en: "y").warning.severity, .warning)
        XCTAssertEqual(w.at(Place(file: "f.csv", line: 2)).text(.en), "f.csv, line 2: no dossiers.")
    }

    func testStructuredErrorsAreUserMessages() {
        let calendar: UserMessage = CalendarFileError(file: "lich.csv", line: 4, problem: .unknownKind("nghỉ"))
        XCTAssertEqual(calendar.message.code, "calendar.unknown-kind")
        XCTAssertTrue(calendar.message.text(.en).hasPrefix("lich.csv, line 4: kind \"nghỉ\" is not valid"), calendar.message.text(.en))
        let hours: UserMessage = WorkingHoursError(text: "", reason: .empty)
        XCTAssertEqual(hours.message.code, "working-hours.empty")
    }

    func testCountsFollowTheLanguage() {
        XCTAssertEqual(formatCount(1_000_000, .vi), "1.000.000")
        XCTAssertEqual(formatCount(1_000_000, .en), "1,000,000")
        XCTAssertEqual(formatCount(999, .vi), "999")
        XCTAssertEqual(formatCount(-1_907, .en), "-1,907")
        XCTAssertEqual(formatCount(1_907.0, .vi), "1.907")
        XCTAssertEqual(formatCount(Int.min, .en), "-9,223,372,036,854,775,808")
    }

    func testDecimalsSizesAndDurationsFollowTheLanguage() {
        XCTAssertEqual(formatRate(95.55, .vi), "95,6")
        XCTAssertEqual(formatRate(95.5, .en), "95.5")
        XCTAssertEqual(formatRate(-0.04, .vi), "0,0")
        XCTAssertEqual(formatDecimal(1234.5, digits: 2, .vi), "1.234,50")
        XCTAssertEqual(formatDecimal(1234.5, digits: 2, .en), "1,234.50")
        XCTAssertEqual(formatDecimal(0.05, digits: 2, .en), "0.05")
        XCTAssertEqual(formatDecimal(2.5, digits: 0, .en), "3", "half away from zero")
        XCTAssertEqual(formatSize(bytes: 343_830_528, .vi), "327,9 MB")
        XCTAssertEqual(formatSize(bytes: 343_830_528, .en), "327.9 MB")
        XCTAssertEqual(formatSeconds(1.6, .vi), "1,60 giây")
        XCTAssertEqual(formatSeconds(1.6, .en), "1.60 s")
    }

    func testTheCommandLineChoosesTheLanguageFirst() {
        let english = ["MOTCUA_LANG": "en", "LANG": "en_US.UTF-8"]
        XCTAssertEqual(Language.choose(arguments: ["report", "--lang", "vi"], environment: english), .vi)
        XCTAssertEqual(Language.choose(arguments: ["report", "--lang=en"], environment: [:]), .en)
        XCTAssertEqual(Language.choose(arguments: ["--lang", "en", "--lang", "vi"], environment: [:]), .vi, "the last one wins")
        XCTAssertEqual(Language.choose(arguments: ["--lang", "fr"], environment: ["MOTCUA_LANG": "en"]), .en,
                       "an unknown value is the parser's to refuse; the rest still decides")
        XCTAssertEqual(Language.choose(arguments: ["import", "--", "--lang", "en"], environment: [:]), .vi,
                       "after -- it is a file name")
    }

    func testThenMOTCUA_LANGThenTheLocale() {
        XCTAssertEqual(Language.choose(arguments: [], environment: ["MOTCUA_LANG": "en", "LANG": "vi_VN.UTF-8"]), .en)
        XCTAssertEqual(Language.choose(arguments: [], environment: ["MOTCUA_LANG": "vi", "LANG": "en_US.UTF-8"]), .vi)
        XCTAssertEqual(Language.choose(arguments: [], environment: ["LANG": "en_GB.UTF-8"]), .en)
        XCTAssertEqual(Language.choose(arguments: [], environment: ["LC_MESSAGES": "en_US", "LANG": "vi_VN"]), .en)
        XCTAssertEqual(Language.choose(arguments: [], environment: ["LC_ALL": "C", "LANG": "en_US.UTF-8"]), .vi,
                       "LC_ALL overrides LANG; C is Vietnamese")
        XCTAssertEqual(Language.choose(arguments: [], environment: ["LANG": "C.UTF-8"]), .vi)
        XCTAssertEqual(Language.choose(arguments: [], environment: ["LANG": "POSIX"]), .vi)
        XCTAssertEqual(Language.choose(arguments: [], environment: ["LANG": "fr_FR.UTF-8"]), .vi)
        XCTAssertEqual(Language.choose(arguments: [], environment: [:]), .vi)
        XCTAssertEqual(Language.choose(arguments: [], environment: ["LC_ALL": "", "LANG": "en_US"]), .en, "empty means unset")
    }
}
