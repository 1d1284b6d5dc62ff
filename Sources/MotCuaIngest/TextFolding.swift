import Foundation

/// Vietnamese text normalisation for matching names written by hand.
enum TextFolding {
    /// NFC form: exports mix NFC and NFD, and "Mường Khoa" must equal itself.
    /// ASCII strings are returned as they are (the common case, and free).
    static func nfc(_ s: String) -> String {
        s.utf8.allSatisfy({ $0 < 0x80 }) ? s : s.precomposedStringWithCanonicalMapping
    }

    /// A matching key: accents, case, spaces, underscores and punctuation removed,
    /// đ → d. "Ngày tiếp nhận", "NGAY_TIEP_NHAN" and "ngaytiepnhan" fold alike.
    static func key(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in s.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.value {
            case 0x0300...0x036F: continue                  // combining accents
            case 0x0110, 0x0111: out.append("d")            // Đ đ
            default:
                let props = scalar.properties
                if props.isAlphabetic || props.numericType != nil {
                    out.append(contentsOf: String(scalar).lowercased().unicodeScalars)
                }
            }
        }
        return String(out)
    }

    /// Like ``key(_:)`` but keeps word boundaries as single spaces, for values
    /// such as "Trực tuyến" / "truc  tuyen" / "TRUC-TUYEN".
    static func words(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in s.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.value {
            case 0x0300...0x036F: continue
            case 0x0110, 0x0111:
                if pendingSpace && !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append("d")
            default:
                let props = scalar.properties
                if props.isAlphabetic || props.numericType != nil {
                    if pendingSpace && !out.isEmpty { out.append(" ") }
                    pendingSpace = false
                    out.append(contentsOf: String(scalar).lowercased().unicodeScalars)
                } else {
                    pendingSpace = true
                }
            }
        }
        return String(out)
    }
}
