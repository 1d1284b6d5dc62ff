import Foundation
import XCTest
import MotCuaTestSupport

/// The full workbook (Phụ lục, Đúng hạn, Quá hạn) and `motcua overdue` on the
/// Tân Uyên sample. Expected figures come from Scripts/sample-data/check_tan_uyen.py,
/// an independent implementation of docs/rules.md#classification.
final class OnTimeAndOverdueTests: SampleDataTestCase {



    func testFullWorkbookHasTheOnTimeTableChartAndOverdueList() throws {
        let out = dir.appendingPathComponent("bao-cao.xlsx").path
        let json = dir.appendingPathComponent("bao-cao.json").path
        let result = try CommandRunner.run(["report"] + inputs + ["--period", "2020-10", "--out", out, "--json", json])
        XCTAssertEqual(result.status, 0, result.stderr)
        let book = try XLSXWorkbook(path: out)
        XCTAssertEqual(book.sheets.map(\.name), ["Phụ lục", "Đúng hạn", "Đúng hạn - biểu đồ", "Tóm tắt", "Quá hạn", "Chấm điểm TT01",
                                                 "Chấm điểm TT01 - tiêu chí", "Kiểm tra dữ liệu"])
        // The long lists are in companion files beside --out, and the command says where.
        let overduePath = dir.appendingPathComponent("bao-cao-qua-han.xlsx").path
        let qualityPath = dir.appendingPathComponent("bao-cao-kiem-tra-du-lieu.xlsx").path
        XCTAssertTrue(result.stdout.contains("Đã ghi tệp kèm theo \(overduePath)."), result.stdout)
        XCTAssertTrue(result.stdout.contains("Đã ghi tệp kèm theo \(qualityPath)."), result.stdout)

        let onTime = try XCTUnwrap(book["Đúng hạn"])
        let first = try XCTUnwrap(onTime.row(whereColumn: 0, is: "1"))
        let total = try XCTUnwrap(onTime.row(whereColumn: 0, is: "TỔNG CỘNG"))
        XCTAssertEqual(total - first, 11)
        // backlog, received, finished, early, on time, late, unclassified, pending, in time, overdue, supplement
        XCTAssertEqual((2...12).map { onTime.cell(total, $0)?.number }, [6, 1907, 1868, 1349, 497, 16, 6, 45, 26, 13, 6])
        XCTAssertEqual(onTime.cell(total, 14)?.number ?? 0, 1846.0 / 1862.0 * 100, accuracy: 1e-9, "on-time rate")
        XCTAssertEqual(book.numberFormats[onTime.cell(total, 17)!.styleIndex], "0.00", "processing days")
        let drawing = try XLSXWorkbook.entry("xl/charts/chart1.xml", in: out)
        XCTAssertTrue(drawing.contains("<c:barChart>"), "a native bar chart")
        XCTAssertTrue(drawing.contains("'Đúng hạn - biểu đồ'!$V$"), "charting the on-time rates copied beside the chart")
        // One unit of the eleven has no dossier: ten bars, the lowest 88,9 % (axis from 80).
        let bars = try XCTUnwrap(book["Đúng hạn - biểu đồ"])
        XCTAssertEqual((0..<bars.rowCount).filter { bars.cell($0, 21)?.number != nil }.count, 10)
        XCTAssertTrue(drawing.contains("<c:min val=\"80\"/>"), drawing)

        // The report's overdue sheet: per unit, adding up to the 29 of the full list.
        let summary = try XCTUnwrap(book["Quá hạn"])
        let summaryTotal = try XCTUnwrap(summary.row(whereColumn: 0, is: "TỔNG CỘNG"))
        XCTAssertEqual((2...5).map { summary.cell(summaryTotal, $0)?.number }, [16, 13, 29, 1])
        let lists = try XLSXWorkbook(path: overduePath)
        let listed = lists.sheets.map { sheet -> Int in
            let header = sheet.row(whereColumn: 0, is: "STT")!
            return (header + 1..<sheet.rowCount).filter { sheet.cell($0, 0)?.number != nil }.count
        }
        XCTAssertEqual(listed.reduce(0, +), 29, "16 finished late + 13 pending past due")
        let overdue = try XCTUnwrap(lists["Bộ phận TN&TKQ Huyện Tân Uyên"], "\(lists.sheets.map(\.name))")
        let header = try XCTUnwrap(overdue.row(whereColumn: 0, is: "STT"))
        let count = listed[lists.sheets.firstIndex { $0.name == overdue.name }!]
        XCTAssertTrue(overdue.xml.contains("<autoFilter ref=\"A\(header + 1):M\(header + 1 + count)\""), "autofilter over the list")
        XCTAssertTrue(overdue.xml.contains("state=\"frozen\""), "frozen header")
        // Sorted by unit (display order), then days overdue, most first.
        let days = (header + 1...header + count).map { overdue.cell($0, 7)!.number! }
        XCTAssertEqual(days, days.sorted(by: >))
        let allRows = lists.sheets.flatMap { sheet in (0..<sheet.rowCount).map { sheet.text($0, 11) } }
        XCTAssertEqual(allRows.filter { $0.contains("Không có phiếu xin lỗi") }.count, 1)
        XCTAssertEqual(allRows.filter { $0.contains("Xin lỗi 2 lần") }.count, 1)
        // Personal data never appears: no applicant name from the export is in any sheet.
        let export = try String(contentsOf: sample.appendingPathComponent("dossiers.csv"), encoding: .utf8)
        let rows = export.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let officers = Set(rows.compactMap { $0.last.map(String.init) })
        // Applicants (ChuHoSo, second to last) who are not also officers, whose names may be shown.
        let applicants = Set(rows.compactMap { $0.count > 2 ? String($0[$0.count - 2]) : nil })
            .filter { $0.count > 3 }.subtracting(officers)
        let shared = try [out, overduePath, qualityPath].map { try XLSXWorkbook.entry("xl/sharedStrings.xml", in: $0) }.joined()
        XCTAssertFalse(applicants.isEmpty)
        XCTAssertNil(applicants.first { shared.contains($0) }, "an applicant's name leaked into the workbook")

        let doc = try validatedReportJSON(at: json)
        let t = doc["total"] as! [String: Any]
        XCTAssertEqual([t["early"], t["on_time"], t["late"], t["unclassified"]] as? [Int], [1349, 497, 16, 6])
        XCTAssertEqual([t["pending_in_time"], t["pending_overdue"], t["pending_supplement"]] as? [Int], [26, 13, 6])
        XCTAssertGreaterThan(t["avg_processing_days"] as! Double, 0)

        // Thông tư 01: every finished dossier with an on-time class is scored.
        let tt01 = t["tt01"] as! [String: Any]
        XCTAssertEqual(tt01["scored"] as? Int, 1862)
        let percent = tt01["percent"] as! Double
        XCTAssertEqual(percent, Double(tt01["points"] as! Int) / Double(tt01["max"] as! Int) * 100, accuracy: 1e-9)
        let scores = try XCTUnwrap(book["Chấm điểm TT01"])
        let scoreTotal = try XCTUnwrap(scores.row(whereColumn: 0, is: "TỔNG CỘNG"))
        XCTAssertTrue((0..<20).contains { scores.cell(scoreTotal, $0)?.number == 1862 }, "dossiers scored in the total row")
        XCTAssertNotNil(book["Chấm điểm TT01 - tiêu chí"]?.row(whereColumn: 0, is: "CS1"), "the rubric is printed on the next sheet")

        // Data quality: the three dossiers of unknown level at Trung Đồng, one overdue
        // without an apology letter, one with two letters.
        let quality = try XCTUnwrap(try XLSXWorkbook(path: qualityPath)["Kiểm tra dữ liệu"])
        let qHeader = try XCTUnwrap(quality.row(whereColumn: 0, is: "STT"))
        let problems = (qHeader + 1..<quality.rowCount).map { quality.text($0, 3) }.filter { !$0.isEmpty }
        XCTAssertEqual(problems.filter { $0 == "Không xác định được mức độ DVC" }.count, 3)
        XCTAssertEqual(problems.filter { $0 == "Trễ hạn, quá hạn không có phiếu xin lỗi" }.count, 1)
        XCTAssertEqual(problems.filter { $0 == "Xin lỗi, hẹn lại quá một lần" }.count, 1)
        XCTAssertEqual(problems.filter { $0 == "Ngày hẹn trả khác ngày tính theo thời hạn TTHC" }.count, 0,
                       "the sample's due dates follow the catalogue (checked independently by check_tan_uyen.py)")
    }

    func testSecondAppendixTemplateUsesTheNewServiceLevelWording() throws {
        let out = dir.appendingPathComponent("nd42.xlsx").path
        let result = try CommandRunner.run(["report"] + inputs + ["--period", "2020-10", "--template", "phu-luc-nd42", "--out", out])
        XCTAssertEqual(result.status, 0, result.stderr)
        let sheet = try XCTUnwrap(try XLSXWorkbook(path: out)["Phụ lục"])
        let texts = Set(sheet.cells.values.map(\.description))
        XCTAssertTrue(texts.contains("DVC TRỰC TUYẾN MỘT PHẦN"))
        XCTAssertTrue(texts.contains("DVC TRỰC TUYẾN TOÀN TRÌNH"))
        XCTAssertFalse(texts.contains("MỨC ĐỘ 3"))
        let total = try XCTUnwrap(sheet.row(whereColumn: 0, is: "TỔNG CỘNG"))
        XCTAssertEqual(sheet.cell(total, 2)?.number, 1907, "same figures as the phu-luc template")
    }

    func testBrokenTemplateFileIsAClearError() throws {
        let bad = dir.appendingPathComponent("mau.yaml").path
        try "name: x\nsheets:\n  - name: S\n    header: { A1: STT }\n    columns: [{ figure: tong_so_sai }]\n"
            .write(toFile: bad, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["report"] + inputs + ["--period", "2020-10", "--template", bad,
                                                                  "--out", dir.appendingPathComponent("x.xlsx").path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains(bad) && result.stderr.contains("tong_so_sai"), result.stderr)
        let unknown = try CommandRunner.run(["report"] + inputs + ["--period", "2020-10", "--template", "khong-co",
                                                                   "--out", dir.appendingPathComponent("x.xlsx").path])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.stderr.contains("phu-luc-nd42"), "lists the available templates: \(unknown.stderr)")
    }

    func testOverdueCommandForADailyCron() throws {
        let csv = dir.appendingPathComponent("qua-han.csv").path
        let xlsx = dir.appendingPathComponent("qua-han.xlsx").path
        let result = try CommandRunner.run(["overdue"] + inputs + ["--as-of", "2020-10-31", "--csv", csv, "--out", xlsx])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("29 hồ sơ"), result.stdout)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: csv))
        XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF], "BOM so that Excel reads UTF-8")
        let lines = String(decoding: bytes.dropFirst(3), as: UTF8.self).split(separator: "\r\n")
        XCTAssertEqual(lines.count, 30)
        XCTAssertTrue(lines[0].hasPrefix("Mã đơn vị,Đơn vị,Mã hồ sơ"), String(lines[0]))
        XCTAssertEqual(try XLSXWorkbook(path: xlsx).sheets.map(\.name), ["Quá hạn"])
        // Mid-month: only what is overdue by 15/10 and finished late since 1/10.
        let mid = try CommandRunner.run(["overdue"] + inputs + ["--as-of", "2020-10-15", "--csv", csv])
        XCTAssertEqual(mid.status, 0, mid.stderr)
        XCTAssertLessThan(try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\r\n").count, 30)
        let bad = try CommandRunner.run(["overdue", "--as-of", "2020-10-15"])
        XCTAssertEqual(bad.status, 2, "needs --out or --csv")
    }

    /// docs/rules.md#overdue: `--csv` speaks to the clerk (Vietnamese headers, Có/Không);
    /// `--csv-format raw` keeps the technical headers and 0/1, row for row the same list.
    func testOverdueCSVIsVietnameseByDefaultAndRawOnRequest() throws {
        func csvRows(_ format: [String]) throws -> [[String]] {
            let csv = dir.appendingPathComponent("qua-han-\(format.last ?? "vi").csv").path
            let result = try CommandRunner.run(["overdue"] + inputs + ["--as-of", "2020-10-31", "--csv", csv] + format)
            XCTAssertEqual(result.status, 0, result.stderr)
            let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: csv)).dropFirst(3), as: UTF8.self)
            return text.split(separator: "\r\n").map { Self.fields(String($0)) }
        }
        let vi = try csvRows([])
        let raw = try csvRows(["--csv-format", "raw"])
        XCTAssertEqual(vi[0], ["Mã đơn vị", "Đơn vị", "Mã hồ sơ", "Mã TTHC", "Thủ tục hành chính", "Ngày tiếp nhận",
                               "Ngày hẹn trả", "Ngày giải quyết", "Số ngày quá hạn", "Số lần xin lỗi", "Ngày hẹn lại",
                               "Trễ cả ngày hẹn lại", "Đã có thư xin lỗi", "Cán bộ xử lý"])
        XCTAssertEqual(raw[0], ["MaDonVi", "TenDonVi", "MaHoSo", "MaTTHC", "TenTTHC", "NgayTiepNhan", "NgayHenTra",
                                "NgayKetThucXuLy", "SoNgayQuaHan", "SoLanXinLoi", "NgayHenTraMoi", "TreCaNgayHenLai",
                                "KhongCoPhieuXinLoi", "CanBoXuLy"])
        XCTAssertEqual(vi.count, 30)
        XCTAssertEqual(raw.count, vi.count)
        var letters = 0, without = 0
        for (v, r) in zip(vi.dropFirst(), raw.dropFirst()) {
            XCTAssertEqual(v.count, 14)
            XCTAssertEqual(Array(v[0..<11]), Array(r[0..<11]), "same dossier, same values")
            XCTAssertEqual(v[13], r[13])
            XCTAssertTrue(["1", "0"].contains(r[12]), r[12])
            // raw says "no letter"; the Vietnamese column says "has a letter".
            XCTAssertEqual(v[12], r[12] == "1" ? "Không" : "Có")
            XCTAssertEqual(v[12] == "Có", Int(v[9])! > 0, "a letter is there exactly when it was counted")
            XCTAssertEqual(v[11], ["1": "Có", "0": "Không", "": ""][r[11]], "Trễ cả ngày hẹn lại")
            if v[12] == "Có" { letters += 1 } else { without += 1 }
        }
        XCTAssertGreaterThan(letters, 0, "the sample has overdue dossiers with a letter")
        XCTAssertGreaterThan(without, 0, "and without one")
        let bad = try CommandRunner.run(["overdue"] + inputs + ["--as-of", "2020-10-31", "--csv-format", "excel",
                                                               "--csv", dir.appendingPathComponent("x.csv").path])
        XCTAssertEqual(bad.status, 2, bad.stderr)
    }

    /// One CSV line's fields: quoted fields may hold commas and doubled quotes.
    static func fields(_ line: String) -> [String] {
        var fields: [String] = [], field = "", quoted = false
        var chars = Array(line)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" { if chars.first == "\"" { field.append(chars.removeFirst()) } else { quoted = false } }
                else { field.append(c) }
            } else if c == "\"" { quoted = true
            } else if c == "," { fields.append(field); field = ""
            } else { field.append(c) }
        }
        return fields + [field]
    }
}
