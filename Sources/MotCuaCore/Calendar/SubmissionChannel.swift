/// How a dossier reached the office (kênh nộp hồ sơ), as far as deadlines
/// care: the 15:00 rule applies to paper dossiers only.
package enum SubmissionChannel: String, Hashable, Sendable, CaseIterable {
    /// Trực tiếp: at the one-stop desk.
    case direct
    /// Trực tuyến: through the online public-service portal.
    case online
    /// Bưu chính: by post (public postal service).
    case postal

    /// Whether a dossier received after the afternoon cutoff (15:00) is
    /// counted from the start of the next working day: for paper dossiers,
    /// which are carried to the resolving agency the next morning (Điều 13,
    /// Quy định ban hành kèm Quyết định 48/2020/QĐ-UBND tỉnh Lai Châu).
    package var appliesAfternoonCutoff: Bool { self != .online }
}
