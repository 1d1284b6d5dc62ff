import Foundation
import MotCuaCore

/// The overdue list as CSV (UTF-8 with BOM so that Excel opens Vietnamese
/// text correctly, CRLF), for systems that take a flat file.
public enum OverdueCSV {
    public static func encode(_ report: PeriodReport) -> Data {
        func q(_ s: String) -> String {
            s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        func t(_ v: LocalDateTime?) -> String { v.map { "\($0)" } ?? "" }
        var out = "\u{FEFF}MaDonVi,TenDonVi,MaHoSo,MaTTHC,TenTTHC,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,SoNgayQuaHan,"
            + "SoLanXinLoi,NgayHenTraMoi,TreCaNgayHenLai,KhongCoPhieuXinLoi,CanBoXuLy\r\n"
        for e in report.overdue {
            let d = e.dossier
            let fields = [d.unitCode, report.tree[d.unitCode]?.name ?? "", d.code, d.procedureCode ?? "", d.procedureName ?? "",
                          t(d.receivedAt), t(d.dueAt), e.isFinished ? t(d.finish) : "", String(e.daysOverdue),
                          String(d.apologyCount), t(d.newDueAt), e.missedNewDueDate.map { $0 ? "1" : "0" } ?? "",
                          e.lacksApology ? "1" : "0", d.officer ?? ""]
            out += fields.map(q).joined(separator: ",") + "\r\n"
        }
        return Data(out.utf8)
    }
}
