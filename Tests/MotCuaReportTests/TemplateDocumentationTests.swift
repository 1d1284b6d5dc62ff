import XCTest
import MotCuaCore
@testable import MotCuaReport

/// Every built-in template loads, and every YAML example in Templates/README.md
/// is a valid template, so the documentation an IT officer follows cannot drift.
final class TemplateDocumentationTests: XCTestCase {
    let templates = AppendixWorkbookTests.templatesDir

    func testEveryBuiltInTemplateLoads() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: templates.path)
            .filter { $0.hasSuffix(".yaml") && !$0.hasPrefix("rubric") }.sorted()
        XCTAssertEqual(names, ["bao-cao.yaml", "bieu-06.yaml", "cham-diem-tt01.yaml", "chi-so-766.yaml",
                               "doi-chieu-cach-tinh.yaml", "dung-han.yaml", "kiem-tra-du-lieu.yaml",
                               "phu-luc-nd42.yaml", "phu-luc.yaml", "qua-han.yaml", "theo-linh-vuc.yaml",
                               "theo-thang.yaml", "tom-tat.yaml"])
        for name in names {
            XCTAssertNoThrow(try ReportTemplate.load(path: templates.appendingPathComponent(name).path), name)
        }
        let full = try ReportTemplate.load(path: templates.appendingPathComponent("bao-cao.yaml").path)
        XCTAssertEqual(full.sheets.map(\.name), ["Phụ lục", "Đúng hạn", "Tóm tắt", "Quá hạn", "Chấm điểm TT01", "Kiểm tra dữ liệu"])
    }

    /// Every column a unit table can print is in the README's table of figures.
    func testEveryFigureIsDocumented() throws {
        let readme = try String(contentsOf: templates.appendingPathComponent("README.md"), encoding: .utf8)
        for name in FigureRegistry.names { XCTAssertTrue(readme.contains("`\(name)`"), "\(name) is not in Templates/README.md") }
        for dimension in ReportDimension.allCases {
            XCTAssertTrue(readme.contains("`\(dimension.rawValue)`"), "rows: \(dimension.rawValue) is not in Templates/README.md")
        }
    }

    func testTheReadmeExamplesAreValidTemplates() throws {
        let readme = try String(contentsOf: templates.appendingPathComponent("README.md"), encoding: .utf8)
        let blocks = readme.components(separatedBy: "```yaml\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        XCTAssertEqual(blocks.count, 4)
        for (i, block) in blocks.enumerated() {
            // Written beside the built-in templates so that `include:` finds them.
            let path = templates.appendingPathComponent(".readme-example-\(i)-\(UUID().uuidString).yaml").path
            try block.write(toFile: path, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: path) }
            XCTAssertNoThrow(try ReportTemplate.load(path: path), "example \(i + 1) of Templates/README.md")
        }
    }
}
