import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// Reads an .xlsx file the way a spreadsheet program does, for tests: the
/// sheets by name, each cell's value (number or string) and type, merged
/// ranges, and selected print settings from the sheet XML.
public struct XLSXWorkbook {
    public struct Cell: Equatable, CustomStringConvertible {
        public enum Value: Equatable { case number(Double), string(String) }
        public let value: Value
        public let styleIndex: Int
        public var description: String {
            switch value {
            case .number(let n): return n == n.rounded() ? String(Int(n)) : String(n)
            case .string(let s): return s
            }
        }
        public var number: Double? { if case .number(let n) = value { return n } else { return nil } }
    }

    public struct Sheet {
        public let name: String
        public let xml: String
        /// Cells by zero-based (row, column).
        public let cells: [Pair: Cell]
        /// Merged ranges in A1 notation.
        public let merges: [String]

        public func cell(_ row: Int, _ column: Int) -> Cell? { cells[Pair(row, column)] }
        public func text(_ row: Int, _ column: Int) -> String { cell(row, column)?.description ?? "" }
        public var rowCount: Int { (cells.keys.map(\.row).max() ?? -1) + 1 }
        /// Zero-based row index of the first cell whose text is `text` in `column`.
        public func row(whereColumn column: Int, is text: String) -> Int? {
            cells.filter { $0.key.column == column && $0.value.description == text }.map(\.key.row).min()
        }
    }

    public struct Pair: Hashable { public let row: Int, column: Int; public init(_ r: Int, _ c: Int) { row = r; column = c } }

    public let sheets: [Sheet]
    /// Number format code of each cell style index.
    public let numberFormats: [Int: String]
    public let stylesXML: String

    public subscript(name: String) -> Sheet? { sheets.first { $0.name == name } }

    public init(path: String) throws {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        func entry(_ name: String) throws -> String? {
            guard let e = archive[name] else { return nil }
            var data = Data()
            _ = try archive.extract(e) { data.append($0) }
            return String(decoding: data, as: UTF8.self)
        }
        let shared = try entry("xl/sharedStrings.xml").map { XMLTexts.sharedStrings($0) } ?? []
        let workbookXML = try entry("xl/workbook.xml") ?? ""
        let rels = try entry("xl/_rels/workbook.xml.rels") ?? ""
        let relTargets = Dictionary(XMLTexts.elements("Relationship", in: rels).map { ($0["Id"] ?? "", $0["Target"] ?? "") },
                                    uniquingKeysWith: { a, _ in a })
        var sheets: [Sheet] = []
        for s in XMLTexts.elements("sheet", in: workbookXML) {
            let target = relTargets[s["r:id"] ?? ""] ?? ""
            let xml = try entry("xl/" + target) ?? ""
            sheets.append(Sheet(name: s["name"] ?? "", xml: xml, cells: XMLTexts.cells(xml, shared: shared),
                                merges: XMLTexts.elements("mergeCell", in: xml).compactMap { $0["ref"] }))
        }
        self.sheets = sheets
        let styles = try entry("xl/styles.xml") ?? ""
        stylesXML = styles
        numberFormats = XMLTexts.numberFormats(styles)
    }
}

/// Minimal XML reading through Foundation's XMLParser.
enum XMLTexts {
    final class Collector: NSObject, XMLParserDelegate {
        var onStart: (String, [String: String]) -> Void = { _, _ in }
        var onEnd: (String) -> Void = { _ in }
        var onText: (String) -> Void = { _ in }
        func parser(_ p: XMLParser, didStartElement e: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) { onStart(e, attributes) }
        func parser(_ p: XMLParser, didEndElement e: String, namespaceURI: String?, qualifiedName: String?) { onEnd(e) }
        func parser(_ p: XMLParser, foundCharacters s: String) { onText(s) }
    }

    static func parse(_ xml: String, _ configure: (Collector) -> Void) {
        let c = Collector()
        configure(c)
        let p = XMLParser(data: Data(xml.utf8))
        p.delegate = c
        p.parse()
    }

    static func elements(_ name: String, in xml: String) -> [[String: String]] {
        var out: [[String: String]] = []
        parse(xml) { c in c.onStart = { e, a in if e == name { out.append(a) } } }
        return out
    }

    static func sharedStrings(_ xml: String) -> [String] {
        var out: [String] = []
        var current = ""
        var inT = false
        parse(xml) { c in
            c.onStart = { e, _ in if e == "si" { current = "" }; if e == "t" { inT = true } }
            c.onEnd = { e in if e == "t" { inT = false }; if e == "si" { out.append(current) } }
            c.onText = { s in if inT { current += s } }
        }
        return out
    }

    static func cells(_ xml: String, shared: [String]) -> [XLSXWorkbook.Pair: XLSXWorkbook.Cell] {
        var out: [XLSXWorkbook.Pair: XLSXWorkbook.Cell] = [:]
        var ref = "", type = "", style = 0, text = "", inV = false
        parse(xml) { c in
            c.onStart = { e, a in
                if e == "c" { ref = a["r"] ?? ""; type = a["t"] ?? ""; style = Int(a["s"] ?? "0") ?? 0; text = "" }
                if e == "v" || e == "t" { inV = true }
            }
            c.onText = { s in if inV { text += s } }
            c.onEnd = { e in
                if e == "v" || e == "t" { inV = false }
                guard e == "c", let (r, col) = position(ref), !(text.isEmpty && type != "inlineStr") else { return }
                let value: XLSXWorkbook.Cell.Value
                switch type {
                case "s": value = .string(shared[Int(text) ?? 0])
                case "str", "inlineStr": value = .string(text)
                default: value = .number(Double(text) ?? .nan)
                }
                out[XLSXWorkbook.Pair(r, col)] = XLSXWorkbook.Cell(value: value, styleIndex: style)
            }
        }
        return out
    }

    static func numberFormats(_ xml: String) -> [Int: String] {
        var codes: [Int: String] = [0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00"]
        for f in elements("numFmt", in: xml) { if let id = Int(f["numFmtId"] ?? ""), let code = f["formatCode"] { codes[id] = code } }
        var out: [Int: String] = [:]
        var inCellXfs = false
        var index = 0
        parse(xml) { c in
            c.onStart = { e, a in
                if e == "cellXfs" { inCellXfs = true }
                if e == "xf" && inCellXfs { out[index] = codes[Int(a["numFmtId"] ?? "0") ?? 0] ?? "?"; index += 1 }
            }
            c.onEnd = { e in if e == "cellXfs" { inCellXfs = false } }
        }
        return out
    }

    /// "C12" → (11, 2).
    static func position(_ ref: String) -> (Int, Int)? {
        var col = 0, row = 0
        for ch in ref.unicodeScalars {
            if ch.value >= 65 && ch.value <= 90 { col = col * 26 + Int(ch.value - 64) }
            else if ch.value >= 48 && ch.value <= 57 { row = row * 10 + Int(ch.value - 48) }
        }
        return row > 0 && col > 0 ? (row - 1, col - 1) : nil
    }
}

extension XLSXWorkbook {
    /// The text of one part of the package, e.g. `xl/workbook.xml`.
    public static func entry(_ name: String, in path: String) throws -> String {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        guard let e = archive[name] else { return "" }
        var data = Data()
        _ = try archive.extract(e) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }
}
