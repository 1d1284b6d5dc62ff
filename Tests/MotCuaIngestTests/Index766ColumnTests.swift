import XCTest
import MotCuaCore
@testable import MotCuaIngest

/// The QĐ 766 columns of an export (docs/rules.md#index766-columns): portal
/// names and Vietnamese aliases, yes/no words, absent column = unknown.
final class Index766ColumnTests: XCTestCase {
    let reference = ReferenceData(
        units: [OrgUnit(code: "MK", name: "UBND xã Mường Khoa", level: "xa")],
        catalogue: ProcedureCatalogue([Procedure(code: "P2", name: "Đăng ký khai sinh", level: .two, duration: 1)]))

    func decode(_ header: [String], _ values: [String]) -> DecodedRow {
        let base = ["MaHoSo", "MaDonVi", "MaTTHC", "NgayTiepNhan", "NgayHenTra"]
        let d = DossierRowDecoder(file: "x.csv", header: HeaderMap(dossierHeader: base + header), reference: reference)
        return d.decode(CSVRecord(line: 2, fields: ["H1", "MK", "P2", "01/10/2020 08:00", "02/10/2020"] + values))
    }

    func dossier(_ header: [String], _ values: [String], file: StaticString = #filePath, line: UInt = #line) -> Dossier? {
        guard case .dossier(let d, _) = decode(header, values) else {
            XCTFail("\(decode(header, values))", file: file, line: line); return nil
        }
        return d
    }

    func testAliasesMapToTheColumns() {
        let map = HeaderMap<DossierColumn>(dossierHeader: ["Đường dẫn tệp kết quả", "Có thành phần số hóa", "Được số hóa",
                                                           "Thanh toán trực tuyến", "duong_dan_tep_tin_ket_qua"])
        XCTAssertEqual(map.index[.resultFileLink], 0)
        XCTAssertEqual(map.index[.digitisedComponents], 1)
        XCTAssertEqual(map.index[.digitised], 2)
        XCTAssertEqual(map.index[.paidOnline], 3)
    }

    func testAbsentColumnsAreUnknownNotNo() {
        let d = dossier([], [])
        XCTAssertNil(d?.hasElectronicResult)
        XCTAssertNil(d?.hasDigitisedComponents)
        XCTAssertNil(d?.isDigitised)
        XCTAssertNil(d?.isPaidOnline)
    }

    func testYesNoWordsAndLinks() {
        let header = ["DuongDanTepTinKetQua", "HoSoCoThanhPhanSoHoa", "DuocSoHoa", "DuocThanhToanTrucTuyen"]
        let yes = dossier(header, ["https://dvc.gov.vn/kq/H1.pdf", "Có", "TRUE", "1"])
        XCTAssertEqual([yes?.hasElectronicResult, yes?.hasDigitisedComponents, yes?.isDigitised, yes?.isPaidOnline], [true, true, true, true])
        let no = dossier(header, ["", "Không", "false", "0"])
        XCTAssertEqual([no?.hasElectronicResult, no?.hasDigitisedComponents, no?.isDigitised, no?.isPaidOnline], [false, false, false, false])
        let blank = dossier(header, ["0", "", " ", "x"])
        XCTAssertEqual([blank?.hasElectronicResult, blank?.hasDigitisedComponents, blank?.isDigitised, blank?.isPaidOnline],
                       [false, false, false, true], "a blank cell of a column the export has means no")
    }

    func testAWordThatIsNeitherIsRejectedNamingTheColumn() {
        guard case .rejected(let r) = decode(["Thanh toán trực tuyến"], ["có lẽ"]) else { return XCTFail() }
        XCTAssertEqual(r.column, "Thanh toán trực tuyến")
        XCTAssertEqual(r.value, "có lẽ")
        XCTAssertEqual(r.reason.code, "row.bad-flag")
        XCTAssertTrue(r.reason.vi.contains("1/0, Có/Không"), r.reason.vi)
    }
}
