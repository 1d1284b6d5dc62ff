import XCTest
import MotCuaTestSupport
import MotCuaCore
@testable import MotCuaIngest

/// An export read in stretches by several threads (``CSVSegments``) gives
/// what one reader from the top gives: the same dossiers in the same order
/// with the same lines, the same rejected and skipped rows, the same unit
/// names and the same first failure — wherever the cuts fall, including
/// inside quoted fields that run across lines and after stray quotes.
final class CSVSegmentsTests: TemporaryDirectoryTestCase {
    let reference = ReferenceData(
        units: [OrgUnit(code: "MK", name: "UBND xã Mường Khoa", level: "xa"),
                OrgUnit(code: "TU", name: "UBND thị xã Tân Uyên", level: "huyen")],
        catalogue: ProcedureCatalogue([Procedure(code: "P2", name: "Đăng ký khai sinh", duration: 1),
                                       Procedure(code: "P5", name: "Cấp phép xây dựng", duration: 15)]))

    /// What a reading hands over, all of it comparable.
    struct Reading: Equatable {
        var dossiers: [Dossier] = []
        var lines: [Int] = []
        var rowsRead = 0
        var skipped = 0
        var rejections: [RowRejection] = []
        var unitNames: [String: String] = [:]
        var rowsByUnit: [String: Int] = [:]
    }

    func read(_ path: String, stretches: Int?) throws -> Reading {
        var reading = Reading()
        let summary = try DossierFileReader.streamBatches(path: path, reference: reference, digests: false,
                                                          stretches: stretches) { batch in
            for k in 0..<batch.count {
                reading.dossiers.append(batch.dossier(k))
                reading.lines.append(batch.lines[k])
            }
            reading.rowsByUnit.merge(batch.rowsByUnit, uniquingKeysWith: +)
        }
        reading.rowsRead = summary.rowsRead
        reading.skipped = summary.skipped
        reading.rejections = summary.rejections
        reading.unitNames = summary.unitNames
        return reading
    }

    /// A random export: plain rows, addresses quoted across lines (LF, CRLF or
    /// a lone CR), doubled quotes, stray quotes, blank lines, records cut
    /// short, dates that do not parse, dossiers not yet received, and unit
    /// names that change between rows of one unit.
    func randomExport(_ rng: inout SplitMix64, rows: Int) throws -> String {
        try randomExportAndNames(&rng, rows: rows).path
    }

    /// The export, and each row's code, unit and unit name as written.
    func randomExportAndNames(_ rng: inout SplitMix64, rows: Int) throws -> (path: String, names: [(code: String, unit: String, name: String)]) {
        var names: [(code: String, unit: String, name: String)] = []
        let ends = ["\n", "\r\n", "\r"]
        let end = ends[Int(rng.next() % 3)]
        var text = "MaHoSo;MaDonVi;TenDonVi;MaTTHC;NgayTiepNhan;NgayHenTra;NgayKetThucXuLy;TrangThaiHoSo;ChuHoSo;DiaChi" + end
        for i in 0..<rows {
            let unit = rng.next() % 2 == 0 ? "MK" : "TU"
            let name = rng.next() % 4 == 0 ? "" : "Tên \(unit) \(rng.next() % 3)"
            names.append(("H\(i)", unit, name))
            let unitAsWritten = rng.next() % 5 == 0 ? " \(unit) " : unit  // one code, two spellings
            let day = 1 + Int(rng.next() % 28)
            var received = String(format: "%02d/10/2020 08:%02d:00", day, Int(rng.next() % 60))
            var status = ["4", "5", "2", "10", "1"][Int(rng.next() % 5)]
            var applicant = "Nguyễn Văn \(i)"
            var address = "Tổ \(i % 9), phường Uyên Hưng"
            var fields: [String]? = nil
            switch rng.next() % 12 {
            case 0: address = "\"Tổ 3\(end)ấp Bình Hòa\(ends[Int(rng.next() % 3)])xã Tân Vĩnh Hiệp\""
            case 1: applicant = "\"Lê \"\"Bảy\"\" Thị\""
            case 2: applicant = "\"Nguyễn Văn A"  // a stray quote
            case 3: received = "32/13/2020"
            case 4: status = "0"
            case 8: status = "1"; received = ""  // not yet received
            case 5: fields = ["H\(i)", unitAsWritten, name]  // cut short
            case 6: text += end  // a blank line before the record
            case 7: address = "\"\(String(repeating: "số nhà dài ", count: 1 + Int(rng.next() % 40)))\(end)\(end)\""
            default: break
            }
            let row = fields ?? ["H\(i)", unitAsWritten, name, rng.next() % 2 == 0 ? "P2" : "P5", received,
                                 String(format: "%02d/11/2020 17:00:00", day), status == "10" ? String(format: "%02d/11/2020 10:00:00", day) : "",
                                 status, applicant, address]
            text += row.joined(separator: ";") + end
        }
        let url = dir.appendingPathComponent("export-\(rng.next() % 1_000_000).csv")
        try Data(text.utf8).write(to: url)
        return (url.path, names)
    }

    func testStretchesOfAnySizeReadWhatOneReaderReads() throws {
        var rng = SplitMix64(seed: 18)
        for round in 0..<60 {
            let path = try randomExport(&rng, rows: 20 + Int(rng.next() % 400))
            let whole = try read(path, stretches: nil)
            XCTAssertGreaterThan(whole.dossiers.count, 0)
            for bytes in [1, 7, 64, 100 + Int(rng.next() % 900), 5_000] {
                let split = try read(path, stretches: bytes)
                XCTAssertEqual(split.lines, whole.lines, "round \(round), \(bytes) bytes a stretch")
                XCTAssertEqual(split, whole, "round \(round), \(bytes) bytes a stretch")
            }
        }
    }

    /// Rows are counted per unit code and each unit takes the first name
    /// written on its dossiers, whatever spelling of the code the row has.
    func testRowsPerUnitAndTheFirstUnitNameAreThoseOfTheDossiers() throws {
        var rng = SplitMix64(seed: 2025)
        for _ in 0..<10 {  // more than two batches of rows, in one reading or in stretches
            let (path, names) = try randomExportAndNames(&rng, rows: 2 * DossierFileReader.batchSize + Int(rng.next() % 3_000))
            for stretches in [nil, 200, 100_000] as [Int?] {
                let reading = try read(path, stretches: stretches)
                let kept = Set(reading.dossiers.map(\.code))
                XCTAssertEqual(reading.rowsByUnit, Dictionary(grouping: reading.dossiers, by: \.unitCode).mapValues(\.count))
                var first: [String: String] = [:]
                for row in names where kept.contains(row.code) && !row.name.isEmpty && first[row.unit] == nil { first[row.unit] = row.name }
                XCTAssertEqual(reading.unitNames, first)
            }
        }
    }

    /// Every kind of row the random exports mix is there, so the property above covers each.
    func testTheRandomExportsHaveEveryKindOfRow() throws {
        var rng = SplitMix64(seed: 18)
        let whole = try read(try randomExport(&rng, rows: 400), stretches: nil)
        XCTAssertGreaterThan(whole.skipped, 0)
        let reasons = Set(whole.rejections.map(\.reason.code))
        XCTAssertTrue(reasons.contains("row.broken-quote"), "\(reasons)")
        XCTAssertTrue(reasons.contains("row.field-count"), "\(reasons)")
        XCTAssertTrue(whole.dossiers.contains { $0.applicant?.contains("\"Bảy\"") == true })
        XCTAssertTrue(zip(whole.lines, whole.lines.dropFirst()).contains { $1 - $0 > 2 }, "multi-line records and blank lines")
        XCTAssertEqual(Set(whole.unitNames.keys), ["MK", "TU"])
    }

    func testABadByteInALaterStretchFailsWithTheLineOneReaderNames() throws {
        var text = "MaHoSo;MaDonVi;MaTTHC;NgayTiepNhan;NgayHenTra;TrangThaiHoSo;ChuHoSo\n"
        for i in 0..<3_000 { text += "H\(i);MK;P2;01/10/2020 08:00:00;05/10/2020 17:00:00;4;Nguyễn Văn \(i)\n" }
        var bytes = Array(text.utf8)
        bytes.insert(0xFF, at: bytes.count - 30)  // in the name on the last line
        let url = dir.appendingPathComponent("bad.csv")
        try Data(bytes).write(to: url)
        func failure(_ stretches: Int?) -> String? {
            do { _ = try read(url.path, stretches: stretches); return nil } catch { return (error as? Message)?.text(.en) }
        }
        let one = try XCTUnwrap(failure(nil))
        XCTAssertTrue(one.hasPrefix("bad.csv, line 3001:"), one)
        XCTAssertEqual(failure(4_096), one)
        XCTAssertEqual(failure(100), one)
    }

    func testAFailureOfTheConsumerStopsTheReadersAndIsRethrown() throws {
        struct DiskFull: Error {}
        var text = "MaHoSo;MaDonVi;MaTTHC;NgayTiepNhan;NgayHenTra;TrangThaiHoSo\n"
        for i in 0..<50_000 { text += "H\(i);MK;P2;01/10/2020 08:00:00;05/10/2020 17:00:00;4\n" }
        let url = dir.appendingPathComponent("big.csv")
        try Data(text.utf8).write(to: url)
        var batches = 0
        XCTAssertThrowsError(try DossierFileReader.streamBatches(path: url.path, reference: reference, stretches: 10_000) { _ in
            batches += 1
            if batches == 3 { throw DiskFull() }
        }) { XCTAssertTrue($0 is DiskFull) }
        XCTAssertEqual(batches, 3)
    }

    func testACutFindsTheNextLineStartWhateverTheLineEnds() {
        let text = Array("ab\r\ncd\ref\ngh".utf8)
        text.withUnsafeBufferPointer { buf in
            XCTAssertEqual((0...text.count).map { CSVSegments.lineStart(atOrAfter: $0, in: buf) },
                           [0, 4, 4, 4, 4, 7, 7, 7, 10, 10, 10, 12, 12])
        }
    }
}
