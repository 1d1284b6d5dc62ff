import Foundation
import MotCuaCore

/// The overdue list as CSV (UTF-8 with BOM so that Excel opens Vietnamese
/// text correctly, CRLF), for systems that take a flat file.
package enum OverdueCSV {
    package static func encode(_ report: PeriodReport) -> Data {
        func t(_ v: LocalDateTime?) -> String { v.map { "\($0)" } ?? "" }
        var out = "\u{FEFF}MaDonVi,TenDonVi,MaHoSo,MaTTHC,TenTTHC,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,SoNgayQuaHan,"
            + "SoLanXinLoi,NgayHenTraMoi,TreCaNgayHenLai,KhongCoPhieuXinLoi,CanBoXuLy\r\n"
        for e in report.overdue {
            let d = e.dossier
            let text = [d.unitCode, report.tree[d.unitCode]?.name ?? "", d.code, d.procedureCode ?? "", d.procedureName ?? "",
                        t(d.receivedAt), t(d.dueAt), e.isFinished ? t(d.finish) : ""].map(CSVField.text)
            let counts = [e.daysOverdue, d.apologyCount].map(CSVField.number)
            let rest = [t(d.newDueAt), e.missedNewDueDate.map { $0 ? "1" : "0" } ?? "", e.lacksApology ? "1" : "0"]
                + [CSVField.text(d.officer ?? "")]
            out += (text + counts + rest).joined(separator: ",") + "\r\n"
        }
        return Data(out.utf8)
    }
}
