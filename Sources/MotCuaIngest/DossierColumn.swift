/// The columns of a dossier export that motcua understands (docs/rules.md#headers), in
/// the order that decides which problem a bad row is rejected for.
package enum DossierColumn: String, CaseIterable, Sendable {
    case code = "MaHoSo"
    case unitCode = "MaDonVi"
    case unitName = "DonViXuLy"
    case procedureCode = "MaTTHC"
    case procedureName = "TenTTHC"
    case fieldCode = "MaLinhVuc"
    case fieldName = "TenLinhVuc"
    case channel = "KenhThucHien"
    case level = "MucDo"
    case receivedAt = "NgayTiepNhan"
    case dueAt = "NgayHenTra"
    case finishedAt = "NgayKetThucXuLy"
    case returnedAt = "NgayTra"
    case status = "TrangThaiHoSo"
    case supplementCount = "SoLanBoSung"
    case supplementRequestedAt = "NgayYeuCauBoSung"
    case supplementReceivedAt = "NgayTiepNhanBoSung"
    case apologyCount = "SoLanXinLoi"
    case newDueAt = "NgayHenTraMoi"
    case applicant = "ChuHoSo"
    case officer = "CanBoXuLy"
    /// When the one-stop system last changed the dossier: decides which of two
    /// exports holds the newer state.
    case updatedAt = "NgayCapNhat"
    /// The QĐ 766 columns (docs/rules.md#index766-columns): the link of the
    /// electronic result file, the digitisation flags, online payment.
    case resultFileLink = "DuongDanTepTinKetQua"
    case digitisedComponents = "HoSoCoThanhPhanSoHoa"
    case digitised = "DuocSoHoa"
    case paidOnline = "DuocThanhToanTrucTuyen"
    /// Đơn vị tiếp nhận, when another unit than MaDonVi received the dossier
    /// (docs/rules.md#receiving-unit): a code, or a name found in the units file.
    case receivingUnit = "MaDonViTiepNhan"

    /// Human export headers seen in one-stop systems (matched after folding).
    package var aliases: [String] {
        switch self {
        case .code: return ["Mã hồ sơ", "Số hồ sơ", "Số biên nhận"]
        case .unitCode: return ["Mã đơn vị", "Mã cơ quan"]
        case .unitName: return ["Đơn vị", "Tên đơn vị", "Cơ quan tiếp nhận", "Đơn vị xử lý"]
        case .procedureCode: return ["Mã thủ tục", "Mã TTHC"]
        case .procedureName: return ["Tên thủ tục", "Tên TTHC"]
        case .fieldCode: return ["Mã lĩnh vực"]
        case .fieldName: return ["Lĩnh vực", "Tên lĩnh vực"]
        case .channel: return ["Kênh nộp", "Hình thức nộp", "Kênh thực hiện"]
        case .level: return ["Mức độ", "Mức độ DVC"]
        case .receivedAt: return ["Ngày tiếp nhận", "Ngày nhận"]
        case .dueAt: return ["Ngày hẹn trả", "Hạn xử lý"]
        case .finishedAt: return ["Ngày hoàn thành", "Ngày có kết quả", "Ngày kết thúc xử lý"]
        case .returnedAt: return ["Ngày trả kết quả", "Ngày trả"]
        case .status: return ["Trạng thái", "Trạng thái hồ sơ"]
        case .supplementCount: return ["Số lần bổ sung"]
        case .supplementRequestedAt: return ["Ngày yêu cầu bổ sung"]
        case .supplementReceivedAt: return ["Ngày nhận bổ sung", "Ngày tiếp nhận bổ sung"]
        case .apologyCount: return ["Phiếu xin lỗi", "Số lần xin lỗi"]
        case .newDueAt: return ["Ngày hẹn trả lại", "Ngày hẹn mới", "Ngày hẹn trả mới"]
        case .applicant: return ["Chủ hồ sơ", "Người nộp"]
        case .officer: return ["Cán bộ xử lý"]
        case .updatedAt: return ["Ngày cập nhật", "Thời gian cập nhật", "Cập nhật lúc"]
        case .resultFileLink: return ["Đường dẫn tệp kết quả", "Đường dẫn tệp tin kết quả", "Tệp kết quả", "Kết quả điện tử"]
        case .digitisedComponents: return ["Có thành phần số hóa", "Hồ sơ có thành phần số hóa", "Thành phần số hóa"]
        case .digitised: return ["Được số hóa", "Đã số hóa", "Số hóa"]
        case .paidOnline: return ["Thanh toán trực tuyến", "Được thanh toán trực tuyến", "Đã thanh toán trực tuyến"]
        case .receivingUnit: return ["Mã đơn vị tiếp nhận", "Đơn vị tiếp nhận", "Nơi tiếp nhận"]
        }
    }
}

extension DossierColumn {
    /// Canonical names and aliases, folded once: folding goes through
    /// Foundation's Unicode decomposition, too slow to redo for every file.
    static let foldedNames: [String: DossierColumn] = {
        var names: [String: DossierColumn] = [:]
        for c in DossierColumn.allCases { for n in [c.rawValue] + c.aliases { names[TextFolding.key(n)] = c } }
        return names
    }()
}

/// Which field of each record holds which column, matched by folded header
/// names (accents, case, spaces and punctuation ignored; whole names only).
package struct HeaderMap<Column: Hashable & Sendable>: Sendable {
    /// Field index of each recognised column.
    package let index: [Column: Int]
    /// The header of each field as written in the file, for messages.
    package let written: [String]
    /// Headers that matched nothing; their values are kept as extras.
    package let unknown: [Int]

    package init(header: [String], columns: [(Column, [String])]) {
        var byKey: [String: Column] = [:]
        for (column, names) in columns {
            for n in names { byKey[TextFolding.key(n)] = column }
        }
        self.init(header: header, foldedNames: byKey)
    }

    /// - Parameter foldedNames: folded header name → column.
    init(header: [String], foldedNames byKey: [String: Column]) {
        var index: [Column: Int] = [:]
        var unknown: [Int] = []
        for (i, h) in header.enumerated() {
            if let c = byKey[TextFolding.key(h)], index[c] == nil { index[c] = i } else { unknown.append(i) }
        }
        self.index = index
        self.written = header.map { $0.trimmedSpaces }
        self.unknown = unknown
    }

    package func header(of column: Column) -> String { index[column].map { written[$0] } ?? "" }

    /// The trimmed value of `column` in `fields`, "" when absent.
    package func value(_ column: Column, in fields: [String]) -> String {
        guard let i = index[column], i < fields.count else { return "" }
        return fields[i].trimmedSpaces
    }
}

extension HeaderMap where Column == DossierColumn {
    package init(dossierHeader header: [String], extraAliases: [DossierColumn: [String]] = [:]) {
        var names = DossierColumn.foldedNames
        for (column, aliases) in extraAliases { for a in aliases { names[TextFolding.key(a)] = column } }
        self.init(header: header, foldedNames: names)
    }
}

extension String {
    /// Trimmed of white space and a stray BOM. Looks at the first and last
    /// scalars first: nearly every field needs no trimming, and walking
    /// Characters (grapheme breaking) for each of millions of fields is slow.
    var trimmedSpaces: String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return self }
        func trimmable(_ s: Unicode.Scalar) -> Bool {
            s.value < 0x80 ? (s.value == 0x20 || (0x09...0x0D).contains(s.value))
                           : (s.value == 0xFEFF || s.properties.isWhitespace)
        }
        if !trimmable(first) && !trimmable(last) { return self }
        var s = Substring(self)
        while let f = s.first, f.isWhitespace || f == "\u{FEFF}" { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
