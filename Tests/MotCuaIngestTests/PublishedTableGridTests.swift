import XCTest
@testable import MotCuaIngest

/// How a header of several rows becomes one name per column
/// (docs/rules.md#reconciliation), on the header rows of motcua's own
/// appendix as a CSV keeps them: merged cells become blanks.
final class PublishedTableGridTests: XCTestCase {
    static let rows: [[String]] = [
        ["STT", "TÊN CƠ QUAN", "TÌNH HÌNH TRIỂN KHAI", "", "", "", "", "", "", "", "", "", "TÌNH HÌNH XỬ LÝ", "", "", "", "", "", "", "", "GHI CHÚ"],
        ["", "", "TỔNG SỐ", "", "SỐ HỒ SƠ TIẾP NHẬN, SỐ THỦ TỤC ĐÃ THỰC HIỆN", "", "", "", "", "", "", "", "HỒ SƠ TỒN", "TIẾP NHẬN", "",
         "ĐÃ GIẢI QUYẾT", "", "", "CHƯA GIẢI QUYẾT", "TỶ LỆ GIẢI QUYẾT %", ""],
        ["", "", "", "", "MỨC ĐỘ 2", "", "MỨC ĐỘ 3", "", "", "MỨC ĐỘ 4", "", "", "", "", "", "MỨC ĐỘ 2", "MỨC ĐỘ 3", "MỨC ĐỘ 4", "", "", ""],
        ["", "", "HSTN", "TTHC", "HSTN", "TTHC", "HSTN trực tiếp", "HSTN trực tuyến", "TTHC", "HSTN trực tiếp", "HSTN trực tuyến", "TTHC",
         "", "MCĐT", "TRỰC TUYẾN", "", "", "", "", "", ""],
        ["1", "UBND xã Mường Khoa"] + Array(repeating: "0", count: 18) + [""],
    ]

    func grid(_ rows: [[String]]) -> PublishedTableGrid {
        PublishedTableGrid(file: "x.csv", rows: rows.enumerated().map { .init(line: $0 + 1, cells: $1) }, merges: [], isCSV: true)
    }

    func testEveryColumnOfTheAppendixHeaderGetsItsFigureName() throws {
        let header = try XCTUnwrap(grid(Self.rows).header(names: PublishedTableFile.headers, stt: .stt, name: .name))
        XCTAssertEqual(header.first, 0)
        XCTAssertEqual(header.last, 3)
        let map = HeaderMap(header: header.texts, columns: PublishedTableFile.headers)
        XCTAssertEqual(map.index.count, 20, "STT, name and the 18 figure columns: \(header.texts)")
        XCTAssertEqual(header.texts[2], "TỔNG SỐ - HSTN")
        XCTAssertEqual(header.texts[7], "MỨC ĐỘ 3 - HSTN trực tuyến")
        XCTAssertEqual(header.texts[14], "TIẾP NHẬN - TRỰC TUYẾN")
        XCTAssertEqual(header.texts[15], "ĐÃ GIẢI QUYẾT - MỨC ĐỘ 2")
        XCTAssertEqual(header.texts[20], "GHI CHÚ", "no figure: kept as written")
    }

    /// A tall cell ("HỒ SƠ TỒN", merged over three rows) is a blank below its
    /// first row: the blank must not take "MỨC ĐỘ 4" from its left neighbour's group.
    func testATallCellDoesNotTakeItsNeighboursGroup() {
        let block = Self.rows.prefix(4).enumerated().map { PublishedTableGrid.Row(line: $0 + 1, cells: $1) }
        let spanned = PublishedTableGrid.spanned(Array(block), width: 21)
        XCTAssertEqual(PublishedTableGrid.chain(spanned.map { $0[12] }), ["TÌNH HÌNH XỬ LÝ", "HỒ SƠ TỒN"])
        XCTAssertEqual(PublishedTableGrid.chain(spanned.map { $0[14] }), ["TÌNH HÌNH XỬ LÝ", "TIẾP NHẬN", "TRỰC TUYẾN"])
        XCTAssertEqual(PublishedTableGrid.chain(spanned.map { $0[5] }),
                       ["TÌNH HÌNH TRIỂN KHAI", "SỐ HỒ SƠ TIẾP NHẬN, SỐ THỦ TỤC ĐÃ THỰC HIỆN", "MỨC ĐỘ 2", "TTHC"])
        XCTAssertEqual(PublishedTableGrid.chain(spanned.map { $0[20] }), ["GHI CHÚ"])
    }

    func testMergedRangesAndCellReferences() {
        let xml = Array(#"<worksheet><sheetData/><mergeCells count="2"><mergeCell ref="A9:A12"/><mergeCell ref="AB1:AC2"/></mergeCells></worksheet>"#.utf8)
        let merges = PublishedTableGrid.mergedRanges(xml)
        XCTAssertEqual(merges.map { [$0.firstRow, $0.firstColumn, $0.lastRow, $0.lastColumn] }, [[8, 0, 11, 0], [0, 27, 1, 28]])
        XCTAssertNil(PublishedTableGrid.cellReference("12A"))
    }
}
