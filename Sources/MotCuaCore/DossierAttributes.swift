/// How a dossier reached the unit (kênh thực hiện / hình thức nộp).
package enum Channel: Int, Sendable, Hashable, CaseIterable, Codable {
    /// Trực tiếp: at the one-stop desk.
    case direct = 1
    /// Trực tuyến: through the online public-service portal.
    case online = 2
    /// Bưu chính công ích: by post. Counts as desk-entered (MCĐT).
    case postal = 3
}

/// The online service level of a procedure (mức độ dịch vụ công trực tuyến).
///
/// Levels 1–4 are the pre-2022 scale; Nghị định 42/2022 renamed level 3
/// "một phần" (partly online) and level 4 "toàn trình" (fully online).
package enum ServiceLevel: Int, Sendable, Hashable, CaseIterable, Codable {
    case one = 1, two, three, four

    /// The appendix column a dossier of this level counts in; level 1 has none.
    package var bucket: LevelBucket {
        switch self {
        case .one: return .other
        case .two: return .two
        case .three: return .three
        case .four: return .four
        }
    }
}

/// The level columns of the appendix. `other` holds dossiers whose level is
/// unknown or 1: they count in the totals but in no level column.
package enum LevelBucket: Int, Sendable, Hashable, CaseIterable {
    case two = 0, three, four, other

    package var key: String {
        switch self {
        case .two: return "2"
        case .three: return "3"
        case .four: return "4"
        case .other: return "other"
        }
    }
}

/// Dossier status codes as synced to the national portal (trạng thái hồ sơ).
package enum DossierStatus: Int, Sendable, Hashable, CaseIterable, Codable {
    case registered = 1          // Mới đăng ký
    case accepted = 2            // Được tiếp nhận
    case notAccepted = 3         // Không được tiếp nhận
    case processing = 4          // Đang xử lý
    case supplementRequested = 5 // Yêu cầu bổ sung
    case financialObligation = 6 // Yêu cầu thực hiện nghĩa vụ tài chính
    case withdrawn = 7           // Công dân yêu cầu rút hồ sơ
    case stopped = 8             // Dừng xử lý
    case processed = 9           // Đã xử lý xong
    case returned = 10           // Đã trả kết quả

    /// Withdrawn and stopped dossiers end without an on-time class (không xét hạn).
    package var endsWithoutOnTimeClass: Bool { self == .withdrawn || self == .stopped }

    package var vietnameseName: String {
        switch self {
        case .registered: return "Mới đăng ký"
        case .accepted: return "Được tiếp nhận"
        case .notAccepted: return "Không được tiếp nhận"
        case .processing: return "Đang xử lý"
        case .supplementRequested: return "Yêu cầu bổ sung"
        case .financialObligation: return "Yêu cầu thực hiện nghĩa vụ tài chính"
        case .withdrawn: return "Công dân yêu cầu rút hồ sơ"
        case .stopped: return "Dừng xử lý"
        case .processed: return "Đã xử lý xong"
        case .returned: return "Đã trả kết quả"
        }
    }
}
