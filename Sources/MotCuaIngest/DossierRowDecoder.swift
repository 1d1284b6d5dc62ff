import MotCuaCore

/// What became of one record of a dossier export.
public enum DecodedRow: Sendable {
    case dossier(Dossier, line: Int)
    /// Not a dossier yet: an online registration (status 1) never received
    /// (SPEC §10.1). Counted in the summary, not rejected.
    case skipped(line: Int)
    case rejected(RowRejection)
}

/// Turns records of a dossier export into ``Dossier`` values, or into
/// rejections that name the line, the column and the reason.
///
/// A row with several problems is rejected for the first of: code, status,
/// channel, dates (in column order), missing receipt, unit, procedure, due
/// date, finish before receipt (SPEC §10.5).
public struct DossierRowDecoder: Sendable {
    public let file: String
    public let header: HeaderMap<DossierColumn>
    public let reference: ReferenceData
    public let timestamps: TimestampParser
    public let vocabulary: ValueVocabulary
    /// Computes a due date when the export has none (needs the working
    /// calendar); returns `nil` when the procedure's duration is unknown.
    public let recomputeDue: (@Sendable (Dossier) -> LocalDateTime?)?

    public init(file: String, header: HeaderMap<DossierColumn>, reference: ReferenceData,
                timestamps: TimestampParser = TimestampParser(), vocabulary: ValueVocabulary = ValueVocabulary(),
                recomputeDue: (@Sendable (Dossier) -> LocalDateTime?)? = nil) {
        self.file = file; self.header = header; self.reference = reference
        self.timestamps = timestamps; self.vocabulary = vocabulary; self.recomputeDue = recomputeDue
    }

    /// Columns without which no row can be used; checked once per file.
    public func missingRequiredColumns() -> [String] {
        var missing: [String] = []
        if header.index[.code] == nil { missing.append("MaHoSo (Mã hồ sơ)") }
        if header.index[.unitCode] == nil && header.index[.unitName] == nil { missing.append("MaDonVi (Mã đơn vị)") }
        if header.index[.procedureCode] == nil && header.index[.procedureName] == nil { missing.append("MaTTHC (Mã thủ tục)") }
        if header.index[.receivedAt] == nil { missing.append("NgayTiepNhan (Ngày tiếp nhận)") }
        return missing
    }

    public func decode(_ record: CSVRecord) -> DecodedRow {
        let f = record.fields
        func value(_ c: DossierColumn) -> String { header.value(c, in: f) }
        func reject(_ c: DossierColumn?, _ vi: String, _ en: String) -> DecodedRow {
            .rejected(RowRejection(file: file, line: record.line, column: c.map { header.header(of: $0) } ?? "",
                                   value: c.map(value) ?? "", reason: BilingualText(vi: vi, en: en)))
        }

        let code = TextFolding.nfc(value(.code))
        if code.isEmpty { return reject(.code, "Thiếu mã hồ sơ.", "Missing dossier code.") }

        guard let status = vocabulary.status(value(.status)) else {
            return reject(.status, "Trạng thái hồ sơ không hợp lệ: \"\(value(.status))\".",
                          "Unknown dossier status \"\(value(.status))\".")
        }
        guard let channel = vocabulary.channel(value(.channel)) else {
            return reject(.channel, "Kênh nộp không hợp lệ: \"\(value(.channel))\" (trực tiếp, trực tuyến, bưu chính hoặc 1, 2, 3).",
                          "Unknown channel \"\(value(.channel))\" (expected direct/online/postal or 1, 2, 3).")
        }

        var times: [DossierColumn: LocalDateTime] = [:]
        for column in [DossierColumn.receivedAt, .dueAt, .finishedAt, .returnedAt,
                       .supplementRequestedAt, .supplementReceivedAt, .newDueAt, .updatedAt] {
            let meaning: DateOnlyMeaning = (column == .dueAt || column == .newDueAt) ? .endOfWorkingDay : .startOfDay
            switch timestamps.parse(value(column), meaning) {
            case .blank: break
            case .value(let t): times[column] = t
            case .invalid:
                return reject(column, "Ngày giờ không đọc được: \"\(value(column))\" (dùng dd/MM/yyyy HH:mm:ss, yyyy-MM-dd HH:mm:ss…).",
                              "Unreadable date/time \"\(value(column))\" (use dd/MM/yyyy HH:mm:ss, yyyy-MM-dd HH:mm:ss…).")
            }
        }

        if times[.receivedAt] == nil {
            if status == .registered { return .skipped(line: record.line) }
            return reject(.receivedAt, "Thiếu ngày tiếp nhận.", "Missing receipt date.")
        }

        let unitCodeText = TextFolding.nfc(value(.unitCode))
        let unitNameText = TextFolding.nfc(value(.unitName))
        let unitCode: String
        if !unitCodeText.isEmpty { unitCode = unitCodeText }
        else if let c = reference.unitCode(named: unitNameText) { unitCode = c }
        else if !unitNameText.isEmpty { unitCode = unitNameText }  // created from the name, reported
        else { return reject(.unitCode, "Thiếu đơn vị (mã hoặc tên đơn vị).", "Missing unit (code or name).") }

        let procedureCodeText = TextFolding.nfc(value(.procedureCode))
        let procedureNameText = TextFolding.nfc(value(.procedureName))
        let procedureCode: String
        if !procedureCodeText.isEmpty { procedureCode = procedureCodeText }
        else if let c = reference.procedureCode(named: procedureNameText) { procedureCode = c }
        else if procedureNameText.isEmpty {
            return reject(.procedureCode, "Thiếu thủ tục (mã hoặc tên TTHC).", "Missing procedure (code or name).")
        } else {
            return reject(.procedureName, "Tên thủ tục không có trong danh mục TTHC: \"\(procedureNameText)\".",
                          "Procedure name not found in the catalogue: \"\(procedureNameText)\".")
        }

        let supplementText = value(.supplementCount)
        let apologies = vocabulary.apologyCount(value(.apologyCount))
        var dossier = Dossier(
            code: code, unitCode: unitCode, procedureCode: procedureCode,
            procedureName: procedureNameText.isEmpty ? nil : procedureNameText,
            fieldCode: nonEmpty(TextFolding.nfc(value(.fieldCode))),
            fieldName: nonEmpty(TextFolding.nfc(value(.fieldName))),
            channel: channel, declaredLevel: vocabulary.level(value(.level)),
            receivedAt: times[.receivedAt], dueAt: times[.dueAt],
            finishedAt: times[.finishedAt], returnedAt: times[.returnedAt], status: status,
            supplementCount: supplementText.isEmpty ? 0 : Int(supplementText),
            supplementRequestedAt: times[.supplementRequestedAt],
            supplementReceivedAt: times[.supplementReceivedAt],
            apologyCount: apologies ?? 0, newDueAt: times[.newDueAt],
            applicant: nonEmpty(TextFolding.nfc(value(.applicant))),
            officer: nonEmpty(TextFolding.nfc(value(.officer))), updatedAt: times[.updatedAt])

        // A refused dossier (status 3) gets no receipt and so no due date; it
        // counts in no figure, so it is kept without one rather than rejected.
        if dossier.dueAt == nil && status != .notAccepted {
            guard let due = recomputeDue?(dossier) else {
                return reject(.dueAt, "Thiếu ngày hẹn trả và không tính lại được (thủ tục không có thời gian giải quyết).",
                              "Missing due date, and it cannot be recomputed (the procedure has no processing time).")
            }
            dossier.dueAt = due
        }
        if let finish = dossier.finish, let received = dossier.receivedAt, finish < received {
            let column: DossierColumn = dossier.finishedAt != nil ? .finishedAt : .returnedAt
            return reject(column, "Ngày kết thúc xử lý (\(finish.vietnameseDescription)) trước ngày tiếp nhận (\(received.vietnameseDescription)).",
                          "Finished (\(finish)) before it was received (\(received)).")
        }
        return .dossier(dossier, line: record.line)
    }
}

@inline(__always)
func nonEmpty(_ s: String) -> String? { s.isEmpty ? nil : s }
