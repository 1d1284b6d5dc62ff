import MotCuaCore
import XCTest
@testable import MotCuaCLI

/// swift-argument-parser's English, in Vietnamese: the error shapes it
/// produces and the headings of `--help`. The end-to-end tests run the
/// binary; these pin each shape.
final class ParserTextTests: XCTestCase {
    func vi(_ text: String) -> String { ParserText.localized(text, .vi) }

    func testErrorShapes() {
        XCTAssertEqual(vi("Error: Missing expected argument '--out <out>'"), "Lỗi: Thiếu tham số bắt buộc '--out <out>'")
        XCTAssertEqual(vi("Error: Unknown option '--jsno'. Did you mean '--json'?"),
                       "Lỗi: Không có tùy chọn '--jsno'. Có phải là '--json'?")
        XCTAssertEqual(vi("Error: Unknown option '-x'"), "Lỗi: Không có tùy chọn '-x'")
        XCTAssertEqual(vi("Error: Missing value for '--db <db>'"), "Lỗi: Thiếu giá trị cho '--db <db>'")
        XCTAssertEqual(vi("Error: Unexpected argument 'extra'"), "Lỗi: Thừa tham số 'extra'")
        XCTAssertEqual(vi("Error: 2 unexpected arguments: 'a', 'b'"), "Lỗi: Thừa 2 tham số: 'a', 'b'")
        XCTAssertEqual(vi("Error: The value 'fr' is invalid for '--lang <lang>'. Please provide one of 'vi' and 'en'."),
                       "Lỗi: Giá trị 'fr' không hợp lệ cho '--lang <lang>'. Hãy dùng một trong các giá trị 'vi' và 'en'.")
        XCTAssertEqual(vi("Error: The value 'x' is invalid for '--style <style>'. Please provide one of 'canonical', 'vietnamese' or 'utf16'."),
                       "Lỗi: Giá trị 'x' không hợp lệ cho '--style <style>'. Hãy dùng một trong các giá trị 'canonical', 'vietnamese' hoặc 'utf16'.")
        XCTAssertEqual(vi("Error: The value 'abc' is invalid for '--year <year>'"), "Lỗi: Giá trị 'abc' không hợp lệ cho '--year <year>'")
        XCTAssertEqual(vi("Error: The option '--json' does not take any value, but 'x' was specified."),
                       "Lỗi: Tùy chọn '--json' không nhận giá trị, nhưng đã ghi 'x'.")
        XCTAssertEqual(vi("Help:  --out <out>  Tệp Excel cần ghi (.xlsx)."), "Trợ giúp:  --out <out>  Tệp Excel cần ghi (.xlsx).")
        XCTAssertEqual(vi("  See 'motcua report --help' for more information."), "  Xem 'motcua report --help' để biết thêm.")
    }

    func testHelpHeadings() {
        let help = """
            OVERVIEW: Lập báo cáo.

            USAGE: motcua report [<options>] --out <out>
                   --period <period>

            ARGUMENTS:
              <files>                 Các tệp.

            OPTIONS:
              --db <db>               Tệp. (default: motcua.sqlite)
              --style <style>         Kiểu. (values: a, b; default: a)
              --version               Show the version.
              -h, --help              Show help information.

            SUBCOMMANDS:
              list

              See 'motcua help <subcommand>' for detailed help.
            """
        XCTAssertEqual(vi(help), """
            TỔNG QUAN: Lập báo cáo.

            CÁCH DÙNG: motcua report [<tùy-chọn>] --out <out>
                       --period <period>

            THAM SỐ:
              <files>                 Các tệp.

            TÙY CHỌN:
              --db <db>               Tệp. (mặc định: motcua.sqlite)
              --style <style>         Kiểu. (giá trị: a, b; mặc định: a)
              --version               Hiện phiên bản.
              -h, --help              Hiện trợ giúp này.

            LỆNH CON:
              list

              Xem 'motcua help <lệnh-con>' để biết chi tiết.
            """)
    }

    func testEnglishAndUnknownShapesAreLeftAsTheyAre() {
        XCTAssertEqual(ParserText.localized("Error: Unknown option '--x'", .en), "Error: Unknown option '--x'")
        XCTAssertEqual(vi("Error: Something new"), "Lỗi: Something new")
        XCTAssertEqual(vi("Lỗi: --to phải không trước --from."), "Lỗi: --to phải không trước --from.")
    }
}
