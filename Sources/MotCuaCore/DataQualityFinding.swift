/// A problem in the data behind a report (kiểm tra dữ liệu, docs/rules.md#data-quality): the
/// reader of a workbook should see why a number may not be what they expect.
package struct DataQualityFinding: Sendable, Hashable {
    package enum Kind: Int, Sendable, CaseIterable, Comparable {
        /// The exported NgayHenTra differs from the one computed from the procedure's time.
        case dueDateDiffers
        /// Status 9/10 (processed, returned) but no finish or return date.
        case finishedWithoutFinishDate
        /// Level unknown: counted in the totals, in no level column of the appendix.
        case unknownLevel
        /// Late or overdue without the apology letter the rules require.
        case overdueWithoutApology
        /// More than one apology letter (the rules allow one).
        case severalApologies
        /// A unit missing from the units file, created from the dossier's unit name.
        case unitNotInUnitsFile
        /// The period ends after the newest timestamp stored: the export it
        /// was imported from is older, so pending and overdue counts may be high.
        case dataEndsBeforePeriodEnd

        package var vietnameseName: String {
            switch self {
            case .dueDateDiffers: return "Ngày hẹn trả khác ngày tính theo thời hạn TTHC"
            case .finishedWithoutFinishDate: return "Trạng thái đã xử lý xong nhưng thiếu ngày kết thúc"
            case .unknownLevel: return "Không xác định được mức độ DVC"
            case .overdueWithoutApology: return "Trễ hạn, quá hạn không có phiếu xin lỗi"
            case .severalApologies: return "Xin lỗi, hẹn lại quá một lần"
            case .unitNotInUnitsFile: return "Đơn vị không có trong danh sách đơn vị"
            case .dataEndsBeforePeriodEnd: return "Dữ liệu chưa cập nhật đến cuối kỳ"
            }
        }

        /// The kind's heading in `language` (the workbook's sheet uses ``vietnameseName``).
        package func name(_ language: Language = .current) -> String {
            guard language == .en else { return vietnameseName }
            switch self {
            case .dueDateDiffers: return "Due date differs from the one computed from the procedure's time"
            case .finishedWithoutFinishDate: return "Status finished but no finish date"
            case .unknownLevel: return "Service level unknown"
            case .overdueWithoutApology: return "Late or overdue without an apology letter"
            case .severalApologies: return "More than one apology or new appointment"
            case .unitNotInUnitsFile: return "Unit missing from the units file"
            case .dataEndsBeforePeriodEnd: return "Data do not reach the end of the period"
            }
        }

        package static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    }

    package let kind: Kind
    package let unitCode: String
    /// Empty for a finding about a unit rather than a dossier.
    package let dossierCode: String
    package let detail: String

    package init(kind: Kind, unitCode: String, dossierCode: String, detail: String) {
        self.kind = kind; self.unitCode = unitCode; self.dossierCode = dossierCode; self.detail = detail
    }
}

extension DataQualityFinding {
    /// The finding for a report whose period ends after the newest stored
    /// timestamp, or `nil` when the data reach the period's last day.
    /// Dossiers finished after the export was taken still look pending (or
    /// overdue) in it, so the reader must know how old the data are.
    package static func dataEnds(at newest: LocalDateTime, before period: ReportPeriod, unitCode: String) -> DataQualityFinding? {
        guard newest.date < period.to else { return nil }
        return DataQualityFinding(kind: .dataEndsBeforePeriodEnd, unitCode: unitCode, dossierCode: "",
                                  detail: "Dữ liệu mới nhất đến ngày \(newest.date.vietnameseDescription); số hồ sơ chưa giải quyết, quá hạn có thể cao hơn thực tế")
    }
}

/// Finds the data-quality problems of the dossiers a report uses.
package struct DataQualityCheck: Sendable {
    package let dueDates: DueDateCalculator

    package init(dueDates: DueDateCalculator) { self.dueDates = dueDates }

    package func findings(for d: Dossier, level: LevelBucket) -> [DataQualityFinding] {
        var out: [DataQualityFinding] = []
        func add(_ kind: DataQualityFinding.Kind, _ detail: String) {
            out.append(DataQualityFinding(kind: kind, unitCode: d.unitCode, dossierCode: d.code, detail: detail))
        }
        if let exported = d.dueAt, let computed = dueDates.computedDue(for: d), !agree(exported, computed) {
            add(.dueDateDiffers, "Ngày hẹn trả \(exported.vietnameseDescription), tính theo thời hạn: \(computed.vietnameseDescription)")
        }
        if (d.status == .processed || d.status == .returned) && d.finish == nil {
            add(.finishedWithoutFinishDate, "Trạng thái \"\(d.status!.vietnameseName)\" nhưng không có ngày kết thúc xử lý, ngày trả")
        }
        if level == .other {
            let inCatalogue = d.procedureCode.flatMap { dueDates.catalogue[$0] } != nil
            add(.unknownLevel, inCatalogue
                ? "Thủ tục \(d.procedureCode ?? "") không có mức độ 2–4 trong danh mục"
                : "Mã TTHC \(d.procedureCode ?? "(trống)") không có trong danh mục và hồ sơ không ghi mức độ")
        }
        return out
    }

    /// A due date written as a date only (the end of the working day) agrees
    /// with any computed due moment on the same day.
    private func agree(_ exported: LocalDateTime, _ computed: LocalDateTime) -> Bool {
        if exported == computed { return true }
        return exported.date == computed.date && exported.secondOfDay == dueDates.calendar.workingHours.lastEnd
    }
}
