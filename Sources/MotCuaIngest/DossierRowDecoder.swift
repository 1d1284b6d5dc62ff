import MotCuaCore

/// What became of one record of a dossier export.
package enum DecodedRow: Sendable {
    case dossier(Dossier, line: Int)
    /// Not a dossier yet: an online registration (status 1) never received
    /// (docs/rules.md#rejects). Counted in the summary, not rejected.
    case skipped(line: Int)
    case rejected(RowRejection)
}

/// Turns records of a dossier export into ``Dossier`` values, or into
/// rejections that name the line, the column and the reason.
///
/// A row with several problems is rejected for the first of: code, status,
/// channel, dates (in column order), missing receipt, unit, procedure, due
/// date, finish before receipt (docs/rules.md#rejects).
///
/// Works on the record's bytes: dates and counts are parsed without building
/// strings, and columns whose values repeat (units, procedures, statuses,
/// channels, officers) are decoded once per distinct value (``ByteMemo``).
package struct DossierRowDecoder: Sendable {
    package let file: String
    package let header: HeaderMap<DossierColumn>
    package let reference: ReferenceData
    package let timestamps: TimestampParser
    package let vocabulary: ValueVocabulary
    /// Computes a due date when the export has none (needs the working
    /// calendar); returns `nil` when the procedure's duration is unknown.
    package let recomputeDue: (@Sendable (Dossier) -> LocalDateTime?)?
    private let at: ColumnPositions
    private var memo = DecoderMemo()

    package init(file: String, header: HeaderMap<DossierColumn>, reference: ReferenceData,
                timestamps: TimestampParser = TimestampParser(), vocabulary: ValueVocabulary = ValueVocabulary(),
                recomputeDue: (@Sendable (Dossier) -> LocalDateTime?)? = nil) {
        self.file = file; self.header = header; self.reference = reference
        self.timestamps = timestamps; self.vocabulary = vocabulary; self.recomputeDue = recomputeDue
        self.at = ColumnPositions(header)
    }

    /// Columns without which no row can be used; checked once per file.
    package func missingRequiredColumns() -> [String] {
        var missing: [String] = []
        if header.index[.code] == nil { missing.append("MaHoSo (Mã hồ sơ)") }
        if header.index[.unitCode] == nil && header.index[.unitName] == nil { missing.append("MaDonVi (Mã đơn vị)") }
        if header.index[.procedureCode] == nil && header.index[.procedureName] == nil { missing.append("MaTTHC (Mã thủ tục)") }
        if header.index[.receivedAt] == nil { missing.append("NgayTiepNhan (Ngày tiếp nhận)") }
        return missing
    }

    /// Decodes a record given as strings (tests, small files).
    package func decode(_ record: CSVRecord) -> DecodedRow {
        var bytes: [UInt8] = []
        var bounds: [Int] = []
        for f in record.fields {
            bounds.append(bytes.count); bytes.append(contentsOf: f.utf8); bounds.append(bytes.count)
        }
        var decoder = self
        return bytes.withUnsafeBufferPointer { text in
            bounds.withUnsafeBufferPointer { b in
                decoder.decode(CSVRow(line: record.line, text: text, scratch: UnsafeBufferPointer(start: nil, count: 0), bounds: b))
            }
        }
    }

    /// For the dossier last decoded, a small integer that stands for its unit
    /// code as written (equal bytes, equal ordinal; two spellings of one code
    /// may have two), or -1: lets the reader count rows per unit without
    /// hashing the code of every row.
    package private(set) var unitOrdinal = -1

    /// The unit name written on a record (trimmed, NFC), "" when absent.
    package mutating func unitName(in row: CSVRow) -> String {
        memo.unitName.value(for: row[at.unitName], FieldText.normalised)
    }

    package mutating func decode(_ row: CSVRow) -> DecodedRow {
        func value(_ c: DossierColumn) -> String { FieldText.trimmed(row[header.index[c] ?? -1]) }
        // What a reason quotes: clipped, so that a 50 MB field is not echoed whole.
        func quoted(_ c: DossierColumn) -> String { FieldLimit.quoted(value(c)) }
        func reject(_ code: String, _ c: DossierColumn?, _ vi: String, _ en: String) -> DecodedRow {
            .rejected(RowRejection(file: file, line: row.line, column: c.map { header.header(of: $0) } ?? "",
                                   value: c.map(value) ?? "", reason: .row(code, vi, en)))
        }

        if let (i, bytes) = row.firstField(longerThan: FieldLimit.maxBytes) {
            return .rejected(RowRejection(file: file, line: row.line, column: i < header.written.count ? header.written[i] : "",
                                          value: row.string(i), reason: FieldLimit.tooLong(bytes: bytes)))
        }
        let code = FieldText.normalised(row[at.code])
        if code.isEmpty { return reject("missing-code", .code, "Thiếu mã hồ sơ.", "Missing dossier code.") }

        // The vocabulary and reference data are lent to the memos (`in:`): a local copy of them retained their dictionaries on every row.
        guard let status = memo.status.value(for: row[at.status], in: vocabulary, { $0.status(FieldText.trimmed($1)) }) else {
            return reject("bad-status", .status, "Trạng thái hồ sơ không hợp lệ: \"\(quoted(.status))\".",
                          "Unknown dossier status \"\(quoted(.status))\".")
        }
        guard let channel = memo.channel.value(for: row[at.channel], in: vocabulary, { $0.channel(FieldText.trimmed($1)) }) else {
            return reject("bad-channel", .channel, "Kênh nộp không hợp lệ: \"\(quoted(.channel))\" (trực tiếp, trực tuyến, bưu chính hoặc 1, 2, 3).",
                          "Unknown channel \"\(quoted(.channel))\" (expected direct/online/postal or 1, 2, 3).")
        }

        // QĐ 766 columns: absent → unknown (nil), never "no".
        var badFlag: DossierColumn? = nil
        func flag(_ column: DossierColumn, _ position: Int) -> Bool? {
            guard position >= 0, badFlag == nil else { return nil }
            guard let b = memo.flag.value(for: row[position], in: vocabulary, { $0.flag(FieldText.trimmed($1)) }) else {
                badFlag = column; return nil
            }
            return b
        }
        let hasElectronicResult: Bool? = at.resultFileLink < 0 ? nil : vocabulary.resultLink(value(.resultFileLink))
        let hasDigitisedComponents = flag(.digitisedComponents, at.digitisedComponents)
        let isDigitised = flag(.digitised, at.digitised)
        let isPaidOnline = flag(.paidOnline, at.paidOnline)

        var unreadable: DossierColumn? = nil
        func time(_ column: DossierColumn, _ position: Int, _ meaning: DateOnlyMeaning) -> LocalDateTime? {
            guard unreadable == nil else { return nil }
            switch timestamps.parse(row[position], meaning) {
            case .blank: return nil
            case .value(let t): return t
            case .invalid: unreadable = column; return nil
            }
        }
        let receivedAt = time(.receivedAt, at.receivedAt, .startOfDay)
        let dueAt = time(.dueAt, at.dueAt, .endOfWorkingDay)
        let finishedAt = time(.finishedAt, at.finishedAt, .startOfDay)
        let returnedAt = time(.returnedAt, at.returnedAt, .startOfDay)
        let supplementRequestedAt = time(.supplementRequestedAt, at.supplementRequestedAt, .startOfDay)
        let supplementReceivedAt = time(.supplementReceivedAt, at.supplementReceivedAt, .startOfDay)
        let newDueAt = time(.newDueAt, at.newDueAt, .endOfWorkingDay)
        let updatedAt = time(.updatedAt, at.updatedAt, .startOfDay)
        if let column = unreadable {
            return reject("bad-date", column, "Ngày giờ không đọc được: \"\(quoted(column))\" (dùng dd/MM/yyyy HH:mm:ss, yyyy-MM-dd HH:mm:ss…).",
                          "Unreadable date/time \"\(quoted(column))\" (use dd/MM/yyyy HH:mm:ss, yyyy-MM-dd HH:mm:ss…).")
        }

        // After the dates: these columns come last in the order of docs/rules.md#rejects.
        if let column = badFlag {
            return reject("bad-flag", column, "Giá trị không hợp lệ: \"\(quoted(column))\" (dùng 1/0, Có/Không, true/false).",
                          "Not a yes/no value: \"\(quoted(column))\" (use 1/0, Có/Không, true/false).")
        }

        if receivedAt == nil {
            if status == .registered { return .skipped(line: row.line) }
            return reject("missing-received", .receivedAt, "Thiếu ngày tiếp nhận.", "Missing receipt date.")
        }

        var unitCode = memo.unitCode.value(for: row[at.unitCode], FieldText.normalised)
        unitOrdinal = unitCode.isEmpty ? -1 : memo.unitCode.lastOrdinal
        if unitCode.isEmpty {
            // Resolved by name, or created from the name (reported); "" when there is neither.
            unitCode = memo.unitByName.value(for: row[at.unitName], in: reference) { reference, bytes in
                let name = FieldText.normalised(bytes)
                return reference.unitCode(named: name) ?? name
            }
            if unitCode.isEmpty { return reject("missing-unit", .unitCode, "Thiếu đơn vị (mã hoặc tên đơn vị).", "Missing unit (code or name).") }
        }

        let procedureNameText = memo.procedureName.value(for: row[at.procedureName], FieldText.normalised)
        var procedureCode = memo.procedureCode.value(for: row[at.procedureCode], FieldText.normalised)
        if procedureCode.isEmpty {
            if procedureNameText.isEmpty {
                return reject("missing-procedure", .procedureCode, "Thiếu thủ tục (mã hoặc tên TTHC).", "Missing procedure (code or name).")
            }
            guard let c = memo.procedureByName.value(for: row[at.procedureName], in: reference, { reference, _ in reference.procedureCode(named: procedureNameText) }) else {
                return reject("unknown-procedure", .procedureName, "Tên thủ tục không có trong danh mục TTHC: \"\(procedureNameText)\".",
                              "Procedure name not found in the catalogue: \"\(procedureNameText)\".")
            }
            procedureCode = c
        }

        var dossier = Dossier(
            code: code, unitCode: unitCode, procedureCode: procedureCode,
            procedureName: nonEmpty(procedureNameText),
            fieldCode: nonEmpty(memo.fieldCode.value(for: row[at.fieldCode], FieldText.normalised)),
            fieldName: nonEmpty(memo.fieldName.value(for: row[at.fieldName], FieldText.normalised)),
            channel: channel, declaredLevel: memo.level.value(for: row[at.level], in: vocabulary, { $0.level(FieldText.trimmed($1)) }),
            receivedAt: receivedAt, dueAt: dueAt, finishedAt: finishedAt, returnedAt: returnedAt, status: status,
            supplementCount: FieldText.count(row[at.supplementCount]),
            supplementRequestedAt: supplementRequestedAt, supplementReceivedAt: supplementReceivedAt,
            apologyCount: memo.apology.value(for: row[at.apologyCount], in: vocabulary, { $0.apologyCount(FieldText.trimmed($1)) }) ?? 0,
            newDueAt: newDueAt,
            applicant: nonEmpty(memo.applicant.value(for: row[at.applicant], FieldText.normalised)),
            officer: nonEmpty(memo.officer.value(for: row[at.officer], FieldText.normalised)), updatedAt: updatedAt,
            hasElectronicResult: hasElectronicResult, hasDigitisedComponents: hasDigitisedComponents,
            isDigitised: isDigitised, isPaidOnline: isPaidOnline,
            receivingUnitCode: nonEmpty(memo.receivingUnit.value(for: row[at.receivingUnit], in: reference) { reference, bytes in
                // A code of the units file as it is; else a unit name found there; else kept as written.
                let text = FieldText.normalised(bytes)
                return reference.units[text] != nil ? text : reference.unitCode(named: text) ?? text
            }))

        // A refused dossier (status 3) gets no receipt and so no due date; it
        // counts in no figure, so it is kept without one rather than rejected.
        if dossier.dueAt == nil && status != .notAccepted {
            guard let due = recomputeDue?(dossier) else {
                return reject("missing-due", .dueAt, "Thiếu ngày hẹn trả và không tính lại được (thủ tục không có thời gian giải quyết).",
                              "Missing due date, and it cannot be recomputed (the procedure has no processing time).")
            }
            dossier.dueAt = due
        }
        if let finish = dossier.finish, let received = dossier.receivedAt, finish < received {
            let column: DossierColumn = dossier.finishedAt != nil ? .finishedAt : .returnedAt
            return reject("finished-before-received", column, "Ngày kết thúc xử lý (\(finish.vietnameseDescription)) trước ngày tiếp nhận (\(received.vietnameseDescription)).",
                          "Finished (\(finish)) before it was received (\(received)).")
        }
        return .dossier(consume dossier, line: row.line)  // moved: a copy retained its nine strings
    }
}

/// Where each column is in a record (-1 when the file lacks it), resolved
/// once per file instead of a dictionary lookup per field.
private struct ColumnPositions: Sendable {
    let code, unitCode, unitName, procedureCode, procedureName, fieldCode, fieldName, channel, level: Int
    let receivedAt, dueAt, finishedAt, returnedAt, status, supplementCount, supplementRequestedAt: Int
    let supplementReceivedAt, apologyCount, newDueAt, applicant, officer, updatedAt, receivingUnit: Int
    let resultFileLink, digitisedComponents, digitised, paidOnline: Int

    init(_ header: HeaderMap<DossierColumn>) {
        func at(_ c: DossierColumn) -> Int { header.index[c] ?? -1 }
        code = at(.code); unitCode = at(.unitCode); unitName = at(.unitName)
        procedureCode = at(.procedureCode); procedureName = at(.procedureName)
        fieldCode = at(.fieldCode); fieldName = at(.fieldName); channel = at(.channel); level = at(.level)
        receivedAt = at(.receivedAt); dueAt = at(.dueAt); finishedAt = at(.finishedAt); returnedAt = at(.returnedAt)
        status = at(.status); supplementCount = at(.supplementCount)
        supplementRequestedAt = at(.supplementRequestedAt); supplementReceivedAt = at(.supplementReceivedAt)
        apologyCount = at(.apologyCount); newDueAt = at(.newDueAt); applicant = at(.applicant); officer = at(.officer)
        updatedAt = at(.updatedAt); receivingUnit = at(.receivingUnit)
        resultFileLink = at(.resultFileLink); digitisedComponents = at(.digitisedComponents)
        digitised = at(.digitised); paidOnline = at(.paidOnline)
    }
}

/// The decoded values of one file's repeating columns.
private struct DecoderMemo: Sendable {
    var status = ByteMemo<DossierStatus??>()
    var channel = ByteMemo<Channel?>()
    var level = ByteMemo<ServiceLevel?>()
    var apology = ByteMemo<Int?>()
    var flag = ByteMemo<Bool?>()
    var unitCode = ByteMemo<String>()
    var unitName = ByteMemo<String>()
    var unitByName = ByteMemo<String>()
    var procedureCode = ByteMemo<String>()
    var procedureName = ByteMemo<String>()
    var procedureByName = ByteMemo<String?>()
    var fieldCode = ByteMemo<String>()
    var fieldName = ByteMemo<String>()
    var officer = ByteMemo<String>()
    var receivingUnit = ByteMemo<String>()
    /// Names of people rarely repeat in real exports: a small memo, so that
    /// a file of unique names does not fill memory with them.
    var applicant = ByteMemo<String>(limit: 10_000)
}

@inline(__always)
func nonEmpty(_ s: String) -> String? { s.isEmpty ? nil : s }
