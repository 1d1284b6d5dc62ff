import Foundation
import XCTest
import MotCuaTestSupport

/// The QĐ 766 index, the list of dossiers that cost points and `motcua
/// explain`, through the real binary on a small export whose figures are
/// computed by hand (docs/rules.md#index766, docs/rules.md#on-time-rules).
final class Index766EndToEndTests: TemporaryDirectoryTestCase {
    /// X1: A on time exactly at its due moment (online, result link, paid), B on its due
    /// day after the due time, C early but with two supplement requests.
    /// X2: D a backlog dossier still pending past its due time (its code tries a formula),
    /// E waiting for a supplement requested before its due time (online), F finished
    /// after the cutoff, past its due time.
    func writeInputs() throws -> [String] {
        let units = "MaDonVi,TenDonVi,Cap,MaDonViCha,ThuTu\nT,UBND huyện Thử,huyen,,1\nX1,UBND xã Một,xa,T,2\nX2,UBND xã Hai,xa,T,3\n"
        let procedures = "MaTTHC,TenTTHC,MaLinhVuc,TenLinhVuc,MucDo,ThoiGianGiaiQuyet,DonViThoiGian,CapThucHien,CongKhai\n"
            + "P1,Thủ tục một,LV,Lĩnh vực,2,5,ngay-lam-viec,,\n"
        let dossiers = """
            MaHoSo,MaDonVi,MaTTHC,KenhThucHien,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,TrangThaiHoSo,SoLanBoSung,NgayYeuCauBoSung,Đường dẫn tệp kết quả,Thanh toán trực tuyến
            A,X1,P1,2,05/10/2020 08:00,12/10/2020 17:00,12/10/2020 17:00,10,0,,https://kq.example/a.pdf,1
            B,X1,P1,1,05/10/2020 08:00,12/10/2020 17:00,12/10/2020 17:30,10,0,,,0
            C,X1,P1,1,06/10/2020 08:00,13/10/2020 17:00,07/10/2020 09:00,10,2,,kq/c.pdf,Không
            =HYPERLINK(1),X2,P1,1,20/09/2020 08:00,30/09/2020 17:00,,4,0,,,
            E,X2,P1,2,10/10/2020 08:00,15/10/2020 17:00,,5,1,14/10/2020 10:00,,
            F,X2,P1,1,10/10/2020 08:00,15/10/2020 17:00,05/11/2020 09:00,10,0,,,

            """
        func write(_ name: String, _ text: String) throws -> String {
            let url = dir.appendingPathComponent(name)
            try text.write(to: url, atomically: true, encoding: .utf8)
            return url.path
        }
        return ["--input", try write("dossiers.csv", dossiers), "--units", try write("units.csv", units),
                "--procedures", try write("procedures.csv", procedures)]
    }

    func indicator(_ index: [String: Any], _ key: String) -> [String: Any]? { index[key] as? [String: Any] }

    func testIndexByHandJSONSheetAndCostList() throws {
        let out = dir.appendingPathComponent("chi-so.xlsx").path
        let json = dir.appendingPathComponent("chi-so.json").path
        let csv = dir.appendingPathComponent("tru-diem.csv").path
        let result = try CommandRunner.run(["report"] + (try writeInputs()) + ["--period", "2020-10", "--template", "chi-so-766",
                                            "--out", out, "--json", json, "--cost-points-csv", csv])
        XCTAssertEqual(result.status, 0, result.stderr)

        let doc = try validatedReportJSON(at: json)
        let total = (doc["total"] as! [String: Any])["index766"] as! [String: Any]
        let progress = try XCTUnwrap(indicator(total, "progress"))
        XCTAssertEqual([progress["in_scope"], progress["on_time"]] as? [Int], [6, 2], "A and E of the six")
        XCTAssertEqual(progress["points"] as! Double, 20.0 / 3, accuracy: 1e-9)
        let online = try XCTUnwrap(indicator(total, "online"))
        XCTAssertEqual([online["in_scope"], online["on_time"]] as? [Int], [5, 2], "the backlog dossier is not received")
        XCTAssertEqual(online["points"] as! Double, 4.8, accuracy: 1e-9)
        let result766 = try XCTUnwrap(indicator(total, "electronic_result"))
        XCTAssertEqual([result766["in_scope"], result766["on_time"]] as? [Int], [5, 2])
        XCTAssertEqual(result766["points"] as! Double, 4, accuracy: 1e-9)
        let payment = try XCTUnwrap(indicator(total, "online_payment"))
        XCTAssertEqual(payment["points"] as! Double, 2.5, accuracy: 1e-9)
        XCTAssertTrue(total["digitisation"] is NSNull, "no digitisation column: null, never zero")
        XCTAssertEqual(total["max"] as! Double, 44, accuracy: 1e-9)
        XCTAssertEqual(total["points"] as! Double, 20.0 / 3 + 4.8 + 4 + 2.5, accuracy: 1e-9)
        // X2's online rate (1 of 2) is capped at 6 points; points are recomputed, not summed.
        let rows = doc["rows"] as! [[String: Any]]
        let x2 = (rows.first { $0["code"] as? String == "X2" }!["index766"]) as! [String: Any]
        XCTAssertEqual(indicator(x2, "online")?["points"] as? Double, 6)
        XCTAssertEqual(x2["points"] as! Double, 20.0 / 3 + 6, accuracy: 1e-9)

        let book = try XLSXWorkbook(path: out)
        XCTAssertEqual(book.sheets.map(\.name), ["Chỉ số 766", "Hồ sơ bị trừ điểm"])
        let sheet = try XCTUnwrap(book["Chỉ số 766"])
        let first = try XCTUnwrap(sheet.row(whereColumn: 0, is: "1"))
        XCTAssertEqual(sheet.text(first, 1), "UBND xã Một")
        // Progress, online, electronic result, payment: 5 columns each, then totals and rank.
        for (c, expected) in zip(2...6, [1, 3, 100.0 / 3, 20.0 / 3, 20]) {
            XCTAssertEqual(sheet.cell(first, c)?.number ?? -1, expected, accuracy: 1e-9, "column \(c)")
        }
        XCTAssertEqual(sheet.cell(first, 24)?.number, 1, "X1 ranks first")
        XCTAssertEqual(sheet.cell(first + 1, 24)?.number, 2)
        XCTAssertEqual(sheet.cell(first + 1, 13)?.number, 2, "X2: 2 received dossiers with the column")
        XCTAssertEqual(sheet.cell(first + 1, 15)?.number ?? -1, 0, accuracy: 1e-9, "X2: no electronic result, zero points")
        XCTAssertFalse(sheet.xml.contains("Số hóa hồ sơ (tối đa"), "no digitisation column without data")
        let list = try XCTUnwrap(book["Hồ sơ bị trừ điểm"])
        let header = try XCTUnwrap(list.row(whereColumn: 0, is: "STT"))
        XCTAssertEqual((header + 1...header + 4).map { list.text($0, 2) }, ["B", "C", "=HYPERLINK(1)", "F"])

        let bytes = try Data(contentsOf: URL(fileURLWithPath: csv))
        XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF], "a BOM, so that Excel reads UTF-8")
        let lines = String(decoding: bytes.dropFirst(3), as: UTF8.self).split(separator: "\r\n").map(String.init)
        XCTAssertEqual(lines.count, 5)
        XCTAssertTrue(lines[0].hasPrefix("Mã đơn vị,Tên đơn vị,Mã hồ sơ"), lines[0])
        XCTAssertTrue(lines[1].contains(",B,") && lines[1].hasSuffix("ket-thuc-sau-han,Kết thúc xử lý sau ngày hẹn trả"), lines[1])
        XCTAssertTrue(lines[2].contains("bo-sung-nhieu-lan"), lines[2])
        XCTAssertTrue(lines[3].contains(",'=HYPERLINK(1),"), "formula neutralised: \(lines[3])")
        XCTAssertTrue(lines[4].contains(",F,") && lines[4].contains("2020-10-31 23:59:59,0,Đã trả kết quả,ton-qua-han"), lines[4])
    }

    func testExplainComparesTheThreeRules() throws {
        let csv = dir.appendingPathComponent("khac-nhau.csv").path
        let out = dir.appendingPathComponent("doi-chieu.xlsx").path
        let inputs = try writeInputs()
        let result = try CommandRunner.run(["explain"] + inputs + ["--period", "2020-10", "--csv", csv, "--out", out])
        XCTAssertEqual(result.status, 0, result.stderr)
        // X1: appendix A, C on time of A, B, C; the portal A of three; by day all three.
        XCTAssertTrue(result.stdout.contains("UBND xã Một"), result.stdout)
        XCTAssertTrue(result.stdout.contains("66,7% (2/3)"), result.stdout)
        XCTAssertTrue(result.stdout.contains("33,3% (1/3)"), result.stdout)
        XCTAssertTrue(result.stdout.contains("100,0% (3/3)"), result.stdout)
        XCTAssertTrue(result.stdout.contains("3  Chưa kết thúc tại thời điểm chốt"), result.stdout)
        let lines = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\r\n")
        XCTAssertEqual(lines.count, 6, "B, C, D, E, F differ; A does not")
        XCTAssertTrue(lines[1].contains(",B,") && lines[1].contains("trong-ngay-hen-sau-gio-hen"), String(lines[1]))
        XCTAssertTrue(lines[5].contains(",F,") && lines[5].contains("Đã trả kết quả,0,không tính,không đúng hạn,không tính"),
                      "F's November finish is not shown: \(lines[5])")

        let book = try XLSXWorkbook(path: out)
        let sheet = try XCTUnwrap(book["Đối chiếu cách tính"])
        let total = try XCTUnwrap(sheet.row(whereColumn: 0, is: "TỔNG CỘNG"))
        for (c, expected) in zip(2...11, [3, 2, 200.0 / 3, 6, 2, 100.0 / 3, 3, 3, 100, 5]) {
            XCTAssertEqual(sheet.cell(total, c)?.number ?? -1, expected, accuracy: 1e-9, "column \(c)")
        }

        let english = try CommandRunner.run(["explain"] + inputs + ["--period", "2020-10", "--lang", "en", "--limit", "0"])
        XCTAssertEqual(english.status, 0, english.stderr)
        XCTAssertTrue(english.stdout.contains("66.7% (2/3)"), english.stdout)
        XCTAssertTrue(english.stdout.contains("Unfinished at the cutoff"), english.stdout)
        XCTAssertFalse(english.stdout.contains("Dossiers placed differently"), "--limit 0 prints no list")
    }
}
