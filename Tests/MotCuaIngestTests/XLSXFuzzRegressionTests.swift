import MotCuaCore
import XCTest
import ZIPFoundation
import MotCuaTestSupport
@testable import MotCuaIngest

/// Inputs found by Fuzz/run-xlsx-fuzz.sh that once crashed the .xlsx reader.
final class XLSXFuzzRegressionTests: TemporaryDirectoryTestCase {
    /// A stored (uncompressed) sheet whose directory gives two different sizes:
    /// the stream's init threw after allocating its buffer and freed it, and its
    /// deinit freed it again ("double free or corruption").
    func testAStoredEntryWithTwoSizesIsDamagedNotADoubleFree() throws {
        let url = dir.appendingPathComponent("two-sizes.xlsx")
        let archive = try Archive(url: url, accessMode: .create)
        for (path, text) in [("xl/workbook.xml", #"<workbook><sheets><sheet name="S" sheetId="1"/></sheets></workbook>"#),
                             ("xl/worksheets/sheet1.xml", "<worksheet><sheetData></sheetData></worksheet>")] {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .none) { p, n in
                data.subdata(in: Int(p)..<Int(p) + n)
            }
        }
        var bytes = [UInt8](try Data(contentsOf: url))
        let name = Array("xl/worksheets/sheet1.xml".utf8)
        let entry = try XCTUnwrap(bytes.indices.dropLast(46 + name.count).first { i in
            bytes[i] == 0x50 && bytes[i + 1] == 0x4B && bytes[i + 2] == 1 && bytes[i + 3] == 2
                && Array(bytes[(i + 46)..<(i + 46 + name.count)]) == name
        })
        bytes[entry + 24] &+= 1  // the uncompressed size, one more than the compressed one
        let zip = try ZipArchive(bytes: bytes)
        XCTAssertThrowsError(try XLSXDossierSheet.open(path: "two-sizes.xlsx", archive: zip, aliases: [:])) { error in
            let text = (error as? Message)?.text(.en) ?? "\(error)"
            XCTAssertTrue(text.hasPrefix("two-sizes.xlsx: The Excel workbook (.xlsx) is damaged"), text)
        }
    }
}
