/// The prescribed processing time of a procedure (thời hạn giải quyết):
/// a number, possibly fractional (0.5), in one of the units of the catalogue
/// (`DonViThoiGian`, docs/rules.md#procedures-file).
package struct ProcedureDuration: Hashable, Sendable, CustomStringConvertible {
    package enum Unit: String, Hashable, Sendable, CaseIterable {
        /// Ngày làm việc: N × the length of a working day of working time.
        case workingDays = "ngay-lam-viec"
        /// Giờ làm việc: N hours of working time.
        case workingHours = "gio-lam-viec"
        /// Ngày (calendar days): the end of the working day N days later,
        /// moved forward to a working day.
        case calendarDays = "ngay"
    }

    package let value: Double
    package let unit: Unit

    package init(_ value: Double, _ unit: Unit = .workingDays) {
        precondition(value >= 0 && value.isFinite, "a duration must be a finite number ≥ 0")
        self.value = value
        self.unit = unit
    }

    package static func workingDays(_ n: Double) -> Self { Self(n, .workingDays) }
    package static func workingHours(_ n: Double) -> Self { Self(n, .workingHours) }
    package static func calendarDays(_ n: Double) -> Self { Self(n, .calendarDays) }

    /// The working time the duration stands for, rounded to the second, or
    /// `nil` for calendar days (which are not working time).
    package func workingSeconds(dayLength: Int) -> Int64? {
        switch unit {
        case .workingDays: return Int64((value * Double(dayLength)).rounded())
        case .workingHours: return Int64((value * 3600).rounded())
        case .calendarDays: return nil
        }
    }

    /// Whole calendar days: a fraction counts as a whole day (0.5 ngày → 1).
    package var wholeCalendarDays: Int { Int(value.rounded(.up)) }

    package var description: String {
        let number = value == value.rounded() ? String(Int(value)) : String(value)
        switch unit {
        case .workingDays: return "\(number) ngày làm việc"
        case .workingHours: return "\(number) giờ làm việc"
        case .calendarDays: return "\(number) ngày"
        }
    }
}
