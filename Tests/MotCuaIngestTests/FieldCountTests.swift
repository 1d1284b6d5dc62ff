import XCTest
import MotCuaTestSupport
import MotCuaCore
@testable import MotCuaIngest

/// A record with another number of fields than the header is rejected, and a
/// stray quote costs one record, not the ones after it (issue 14).
final class FieldCountTests: TemporaryDirectoryTestCase {
    let reference = ReferenceData(units: [OrgUnit(code: "MK", name: "UBND xã Mường Khoa", level: "xa")],
                                  catalogue: ProcedureCatalogue([Procedure(code: "P2", name: "Đăng ký khai sinh", duration: 1)]))

    /// 21 columns: the standard ones, an address that real exports quote, often across lines.
    static let header = "MaHoSo,MaDonVi,DonViXuLy,MaTTHC,TenTTHC,MaLinhVuc,TenLinhVuc,KenhThucHien,MucDo,NgayTiepNhan,"
        + "NgayHenTra,NgayKetThucXuLy,NgayTra,TrangThaiHoSo,SoLanBoSung,NgayYeuCauBoSung,NgayTiepNhanBoSung,"
        + "SoLanXinLoi,NgayHenTraMoi,ChuHoSo,DiaChi"

    func fields(_ i: Int, applicant: String? = nil) -> [String] {
        // Every 15th dossier's address is quoted, with a comma and a line break.
        let address = i % 15 == 0 ? "\"Bản Nà Pa, xã Mường Khoa\nhuyện Tân Uyên\"" : "Bản Nà Pa"
        return ["H\(i)", "MK", "UBND xã Mường Khoa", "P2", "Đăng ký khai sinh", "HT", "Hộ tịch", "1", "2",
                "01/10/2020 08:00:00", "05/10/2020 17:00:00", "", "", "4", "0", "", "", "0", "",
                applicant ?? "Nguyễn Văn \(i % 97)", address]
    }

    /// Writes the export; returns its path and the physical line each dossier starts on.
    func export(_ rows: [[String]]) throws -> (path: String, lines: [Int]) {
        var text = FieldCountTests.header + "\r\n"
        var line = 2
        var lines: [Int] = []
        for r in rows {
            lines.append(line)
            let record = r.joined(separator: ",")
            text += record + "\r\n"
            line += 1 + record.filter { $0 == "\n" }.count
        }
        let url = dir.appendingPathComponent("export.csv")
        try Data(text.utf8).write(to: url)
        return (url.path, lines)
    }

    func read(_ path: String) throws -> (codes: [String], summary: DossierFileSummary) {
        var codes: [String] = []
        let summary = try DossierFileReader.stream(path: path, reference: reference) { d, _ in codes.append(d.code) }
        return (codes, summary)
    }

    func testAStrayQuoteInANameCostsOneRecordOf50000() throws {
        let bad = 20_003  // a quote opened before a name and never closed: it used to swallow 14 records
        let (path, lines) = try export((0..<50_000).map { fields($0, applicant: $0 == bad ? "\"Nguyễn Văn A" : nil) })
        let (codes, summary) = try read(path)
        XCTAssertEqual(summary.rowsRead, 50_000)
        XCTAssertEqual(codes.count, 49_999)
        XCTAssertFalse(codes.contains("H\(bad)"))
        XCTAssertEqual(codes.last, "H49999")
        XCTAssertEqual(summary.rejections.count, 1)
        let r = try XCTUnwrap(summary.rejections.first)
        XCTAssertEqual(r.line, lines[bad])
        XCTAssertEqual(r.value, "H\(bad)")
        // The quote opens the name (field 20) and runs to the end of the line, over the address.
        XCTAssertEqual(r.text(.vi), "export.csv, dòng \(lines[bad]): Dòng này có 20 trường nhưng dòng tiêu đề có 21 trường: "
                       + "một dấu ngoặc kép (\") mở ở đây không được đóng đúng chỗ. Chỉ bỏ dòng này, đọc tiếp từ dòng sau.")
        XCTAssertEqual(r.text(.en), "export.csv, line \(lines[bad]): This line has 20 fields but the header has 21: "
                       + "a quote (\") opened here is not closed where it should be. Only this line is skipped; reading goes on at the next line.")
    }

    func testACutRecordAndAShiftedRecordAreRejectedWithTheirFieldCounts() throws {
        var rows = (0..<40).map { fields($0) }
        rows[7] = Array(rows[7].prefix(11))                        // cut short
        rows[20][19] = "Nguyễn Văn A, Lò Thị B"                    // an unquoted comma shifts the fields
        rows[30][19] = "\"Nguyễn Văn A, Lò Thị B\""                // quoted: fine
        let (path, lines) = try export(rows)
        let (codes, summary) = try read(path)
        XCTAssertEqual(codes.count, 38)
        XCTAssertEqual(summary.rejections.map(\.line), [lines[7], lines[20]])
        XCTAssertEqual(summary.rejections.map { $0.reason.en }, [
            "The record has 11 fields but the header has 21; the record is skipped.",
            "The record has 22 fields but the header has 21; the record is skipped.",
        ])
        XCTAssertEqual(summary.rejections[0].reason.vi, "Bản ghi có 11 trường nhưng dòng tiêu đề có 21 trường; bản ghi bị bỏ qua.")
        XCTAssertTrue(codes.contains("H30") && codes.contains("H15"), "quoted commas and line breaks still read")
    }
}
