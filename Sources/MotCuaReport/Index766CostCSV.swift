import Foundation
import MotCuaCore

/// The dossiers that cost progress points of the QĐ 766 index, as CSV
/// (docs/rules.md#index766-cost): UTF-8 with BOM and CRLF like every CSV
/// motcua writes, Vietnamese headers, cells neutralised against formulas (``CSVField``).
package enum Index766CostCSV {
    package static let header = ["Mã đơn vị", "Tên đơn vị", "Mã hồ sơ", "Mã TTHC", "Tên TTHC", "Ngày tiếp nhận",
                                 "Ngày hẹn trả", "Nguồn ngày hẹn", "Thời điểm kết thúc được xét", "Số lần bổ sung",
                                 "Trạng thái", "Mã lý do", "Lý do bị trừ điểm"]

    package static func encode(_ misses: [Index766Miss], tree: UnitTree) -> Data {
        func t(_ v: LocalDateTime?) -> String { v.map { "\($0)" } ?? "" }
        var out = "\u{FEFF}" + header.map(CSVField.text).joined(separator: ",") + "\r\n"
        for m in misses {
            let d = m.dossier
            let source = m.verdict.due == nil ? "Không có" : m.verdict.dueRecomputed ? "Tính lại" : "Theo tệp xuất"
            let fields = [d.unitCode, tree[d.unitCode]?.name ?? "", d.code, d.procedureCode ?? "", d.procedureName ?? "",
                          t(d.receivedAt), t(m.verdict.due), source, t(m.verdict.end),
                          d.supplementCount.map(String.init) ?? "", d.status?.vietnameseName ?? "",
                          m.reason.rawValue, m.reason.vietnamese]
            out += fields.map(CSVField.text).joined(separator: ",") + "\r\n"
        }
        return Data(out.utf8)
    }
}
