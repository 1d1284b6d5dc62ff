import MotCuaCore

/// The words one-stop systems write for statuses, channels and levels,
/// matched after folding accents, case and punctuation. A mapping file adds
/// the words of other systems (``ImportMapping/values``).
package struct ValueVocabulary: Sendable {
    var statusWords: [String: DossierStatus] = ValueVocabulary.defaultStatusWords
    var channelWords: [String: Channel] = ValueVocabulary.defaultChannelWords
    var levelWords: [String: ServiceLevel] = [:]

    package init() {}

    /// Adds a source system's words (folded the same way as the values).
    package mutating func add(status words: [String: DossierStatus]) {
        for (w, s) in words { statusWords[TextFolding.words(w)] = s }
    }
    package mutating func add(channel words: [String: Channel]) {
        for (w, c) in words { channelWords[TextFolding.words(w)] = c }
    }
    package mutating func add(level words: [String: ServiceLevel]) {
        for (w, l) in words { levelWords[TextFolding.words(w)] = l }
    }

    func status(_ raw: String) -> DossierStatus?? {
        if raw.isEmpty { return .some(nil) }
        if let n = Int(raw) { return DossierStatus(rawValue: n).map { .some($0) } ?? nil }
        return statusWords[TextFolding.words(raw)].map { .some($0) } ?? nil
    }

    func channel(_ raw: String) -> Channel? {
        if raw.isEmpty { return .direct }
        if let n = Int(raw) { return Channel(rawValue: n) }
        return channelWords[TextFolding.words(raw)]
    }

    /// `nil` for an unknown level: the procedure's level then applies (docs/rules.md#values).
    func level(_ raw: String) -> ServiceLevel? {
        if raw.isEmpty { return nil }
        if let n = Int(raw) { return ServiceLevel(rawValue: n) }
        let w = TextFolding.words(raw)
        if let mapped = levelWords[w] { return mapped }
        if w.contains("toan trinh") { return .four }
        if w.contains("mot phan") { return .three }
        let digits = w.split(separator: " ").compactMap { Int($0) }.filter { (1...4).contains($0) }
        return digits.count == 1 ? ServiceLevel(rawValue: digits[0]) : nil
    }

    /// Apology letters: a count, or "có"/"x" for one.
    func apologyCount(_ raw: String) -> Int? {
        if raw.isEmpty { return 0 }
        if let n = Int(raw), n >= 0 { return n }
        switch TextFolding.words(raw) {
        case "co", "x", "yes", "da xin loi", "co phieu": return 1
        case "khong", "no", "0": return 0
        default: return nil
        }
    }

    /// A yes/no column of the QĐ 766 index (docs/rules.md#index766-columns):
    /// 1/0, có/không, true/false, x… A blank cell of a column the export has
    /// is "no"; `nil` for a word that is neither.
    func flag(_ raw: String) -> Bool? {
        switch TextFolding.words(raw) {
        case "", "0", "khong", "false", "no", "n", "chua", "k": return false
        case "1", "co", "true", "yes", "y", "x", "da", "dung": return true
        default: return nil
        }
    }

    /// The result-file link: any link or file name means an electronic
    /// result; a blank cell or a "no" word means none.
    func resultLink(_ raw: String) -> Bool {
        flag(raw) ?? true
    }

    private static let defaultStatusWords: [String: DossierStatus] = [
        "moi dang ky": .registered, "dang ky moi": .registered, "moi": .registered,
        "duoc tiep nhan": .accepted, "da tiep nhan": .accepted, "tiep nhan": .accepted,
        "khong duoc tiep nhan": .notAccepted, "tu choi tiep nhan": .notAccepted, "khong tiep nhan": .notAccepted,
        "dang xu ly": .processing, "dang giai quyet": .processing,
        "yeu cau bo sung": .supplementRequested, "cho bo sung": .supplementRequested,
        "yeu cau thuc hien nghia vu tai chinh": .financialObligation,
        "cho thuc hien nghia vu tai chinh": .financialObligation, "nghia vu tai chinh": .financialObligation,
        "cong dan yeu cau rut ho so": .withdrawn, "rut ho so": .withdrawn, "da rut ho so": .withdrawn,
        "cong dan rut ho so": .withdrawn,
        "dung xu ly": .stopped, "da dung xu ly": .stopped,
        "da xu ly xong": .processed, "da xu ly": .processed, "hoan thanh": .processed,
        "da giai quyet": .processed, "da hoan thanh": .processed, "co ket qua": .processed,
        "da tra ket qua": .returned, "da tra": .returned, "tra ket qua": .returned,
    ]

    private static let defaultChannelWords: [String: Channel] = [
        "truc tiep": .direct, "tai quay": .direct, "nop truc tiep": .direct, "mot cua": .direct,
        "truc tuyen": .online, "online": .online, "nop truc tuyen": .online, "qua mang": .online,
        "dich vu cong truc tuyen": .online,
        "buu chinh": .postal, "buu chinh cong ich": .postal, "qua buu chinh": .postal, "buu dien": .postal,
        "qua buu dien": .postal,
    ]
}
