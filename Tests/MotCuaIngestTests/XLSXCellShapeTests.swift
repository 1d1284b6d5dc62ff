import XCTest
import ZIPFoundation
import MotCuaTestSupport
import MotCuaCore
@testable import MotCuaIngest

/// The sheet reader reads the usual cell start tag (`<c r="B4" t="inlineStr">`)
/// in one pass and every other shape through the general scan: both must give
/// the same rows. And the inflater (ISA-L) must still catch a wrong CRC-32, in
/// deflated and in stored entries.
extension XLSXReaderTests {
    /// One cell in a shape chosen by `style`: 0 the plain one, the others what
    /// other writers or hand edits produce (attribute order, extra attributes,
    /// single quotes, spacing and line breaks, a namespace prefix, no `r`).
    func cell(_ column: Int, _ row: Int, _ value: String, style: Int) -> String {
        let ref = String(UnicodeScalar(UInt8(65 + column))) + "\(row)"
        switch style {
        case 0: return #"<c r="\#(ref)" t="inlineStr"><is><t>\#(value)</t></is></c>"#
        case 1: return #"<c s="7" t="inlineStr" r="\#(ref)"><is><t>\#(value)</t></is></c>"#
        case 2: return #"<c r='\#(ref)' t='inlineStr'><is><t>\#(value)</t></is></c>"#
        case 3: return "<c\n  r=\"\(ref)\"\tt=\"inlineStr\" ><is><t>\(value)</t></is></c>\n"
        case 4: return #"<x:c r="\#(ref)" t="inlineStr"><x:is><x:t>\#(value)</x:t></x:is></x:c>"#
        case 5: return #"<c r = "\#(ref)" t = "inlineStr"><is><t>\#(value)</t></is></c>"#
        case 6: return #"<c cm="1" r="\#(ref)" vm="2" t="inlineStr"><is><t>\#(value)</t></is></c>"#
        default: return #"<c t="inlineStr"><is><t>\#(value)</t></is></c>"#  // placed after the previous cell
        }
    }

    func testEveryShapeOfACellStartGivesTheSameRows() throws {
        var random = SplitMix64(seed: 766)
        let values: [[String]] = (0..<60).map { i in
            ["H\(i)", "MK", "P2", Bool.random(using: &random) ? "Đăng ký khai sinh" : "Khai tử &amp; trích lục",
             "0\(1 + i % 9)/10/2020 08:00:00", "15/10/2020", "\(Int.random(in: 2...10, using: &random))",
             Bool.random(using: &random) ? "Nguyễn Văn A" : "Lò Thị_B"]
        }
        func sheet(_ styleOf: (Int, Int) -> Int) -> String {
            var rows = row(1, header)
            for (i, v) in values.enumerated() {
                let r = i + 2
                rows += #"<row r="\#(r)">"# + v.enumerated().map { c, text in cell(c, r, text, style: styleOf(i, c)) }.joined() + "</row>"
            }
            return rows
        }
        let plain = try read(try workbook("plain.xlsx", sheets: [("S", sheet { _, _ in 0 })]))
        XCTAssertEqual(plain.dossiers.count, values.count)
        XCTAssertEqual(plain.dossiers.last?.applicant, values.last?[7])
        for style in 1...7 {
            // Each shape in every column (style 7, without `r`, follows a referenced cell), then all shapes mixed.
            let one = try read(try workbook("style\(style).xlsx", sheets: [("S", sheet { _, c in c == 0 && style == 7 ? 0 : style })]))
            XCTAssertEqual(one.dossiers, plain.dossiers, "style \(style)")
            XCTAssertEqual(one.rejections.map(\.line), plain.rejections.map(\.line), "style \(style)")
        }
        let mixed = try read(try workbook("mixed.xlsx", sheets: [("S", sheet { i, c in c == 0 ? 0 : Int.random(in: 0...7, using: &random) })]))
        XCTAssertEqual(mixed.dossiers, plain.dossiers)
    }

    /// Rewrites the CRC-32 of `entry` in both its local header and the central directory.
    func corruptCRC(_ path: String, entry name: String) throws {
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let nameBytes = Array(name.utf8)
        var changed = 0
        for i in 0..<(bytes.count - 50) where bytes[i] == 0x50 && bytes[i + 1] == 0x4B {
            let (crcAt, nameAt): (Int, Int)
            if bytes[i + 2] == 3 && bytes[i + 3] == 4 { (crcAt, nameAt) = (i + 14, i + 30) }
            else if bytes[i + 2] == 1 && bytes[i + 3] == 2 { (crcAt, nameAt) = (i + 16, i + 46) }
            else { continue }
            guard nameAt + nameBytes.count <= bytes.count, Array(bytes[nameAt..<(nameAt + nameBytes.count)]) == nameBytes else { continue }
            bytes[crcAt] ^= 0x01
            changed += 1
        }
        XCTAssertEqual(changed, 2, "local header and central directory")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    func testAWrongCRCOfADeflatedOrAStoredSheetIsDamage() throws {
        let sheet = row(1, header) + row(2, ["H1", "MK", "P2", "", "01/10/2020", "05/10/2020", "4", "A"])
        for method in [CompressionMethod.deflate, .none] {
            let path = try workbook("crc-\(method).xlsx", sheets: [("S", sheet)], method: method)
            XCTAssertEqual(try read(path).dossiers.count, 1)
            try corruptCRC(path, entry: "xl/worksheets/sheet1.xml")
            XCTAssertTrue(message(path, .en).hasPrefix("crc-\(method).xlsx: The Excel workbook (.xlsx) is damaged"), message(path, .en))
        }
    }
}
