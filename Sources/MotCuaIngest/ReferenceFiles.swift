import Foundation
import MotCuaCore

/// Reads the units file (docs/rules.md#units-file): `MaDonVi, TenDonVi, Cap, MaDonViCha, ThuTu`.
package enum UnitsFile {
    enum Column: String, CaseIterable, Sendable { case code, name, level, parent, order }

    package static func read(path: String) throws -> (units: [OrgUnit], rejections: [RowRejection]) {
        var csv = try CSVFile(path: path)
        let map = HeaderMap<Column>(header: csv.header, columns: [
            (.code, ["MaDonVi", "Mã đơn vị", "Mã cơ quan"]),
            (.name, ["TenDonVi", "Tên đơn vị", "Tên cơ quan", "Đơn vị"]),
            (.level, ["Cap", "Cấp", "Cấp đơn vị"]),
            (.parent, ["MaDonViCha", "Mã đơn vị cha", "Đơn vị cha", "Mã cha"]),
            (.order, ["ThuTu", "Thứ tự", "STT"]),
        ])
        guard map.index[.code] != nil, map.index[.name] != nil else {
            throw Message.input("units-header", file: csv.fileName, line: 1,
                                 "Không có cột MaDonVi và TenDonVi ở dòng tiêu đề.",
                                 "The header has no MaDonVi and TenDonVi columns.")
        }
        var units: [OrgUnit] = []
        var rejections: [RowRejection] = []
        var seen: Set<String> = []
        while let r = try csv.reader.next() {
            if let tooLong = FieldLimit.rejection(of: r.fields, header: map, file: csv.fileName, line: r.line) {
                rejections.append(tooLong); continue
            }
            let code = TextFolding.nfc(map.value(.code, in: r.fields))
            let name = TextFolding.nfc(map.value(.name, in: r.fields))
            func reject(_ code: String, _ c: Column, _ vi: String, _ en: String) {
                rejections.append(RowRejection(file: csv.fileName, line: r.line, column: map.header(of: c),
                                               value: map.value(c, in: r.fields), reason: .row(code, vi, en)))
            }
            if code.isEmpty { reject("missing-unit-code", .code, "Thiếu mã đơn vị.", "Missing unit code."); continue }
            if name.isEmpty { reject("missing-unit-name", .name, "Thiếu tên đơn vị.", "Missing unit name."); continue }
            if seen.contains(code) { reject("duplicate-unit-code", .code, "Mã đơn vị bị trùng.", "Duplicate unit code."); continue }
            let orderText = map.value(.order, in: r.fields)
            guard orderText.isEmpty || Int(orderText) != nil else {
                reject("bad-order", .order, "Thứ tự phải là số nguyên.", "The order must be a whole number."); continue
            }
            seen.insert(code)
            units.append(OrgUnit(code: code, name: name,
                              level: TextFolding.words(map.value(.level, in: r.fields)).replacingSpaces(),
                              parentCode: nonEmpty(TextFolding.nfc(map.value(.parent, in: r.fields))),
                              sortOrder: Int(orderText) ?? (units.count + 1)))
        }
        return (units, rejections)
    }
}

/// Reads the procedure catalogue (docs/rules.md#procedures-file).
package enum ProceduresFile {
    /// The largest processing time accepted, in any unit (days or hours): 3,650.
    package static let longestDuration = 3650.0

    enum Column: String, CaseIterable, Sendable {
        case code, name, fieldCode, fieldName, level, duration, durationUnit, applicableLevels, disclosure
    }

    package static func read(path: String) throws -> (procedures: [Procedure], rejections: [RowRejection]) {
        var csv = try CSVFile(path: path)
        let map = HeaderMap<Column>(header: csv.header, columns: [
            (.code, ["MaTTHC", "Mã TTHC", "Mã thủ tục"]),
            (.name, ["TenTTHC", "Tên TTHC", "Tên thủ tục"]),
            (.fieldCode, ["MaLinhVuc", "Mã lĩnh vực"]),
            (.fieldName, ["TenLinhVuc", "Tên lĩnh vực", "Lĩnh vực"]),
            (.level, ["MucDo", "Mức độ", "Mức độ DVC"]),
            (.duration, ["ThoiGianGiaiQuyet", "Thời gian giải quyết", "Thời hạn giải quyết"]),
            (.durationUnit, ["DonViThoiGian", "Đơn vị thời gian"]),
            (.applicableLevels, ["CapThucHien", "Cấp thực hiện"]),
            (.disclosure, ["CongKhai", "Công khai"]),
        ])
        guard map.index[.code] != nil, map.index[.name] != nil else {
            throw Message.input("procedures-header", file: csv.fileName, line: 1,
                                 "Không có cột MaTTHC và TenTTHC ở dòng tiêu đề.",
                                 "The header has no MaTTHC and TenTTHC columns.")
        }
        var procedures: [Procedure] = []
        var rejections: [RowRejection] = []
        var seen: Set<String> = []
        while let r = try csv.reader.next() {
            if let tooLong = FieldLimit.rejection(of: r.fields, header: map, file: csv.fileName, line: r.line) {
                rejections.append(tooLong); continue
            }
            func v(_ c: Column) -> String { map.value(c, in: r.fields) }
            func reject(_ code: String, _ c: Column, _ vi: String, _ en: String) {
                rejections.append(RowRejection(file: csv.fileName, line: r.line, column: map.header(of: c),
                                               value: v(c), reason: .row(code, vi, en)))
            }
            let code = TextFolding.nfc(v(.code))
            if code.isEmpty { reject("missing-procedure-code", .code, "Thiếu mã thủ tục.", "Missing procedure code."); continue }
            if seen.contains(code) { reject("duplicate-procedure-code", .code, "Mã thủ tục bị trùng.", "Duplicate procedure code."); continue }
            let durationText = v(.duration).replacingOccurrences(of: ",", with: ".")
            let duration = Double(durationText)
            if !durationText.isEmpty && (duration == nil || duration! < 0 || !duration!.isFinite) {
                reject("bad-duration", .duration, "Thời gian giải quyết phải là số.", "The processing time must be a number."); continue
            }
            // No procedure takes ten years; a larger number is a typing slip
            // (or 1e15), and would overflow the deadline arithmetic.
            if let duration, duration > ProceduresFile.longestDuration {
                reject("duration-too-large", .duration, "Thời gian giải quyết quá lớn (tối đa \(Int(ProceduresFile.longestDuration))).",
                       "The processing time is too large (at most \(Int(ProceduresFile.longestDuration)))."); continue
            }
            let unitText = TextFolding.words(v(.durationUnit)).replacingSpaces()
            var unit = DurationUnit.workingDays
            if !unitText.isEmpty {
                guard let u = DurationUnit(rawValue: unitText) ?? durationUnitWords[unitText] else {
                    reject("bad-duration-unit", .durationUnit, "Đơn vị thời gian không hợp lệ (ngay-lam-viec, gio-lam-viec, ngay).",
                           "Unknown time unit (expected ngay-lam-viec, gio-lam-viec, ngay)."); continue
                }
                unit = u
            }
            let disclosureText = v(.disclosure)
            let disclosure = Int(disclosureText)
            if !disclosureText.isEmpty && (disclosure == nil || !(0...2).contains(disclosure!)) {
                reject("bad-disclosure", .disclosure, "Công khai phải là 0, 1 hoặc 2.", "CongKhai must be 0, 1 or 2."); continue
            }
            let levels = v(.applicableLevels).split(whereSeparator: { ";,|".contains($0) })
                .map { TextFolding.words(String($0)).replacingSpaces() }.filter { !$0.isEmpty }
            seen.insert(code)
            procedures.append(Procedure(
                code: code, name: TextFolding.nfc(v(.name)),
                fieldCode: nonEmpty(v(.fieldCode)), fieldName: nonEmpty(TextFolding.nfc(v(.fieldName))),
                level: ValueVocabulary().level(v(.level)), duration: duration, durationUnit: unit,
                applicableLevels: Set(levels), disclosure: disclosure))
        }
        return (procedures, rejections)
    }

    private static let durationUnitWords: [String: DurationUnit] = [
        "ngay-lam-viec": .workingDays, "ngay-lv": .workingDays, "working-days": .workingDays,
        "gio-lam-viec": .workingHours, "gio": .workingHours, "working-hours": .workingHours,
        "ngay-lich": .calendarDays, "calendar-days": .calendarDays,
    ]
}

extension String {
    /// "ngay lam viec" → "ngay-lam-viec": folded words as a slug.
    func replacingSpaces() -> String { split(separator: " ").joined(separator: "-") }
}
