import Foundation
import MotCuaCore

/// What an input file is, from its first bytes (its name only breaks ties).
package enum DossierFileKind: Sendable, Equatable {
    /// Text: CSV, tab-separated, "Unicode text".
    case text
    /// An Office Open XML workbook (a ZIP archive).
    case xlsx
    /// An OLE compound file: an encrypted (password-protected) .xlsx, or an Excel 97–2003 .xls.
    case compound

    /// File names `motcua run` picks up from its inbox: exports in any form the
    /// import reads, and the Excel forms it explains (.xls, password-protected).
    package static func importable(_ path: String) -> Bool {
        let name = (path as NSString).lastPathComponent
        guard !name.hasPrefix("."), !name.hasPrefix("~$") else { return false }  // hidden files, Excel's lock files
        return ["csv", "txt", "tsv", "xlsx", "xlsm", "xls"].contains((name as NSString).pathExtension.lowercased())
    }

    /// The kind of the file at `path`.
    /// - throws: ``Message`` when it is missing or unreadable.
    package static func of(_ path: String) throws -> DossierFileKind {
        let fd = try CSVFile.openForReading(path)
        defer { close(fd) }
        var magic = [UInt8](repeating: 0, count: 8)
        let n = read(fd, &magic, 8)
        if n >= 4 && magic.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .xlsx }
        if n == 8 && magic == [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] { return .compound }
        let ext = (path as NSString).pathExtension.lowercased()
        // An .xlsx that is not a ZIP archive (an empty ZIP starts "PK\5\6"): damaged, said so by the xlsx reader.
        if ext == "xlsx" || ext == "xlsm" || (n >= 2 && magic[0] == 0x50 && magic[1] == 0x4B) { return .xlsx }
        return .text
    }
}

/// One worksheet of an .xlsx export, opened at the row after its header.
struct XLSXDossierSheet {
    let file: String
    let sheetName: String
    /// The header's row number in the sheet.
    let headerRow: Int
    let header: [String]
    let rows: XLSXSheetRows

    /// Rows searched for the header (title rows above it) in each sheet.
    static let headerSearchRows = 50

    /// Opens the first worksheet, in workbook order, with a recognisable dossier
    /// header: the first of its first rows in which at least three cells name
    /// known columns (with the mapping's aliases).
    /// - throws: ``Message`` naming the file: damaged, password-protected, .xls, no header.
    static func open(path: String, archive: ZipArchive? = nil, aliases: [DossierColumn: [String]],
                     checksCRC: Bool = true) throws -> XLSXDossierSheet {
        let name = (path as NSString).lastPathComponent
        do {
            let archive = try archive ?? ZipArchive(fileDescriptor: CSVFile.openForReading(path))
            let workbook = try XLSXWorkbook(archive: archive, checksCRC: checksCRC)
            var looked: [String] = []
            for sheet in workbook.sheets {
                guard let entry = archive.entry(named: sheet.path) else { continue }
                looked.append(sheet.name)
                let rows = XLSXSheetRows(buffer: XMLPullBuffer(stream: try ZipEntryStream(archive: archive, entry: entry, checksCRC: checksCRC)),
                                         strings: workbook.strings, date1904: workbook.date1904)
                var seen = 0
                while seen < headerSearchRows, try rows.next() {
                    seen += 1
                    let cells = rows.texts()
                    let map = HeaderMap<DossierColumn>(dossierHeader: cells, extraAliases: aliases)
                    if map.index.count >= 3 {
                        return XLSXDossierSheet(file: name, sheetName: sheet.name, headerRow: rows.rowNumber,
                                                header: cells, rows: rows)
                    }
                }
            }
            let sheets = looked.map { "\"\($0)\"" }.joined(separator: ", ")
            throw Message.input("xlsx-no-header", 
                file: name,
                "Không tìm thấy dòng tiêu đề của tệp hồ sơ trong trang tính nào (\(sheets.isEmpty ? "không có trang tính" : sheets)); cần các cột như MaHoSo, MaDonVi, MaTTHC, NgayTiepNhan… trong \(headerSearchRows) dòng đầu. Có thể tệp bị chọn nhầm, hoặc cần tệp ánh xạ cột (--mapping).",
                "No recognisable dossier header in any worksheet (\(sheets.isEmpty ? "no worksheets" : sheets)); expected columns such as MaHoSo, MaDonVi, MaTTHC, NgayTiepNhan… within the first \(headerSearchRows) rows. Wrong file, or a column mapping is needed (--mapping).")
        } catch let error as ZipError {
            throw damaged(name, error.detail)
        }
    }

    static func damaged(_ file: String, _ detail: String) -> Message {
        Message.input("xlsx-damaged", 
            file: file,
            "Tệp Excel (.xlsx) bị hỏng hoặc không đúng định dạng, không đọc được (\(detail)). Hãy mở lại trong Excel và lưu lại, hoặc xuất lại từ hệ thống một cửa.",
            "The Excel workbook (.xlsx) is damaged or not in the .xlsx format and cannot be read (\(detail)). Open it in Excel and save it again, or export it again from the one-stop system.")
    }

    /// The message for an OLE compound file: a password-protected workbook, or an old .xls.
    static func compoundFileError(path: String) -> Message {
        let name = (path as NSString).lastPathComponent
        if isEncryptedPackage(path) || ["xlsx", "xlsm"].contains((path as NSString).pathExtension.lowercased()) {
            return Message.input("xlsx-encrypted", 
                file: name,
                "Tệp Excel được đặt mật khẩu (mã hóa) nên không đọc được. Hãy mở tệp trong Excel, bỏ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hóa bằng mật khẩu, xóa mật khẩu) rồi lưu lại dạng .xlsx.",
                "The Excel workbook is password-protected (encrypted) and cannot be read. Open it in Excel, remove the password (File → Info → Protect Workbook → Encrypt with Password, clear it) and save it again as .xlsx.")
        }
        return Message.input("xls", 
            file: name,
            "Đây là tệp Excel 97–2003 (.xls), motcua không đọc được định dạng này. Hãy mở trong Excel và lưu dưới dạng \"Sổ làm việc Excel (.xlsx)\" (hoặc \"CSV UTF-8\"), rồi nhập tệp đó.",
            "This is an Excel 97–2003 workbook (.xls), a format motcua does not read. Open it in Excel and save it as \"Excel Workbook (.xlsx)\" (or \"CSV UTF-8\"), then import that file.")
    }

    /// An encrypted Office file is a compound file with an "EncryptionInfo"
    /// stream (its directory entry names are UTF-16 LE).
    private static func isEncryptedPackage(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let needle = Array("EncryptionInfo".utf16.flatMap { [UInt8(truncatingIfNeeded: $0), UInt8($0 >> 8)] })
        var carry: [UInt8] = []
        var total = 0
        while total < 64 << 20, let piece = try? handle.read(upToCount: 1 << 20), !piece.isEmpty {
            total += piece.count
            let window = carry + piece
            if window.withUnsafeBufferPointer({ w in needle.withUnsafeBufferPointer { n in
                XMLScan.find(n, w.baseAddress!, 0, w.count) != nil } }) { return true }
            carry = Array(window.suffix(needle.count))
        }
        return false
    }
}

/// The workbook part of an .xlsx: its worksheets in order, its date system
/// and its shared strings.
struct XLSXWorkbook {
    struct Sheet { let name: String; let path: String }
    private(set) var sheets: [Sheet] = []
    private(set) var date1904 = false
    private(set) var strings = SharedStrings()

    init(archive: ZipArchive, checksCRC: Bool = true) throws {
        let workbookPath = try Self.workbookPath(archive)
        guard let workbookEntry = archive.entry(named: workbookPath) else { throw ZipError("no \(workbookPath)") }
        let workbook = try archive.contents(of: workbookEntry)
        let folder = (workbookPath as NSString).deletingLastPathComponent
        let relsPath = (folder.isEmpty ? "" : folder + "/") + "_rels/" + (workbookPath as NSString).lastPathComponent + ".rels"
        var targets: [String: (type: String, target: String)] = [:]
        if let rels = archive.entry(named: relsPath) {
            for r in Self.relationships(try archive.contents(of: rels)) { targets[r.id] = (r.type, r.target) }
        }
        var sharedStringsPath = (folder.isEmpty ? "" : folder + "/") + "sharedStrings.xml"
        for (_, t) in targets where t.type.hasSuffix("/sharedStrings") { sharedStringsPath = Self.resolve(t.target, in: folder) }

        workbook.withUnsafeBufferPointer { buf in
            guard let b = buf.baseAddress else { return }
            var p = 0
            var number = 0
            while let lt = XMLScan.find(UInt8(ascii: "<"), b, p, buf.count), let tag = XMLScan.tag(b, at: lt, to: buf.count) {
                p = tag.end
                if tag.isSpecial || tag.isEnd { continue }
                if XMLScan.equals(b, tag.name, "workbookPr"), let v = XMLScan.attribute(b, tag.attributes, "date1904") {
                    date1904 = XMLScan.equals(b, v, "1") || XMLScan.equals(b, v, "true")
                } else if XMLScan.equals(b, tag.name, "sheet") {
                    number += 1
                    let name = XMLScan.attribute(b, tag.attributes, "name").map { XMLScan.string(b, $0) } ?? "Sheet\(number)"
                    // r:id (the local name "id"); sheetId is another attribute.
                    let id = XMLScan.attribute(b, tag.attributes, "id").map { XMLScan.string(b, $0) }
                    if let id, let t = targets[id] {
                        if t.type.isEmpty || t.type.hasSuffix("/worksheet") {
                            sheets.append(Sheet(name: name, path: Self.resolve(t.target, in: folder)))
                        }
                    } else {
                        sheets.append(Sheet(name: name, path: (folder.isEmpty ? "" : folder + "/") + "worksheets/sheet\(number).xml"))
                    }
                }
            }
        }
        if let entry = archive.entry(named: sharedStringsPath) {
            strings = try SharedStrings(reading: XMLPullBuffer(stream: try ZipEntryStream(archive: archive, entry: entry, checksCRC: checksCRC)))
        }
    }

    /// `xl/workbook.xml`, or wherever the package's relationships say.
    private static func workbookPath(_ archive: ZipArchive) throws -> String {
        if let rels = archive.entry(named: "_rels/.rels") {
            for r in relationships(try archive.contents(of: rels)) where r.type.hasSuffix("/officeDocument") {
                return resolve(r.target, in: "")
            }
        }
        return "xl/workbook.xml"
    }

    private static func relationships(_ xml: [UInt8]) -> [(id: String, type: String, target: String)] {
        xml.withUnsafeBufferPointer { buf in
            guard let b = buf.baseAddress else { return [] }
            var out: [(String, String, String)] = []
            var p = 0
            while let lt = XMLScan.find(UInt8(ascii: "<"), b, p, buf.count), let tag = XMLScan.tag(b, at: lt, to: buf.count) {
                p = tag.end
                guard !tag.isSpecial, !tag.isEnd, XMLScan.equals(b, tag.name, "Relationship") else { continue }
                func value(_ n: StaticString) -> String { XMLScan.attribute(b, tag.attributes, n).map { XMLScan.string(b, $0) } ?? "" }
                out.append((value("Id"), value("Type"), value("Target")))
            }
            return out
        }
    }

    /// A relationship target as an archive path: absolute (`/xl/…`) or relative to `folder`.
    static func resolve(_ target: String, in folder: String) -> String {
        var parts: [Substring] = target.hasPrefix("/") ? [] : folder.split(separator: "/")
        for piece in target.split(separator: "/") {
            if piece == "." || piece.isEmpty { continue }
            if piece == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(piece)
        }
        return parts.joined(separator: "/")
    }
}
