/// One application for one administrative procedure (hồ sơ TTHC), as the
/// one-stop system last exported it.
///
/// Holds timestamps, not a state: the state at any report's cutoff is rebuilt
/// from them (``PeriodClassifier``), so a report for a past month gives the
/// same numbers from any later export.
package struct Dossier: Sendable, Hashable {
    /// Mã hồ sơ: unique across the database.
    package var code: String
    /// Mã đơn vị: the unit that handles it (đơn vị giải quyết) and is responsible for it.
    package var unitCode: String
    /// Mã đơn vị tiếp nhận: where it was received when that is another unit (a
    /// public-administration service centre receiving for a commune); `nil`
    /// when the export does not say (docs/rules.md#receiving-unit).
    package var receivingUnitCode: String?
    /// Mã TTHC; `nil` when the export gave only a name that matched no procedure.
    package var procedureCode: String?
    package var procedureName: String?
    package var fieldCode: String?
    package var fieldName: String?
    package var channel: Channel
    /// Mức độ written on the dossier itself; the catalogue's level applies when `nil`.
    package var declaredLevel: ServiceLevel?
    /// Ngày tiếp nhận. `nil` only for online registrations not yet received.
    package var receivedAt: LocalDateTime?
    /// Ngày hẹn trả: the due date written on the receipt.
    package var dueAt: LocalDateTime?
    /// Ngày kết thúc xử lý: when the result was ready. Decides on-time status.
    package var finishedAt: LocalDateTime?
    /// Ngày trả kết quả: when the result was handed back.
    package var returnedAt: LocalDateTime?
    package var status: DossierStatus?
    /// Số lần yêu cầu bổ sung; `nil` when blank.
    package var supplementCount: Int?
    package var supplementRequestedAt: LocalDateTime?
    package var supplementReceivedAt: LocalDateTime?
    /// Phiếu xin lỗi và hẹn lại ngày trả issued so far.
    package var apologyCount: Int
    /// The new due date promised in the apology letter.
    package var newDueAt: LocalDateTime?
    /// Chủ hồ sơ: personal data, never written to a report unless a template asks.
    package var applicant: String?
    /// Cán bộ xử lý.
    package var officer: String?
    /// Ngày cập nhật: when the source system last changed this record, if the
    /// export says. Decides which of two exports holds the newer state.
    package var updatedAt: LocalDateTime?
    /// Có kết quả điện tử (DuongDanTepTinKetQua: the export links a result
    /// file). `nil` when the export has no such column: unknown, not "no".
    package var hasElectronicResult: Bool?
    /// Hồ sơ có thành phần số hóa (HoSoCoThanhPhanSoHoa); `nil` when unknown.
    package var hasDigitisedComponents: Bool?
    /// Được số hóa (DuocSoHoa); `nil` when unknown.
    package var isDigitised: Bool?
    /// Được thanh toán trực tuyến (DuocThanhToanTrucTuyen); `nil` when unknown.
    package var isPaidOnline: Bool?

    /// Số hóa for the QĐ 766 index: digitised when either column says so;
    /// `nil` when the export has neither (docs/rules.md#index766-other).
    package var digitisation: Bool? {
        switch (hasDigitisedComponents, isDigitised) {
        case (nil, nil): return nil
        case (let a, let b): return (a ?? false) || (b ?? false)
        }
    }

    /// The newest moment the record speaks of: its own update time if the
    /// export has one, else its latest event. Of two versions of a dossier the
    /// one with the later state moment wins; ties are settled by ``DossierVersion``.
    package var stateMoment: LocalDateTime? { updatedAt ?? latestEvent }

    /// The latest of the dossier's own events, whatever its NgayCapNhat says.
    package var latestEvent: LocalDateTime? {
        // Pairwise rather than max() of an array: asked several times per row of every import.
        func later(_ a: LocalDateTime?, _ b: LocalDateTime?) -> LocalDateTime? {
            guard let a else { return b }
            guard let b else { return a }
            return max(a, b)
        }
        return later(later(later(receivedAt, finishedAt), later(returnedAt, supplementRequestedAt)), supplementReceivedAt)
    }

    /// The moment processing ended: NgayKetThucXuLy, else NgayTra.
    package var finish: LocalDateTime? { finishedAt ?? returnedAt }
}

extension Dossier {
    // Declared here, outside the struct, so that the compiler still makes the
    // memberwise initialiser this one hands over to: an initialiser that
    // assigns the 26 fields itself was compiled into building the value,
    // copying it (retaining its nine strings) and destroying the original, for
    // every row an export's reader decodes (swiftc 6.3 -O).
    package init(
        code: String, unitCode: String, procedureCode: String? = nil, procedureName: String? = nil,
        fieldCode: String? = nil, fieldName: String? = nil, channel: Channel = .direct,
        declaredLevel: ServiceLevel? = nil, receivedAt: LocalDateTime?, dueAt: LocalDateTime? = nil,
        finishedAt: LocalDateTime? = nil, returnedAt: LocalDateTime? = nil, status: DossierStatus? = nil,
        supplementCount: Int? = nil, supplementRequestedAt: LocalDateTime? = nil,
        supplementReceivedAt: LocalDateTime? = nil, apologyCount: Int = 0, newDueAt: LocalDateTime? = nil,
        applicant: String? = nil, officer: String? = nil, updatedAt: LocalDateTime? = nil,
        hasElectronicResult: Bool? = nil, hasDigitisedComponents: Bool? = nil, isDigitised: Bool? = nil,
        isPaidOnline: Bool? = nil, receivingUnitCode: String? = nil
    ) {
        self.init(code: code, unitCode: unitCode, receivingUnitCode: receivingUnitCode, procedureCode: procedureCode,
                  procedureName: procedureName, fieldCode: fieldCode, fieldName: fieldName, channel: channel,
                  declaredLevel: declaredLevel, receivedAt: receivedAt, dueAt: dueAt, finishedAt: finishedAt,
                  returnedAt: returnedAt, status: status, supplementCount: supplementCount,
                  supplementRequestedAt: supplementRequestedAt, supplementReceivedAt: supplementReceivedAt,
                  apologyCount: apologyCount, newDueAt: newDueAt, applicant: applicant, officer: officer,
                  updatedAt: updatedAt, hasElectronicResult: hasElectronicResult,
                  hasDigitisedComponents: hasDigitisedComponents, isDigitised: isDigitised, isPaidOnline: isPaidOnline)
    }
}
