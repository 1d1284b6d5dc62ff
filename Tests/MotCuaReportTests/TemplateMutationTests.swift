import XCTest
import MotCuaCore
import MotCuaTestSupport
@testable import MotCuaReport

/// Every mistake an officer can make in a template or rubric is a message,
/// never a trap (issue 14): the shipped files, mutated at random (numbers made
/// huge, negative or zero; lines dropped, repeated or cut; punctuation
/// changed), are parsed and, when they parse, written as workbooks. A trap
/// would kill the test process, so getting to the end is the assertion; the
/// counts make sure the mutations both fail and pass often enough to mean
/// something.
final class TemplateMutationTests: TemporaryDirectoryTestCase {
    static let templatesDir = AppendixWorkbookTests.templatesDir

    func mutate(_ text: String, _ rng: inout SplitMix64) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for _ in 0..<Int.random(in: 1...3, using: &rng) {
            let i = Int.random(in: 0..<lines.count, using: &rng)
            switch Int.random(in: 0..<6, using: &rng) {
            case 0: lines.remove(at: i); if lines.isEmpty { lines = [""] }
            case 1: lines.insert(lines[i], at: i)
            case 2: lines[i] = String(lines[i].prefix(Int.random(in: 0...max(0, lines[i].count), using: &rng)))
            case 3:
                let numbers = ["0", "-1", "99999999999999999999999", "1e308", "-0.5", "65536", "1048577", "nan", "XFD1048576"]
                lines[i] = lines[i].replacingOccurrences(of: #"\d+(\.\d+)?"#, with: numbers.randomElement(using: &rng)!,
                                                         options: .regularExpression)
            case 4:
                var chars = Array(lines[i])
                if !chars.isEmpty {
                    chars[Int.random(in: 0..<chars.count, using: &rng)] = Array("{}[]:-,\"' #&\t").randomElement(using: &rng)!
                }
                lines[i] = String(chars)
            default:
                let other = ["  - include: bao-cao", "    kind: tt01", "    columns: []", "    header: { Z1:A1: x }",
                             "    chart: { figure: x }", "    page: { orientation: diagonal }", "sheets: 5"]
                lines.insert(other.randomElement(using: &rng)!, at: i)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// A font size of 0 or a NaN width divided the row-height estimate by
    /// zero and trapped; they are template errors now.
    func testSizesOutsideExcelsLimitsAreTemplateErrors() {
        for bad in ["font: { size: 0 }", "font: { size: .nan }", "header_row_heights: [-1]"] {
            let text = "name: x\nsheets:\n  - name: A\n    \(bad)\n    header: { A1: x }\n    columns: [{ figure: unit_name }]\n"
            XCTAssertThrowsError(try ReportTemplate.parse(text, file: "x.yaml") { _ in nil }, bad) { error in
                XCTAssertEqual((error as? Message)?.code, "template.size-out-of-range", bad)
            }
        }
        let width = "name: x\nsheets:\n  - name: A\n    header: { A1: x }\n    columns: [{ figure: unit_name, width: .inf }]\n"
        XCTAssertThrowsError(try ReportTemplate.parse(width, file: "x.yaml") { _ in nil })
    }

    func testMutatedTemplatesAreMessagesNeverTraps() throws {
        var rng = SplitMix64(seed: 14)
        var failed = 0, written = 0
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.templatesDir.path)
            .filter { $0.hasSuffix(".yaml") && !$0.hasPrefix("rubric") }.sorted()
        let report = AppendixWorkbookTests.sampleReport()
        for name in names {
            let original = try String(contentsOf: Self.templatesDir.appendingPathComponent(name), encoding: .utf8)
            for _ in 0..<60 {
                let text = mutate(original, &rng)
                do {
                    let template = try ReportTemplate.parse(text, file: name) { include in
                        let url = Self.templatesDir.appendingPathComponent(include + ".yaml")
                        return (try? String(contentsOf: url, encoding: .utf8)).map { ($0, url.path) }
                    }
                    let context = ReportContext(report: report, issuer: "UBND huyện Tân Uyên", place: "Tân Uyên",
                                                reportDate: CivilDate(year: 2020, month: 10, day: 30)!)
                    try WorkbookWriter.write(template: template, templateFile: name, context: context,
                                             to: dir.appendingPathComponent("m.xlsx").path)
                    written += 1
                } catch let m as Message where m.code.hasPrefix("template.") || m.code.hasPrefix("output.") {
                    failed += 1
                }
            }
        }
        XCTAssertGreaterThan(failed, 50)
        XCTAssertGreaterThan(written, 50)
    }

    func testMutatedRubricsAreMessagesNeverTraps() throws {
        var rng = SplitMix64(seed: 1418)
        let original = try String(contentsOf: Self.templatesDir.appendingPathComponent("rubric-tt01.yaml"), encoding: .utf8)
        var failed = 0, parsed = 0
        for _ in 0..<400 {
            do { _ = try RubricFile.parse(mutate(original, &rng), file: "rubric.yaml"); parsed += 1 } catch let m as Message where m.code.hasPrefix("rubric.") { failed += 1 }
        }
        XCTAssertGreaterThan(failed, 30)
        XCTAssertGreaterThan(parsed, 30)
    }
}
