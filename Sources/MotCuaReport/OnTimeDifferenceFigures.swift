import Foundation
import MotCuaCore

/// The columns of the list of dossiers the three on-time rules place
/// differently (docs/rules.md#on-time-rules).
package enum OnTimeDifferenceFigures {
    typealias Figure = ListFigure<OnTimeDifference>

    static func figure(named name: String) -> Figure? { figures[name] }
    package static var names: [String] { figures.keys.sorted() }

    private static func text(_ s: String?) -> CellValue { s.map { .text($0) } ?? .blank }
    private static func date(_ t: LocalDateTime?) -> CellValue { OverdueFigures.excelDate(t) }

    private static let figures: [String: Figure] = [
        "stt": Figure(kind: .integer) { _, i, _ in .number(Double(i)) },
        "unit_name": Figure(kind: .text) { e, _, tree in .text(tree[e.dossier.unitCode]?.name ?? e.dossier.unitCode) },
        "code": Figure(kind: .text) { e, _, _ in .text(e.dossier.code) },
        "procedure_name": Figure(kind: .text) { e, _, _ in text(e.dossier.procedureName ?? e.dossier.procedureCode) },
        "received_at": Figure(kind: .date) { e, _, _ in date(e.dossier.receivedAt) },
        "due_at": Figure(kind: .date) { e, _, _ in date(e.dossier.dueAt) },
        "finished_at": Figure(kind: .date) { e, _, _ in date(e.finish) },
        "status": Figure(kind: .text) { e, _, _ in text(e.dossier.status?.vietnameseName) },
        "supplement_count": Figure(kind: .integer) { e, _, _ in e.dossier.supplementCount.map { .number(Double($0)) } ?? .blank },
        "appendix": Figure(kind: .text) { e, _, _ in .text(e.appendix.vietnamese) },
        "portal": Figure(kind: .text) { e, _, _ in .text(e.portal.vietnamese) },
        "day_level": Figure(kind: .text) { e, _, _ in .text(e.dayLevel.vietnamese) },
        "reason": Figure(kind: .text) { e, _, _ in .text(e.reason.vietnamese) },
    ]
}

/// The same list as CSV (`motcua explain --csv`): UTF-8 with BOM, CRLF,
/// Vietnamese headers, cells neutralised against formulas (``CSVField``).
package enum OnTimeDifferenceCSV {
    package static let header = ["Mã đơn vị", "Tên đơn vị", "Mã hồ sơ", "Mã TTHC", "Ngày tiếp nhận", "Ngày hẹn trả",
                                 "Ngày kết thúc", "Trạng thái", "Số lần bổ sung", "Theo phụ lục", "Theo Cổng QĐ 766",
                                 "Theo ngày", "Mã lý do", "Lý do"]

    package static func encode(_ differences: [OnTimeDifference], tree: UnitTree) -> Data {
        func t(_ v: LocalDateTime?) -> String { v.map { "\($0)" } ?? "" }
        var out = "\u{FEFF}" + header.map(CSVField.text).joined(separator: ",") + "\r\n"
        for e in differences {
            let d = e.dossier
            let fields = [d.unitCode, tree[d.unitCode]?.name ?? "", d.code, d.procedureCode ?? "", t(d.receivedAt), t(d.dueAt),
                          t(e.finish), d.status?.vietnameseName ?? "", d.supplementCount.map(String.init) ?? "",
                          e.appendix.vietnamese, e.portal.vietnamese, e.dayLevel.vietnamese, e.reason.rawValue, e.reason.vietnamese]
            out += fields.map(CSVField.text).joined(separator: ",") + "\r\n"
        }
        return Data(out.utf8)
    }
}
