import XCTest
import MotCuaCore
@testable import MotCuaIngest

/// Header aliases (docs/rules.md#headers), value words (docs/rules.md#values), and reject
/// reasons in the order of docs/rules.md#rejects.
final class DossierRowDecoderTests: XCTestCase {
    let reference = ReferenceData(
        units: [OrgUnit(code: "MK", name: "UBND xã Mường Khoa", level: "xa")],
        catalogue: ProcedureCatalogue([Procedure(code: "P2", name: "Đăng ký khai sinh", level: .two, duration: 1)]))

    func decoder(_ header: [String]) -> DossierRowDecoder {
        DossierRowDecoder(file: "x.csv", header: HeaderMap(dossierHeader: header), reference: reference)
    }

    func testHeadersMatchAccentCaseAndPunctuationInsensitively() {
        let nfd = "Ngày tiếp nhận".decomposedStringWithCanonicalMapping
        let map = HeaderMap<DossierColumn>(dossierHeader: ["MÃ HỒ SƠ", "ma_don_vi", nfd, "Ngày nhận bổ sung", "Mã thủ tục", "Cột lạ"])
        XCTAssertEqual(map.index[.code], 0)
        XCTAssertEqual(map.index[.unitCode], 1)
        XCTAssertEqual(map.index[.receivedAt], 2)
        XCTAssertEqual(map.index[.supplementReceivedAt], 3, "\"Ngày nhận\" ≠ \"Ngày nhận bổ sung\": whole names only")
        XCTAssertEqual(map.index[.procedureCode], 4)
        XCTAssertEqual(map.unknown, [5])
    }

    func testUnitAndProcedureResolvedByNameInNFDAndWordsForValues() {
        let d = decoder(["Mã hồ sơ", "Đơn vị", "Tên thủ tục", "Kênh nộp", "Trạng thái", "Ngày nhận", "Hạn xử lý", "Mức độ"])
        let row = CSVRecord(line: 2, fields: ["H1", "ubnd xa MUONG KHOA".decomposedStringWithCanonicalMapping,
                                              "Đăng ký khai sinh".decomposedStringWithCanonicalMapping,
                                              "BƯU CHÍNH", "da tra ket qua", "01/10/2020 08:00", "02/10/2020", "Toàn trình"])
        guard case .dossier(let dossier, _) = d.decode(row) else { return XCTFail("\(d.decode(row))") }
        XCTAssertEqual(dossier.unitCode, "MK")
        XCTAssertEqual(dossier.procedureCode, "P2")
        XCTAssertEqual(dossier.channel, .postal)
        XCTAssertEqual(dossier.status, .returned)
        XCTAssertEqual(dossier.declaredLevel, .four)
        XCTAssertEqual(dossier.dueAt?.description, "2020-10-02 17:00:00")
    }

    func testEachRejectReasonNamesLineColumnAndReason() {
        let header = ["MaHoSo", "MaDonVi", "MaTTHC", "TenTTHC", "KenhThucHien", "NgayTiepNhan", "NgayHenTra",
                      "NgayKetThucXuLy", "TrangThaiHoSo"]
        let d = decoder(header)
        func rejection(_ fields: [String]) -> RowRejection? {
            if case .rejected(let r) = d.decode(CSVRecord(line: 7, fields: fields)) { return r }
            return nil
        }
        let ok = ["H1", "MK", "P2", "", "1", "01/10/2020 08:00", "02/10/2020", "", "4"]
        XCTAssertNil(rejection(ok))
        func with(_ i: Int, _ v: String) -> [String] { var f = ok; f[i] = v; return f }
        XCTAssertEqual(rejection(with(0, ""))?.column, "MaHoSo")
        XCTAssertEqual(rejection(with(8, "xong rồi"))?.column, "TrangThaiHoSo")
        XCTAssertEqual(rejection(with(4, "fax"))?.column, "KenhThucHien")
        XCTAssertEqual(rejection(with(5, "32/10/2020"))?.column, "NgayTiepNhan")
        XCTAssertEqual(rejection(with(5, ""))?.column, "NgayTiepNhan")
        XCTAssertEqual(rejection(with(1, ""))?.column, "MaDonVi")
        XCTAssertEqual(rejection(with(2, ""))?.column, "MaTTHC")
        var unknownName = with(2, ""); unknownName[3] = "Thủ tục không có"
        XCTAssertEqual(rejection(unknownName)?.column, "TenTTHC")
        XCTAssertEqual(rejection(with(6, ""))?.column, "NgayHenTra")
        XCTAssertEqual(rejection(with(7, "30/09/2020 08:00"))?.column, "NgayKetThucXuLy")
        // Several problems: the first in the order of docs/rules.md#rejects wins (code before status before dates).
        var many = with(0, ""); many[8] = "??"; many[5] = "bad"
        XCTAssertEqual(rejection(many)?.column, "MaHoSo")
        var statusAndDate = with(8, "??"); statusAndDate[5] = "bad"
        XCTAssertEqual(rejection(statusAndDate)?.column, "TrangThaiHoSo")

        let r = rejection(with(5, "32/10/2020"))!
        XCTAssertEqual(r.line, 7)
        XCTAssertEqual(r.text(.vi), "x.csv, dòng 7, cột NgayTiepNhan: Ngày giờ không đọc được: \"32/10/2020\" (dùng dd/MM/yyyy HH:mm:ss, yyyy-MM-dd HH:mm:ss…).")
        XCTAssertTrue(r.text(.en).hasPrefix("x.csv, line 7, column NgayTiepNhan: Unreadable date/time"))
    }

    func testRegisteredWithoutReceiptIsSkippedOtherwiseRejected() {
        let d = decoder(["MaHoSo", "MaDonVi", "MaTTHC", "NgayTiepNhan", "NgayHenTra", "TrangThaiHoSo"])
        if case .skipped = d.decode(CSVRecord(line: 2, fields: ["H1", "MK", "P2", "", "", "1"])) {} else { XCTFail() }
        if case .rejected = d.decode(CSVRecord(line: 2, fields: ["H1", "MK", "P2", "", "", "2"])) {} else { XCTFail() }
    }

    func testUnknownUnitCodeAndUnknownProcedureCodeAreKept() {
        let d = decoder(["MaHoSo", "MaDonVi", "DonViXuLy", "MaTTHC", "NgayTiepNhan", "NgayHenTra", "MucDo"])
        guard case .dossier(let dossier, _) = d.decode(CSVRecord(line: 2, fields: ["H1", "NEW", "UBND xã Mới", "X.999", "01/10/2020", "05/10/2020", "mức 9"]))
        else { return XCTFail() }
        XCTAssertEqual(dossier.unitCode, "NEW")
        XCTAssertEqual(dossier.procedureCode, "X.999")
        XCTAssertNil(dossier.declaredLevel, "an unknown MucDo is ignored")
        XCTAssertNil(reference.catalogue.level(of: dossier), "not in the catalogue and no MucDo: level other")
    }
}

extension DossierRowDecoderTests {
    func testRefusedDossierNeedsNoDueDate() {
        let d = decoder(["MaHoSo", "MaDonVi", "MaTTHC", "NgayTiepNhan", "NgayHenTra", "TrangThaiHoSo"])
        if case .dossier(let dossier, _) = d.decode(CSVRecord(line: 2, fields: ["H1", "MK", "P2", "01/10/2020 08:00", "", "3"])) {
            XCTAssertNil(dossier.dueAt)
        } else { XCTFail("a refused dossier without a due date is kept") }
        if case .rejected = d.decode(CSVRecord(line: 2, fields: ["H1", "MK", "P2", "01/10/2020 08:00", "", "4"])) {} else {
            XCTFail("any other status needs a due date (or a recomputable one)")
        }
    }
}
