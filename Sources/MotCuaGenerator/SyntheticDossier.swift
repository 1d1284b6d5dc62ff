import MotCuaCore

/// Who filed a dossier: a person, or a business represented by a person.
struct Applicant: Sendable, Hashable {
    let person: PersonName
    /// Index into ``PersonNames/businessKinds``, or -1 for a private person.
    let businessKind: Int16
    let businessName: Int16
    /// The business cell holds a line break before the representative, as
    /// Alt+Enter in an Excel cell gives.
    let multiline: Bool
}

/// One generated dossier, kept compact (indices, not strings) until its row
/// is written.
struct SyntheticDossier: Sendable {
    var unit: Int32
    var procedure: Int32
    /// Day of the code (receipt, or registration for status 1) and the
    /// number of the dossier among its unit's dossiers of that day.
    var codeDay: Int32
    var sequence: Int32 = 0
    /// When it was submitted (or registered online): orders the rows.
    var submittedAt: LocalDateTime
    var channel: Channel
    /// Whether the row repeats the procedure's level in MucDo (most exports leave it blank).
    var writesLevel: Bool
    var receivedAt: LocalDateTime?
    var dueAt: LocalDateTime?
    var finishedAt: LocalDateTime?
    var returnedAt: LocalDateTime?
    var status: DossierStatus = .processing
    var supplements: Int8 = 0
    var supplementRequestedAt: LocalDateTime?
    var supplementReceivedAt: LocalDateTime?
    var apologies: Int8 = 0
    var newDueAt: LocalDateTime?
    var applicant: Applicant
    var officer: UInt8
}
