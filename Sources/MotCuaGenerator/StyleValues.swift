import MotCuaCore

/// The words each style writes for statuses, channels, levels and the other
/// coded values — all in the vocabulary the import understands.
extension ExportStyle {
    func status(_ s: DossierStatus) -> String {
        switch self {
        case .canonical: return String(s.rawValue)
        case .vietnamese: return s.vietnameseName
        case .utf16:
            switch s {
            case .registered: return "Đăng ký mới"
            case .accepted: return "Đã tiếp nhận"
            case .notAccepted: return "Từ chối tiếp nhận"
            case .processing: return "Đang giải quyết"
            case .supplementRequested: return "Chờ bổ sung"
            case .financialObligation: return "Chờ thực hiện nghĩa vụ tài chính"
            case .withdrawn: return "Rút hồ sơ"
            case .stopped: return "Đã dừng xử lý"
            case .processed: return "Hoàn thành"
            case .returned: return "Đã trả kết quả"
            }
        }
    }

    func channel(_ c: Channel) -> String {
        switch (self, c) {
        case (.canonical, _): return String(c.rawValue)
        case (.vietnamese, .direct): return "Trực tiếp"
        case (.vietnamese, .online): return "Trực tuyến"
        case (.vietnamese, .postal): return "Bưu chính"
        case (.utf16, .direct): return "Tại quầy"
        case (.utf16, .online): return "Nộp trực tuyến"
        case (.utf16, .postal): return "Qua bưu điện"
        }
    }

    /// MucDo of a dossier or procedure.
    func level(_ level: Int) -> String {
        switch self {
        case .canonical: return String(level)
        case .vietnamese: return "Mức độ \(level)"
        case .utf16: return level == 4 ? "Toàn trình" : level == 3 ? "Một phần" : "Mức độ \(level)"
        }
    }

    /// SoLanXinLoi: blank/"Có" in human exports, a count otherwise.
    func apologies(_ n: Int) -> String {
        switch (self, n) {
        case (.canonical, _): return String(n)
        case (.vietnamese, 0): return ""
        case (.vietnamese, 1): return "Có"
        case (.utf16, 1): return "x"
        default: return String(n)
        }
    }

    /// Cap of a unit and the entries of CapThucHien.
    func unitLevel(_ cap: String) -> String {
        guard self != .canonical else { return cap }
        switch cap {
        case "tinh": return "Tỉnh"
        case "so-nganh": return "Sở ngành"
        case "huyen": return "Huyện"
        case "xa": return "Xã"
        default: return cap
        }
    }

    func unitLevels(_ caps: [String]) -> String {
        caps.map(unitLevel).joined(separator: self == .canonical ? ";" : self == .vietnamese ? "; " : "|")
    }

    func durationUnit(_ u: ProcedureDuration.Unit) -> String {
        guard self != .canonical else { return u.rawValue }
        switch u {
        case .workingDays: return "Ngày làm việc"
        case .workingHours: return "Giờ làm việc"
        case .calendarDays: return "Ngày"
        }
    }

    /// 0.5 → "0.5", or "0,5" with the Vietnamese decimal comma.
    func number(_ v: Double) -> String {
        let text = v == v.rounded() ? String(Int(v)) : String(v)
        return self == .canonical ? text : String(text.map { $0 == "." ? "," : $0 })
    }
}
