import XCTest
import MotCuaCore
@testable import MotCuaIngest

/// Timestamp formats and date-only values of docs/rules.md#timestamps.
final class TimestampParserTests: XCTestCase {
    let parser = TimestampParser()

    func value(_ s: String, _ m: DateOnlyMeaning = .startOfDay) -> String? {
        if case .value(let v) = parser.parse(s, m) { return v.description }
        return nil
    }

    func testEveryAcceptedFormat() {
        XCTAssertEqual(value("05/10/2020"), "2020-10-05 00:00:00")
        XCTAssertEqual(value("05/10/2020 14:30"), "2020-10-05 14:30:00")
        XCTAssertEqual(value("05/10/2020 14:30:15"), "2020-10-05 14:30:15")
        XCTAssertEqual(value("5/1/2020 7:05"), "2020-01-05 07:05:00")
        XCTAssertEqual(value("2020-10-05"), "2020-10-05 00:00:00")
        XCTAssertEqual(value("2020-10-05 14:30:15"), "2020-10-05 14:30:15")
        XCTAssertEqual(value("2020-10-05T14:30:15"), "2020-10-05 14:30:15")
        XCTAssertEqual(value("2020-10-05T14:30:15.250"), "2020-10-05 14:30:15")
        XCTAssertEqual(value("2020-10-05T07:30:15Z"), "2020-10-05 14:30:15", "UTC converted to Vietnam time")
        XCTAssertEqual(value("2020-10-05T14:30:15+07:00"), "2020-10-05 14:30:15")
        XCTAssertEqual(value("2020-10-05T20:00:00Z"), "2020-10-06 03:00:00", "crosses midnight")
        XCTAssertEqual(value("20201005143015"), "2020-10-05 14:30:15")
        XCTAssertEqual(value("44109"), "2020-10-05 00:00:00", "Excel serial day")
        XCTAssertEqual(value("44109.5"), "2020-10-05 12:00:00")
        XCTAssertEqual(value("  05/10/2020 08:00  "), "2020-10-05 08:00:00")
        XCTAssertNil(value(""))
        XCTAssertEqual(parser.parse("   ", .startOfDay), .blank)
    }

    func testDateOnlyDueDatesMeanTheEndOfTheWorkingDay() {
        XCTAssertEqual(value("20/10/2020", .endOfWorkingDay), "2020-10-20 17:00:00")
        XCTAssertEqual(value("2020-10-20 00:00:00", .endOfWorkingDay), "2020-10-20 17:00:00",
                       "exactly 00:00:00 is a date-only value")
        XCTAssertEqual(value("20/10/2020 00:00:00", .endOfWorkingDay), "2020-10-20 17:00:00")
        XCTAssertEqual(value("20/10/2020 11:00", .endOfWorkingDay), "2020-10-20 11:00:00")
        XCTAssertEqual(value("44124", .endOfWorkingDay), "2020-10-20 17:00:00")
        let custom = TimestampParser(endOfWorkingDay: 16 * 3600 + 30 * 60)
        if case .value(let v) = custom.parse("20/10/2020", .endOfWorkingDay) {
            XCTAssertEqual(v.description, "2020-10-20 16:30:00")
        } else { XCTFail() }
    }

    func testRejectedFormats() {
        for bad in ["05/10/20", "20201005", "2020/10/05", "31/02/2020", "29/02/2021", "05/10/1899", "05/10/2200",
                    "2020-13-01", "05/10/2020 25:00", "05/10/2020 10:60", "05-10-2020", "hôm qua", "05/10/2020T08:00",
                    "2020-10-05T14:30:15+25:00", "05/10/2020 08:00:00 SA", "1.5e4"] {
            XCTAssertEqual(parser.parse(bad, .startOfDay), .invalid, bad)
        }
    }
}
