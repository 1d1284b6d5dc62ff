import MotCuaCore

/// The default rubric of docs/rules.md#tt01, built in code (the shipped YAML file is
/// checked against it in MotCuaReportTests).
func tt01TestRubric() -> Rubric {
    Rubric(name: "TT01", indicators: [
        RubricIndicator(number: 1, name: "Tổng thời gian", rule: .onTimeClass(early: 2, onTime: 1, late: 0)),
        RubricIndicator(number: 2, name: "Thời gian từng bước", rule: .steps(allEarly: 2, allOnTime: 1, anyLate: 0)),
        RubricIndicator(number: 3, name: "Số lần liên hệ", rule: .supplementCount(
            thresholds: [SupplementThreshold(atMost: 0, points: 2), SupplementThreshold(atMost: 1, points: 1)], more: 0)),
        RubricIndicator(number: 4, name: "Số cơ quan", rule: .notDerived),
        RubricIndicator(number: 5, name: "Một cửa", rule: .notDerived),
        RubricIndicator(number: 6, name: "Công khai", rule: .disclosure(full: 2, partial: 1, none: 0)),
        RubricIndicator(number: 7, name: "Thái độ", rule: .notDerived),
        RubricIndicator(number: 8, name: "Phản ánh", rule: .notDerived),
        RubricIndicator(number: 9, name: "DVC trực tuyến", rule: .serviceLevel(level4: 2, level3: 1, other: 0)),
    ], bands: [
        RubricBand(name: "Tốt", minimumPercent: 90), RubricBand(name: "Khá", minimumPercent: 75),
        RubricBand(name: "Trung bình", minimumPercent: 50), RubricBand(name: "Kém", minimumPercent: 0),
    ])
}

/// P4: level 4, fully disclosed; P3: level 3, partly; P2: level 2, not
/// disclosed; PB: level 3 with a blank CongKhai; PN: no level.
let scoringCatalogue = ProcedureCatalogue([
    Procedure(code: "P4", name: "Toàn trình", level: .four, disclosure: 2),
    Procedure(code: "P3", name: "Một phần", level: .three, disclosure: 1),
    Procedure(code: "P2", name: "Mức 2", level: .two, disclosure: 0),
    Procedure(code: "PB", name: "Công khai trống", level: .three, disclosure: nil),
    Procedure(code: "PN", name: "Không rõ mức", level: nil, disclosure: 2),
])

/// A finished dossier for scoring; only the fields the scorer reads matter.
func scoringDossier(_ code: String = "H1", procedure: String? = "P4", level: ServiceLevel? = nil,
                    supplements: Int? = 0) -> Dossier {
    Dossier(code: code, unitCode: "U", procedureCode: procedure, declaredLevel: level,
            receivedAt: t("2020-10-01 08:00"), dueAt: t("2020-10-05 17:00"), finishedAt: t("2020-10-02 09:00"),
            status: .returned, supplementCount: supplements)
}

let tt01Scorer = Tt01Scorer(rubric: tt01TestRubric(), catalogue: scoringCatalogue)
