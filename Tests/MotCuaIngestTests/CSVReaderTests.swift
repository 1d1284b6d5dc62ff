import MotCuaCore
import XCTest
import MotCuaTestSupport
@testable import MotCuaIngest

/// Dialects and encodings of docs/rules.md#encoding, read from real files.
final class CSVReaderTests: TemporaryDirectoryTestCase {

    func file(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = dir.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    func records(_ path: String) throws -> (header: [String], rows: [CSVRecord]) {
        var csv = try CSVFile(path: path)
        var rows: [CSVRecord] = []
        while let r = try csv.reader.next() { rows.append(r) }
        return (csv.header, rows)
    }

    func testQuotedFieldsWithDelimitersQuotesAndNewlinesKeepTheirStartLine() throws {
        let text = "a,b,c\r\n1,\"x, y\",\"he said \"\"hi\"\"\"\r\n2,\"line1\nline2\",z\r\n\r\n3,,\n"
        let (header, rows) = try records(try file("q.csv", Array(text.utf8)))
        XCTAssertEqual(header, ["a", "b", "c"])
        XCTAssertEqual(rows.map(\.fields), [["1", "x, y", "he said \"hi\""], ["2", "line1\nline2", "z"], ["3", "", ""]])
        XCTAssertEqual(rows.map(\.line), [2, 3, 6], "line numbers are physical lines; the blank line 5 is skipped")
    }

    /// The reader hands out byte ranges of the file, copying only quoted fields
    /// with doubled quotes or text after the closing quote; a plain character-
    /// by-character parser of the same rules must agree with it on any text.
    ///
    /// With an expected field count, a record read across lines inside quotes
    /// that has another count is handed over as read, and reading resumes at its
    /// second physical line: the simple parser does the same, from scratch.
    func testByteRangeReaderAgreesWithASimpleParserOnRandomText() throws {
        func reference(_ text: [UInt8], expected: Int?) -> [(line: Int, fields: [String])] {
            var records: [(Int, [String])] = []
            var i = 0, line = 1
            while i < text.count {
                let start = line, startIndex = i
                var quotedBreak = false, recordEnd = i
                var fields: [String] = []
                var field: [UInt8] = []
                var end = false
                while !end {
                    field = []
                    if i < text.count && text[i] == 0x22 {
                        i += 1
                        while i < text.count {
                            if text[i] == 0x22 {
                                if i + 1 < text.count && text[i + 1] == 0x22 { field.append(0x22); i += 2; continue }
                                i += 1; break
                            }
                            if text[i] == 0x0A || (text[i] == 0x0D && (i + 1 >= text.count || text[i + 1] != 0x0A)) {
                                line += 1; quotedBreak = true
                            }
                            field.append(text[i]); i += 1
                        }
                    }
                    while i < text.count && ![0x2C, 0x0A, 0x0D].contains(text[i]) { field.append(text[i]); i += 1 }
                    fields.append(String(decoding: field, as: UTF8.self))
                    if i >= text.count { end = true; recordEnd = text.count }
                    else if text[i] == 0x2C { i += 1 }
                    else {
                        recordEnd = i
                        if text[i] == 0x0D { i += 1 }
                        if i < text.count && text[i] == 0x0A { i += 1 }
                        line += 1; end = true
                    }
                }
                guard fields != [""] else { continue }
                records.append((start, fields))
                // Lines strictly inside the record, and the commas on each.
                let inner = String(decoding: text[startIndex..<recordEnd], as: UTF8.self)
                    .replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
                    .split(separator: "\n", omittingEmptySubsequences: false).dropFirst().dropLast()
                let runsOver = expected.map { e in inner.contains { $0.filter { $0 == "," }.count >= e - 1 } } ?? false
                if let expected, fields.count != expected || runsOver, quotedBreak, start > 1 {
                    i = startIndex
                    while text[i] != 0x0A && text[i] != 0x0D { i += 1 }
                    i += text[i] == 0x0D && i + 1 < text.count && text[i + 1] == 0x0A ? 2 : 1
                    line = start + 1
                }
            }
            return records
        }
        var random = SystemRandomNumberGenerator()
        let pieces: [[UInt8]] = [Array("ab".utf8), Array("Mường".utf8), [0x2C], [0x22], [0x22, 0x22], [0x0A], [0x0D, 0x0A], [0x0D], [0x20]]
        for round in 0..<3_000 {
            var text = Array("h1,h2\n".utf8)
            for _ in 0..<Int.random(in: 0...40, using: &random) { text += pieces.randomElement(using: &random)! }
            let path = try file("r\(round).csv", text)
            var csv = try CSVFile(path: path, delimiter: 0x2C)
            let fieldCount = round % 2 == 0 ? nil : 2
            csv.reader.expectedFieldCount = fieldCount
            var got: [(line: Int, fields: [String])] = []
            while let r = try csv.reader.next() { got.append((r.line, r.fields)) }
            let expected = Array(reference(text, expected: fieldCount).dropFirst())
            XCTAssertEqual(got.map(\.fields), expected.map(\.fields), "\(text)")
            XCTAssertEqual(got.map(\.line), expected.map(\.line), "\(text)")
            try FileManager.default.removeItem(atPath: path)
        }
    }

    func testEncodingsAndDelimitersAreDetected() throws {
        let rows = "MaHoSo;Tên\nH1;Mường Khoa\n"
        let utf8BOM = try records(try file("bom.csv", [0xEF, 0xBB, 0xBF] + Array(rows.utf8)))
        XCTAssertEqual(utf8BOM.header, ["MaHoSo", "Tên"])
        XCTAssertEqual(utf8BOM.rows[0].fields, ["H1", "Mường Khoa"])

        let tabbed = rows.replacingOccurrences(of: ";", with: "\t")
        let le = try records(try file("le.csv", [0xFF, 0xFE] + tabbed.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }))
        XCTAssertEqual(le.rows[0].fields, ["H1", "Mường Khoa"])
        let be = try records(try file("be.csv", [0xFE, 0xFF] + tabbed.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }))
        XCTAssertEqual(be.rows[0].fields, ["H1", "Mường Khoa"])
    }

    func testDelimiterTieIsAnErrorNamingTheOption() throws {
        let path = try file("tie.csv", Array("a,b;c\n1,2;3\n".utf8))
        XCTAssertThrowsError(try CSVFile(path: path)) { error in
            XCTAssertTrue((error as? Message)?.text(.vi).contains("--delimiter") == true, "\(error)")
        }
        // Delimiters inside quotes do not count.
        let quoted = try records(try file("quoted.csv", Array("\"a;b\",c\n1,2\n".utf8)))
        XCTAssertEqual(quoted.header, ["a;b", "c"])
    }

    func testInvalidUTF8WithoutBOMNamesTheEncodingOptionAndLine() throws {
        // "Mường" in Windows-1258-like bytes: not UTF-8.
        let path = try file("latin.csv", Array("MaHoSo,Ten\nH1,ok\nH2,M".utf8) + [0xB0, 0xF4] + Array("ng\n".utf8))
        // The whole file is checked when it is opened, before any record is read.
        XCTAssertThrowsError(try CSVFile(path: path)) { error in
            let e = error as? Message
            XCTAssertEqual(e?.place.line, 3)
            XCTAssertTrue(e?.text(.vi).contains("--encoding") == true)
            XCTAssertTrue(e?.text(.en).contains("not valid UTF-8") == true)
        }
    }

    func testMissingEmptyAndWrongFilesGiveOneClearMessage() throws {
        func message(_ path: String) -> String {
            do { _ = try CSVFile(path: path); return "" } catch { return (error as? Message)?.text(.vi) ?? "\(error)" }
        }
        XCTAssertTrue(message(dir.appendingPathComponent("none.csv").path).contains("Không tìm thấy tệp"))
        XCTAssertTrue(message(try file("empty.csv", [])).contains("Tệp rỗng"))
        XCTAssertTrue(message(try file("blank.csv", Array("\r\n\r\n".utf8))).contains("Tệp rỗng"))
        XCTAssertTrue(message(try file("book.xlsx", [0x50, 0x4B, 0x03, 0x04, 0, 0])).contains("Excel"))
        XCTAssertTrue(message(dir.path).contains("thư mục"))
    }
}
