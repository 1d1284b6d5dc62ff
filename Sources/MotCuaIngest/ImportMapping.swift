import MotCuaCore

/// A mapping file (tệp ánh xạ, docs/rules.md#mapping) for a source system whose export
/// does not use the names and words motcua knows: extra column aliases,
/// status/channel/level words, date order, encoding and delimiter, working
/// hours, and the reference files to use. Written in YAML or JSON:
///
/// ```yaml
/// encoding: utf-16le
/// delimiter: tab
/// date_format: dd/MM/yyyy
/// columns:
///   MaHoSo: [Số hồ sơ điện tử]
///   NgayTiepNhan: [Thời điểm nhận]
/// values:
///   TrangThaiHoSo: { "Hoàn tất": 9, "Đã hủy": 8 }
///   KenhThucHien: { "Cổng DVC": 2 }
/// ```
package struct ImportMapping: Decodable, Sendable {
    package var encoding: String?
    package var delimiter: String?
    /// `dd/MM/yyyy` (default) or `MM/dd/yyyy` for slashed dates.
    package var dateFormat: String?
    /// `07:30-11:30,13:30-17:00`.
    package var workingHours: String?
    /// Canonical column name → further headers that mean it.
    package var columns: [String: [String]]?
    /// `TrangThaiHoSo`, `KenhThucHien` or `MucDo` → word → code.
    package var values: [String: [String: Int]]?
    package var units: String?
    package var procedures: String?
    package var calendars: [String]?

    enum CodingKeys: String, CodingKey {
        case encoding, delimiter, columns, values, units, procedures, calendars
        case dateFormat = "date_format"
        case workingHours = "working_hours"
    }

    package init() {}

    /// Checks names and values; the messages say which key is wrong and what is allowed.
    package func validated(file: String) throws -> ResolvedMapping {
        func fail(_ key: String, _ vi: String, _ en: String) -> Message {
            Message("mapping.bad-" + key, file: file, vi: vi, en: en)
        }
        var resolved = ResolvedMapping()
        if let e = encoding {
            guard let enc = TextEncoding(rawValue: e.lowercased()) else {
                throw fail("encoding", "encoding \"\(e)\" không hợp lệ (utf-8, utf-16le, utf-16be).", "unknown encoding \"\(e)\" (utf-8, utf-16le, utf-16be).")
            }
            resolved.encoding = enc
        }
        if let d = delimiter {
            switch d.lowercased() {
            case ",", "comma": resolved.delimiter = 0x2C
            case ";", "semicolon": resolved.delimiter = 0x3B
            case "\t", "tab": resolved.delimiter = 0x09
            default: throw fail("delimiter", "delimiter \"\(d)\" không hợp lệ (comma, semicolon, tab).", "unknown delimiter \"\(d)\" (comma, semicolon, tab).")
            }
        }
        switch dateFormat?.lowercased() {
        case nil, "dd/mm/yyyy", "d/m/yyyy": resolved.dayFirst = true
        case "mm/dd/yyyy", "m/d/yyyy": resolved.dayFirst = false
        case let other?: throw fail("date-format", "date_format \"\(other)\" không hợp lệ (dd/MM/yyyy hoặc MM/dd/yyyy).",
                                    "unknown date_format \"\(other)\" (dd/MM/yyyy or MM/dd/yyyy).")
        }
        let canonical = Dictionary(uniqueKeysWithValues: DossierColumn.allCases.map { (TextFolding.key($0.rawValue), $0) })
        for (name, aliases) in columns ?? [:] {
            guard let column = canonical[TextFolding.key(name)] else {
                throw fail("columns", "columns: \"\(name)\" không phải tên cột chuẩn (\(DossierColumn.allCases.map(\.rawValue).joined(separator: ", "))).",
                           "columns: \"\(name)\" is not a canonical column (\(DossierColumn.allCases.map(\.rawValue).joined(separator: ", "))).")
            }
            resolved.aliases[column, default: []] += aliases
        }
        for (name, words) in values ?? [:] {
            switch canonical[TextFolding.key(name)] {
            case .status?:
                for (w, code) in words {
                    guard let s = DossierStatus(rawValue: code) else { throw fail("values", "values.\(name).\(w): mã trạng thái phải từ 1 đến 10.", "values.\(name).\(w): status codes are 1 to 10.") }
                    resolved.vocabulary.add(status: [w: s])
                }
            case .channel?:
                for (w, code) in words {
                    guard let c = Channel(rawValue: code) else { throw fail("values", "values.\(name).\(w): kênh phải là 1, 2 hoặc 3.", "values.\(name).\(w): channels are 1, 2 or 3.") }
                    resolved.vocabulary.add(channel: [w: c])
                }
            case .level?:
                for (w, code) in words {
                    guard let l = ServiceLevel(rawValue: code) else { throw fail("values", "values.\(name).\(w): mức độ phải từ 1 đến 4.", "values.\(name).\(w): levels are 1 to 4.") }
                    resolved.vocabulary.add(level: [w: l])
                }
            default:
                throw fail("values", "values: chỉ ánh xạ được TrangThaiHoSo, KenhThucHien, MucDo (không phải \"\(name)\").",
                           "values: only TrangThaiHoSo, KenhThucHien and MucDo can be mapped (not \"\(name)\").")
            }
        }
        return resolved
    }
}

/// A checked mapping, ready for the reader.
package struct ResolvedMapping: Sendable {
    package var encoding: TextEncoding?
    package var delimiter: UInt8?
    package var dayFirst = true
    package var aliases: [DossierColumn: [String]] = [:]
    package var vocabulary = ValueVocabulary()
    package init() {}
}

extension ResolvedMapping {
    /// Everything of the mapping that changes how a record decodes, in a fixed
    /// order (dictionaries sorted): equal for two mappings that decode alike.
    package var fingerprint: String {
        var parts = ["encoding=\(encoding?.rawValue ?? "")", "delimiter=\(delimiter.map(String.init) ?? "")", "dayFirst=\(dayFirst)"]
        for (column, names) in aliases.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            parts.append("alias:\(column.rawValue)=" + names.joined(separator: "\u{1F}"))
        }
        parts += vocabulary.statusWords.sorted { $0.key < $1.key }.map { "status:\($0.key)=\($0.value.rawValue)" }
        parts += vocabulary.channelWords.sorted { $0.key < $1.key }.map { "channel:\($0.key)=\($0.value.rawValue)" }
        parts += vocabulary.levelWords.sorted { $0.key < $1.key }.map { "level:\($0.key)=\($0.value.rawValue)" }
        return parts.joined(separator: "\n")
    }
}
