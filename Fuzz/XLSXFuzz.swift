import Foundation
import MotCuaCore
@testable import MotCuaIngest

// libFuzzer entry point for the .xlsx reader: the ZIP directory and entries
// (stored and deflated), workbook.xml and its relationships, shared strings,
// the sheet XML scanner, header search and row decoding. An input starting
// "PK" is a whole workbook; any other input is the sheet XML of a fixed
// workbook (stored, unchecked CRC), so that mutations reach the XML directly.
// Every input must end in rows, rejections or a clear input.* Message — never
// a crash or a hang.
private let reference = ReferenceData(
    units: [OrgUnit(code: "TU", name: "UBND huyện Tân Uyên", level: "huyen")],
    catalogue: ProcedureCatalogue([Procedure(code: "P2", name: "Đăng ký khai sinh", level: .two, duration: 1)]))

private func part(_ s: String) -> [UInt8] { Array(s.utf8) }

private let rels = part(#"<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="x/sharedStrings" Target="/xl/sharedStrings.xml"/></Relationships>"#)
private let strings = part(#"<sst><si><t>MaHoSo</t></si><si><t>MaDonVi</t></si><si><r><t>Ma</t></r><r><t>TTHC</t></r></si><si><t>NgayTiepNhan</t></si><si><t>TU</t></si><si><t>P2</t></si><si><t>NgayHenTra</t></si></sst>"#)
private func workbook(_ date1904: Bool) -> [UInt8] {
    part(#"<workbook><workbookPr date1904="\#(date1904 ? 1 : 0)"/><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#)
}

/// A ZIP archive of stored entries, CRC left 0 (the reader is told not to check it).
private func storedZip(_ parts: [(String, [UInt8])]) -> [UInt8] {
    var out: [UInt8] = [], directory: [UInt8] = []
    func u16(_ v: Int, _ a: inout [UInt8]) { a += [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
    func u32(_ v: Int, _ a: inout [UInt8]) { u16(v & 0xFFFF, &a); u16(v >> 16 & 0xFFFF, &a) }
    for (name, data) in parts {
        let offset = out.count
        let n = Array(name.utf8)
        u32(0x0403_4B50, &out); u16(20, &out); u16(0, &out); u16(0, &out); u32(0, &out); u32(0, &out)
        u32(data.count, &out); u32(data.count, &out); u16(n.count, &out); u16(0, &out)
        out += n + data
        u32(0x0201_4B50, &directory); u16(20, &directory); u16(20, &directory); u16(0, &directory); u16(0, &directory)
        u32(0, &directory); u32(0, &directory); u32(data.count, &directory); u32(data.count, &directory)
        u16(n.count, &directory); u16(0, &directory); u16(0, &directory); u16(0, &directory); u16(0, &directory)
        u32(0, &directory); u32(offset, &directory)
        directory += n
    }
    let start = out.count
    out += directory
    u32(0x0605_4B50, &out); u16(0, &out); u16(0, &out); u16(parts.count, &out); u16(parts.count, &out)
    u32(directory.count, &out); u32(start, &out); u16(0, &out)
    return out
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let input = [UInt8](UnsafeRawBufferPointer(start: start, count: count))
    let bytes = input.starts(with: [0x50, 0x4B])
        ? input
        : storedZip([("xl/workbook.xml", workbook(count % 2 == 1)), ("xl/_rels/workbook.xml.rels", rels),
                     ("xl/sharedStrings.xml", strings), ("xl/worksheets/sheet1.xml", input)])
    do {
        let archive = try ZipArchive(bytes: bytes)
        let sheet = try XLSXDossierSheet.open(path: "fuzz.xlsx", archive: archive, aliases: [:], checksCRC: false)
        let map = HeaderMap<DossierColumn>(dossierHeader: sheet.header)
        var decoder = DossierRowDecoder(file: sheet.file, header: map, reference: reference)
        sheet.rows.narrow(to: sheet.header.count,
                          dateColumns: Set([DossierColumn.receivedAt, .dueAt].compactMap { map.index[$0] }))
        try XLSXRecords(rows: sheet.rows, file: sheet.file).forEachRow { row in _ = decoder.decode(row) }
    } catch let message as Message where message.code.hasPrefix("input.") {
        // A clear message for the clerk: the expected outcome for bad files.
    } catch is ZipError {
        // The directory itself is damaged (XLSXDossierSheet.open turns this into an input.* Message).
    } catch {
        fatalError("unexpected error type: \(error)")
    }
    return 0
}
