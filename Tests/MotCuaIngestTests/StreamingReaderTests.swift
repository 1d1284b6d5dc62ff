import XCTest
import MotCuaTestSupport
import MotCuaCore
@testable import MotCuaIngest

/// The export is read on a second thread and handed over in batches: every
/// row arrives once and in order, and a failure on either side ends the
/// import with that failure, never a hang or a partial result.
final class StreamingReaderTests: TemporaryDirectoryTestCase {
    let reference = ReferenceData(units: [OrgUnit(code: "MK", name: "UBND xã Mường Khoa", level: "xa")],
                                  catalogue: ProcedureCatalogue([Procedure(code: "P2", name: "Đăng ký khai sinh", duration: 1)]))

    /// An export of `rows` dossiers, about 130 bytes a line; `badLine` (a line
    /// number, header = 1) gets a byte that is not UTF-8.
    func export(rows: Int, badLine: Int? = nil) throws -> String {
        var bytes = Array("MaHoSo;MaDonVi;MaTTHC;TenTTHC;NgayTiepNhan;NgayHenTra;TrangThaiHoSo;ChuHoSo\n".utf8)
        for i in 0..<rows {
            let name = (i + 2 == badLine) ? Array("Nguy".utf8) + [0xEA, 0x6E] : Array("Nguyễn Văn \(i % 97)".utf8)
            bytes += Array("H\(i);MK;P2;Đăng ký khai sinh;01/10/2020 08:00:00;05/10/2020 17:00:00;4;".utf8) + name + [0x0A]
        }
        let url = dir.appendingPathComponent("export.csv")
        try Data(bytes).write(to: url)
        return url.path
    }

    func testEveryRowArrivesOnceInOrderAcrossBatches() throws {
        let rows = DossierFileReader.batchSize * 3 + 17
        var codes: [String] = []
        var lines: [Int] = []
        let summary = try DossierFileReader.streamBatches(path: try export(rows: rows), reference: reference) { batch in
            for k in 0..<batch.count { codes.append(batch.text(k, .code)!); lines.append(batch.lines[k]) }
        }
        XCTAssertEqual(summary.rowsRead, rows)
        XCTAssertEqual(codes, (0..<rows).map { "H\($0)" })
        XCTAssertEqual(lines, (0..<rows).map { $0 + 2 })
    }

    func testAFailureWhileStoringStopsTheReaderAndIsRethrown() throws {
        struct DiskFull: Error {}
        var batches = 0
        XCTAssertThrowsError(try DossierFileReader.streamBatches(path: try export(rows: DossierFileReader.batchSize * 40),
                                                                 reference: reference) { _ in
            batches += 1
            if batches == 2 { throw DiskFull() }
        }) { XCTAssertTrue($0 is DiskFull) }
        XCTAssertEqual(batches, 2)
    }

    func testABadByteFarIntoAFileNamesItsLineAndEndsTheImport() throws {
        // 60,000 lines (~8 MB): the UTF-8 check runs a few MB ahead of the
        // parser, so the bad byte is met after batches have been handed over.
        let path = try export(rows: 60_000, badLine: 59_000)
        var delivered = 0
        XCTAssertThrowsError(try DossierFileReader.streamBatches(path: path, reference: reference) { delivered += $0.count }) { error in
            let e = error as? Message
            XCTAssertEqual(e?.place.line, 59_000)
            XCTAssertTrue(e?.text(.en).contains("not valid UTF-8") == true)
        }
        XCTAssertGreaterThan(delivered, 0)
        XCTAssertLessThan(delivered, 59_000)
    }
}
