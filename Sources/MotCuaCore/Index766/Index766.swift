/// One indicator of the QĐ 766 index for one unit (chỉ số thành phần).
package struct Index766Indicator: Sendable, Hashable {
    package let kind: Kind
    /// Tử số and mẫu số: on time / in scope, online / received…
    package let numerator: Int
    package let denominator: Int
    /// The indicator's maximum points.
    package var max: Double { kind.maxPoints }

    /// Rate in percent (0–100); `nil` ("—") when the denominator is 0.
    package var rate: Double? { denominator == 0 ? nil : Double(numerator) * 100 / Double(denominator) }

    /// Points by the portal's formula; `nil` ("—") when there is nothing to rate.
    package var points: Double? {
        guard let rate else { return nil }
        let r = rate / 100
        switch kind {
        case .progress: return kind.maxPoints * r
        case .online: return Swift.min(kind.maxPoints, kind.maxPoints * r / 0.5)
        case .electronicResult, .digitisation, .onlinePayment: return Swift.min(kind.maxPoints, kind.maxPoints * r / 0.8)
        }
    }

    /// The indicators an export can give (docs/rules.md#index766).
    package enum Kind: String, Sendable, Hashable, CaseIterable {
        case progress
        case online
        case electronicResult = "electronic_result"
        case digitisation
        case onlinePayment = "online_payment"

        package var maxPoints: Double {
            switch self {
            case .progress: return 20
            case .online: return 6
            case .electronicResult: return 8
            case .digitisation: return 8
            case .onlinePayment: return 10
            }
        }

        package var vietnameseName: String {
            switch self {
            case .progress: return "Tiến độ giải quyết"
            case .online: return "Hồ sơ trực tuyến"
            case .electronicResult: return "Kết quả điện tử"
            case .digitisation: return "Số hóa hồ sơ"
            case .onlinePayment: return "Thanh toán trực tuyến"
            }
        }

        /// What the numerator and denominator count, for sheet headers.
        package var numeratorName: String {
            switch self {
            case .progress: return "Đúng hạn"
            case .online: return "Trực tuyến"
            case .electronicResult: return "Có kết quả điện tử"
            case .digitisation: return "Được số hóa"
            case .onlinePayment: return "Thanh toán trực tuyến"
            }
        }
        package var denominatorName: String { self == .progress ? "Trong phạm vi" : "Tiếp nhận" }
    }
}

/// The QĐ 766 index of one unit computed from an export (chỉ số 766):
/// the indicators the data allow, their points and the maximum of those
/// that could be rated (docs/rules.md#index766).
package struct Index766: Sendable, Hashable {
    /// Every kind, in order; `nil` for an indicator whose columns the export
    /// lacks ("không có dữ liệu": left out of points and maximum, never zero).
    package let indicators: [(kind: Index766Indicator.Kind, value: Index766Indicator?)]

    package init(counts c: Index766Counts, received: Int, receivedOnline: Int) {
        func optional(_ kind: Index766Indicator.Kind, _ known: Int, _ yes: Int) -> Index766Indicator? {
            // Over the received dossiers whose export has the column: all of them for
            // one export; an older export without it is unknown, not "no".
            known == 0 ? nil : Index766Indicator(kind: kind, numerator: yes, denominator: known)
        }
        indicators = [
            (.progress, Index766Indicator(kind: .progress, numerator: c.progressOnTime, denominator: c.progressInScope)),
            (.online, Index766Indicator(kind: .online, numerator: receivedOnline, denominator: received)),
            (.electronicResult, optional(.electronicResult, c.electronicResultKnown, c.electronicResult)),
            (.digitisation, optional(.digitisation, c.digitisationKnown, c.digitised)),
            (.onlinePayment, optional(.onlinePayment, c.paymentKnown, c.paidOnline)),
        ]
    }

    package subscript(kind: Index766Indicator.Kind) -> Index766Indicator? {
        indicators.first { $0.kind == kind }?.value
    }

    /// Indicators that could be rated (data present, something in scope).
    package var rated: [Index766Indicator] { indicators.compactMap(\.value).filter { $0.points != nil } }
    /// Tổng điểm of the rated indicators.
    package var points: Double { rated.reduce(0) { $0 + ($1.points ?? 0) } }
    /// Điểm tối đa: the maxima of the rated indicators only.
    package var max: Double { rated.reduce(0) { $0 + $1.max } }

    package static func == (a: Index766, b: Index766) -> Bool {
        a.indicators.map(\.value) == b.indicators.map(\.value)
    }
    package func hash(into h: inout Hasher) { for i in indicators { h.combine(i.value) } }
}

extension UnitFigures {
    /// The QĐ 766 index of these figures (recomputed from the sums).
    package var index766: Index766 { Index766(counts: portal, received: received, receivedOnline: receivedOnline) }
}
