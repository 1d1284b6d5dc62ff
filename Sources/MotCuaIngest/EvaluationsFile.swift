import Foundation
import MotCuaCore

/// Reads the optional evaluations file (docs/rules.md#evaluations): `MaHoSo` plus any of the
/// Thông tư 01 indicator columns `CS1`…`CS9`, the points an assessor or the
/// citizen survey (phiếu đánh giá) gave a dossier. They override derived points.
///
/// A blank value means "not given". Any whole number is kept, even outside
/// 0–2: the scorer ignores it with a warning (docs/rules.md#tt01), so that the
/// warning can name the dossier and the rubric's maximum. A value that is not
/// a whole number rejects the row (file, line, column), like every input file.
package enum EvaluationsFile {
    enum Column: Hashable, Sendable {
        case code
        case indicator(Int)
    }

    /// Points given, by dossier code (NFC) then indicator number (1–9).
    package typealias Evaluations = [String: [Int: Int]]

    /// When a dossier appears on several lines, their values are merged and a
    /// later line's value wins for the same indicator (an assessor's sheet and
    /// the citizen survey may come as separate lines).
    /// - throws: ``Message`` when the file cannot be read or its header
    ///   has no MaHoSo or no CS1…CS9 column.
    package static func read(path: String, encoding: TextEncoding? = nil,
                            delimiter: UInt8? = nil) throws -> (evaluations: Evaluations, rejections: [RowRejection]) {
        var csv = try CSVFile(path: path, encoding: encoding, delimiter: delimiter)
        let map = HeaderMap<Column>(header: csv.header, columns: [(.code, ["MaHoSo", "Mã hồ sơ", "Số hồ sơ", "Số biên nhận"])]
            + (1...9).map { n in (.indicator(n), ["CS\(n)", "Chỉ số \(n)", "Tiêu chí \(n)"]) })
        let indicatorColumns = (1...9).filter { map.index[.indicator($0)] != nil }
        guard map.index[.code] != nil, !indicatorColumns.isEmpty else {
            throw Message.input("evaluations-header", file: csv.fileName, line: 1,
                                 "Tệp đánh giá cần cột MaHoSo và ít nhất một cột CS1…CS9 ở dòng tiêu đề.",
                                 "The evaluations file needs a MaHoSo column and at least one of CS1…CS9 in its header.")
        }
        var evaluations: Evaluations = [:]
        var rejections: [RowRejection] = []
        rows: while let r = try csv.reader.next() {
            if let tooLong = FieldLimit.rejection(of: r.fields, header: map, file: csv.fileName, line: r.line) {
                rejections.append(tooLong); continue
            }
            func reject(_ code: String, _ c: Column, _ vi: String, _ en: String) {
                rejections.append(RowRejection(file: csv.fileName, line: r.line, column: map.header(of: c),
                                               value: map.value(c, in: r.fields), reason: .row(code, vi, en)))
            }
            let code = TextFolding.nfc(map.value(.code, in: r.fields))
            if code.isEmpty { reject("missing-code", .code, "Thiếu mã hồ sơ.", "Missing dossier code."); continue }
            var given: [Int: Int] = [:]
            for n in indicatorColumns {
                let text = map.value(.indicator(n), in: r.fields)
                if text.isEmpty { continue }
                guard let points = Int(text) else {
                    reject("bad-evaluation", .indicator(n), "Điểm đánh giá phải là số nguyên (0, 1 hoặc 2).",
                           "The evaluation points must be a whole number (0, 1 or 2).")
                    continue rows
                }
                given[n] = points
            }
            if given.isEmpty { continue }
            evaluations[code, default: [:]].merge(given) { _, later in later }
        }
        return (evaluations, rejections)
    }
}
