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

    /// Every valid day and time, with or without leading zeros, reads back as
    /// written; a number with one digit too many anywhere makes it invalid.
    func testSlashedAndISODatesOfAnyPaddingReadBackAndOverlongNumbersFail() {
        var rng = SplitMix64(seed: 766)
        let monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        for _ in 0..<5_000 {
            let y = 1990 + Int(rng.next() % 60), m = 1 + Int(rng.next() % 12)
            let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
            let d = 1 + Int(rng.next() % UInt64(monthDays[m - 1] + (m == 2 && leap ? 1 : 0)))
            let h = Int(rng.next() % 24), mi = Int(rng.next() % 60), s = Int(rng.next() % 60)
            func pad(_ v: Int) -> String { rng.next() % 2 == 0 && v < 10 ? "\(v)" : String(format: "%02d", v) }
            let expected = String(format: "%04d-%02d-%02d %02d:%02d:%02d", y, m, d, h, mi, s)
            XCTAssertEqual(value("\(pad(d))/\(pad(m))/\(y) \(pad(h)):\(String(format: "%02d", mi)):\(String(format: "%02d", s))"), expected)
            XCTAssertEqual(value(String(format: "%04d-%02d-%02dT%02d:%02d:%02d", y, m, d, h, mi, s)), expected)
            let overlong = [String(format: "%03d/%02d/%04d", d, m, y), String(format: "%02d/%03d/%04d", d, m, y),
                            String(format: "%02d/%02d/%05d", d, m, y), String(format: "%02d/%02d/%04d %03d:%02d", d, m, y, h, mi),
                            String(format: "%02d/%02d/%04d %02d:%03d", d, m, y, h, mi),
                            String(format: "%04d-%03d-%02d", y, m, d), String(format: "%05d-%02d-%02d", y, m, d)]
            for bad in overlong { XCTAssertEqual(parser.parse(bad, .startOfDay), .invalid, bad) }
        }
    }

    func testTheYearsAcceptedAre1900To2199() {
        XCTAssertEqual(value("01/01/1900"), "1900-01-01 00:00:00")
        XCTAssertEqual(value("31/12/2199 23:59:59"), "2199-12-31 23:59:59")
        for bad in ["31/12/1899 23:59", "01/01/2200", "1899-12-31", "2200-01-01T00:00:00"] {
            XCTAssertEqual(parser.parse(bad, .startOfDay), .invalid, bad)
        }
    }

    func testRejectedFormats() {
        for bad in ["05/10/20", "20201005", "2020/10/05", "31/02/2020", "29/02/2021", "05/10/1899", "05/10/2200",
                    "2020-13-01", "05/10/2020 25:00", "05/10/2020 10:60", "05-10-2020", "hôm qua", "05/10/2020T08:00",
                    "2020-10-05T14:30:15+25:00", "05/10/2020 08:00:00 SA", "1.5e4"] {
            XCTAssertEqual(parser.parse(bad, .startOfDay), .invalid, bad)
        }
    }
    /// The fixed shapes (`dd/MM/yyyy HH:mm:ss`, `dd/MM/yyyy`, `yyyy-MM-dd HH:mm:ss`)
    /// are read at their places; padded with a space, the same text goes
    /// through the general scan. Both must agree, impossible values included.
    func testFixedShapesReadAsTheGeneralScanReadsThem() {
        var random = SystemRandomNumberGenerator()
        func two(_ range: ClosedRange<Int>) -> String { let v = Int.random(in: range, using: &random); return v < 10 ? "0\(v)" : "\(v)" }
        for _ in 0..<20_000 {
            let (d, m, h, mi, s) = (two(0...32), two(0...13), two(0...25), two(0...61), two(0...61))
            let y = String(Int.random(in: 1890...2210, using: &random))
            let texts = ["\(d)/\(m)/\(y) \(h):\(mi):\(s)", "\(d)/\(m)/\(y)", "\(y)-\(m)-\(d) \(h):\(mi):\(s)", "\(y)-\(m)-\(d)T\(h):\(mi):\(s)"]
            for text in texts {
                for parser in [TimestampParser(), TimestampParser(endOfWorkingDay: 16 * 3600 + 1800, dayFirst: false)] {
                    for meaning in [DateOnlyMeaning.startOfDay, .endOfWorkingDay] {
                        XCTAssertEqual(parser.parse(text, meaning), parser.parse(" " + text, meaning), text)
                    }
                }
            }
        }
        // Shaped alike but not a date of the shapes: the general scan decides.
        for text in ["0a/01/2024 10:00:00", "01/01/2024 10:00:0x", "01-01-2024 10:00:00", "2024/01/01 10:00:00"] {
            XCTAssertEqual(TimestampParser().parse(text, .startOfDay), .invalid, text)
        }
    }
}
