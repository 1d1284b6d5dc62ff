import XCTest
import MotCuaCore
import MotCuaIngest
@testable import MotCuaGenerator

/// Every style decodes, through the real import, to the same units,
/// procedures and dossiers, with no rejected row.
final class StyleEquivalenceTests: XCTestCase {
    var directories: [String] = []
    override func tearDown() {
        for d in directories { try? FileManager.default.removeItem(atPath: d) }
    }

    func imported(_ style: ExportStyle, twoLevel: Bool = false) throws -> ImportedExport {
        let dir = GeneratorFixture.temporaryDirectory()
        directories.append(dir)
        let options = SyntheticExport.Options(dossiers: 4_000, from: CivilDate(year: 2024, month: 1, day: 15)!,
                                              to: CivilDate(year: 2024, month: 3, day: 31)!, style: style,
                                              seed: 9, twoLevel: twoLevel)
        return try GeneratorFixture.generateAndImport(options, in: dir)
    }

    func testAllStylesImportToIdenticalData() throws {
        let canonical = try imported(.canonical)
        for style in ExportStyle.allCases {
            let other = style == .canonical ? canonical : try imported(style)
            XCTAssertEqual(other.unitRejections.count, 0, "\(style): \(other.unitRejections.prefix(3))")
            XCTAssertEqual(other.procedureRejections.count, 0, "\(style): \(other.procedureRejections.prefix(3))")
            XCTAssertEqual(other.file.rejections.count, 0, "\(style): \(other.file.rejections.prefix(3))")
            XCTAssertEqual(other.file.duplicates.count, 0, "\(style)")
            XCTAssertEqual(other.file.rowsRead, 4_000, "\(style)")
            XCTAssertEqual(other.file.dossiers.count + other.file.skipped, 4_000, "\(style)")
            XCTAssertEqual(other.units, canonical.units, "\(style)")
            XCTAssertEqual(other.procedures, canonical.procedures, "\(style)")
            XCTAssertEqual(other.file.skipped, canonical.file.skipped, "\(style)")
            XCTAssertEqual(other.file.dossiers.count, canonical.file.dossiers.count, "\(style)")
            for (a, b) in zip(other.file.dossiers, canonical.file.dossiers) where a != b {
                return XCTFail("\(style): first difference\n\(a)\n\(b)")
            }
        }
    }

    func testTwoLevelStylesAgreeToo() throws {
        let a = try imported(.canonical, twoLevel: true)
        let b = try imported(.utf16, twoLevel: true)
        XCTAssertEqual(b.file.rejections.count, 0)
        XCTAssertEqual(a.file.dossiers, b.file.dossiers)
        XCTAssertEqual(a.units, b.units)
    }

    func testEncodingsAreAsDeclared() throws {
        let canonical = GeneratorFixture.bytes(try imported(.canonical).summary.dossiers.path)
        XCTAssertEqual(Array(canonical.prefix(6)), Array("MaHoSo".utf8), "no BOM")
        XCTAssertFalse(canonical.contains(0x0D), "LF only")

        let vietnamese = GeneratorFixture.bytes(try imported(.vietnamese).summary.dossiers.path)
        XCTAssertEqual(Array(vietnamese.prefix(3)), [0xEF, 0xBB, 0xBF])
        let header = String(decoding: vietnamese.dropFirst(3).prefix { $0 != 0x0D }, as: UTF8.self)
        XCTAssertTrue(header.hasPrefix("Mã hồ sơ;Mã đơn vị;"), header)
        XCTAssertTrue(vietnamese.contains(0x0D))
        let text = String(decoding: vietnamese, as: UTF8.self)
        let decomposedField = "Hộ tịch".decomposedStringWithCanonicalMapping
        XCTAssertTrue(text.unicodeScalars.contains { (0x0300...0x036F).contains($0.value) }, "names in NFD")
        XCTAssertTrue(vietnamese.firstRange(of: Array(decomposedField.utf8)) != nil)
        XCTAssertNil(vietnamese.firstRange(of: Array("Hộ tịch".precomposedStringWithCanonicalMapping.utf8)))

        let utf16 = GeneratorFixture.bytes(try imported(.utf16).summary.dossiers.path)
        XCTAssertEqual(Array(utf16.prefix(2)), [0xFF, 0xFE])
        let decoded = String(decoding: stride(from: 2, to: utf16.count - 1, by: 2).map {
            UInt16(utf16[$0]) | UInt16(utf16[$0 + 1]) << 8 }, as: UTF16.self)
        XCTAssertTrue(decoded.hasPrefix("Số hồ sơ\tMã cơ quan\t"), String(decoded.prefix(40)))
        XCTAssertTrue(decoded.contains("\r\n"))
    }

    func testQuotedFieldsSurviveTheReader() throws {
        let dir = GeneratorFixture.temporaryDirectory()
        directories.append(dir)
        let path = dir + "/q.csv"
        for style in ExportStyle.allCases {
            let w = try CSVWriter(path: path, style: style)
            try w.row(["MaHoSo", "ChuHoSo"])
            let tricky = ["a,b", "a;b", "say \"hi\"", "line1\nline2", "tab\there", " Mường Khoa "]
            for (i, t) in tricky.enumerated() { try w.row(["H\(i)", t]) }
            try w.finish()
            var csv = try CSVFile(path: path)
            var values: [String] = []
            while let r = try csv.reader.next() { values.append(r.fields[1]) }
            XCTAssertEqual(values, tricky, "\(style)")
        }
    }

    func testUTF16TranscodingMatchesTheStandardLibrary() {
        let text = "Mường Khoa; Hộ tịch \u{1F4C4} ạ\r\n"
        var out: [UInt8] = []
        Array(text.utf8).withUnsafeBufferPointer { ByteSink.transcodeToUTF16LE($0, into: &out) }
        XCTAssertEqual(out, text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
    }
}
