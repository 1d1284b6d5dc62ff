import Foundation
import XCTest

/// docs/rules.md is the project's statement of its rules, and comments cite
/// its sections (`docs/rules.md#deadlines`): every cited anchor must exist,
/// so that a citation cannot point at a section that was renamed or removed.
final class RulesDocumentationTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The folders and files whose text may cite docs/rules.md.
    static let citingPaths = ["Sources", "Tests", "Templates", "Scripts", "Fuzz", "Plugins", "Packaging",
                              "SampleData", "docs", "README.md", "BENCHMARKS.md"]

    /// Anchors defined by `{#anchor}` at the end of a heading.
    static func definedAnchors() throws -> Set<String> {
        let text = try String(contentsOf: root.appendingPathComponent("docs/rules.md"), encoding: .utf8)
        var anchors = Set<String>()
        for line in text.split(separator: "\n") where line.hasPrefix("#") {
            guard let open = line.range(of: "{#", options: .backwards), line.hasSuffix("}") else { continue }
            anchors.insert(String(line[open.upperBound..<line.index(before: line.endIndex)]))
        }
        return anchors
    }

    /// Every text file under the citing paths, with its path relative to the root.
    static func citingFiles() -> [(path: String, text: String)] {
        let textExtensions: Set<String> = ["swift", "md", "yaml", "yml", "json", "sh", "py", "csv", "txt", "in", ""]
        var out: [(String, String)] = []
        let fm = FileManager.default
        for top in citingPaths {
            let url = root.appendingPathComponent(top)
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: url.path, isDirectory: &isDirectory) else { continue }
            let files: [URL]
            if isDirectory.boolValue {
                files = (fm.enumerator(at: url, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL }) ?? []
            } else {
                files = [url]
            }
            for file in files where textExtensions.contains(file.pathExtension) {
                guard let data = fm.contents(atPath: file.path), data.count < 2_000_000,
                      let text = String(data: data, encoding: .utf8) else { continue }
                out.append((String(file.path.dropFirst(root.path.count + 1)), text))
            }
        }
        return out
    }

    func testTheRulesDocumentHasItsSections() throws {
        let anchors = try Self.definedAnchors()
        for anchor in ["sources", "words", "inputs", "headers", "timestamps", "calendar", "holidays", "deadlines",
                       "classification", "figures", "rates", "rollup", "dimensions", "periods", "overdue",
                       "data-quality", "tt01", "reconciliation", "import", "edge-cases", "spec-differences"] {
            XCTAssert(anchors.contains(anchor), "docs/rules.md has no section {#\(anchor)}")
        }
        // Links inside the document point at its own anchors.
        let text = try String(contentsOf: Self.root.appendingPathComponent("docs/rules.md"), encoding: .utf8)
        for link in Self.matches(of: #"\]\(#([a-z0-9-]+)\)"#, in: text) {
            XCTAssert(anchors.contains(link), "docs/rules.md links to #\(link), which it does not define")
        }
    }

    func testEveryCitedAnchorExists() throws {
        let anchors = try Self.definedAnchors()
        var cited = 0
        for (path, text) in Self.citingFiles() {
            for anchor in Self.matches(of: #"docs/rules\.md#([a-z0-9-]+)"#, in: text) {
                cited += 1
                XCTAssert(anchors.contains(anchor), "\(path) cites docs/rules.md#\(anchor), which docs/rules.md does not define")
            }
        }
        XCTAssertGreaterThan(cited, 0, "nothing cites docs/rules.md")
    }

    /// Rules are cited from docs/rules.md, not from the specification the
    /// project started from, which maintainers do not have: no "SPEC §4.2",
    /// no bare "(§2.5)".
    func testNothingCitesTheOutsideSpecification() {
        let citation = try! NSRegularExpression(pattern: #"\bSPEC\b|§\s*[0-9]"#)
        for (path, text) in Self.citingFiles() where path != "docs/rules.md" && !path.hasSuffix("/RulesDocumentationTests.swift") {
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                let l = String(line)
                if citation.firstMatch(in: l, range: NSRange(location: 0, length: (l as NSString).length)) != nil {
                    XCTFail("\(path): \(l.trimmingCharacters(in: .whitespaces)) — cite a section of docs/rules.md instead")
                }
            }
        }
    }

    /// The first capture group of every match of `pattern`.
    static func matches(of pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range(at: 1)) }
    }
}
