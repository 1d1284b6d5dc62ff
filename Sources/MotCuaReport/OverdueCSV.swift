import Foundation
import MotCuaCore

/// The overdue list as CSV (UTF-8 with BOM so that Excel opens Vietnamese
/// text correctly, CRLF) (danh sách trễ hạn, quá hạn dạng CSV).
/// docs/rules.md#overdue: the default is for a clerk who opens it in Excel or
/// sends it on — Vietnamese headers and Có/Không; `raw` keeps the technical
/// headers (MaHoSo, …) and 0/1 for the systems that already read them.
package enum OverdueCSV {
    package enum Format: String, CaseIterable, Sendable {
        /// Vietnamese headers, Có/Không.
        case vietnamese = "vi"
        /// Technical headers, 0/1: the format before `--csv-format` existed.
        case raw
    }

    /// Column headers in the order of the fields, per format.
    package static func headers(_ format: Format) -> [String] {
        switch format {
        case .raw:
            return ["MaDonVi", "TenDonVi", "MaHoSo", "MaTTHC", "TenTTHC", "NgayTiepNhan", "NgayHenTra", "NgayKetThucXuLy",
                    "SoNgayQuaHan", "SoLanXinLoi", "NgayHenTraMoi", "TreCaNgayHenLai", "KhongCoPhieuXinLoi", "CanBoXuLy"]
        case .vietnamese:
            return ["Mã đơn vị", "Đơn vị", "Mã hồ sơ", "Mã TTHC", "Thủ tục hành chính", "Ngày tiếp nhận", "Ngày hẹn trả",
                    "Ngày giải quyết", "Số ngày quá hạn", "Số lần xin lỗi", "Ngày hẹn lại", "Trễ cả ngày hẹn lại",
                    "Đã có thư xin lỗi", "Cán bộ xử lý"]
        }
    }

    package static func encode(_ report: PeriodReport, format: Format = .vietnamese) -> Data {
        func t(_ v: LocalDateTime?) -> String { v.map { "\($0)" } ?? "" }
        func yesNo(_ b: Bool) -> String { format == .raw ? (b ? "1" : "0") : (b ? "Có" : "Không") }
        var out = "\u{FEFF}" + headers(format).map(CSVField.text).joined(separator: ",") + "\r\n"
        for e in report.overdue {
            let d = e.dossier
            let text = [d.unitCode, report.tree[d.unitCode]?.name ?? "", d.code, d.procedureCode ?? "", d.procedureName ?? "",
                        t(d.receivedAt), t(d.dueAt), e.isFinished ? t(d.finish) : ""].map(CSVField.text)
            let counts = [e.daysOverdue, d.apologyCount].map(CSVField.number)
            // raw says "no letter" (KhongCoPhieuXinLoi = 1); the Vietnamese column asks the
            // clerk's question, "has a letter", so its Có is raw's 0.
            let letter = format == .raw ? yesNo(e.lacksApology) : yesNo(!e.lacksApology)
            let rest = [t(d.newDueAt), e.missedNewDueDate.map(yesNo) ?? "", letter] + [CSVField.text(d.officer ?? "")]
            out += (text + counts + rest).joined(separator: ",") + "\r\n"
        }
        return Data(out.utf8)
    }
}
