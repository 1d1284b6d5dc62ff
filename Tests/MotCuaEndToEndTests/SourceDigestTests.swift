import Foundation
import GRDB
import XCTest
import MotCuaTestSupport

/// Whole-file and chunk digests (docs/rules.md#source-digests), through the
/// real binary on real files: a chunk is skipped only when its bytes are those
/// of a chunk applied before, and the stored rows are always those a full
/// reading would give.
final class SourceDigestTests: TemporaryDirectoryTestCase {
    /// A generated Vietnamese-style export of about 10 MB (three chunks), made once.
    static let province: URL = {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-digests-\(UUID().uuidString)")
        let result = try! CommandRunner.run(["generate", "--out", out.path, "--dossiers", "24000", "--style", "vietnamese",
                                             "--from", "2024-01-01", "--to", "2024-06-30"])
        precondition(result.status == 0, result.stderr)
        return out
    }()

    var reference: [String] {
        ["--units", Self.province.appendingPathComponent("units.csv").path,
         "--procedures", Self.province.appendingPathComponent("procedures.csv").path]
    }

    /// The export split into its header and its records, each with its line break
    /// (a quoted applicant may span two lines).
    func exportLines() throws -> (header: Data, lines: [Data]) {
        let data = try Data(contentsOf: Self.province.appendingPathComponent("dossiers.csv"))
        var lines: [Data] = []
        var start = data.startIndex
        var quoted = false
        for i in data.indices {
            if data[i] == 0x22 { quoted.toggle() }
            if data[i] == 0x0A && !quoted {
                lines.append(data[start...i])
                start = i + 1
            }
        }
        XCTAssertEqual(start, data.endIndex, "the export ends with a line break")
        return (lines[0], Array(lines.dropFirst()))
    }

    func write(_ name: String, _ header: Data, _ lines: some Sequence<Data>) throws -> String {
        var data = header
        for l in lines { data.append(l) }
        let path = dir.appendingPathComponent(name).path
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    func importing(_ db: String, _ files: [String], extra: [String] = [],
                   file: StaticString = #filePath, line: UInt = #line) throws -> CommandRunner.Result {
        let result = try CommandRunner.run(["import", "--db", db] + reference + extra + files)
        XCTAssertEqual(result.status, 0, result.stderr + result.stdout, file: file, line: line)
        return result
    }

    /// Every stored dossier, every column, in code order.
    func storedRows(_ db: String) throws -> [String] {
        try DatabaseQueue(path: db).read { db in
            let columns = try db.columns(in: "dossier").map(\.name).filter { $0 != "import_id" }
            return try Row.fetchAll(db, sql: "SELECT \(columns.joined(separator: ", ")) FROM dossier ORDER BY code").map { $0.description }
        }
    }

    func count(_ db: String, _ sql: String) throws -> Int {
        try DatabaseQueue(path: db).read { try Int.fetchOne($0, sql: sql)! }
    }

    /// The rows a reading of every record gives: `files` imported in order into a new database,
    /// its digests forgotten before each import.
    func fullyRead(_ files: [String]) throws -> [String] {
        let db = dir.appendingPathComponent("full-\(UUID().uuidString).sqlite").path
        for f in files {
            if FileManager.default.fileExists(atPath: db) {
                try DatabaseQueue(path: db).write { try $0.execute(sql: "DELETE FROM source_chunk; DELETE FROM source_file") }
            }
            let result = try CommandRunner.run(["import", "--db", db] + reference + [f])
            XCTAssert(result.status == 0 || result.status == 3, result.stderr)  // 3: rows rejected
            XCTAssertFalse(result.stdout.contains("không đọc lại"), result.stdout)
        }
        return try storedRows(db)
    }

    func testUnchangedFileIsRecognisedWholeAndWritesNothing() throws {
        let (header, lines) = try exportLines()
        let path = try write("a.csv", header, lines)
        let db = dir.appendingPathComponent("m.sqlite").path
        let first = try importing(db, [path])
        XCTAssertTrue(first.stdout.contains("đọc \(formatted(lines.count)) dòng"), first.stdout)
        XCTAssertGreaterThanOrEqual(try count(db, "SELECT COUNT(*) FROM source_chunk"), 2)
        XCTAssertEqual(try count(db, "SELECT COUNT(*) FROM source_file"), 1)
        let before = try storedRows(db)

        let again = try importing(db, [path])
        XCTAssertTrue(again.stdout.contains("giống hệt một tệp đã nhập"), again.stdout)
        XCTAssertTrue(again.stdout.contains("mới 0, cập nhật 0"), again.stdout)
        XCTAssertEqual(try count(db, "SELECT COUNT(*) FROM import_batch"), 1, "nothing was written")
        try assertSameRows(try storedRows(db), before)
    }

    func testAppendedExportReadsOnlyTheNewChunksAndNumbersLinesRight() throws {
        let (header, lines) = try exportLines()
        let yesterday = try write("yesterday.csv", header, lines.prefix(16_000))
        // Today: yesterday's lines, newer states of two of them, new dossiers, and one broken line.
        var changed = String(decoding: lines[10], as: UTF8.self)
        changed = changed.replacingOccurrences(of: "\r\n", with: "") + ";extra\r\n"  // a field too many: rejected
        let broken = Data(changed.utf8)
        var today = Array(lines.prefix(16_000)) + Array(lines[16_000..<20_000])
        today.append(broken)
        today += lines[20_000...]
        let todayPath = try write("today.csv", header, today)

        let db = dir.appendingPathComponent("m.sqlite").path
        _ = try importing(db, [yesterday])
        let result = try CommandRunner.run(["import", "--db", db] + reference + [todayPath])
        XCTAssertEqual(result.status, 3, result.stderr)  // the broken line
        XCTAssertTrue(result.stdout.contains("không đọc lại"), result.stdout)
        // The line after the skipped chunks is numbered as a full reading numbers it.
        let fresh = try CommandRunner.run(["import", "--db", dir.appendingPathComponent("fresh.sqlite").path] + reference + [todayPath])
        let rejection = { (r: CommandRunner.Result) in r.stderr.split(separator: "\n").first.map(String.init) ?? "" }
        XCTAssertTrue(rejection(fresh).contains("today.csv, dòng 2"), fresh.stderr)
        XCTAssertEqual(rejection(result), rejection(fresh))
        try assertSameRows(try storedRows(db), try fullyRead([yesterday, todayPath]))
        // The broken line's chunk was not kept: the next import reads it again and reports it again.
        let again = try CommandRunner.run(["import", "--db", db] + reference + [todayPath])
        XCTAssertEqual(again.status, 3, again.stderr)
        XCTAssertFalse(again.stdout.contains("giống hệt một tệp"), again.stdout)
    }

    func testSkippedChunksCountForTheFilesNewestState() throws {
        // Yesterday's export again, with early dossiers re-sent at the end: the new lines
        // alone are older than what is stored, the file (its skipped chunks) is not.
        let (header, lines) = try exportLines()
        let yesterday = try write("yesterday.csv", header, lines)
        let today = try write("today.csv", header, lines + Array(lines[100..<105]))
        let db = dir.appendingPathComponent("m.sqlite").path
        _ = try importing(db, [yesterday])
        let result = try importing(db, [today])
        XCTAssertTrue(result.stdout.contains("không đọc lại"), result.stdout)
        XCTAssertFalse(result.stderr.contains("tệp này cũ hơn dữ liệu đã nhập"), result.stderr)
        try assertSameRows(try storedRows(db), try fullyRead([yesterday, today]))
    }

    func testOneByteChangedInTheMiddleIsReadAndTheNewerStateDecides() throws {
        let (header, lines) = try exportLines()
        let original = try write("a.csv", header, lines)
        var middle = Array(lines[12_000])
        // A status word (or any letter) changed to another of the same length: the offsets do not move.
        let k = middle.lastIndex(of: 0x3B)! - 1
        middle[k] = middle[k] == 0x31 ? 0x32 : 0x31
        var edited = lines
        edited[12_000] = Data(middle)
        let editedPath = try write("b.csv", header, edited)

        let db = dir.appendingPathComponent("m.sqlite").path
        _ = try importing(db, [original])
        let result = try importing(db, [editedPath])
        XCTAssertTrue(result.stdout.contains("không đọc lại"), "the unchanged chunks are skipped: \(result.stdout)")
        XCTAssertFalse(result.stdout.contains("giống hệt một tệp"), result.stdout)
        try assertSameRows(try storedRows(db), try fullyRead([original, editedPath]))
    }

    func testReorderedExportGivesTheSameRows() throws {
        let (header, lines) = try exportLines()
        let original = try write("a.csv", header, lines)
        let reordered = try write("b.csv", header, Array(lines[12_000...]) + Array(lines[..<12_000]))
        let db = dir.appendingPathComponent("m.sqlite").path
        _ = try importing(db, [original])
        _ = try importing(db, [reordered])
        try assertSameRows(try storedRows(db), try fullyRead([original, reordered]))
        try assertSameRows(try storedRows(db), try fullyRead([original]))
    }

    func testAnotherMappingReadsEverythingAgain() throws {
        let (header, lines) = try exportLines()
        let path = try write("a.csv", header, lines)
        let mapping = dir.appendingPathComponent("map.yaml").path
        try "values:\n  KenhThucHien: { \"Quầy giao dịch\": 1 }\n".write(toFile: mapping, atomically: true, encoding: .utf8)
        let db = dir.appendingPathComponent("m.sqlite").path
        _ = try importing(db, [path])
        let mapped = try importing(db, [path], extra: ["--mapping", mapping])
        XCTAssertFalse(mapped.stdout.contains("không đọc lại"), mapped.stdout)
        XCTAssertFalse(mapped.stdout.contains("giống hệt một tệp"), mapped.stdout)
        XCTAssertTrue(mapped.stdout.contains("đọc \(formatted(lines.count)) dòng"), mapped.stdout)
    }

    func testDeletedRowsAreNeverSkipped() throws {
        let (header, lines) = try exportLines()
        let path = try write("a.csv", header, lines)
        let db = dir.appendingPathComponent("m.sqlite").path
        _ = try importing(db, [path])
        let full = try storedRows(db)
        // Someone removes rows with another tool: the digests no longer describe the table.
        try DatabaseQueue(path: db).write { try $0.execute(sql: "DELETE FROM dossier WHERE rowid % 7 = 0") }
        XCTAssertEqual(try count(db, "SELECT COUNT(*) FROM source_chunk"), 0)
        XCTAssertEqual(try count(db, "SELECT COUNT(*) FROM source_file"), 0)
        let again = try importing(db, [path])
        XCTAssertFalse(again.stdout.contains("giống hệt một tệp"), again.stdout)
        XCTAssertFalse(again.stdout.contains("không đọc lại"), again.stdout)
        try assertSameRows(try storedRows(db), full)

        // A row edited in place (not by an import) forgets the digests too: the
        // file is read again in full, and the newer-state rule decides as always.
        try DatabaseQueue(path: db).write { try $0.execute(sql: "UPDATE dossier SET status = 1 WHERE rowid = 5") }
        XCTAssertEqual(try count(db, "SELECT COUNT(*) FROM source_chunk"), 0)
        let edited = try importing(db, [path])
        XCTAssertTrue(edited.stdout.contains("đọc \(formatted(lines.count)) dòng"), edited.stdout)
    }

    /// The first difference, not two lists of 24,000 rows.
    func assertSameRows(_ a: [String], _ b: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        guard a != b else { return }
        let i = a.indices.first { $0 < b.count && a[$0] != b[$0] } ?? min(a.count, b.count)
        XCTFail("\(a.count) rows against \(b.count); first difference at \(i): \(i < a.count ? a[i] : "-") / \(i < b.count ? b[i] : "-")",
                file: file, line: line)
    }

    private func formatted(_ n: Int) -> String {
        let s = String(n)
        guard s.count > 3 else { return s }
        return String(s.dropLast(3)) + "." + s.suffix(3)
    }
}
