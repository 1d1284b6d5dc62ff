import MotCuaTestSupport
import XCTest
@testable import MotCuaReport
import MotCuaCore

/// The files of one report are written at once and put in place in order,
/// as if one after another (docs/rules.md#outputs).
final class ReportFilesTests: TemporaryDirectoryTestCase {
    private func path(_ name: String) -> String { dir.appendingPathComponent(name).path }
    private func text(_ name: String) -> String? { try? String(contentsOfFile: path(name), encoding: .utf8) }
    private func leftovers() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".tmp") }
    }

    func testEveryFileIsWrittenAndPlacedInOrder() throws {
        var files = ReportFiles()
        for i in 0..<7 { files.add(path("f\(i).txt")) { Data("tệp \(i)".utf8) } }
        var placed: [String] = []
        try files.write { placed.append($1) }
        XCTAssertEqual(placed, (0..<7).map { path("f\($0).txt") })
        for i in 0..<7 { XCTAssertEqual(text("f\(i).txt"), "tệp \(i)") }
        XCTAssertEqual(try leftovers(), [])
    }

    /// The second file fails while the third is written on the other thread:
    /// the first is in place, the third does not replace the file already there.
    func testTheFirstFailureIsTheErrorAndNothingAfterItIsPlaced() throws {
        try "cũ".write(toFile: path("c.json"), atomically: false, encoding: .utf8)
        struct Broken: Error {}
        var files = ReportFiles()
        files.add(path("a.xlsx")) { Data("a".utf8) }
        files.add(path("b.xlsx")) { throw Broken() }
        files.add(path("c.json")) { Data("mới".utf8) }
        files.add(path("d.txt")) { throw CocoaError(.fileWriteUnknown) }
        var placed: [String] = []
        XCTAssertThrowsError(try files.write { placed.append($1) }) { XCTAssertTrue($0 is Broken, "\($0)") }
        XCTAssertEqual(placed, [path("a.xlsx")])
        XCTAssertEqual(text("a.xlsx"), "a")
        XCTAssertNil(text("b.xlsx"))
        XCTAssertEqual(text("c.json"), "cũ")
        XCTAssertNil(text("d.txt"))
        XCTAssertEqual(try leftovers(), [], "temporary files are removed")
    }

    /// A file that cannot even be started (its folder is a file) is the error
    /// in its place, not before the files ahead of it.
    func testAFileThatCannotBeStartedFailsInItsPlace() throws {
        try "x".write(toFile: path("not-a-folder"), atomically: false, encoding: .utf8)
        var files = ReportFiles()
        files.add(path("a.xlsx")) { Data("a".utf8) }
        files.add(path("not-a-folder/b.json")) { Data("b".utf8) }
        XCTAssertThrowsError(try files.write()) { error in
            XCTAssertEqual((error as? Message)?.code, "output.parent-not-folder", "\(error)")
        }
        XCTAssertEqual(text("a.xlsx"), "a")
    }

    /// A file that failed keeps its temporary file until the other thread is
    /// done: removing it at once could free the space whose lack the other
    /// file is about to report as a full disk.
    func testAFailedFileKeepsItsTemporaryFileUntilTheOtherIsWritten() throws {
        struct Broken: Error {}
        let seen = Running()
        var files = ReportFiles()
        files.add(path("a.xlsx")) { throw Broken() }
        files.add(path("b.json")) { [dir] in
            Thread.sleep(forTimeInterval: 0.3)
            let temporaries = (try? FileManager.default.contentsOfDirectory(atPath: dir!.path))?.filter { $0.hasSuffix(".tmp") } ?? []
            seen.record(temporaries.count)
            return Data("b".utf8)
        }
        XCTAssertThrowsError(try files.write()) { XCTAssertTrue($0 is Broken, "\($0)") }
        XCTAssertEqual(seen.values, [2], "both temporary files while the second is written")
        XCTAssertEqual(try leftovers(), [])
        XCTAssertNil(text("b.json"), "after the failed first file, the second is not put in place")
    }

    /// Both threads take files: with two slow files the whole takes about one's time.
    func testTwoFilesAreWrittenAtTheSameTime() throws {
        let running = Running()
        var files = ReportFiles()
        for i in 0..<2 {
            files.add(path("s\(i).txt")) {
                running.enter()
                Thread.sleep(forTimeInterval: 0.3)
                running.leave()
                return Data("\(i)".utf8)
            }
        }
        try files.write()
        XCTAssertEqual(running.most, 2)
    }
}

/// How many fills ran at once, at most.
private final class Running: @unchecked Sendable {
    private let lock = NSLock()
    private var now = 0
    private(set) var most = 0
    func enter() { lock.withLock { now += 1; most = max(most, now) } }
    func leave() { lock.withLock { now -= 1 } }
    private(set) var values: [Int] = []
    func record(_ value: Int) { lock.withLock { values.append(value) } }
}
