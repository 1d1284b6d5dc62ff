import MotCuaCore
/// The shapes of export the import must accept (docs/rules.md#inputs). A style changes
/// only how the same data is encoded, never the data: the same seed and size
/// give the same dossiers in every style.
package enum ExportStyle: String, CaseIterable, Sendable {
    /// Canonical headers (MaHoSo…), `,`, UTF-8 without BOM, LF,
    /// `yyyy-MM-dd HH:mm:ss`, codes for status and channel.
    case canonical
    /// Vietnamese human headers (Mã hồ sơ, Ngày tiếp nhận, Hạn xử lý…), `;`,
    /// UTF-8 with BOM, CRLF, `dd/MM/yyyy HH:mm:ss`, words for status,
    /// channel and level, names in NFD — a typical "Xuất Excel → CSV" file.
    case vietnamese
    /// UTF-16 LE with BOM, tab-delimited, CRLF, like Excel's "Unicode text",
    /// other header aliases (Số hồ sơ, Ngày nhận…), other value words, and the
    /// national portal's `yyyyMMddHHmmss` timestamps (lossless: to the second,
    /// so that the style decodes to exactly the same dossiers).
    case utf16

    var delimiter: UInt8 {
        switch self {
        case .canonical: return UInt8(ascii: ",")
        case .vietnamese: return UInt8(ascii: ";")
        case .utf16: return 0x09
        }
    }

    var lineEnd: [UInt8] { self == .canonical ? [0x0A] : [0x0D, 0x0A] }

    /// Names written in NFD (decomposed accents).
    var decomposedNames: Bool { self == .vietnamese }

    var encoding: OutputEncoding {
        switch self {
        case .canonical: return .utf8
        case .vietnamese: return .utf8WithBOM
        case .utf16: return .utf16LE
        }
    }

    // MARK: - Headers

    /// Dossier headers, in the canonical column order of docs/rules.md#headers.
    var dossierHeader: [String] {
        switch self {
        case .canonical:
            return ["MaHoSo", "MaDonVi", "DonViXuLy", "MaTTHC", "TenTTHC", "MaLinhVuc", "TenLinhVuc", "KenhThucHien",
                    "MucDo", "NgayTiepNhan", "NgayHenTra", "NgayKetThucXuLy", "NgayTra", "TrangThaiHoSo", "SoLanBoSung",
                    "NgayYeuCauBoSung", "NgayTiepNhanBoSung", "SoLanXinLoi", "NgayHenTraMoi", "ChuHoSo", "CanBoXuLy"]
        case .vietnamese:
            return ["Mã hồ sơ", "Mã đơn vị", "Đơn vị", "Mã thủ tục", "Tên thủ tục", "Mã lĩnh vực", "Lĩnh vực", "Kênh nộp",
                    "Mức độ", "Ngày tiếp nhận", "Hạn xử lý", "Ngày hoàn thành", "Ngày trả kết quả", "Trạng thái",
                    "Số lần bổ sung", "Ngày yêu cầu bổ sung", "Ngày nhận bổ sung", "Phiếu xin lỗi", "Ngày hẹn trả lại",
                    "Chủ hồ sơ", "Cán bộ xử lý"]
        case .utf16:
            return ["Số hồ sơ", "Mã cơ quan", "Cơ quan tiếp nhận", "Mã TTHC", "Tên TTHC", "Mã lĩnh vực", "Tên lĩnh vực",
                    "Hình thức nộp", "Mức độ DVC", "Ngày nhận", "Ngày hẹn trả", "Ngày có kết quả", "Ngày trả",
                    "Trạng thái hồ sơ", "Số lần bổ sung", "Ngày yêu cầu bổ sung", "Ngày tiếp nhận bổ sung",
                    "Số lần xin lỗi", "Ngày hẹn mới", "Người nộp", "Cán bộ xử lý"]
        }
    }

    var unitHeader: [String] {
        self == .canonical ? ["MaDonVi", "TenDonVi", "Cap", "MaDonViCha", "ThuTu"]
                           : ["Mã đơn vị", "Tên đơn vị", "Cấp", "Mã đơn vị cha", "Thứ tự"]
    }

    var procedureHeader: [String] {
        self == .canonical
            ? ["MaTTHC", "TenTTHC", "MaLinhVuc", "TenLinhVuc", "MucDo", "ThoiGianGiaiQuyet", "DonViThoiGian",
               "CapThucHien", "CongKhai"]
            : ["Mã TTHC", "Tên TTHC", "Mã lĩnh vực", "Tên lĩnh vực", "Mức độ", "Thời gian giải quyết",
               "Đơn vị thời gian", "Cấp thực hiện", "Công khai"]
    }
}

/// How bytes reach the file.
enum OutputEncoding: Sendable {
    case utf8, utf8WithBOM, utf16LE

    var byteOrderMark: [UInt8] {
        switch self {
        case .utf8: return []
        case .utf8WithBOM: return [0xEF, 0xBB, 0xBF]
        case .utf16LE: return [0xFF, 0xFE]
        }
    }
}
