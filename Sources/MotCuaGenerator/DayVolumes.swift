import MotCuaCore

/// Spreads N dossiers over the days of a range: most on working days
/// (Monday busiest, Friday quietest), a trickle of online submissions on
/// weekends and holidays, fewer in the Tết month. Counts are exact (they sum
/// to N) and depend only on N, the range and the calendar.
enum DayVolumes {
    static func allocate(_ total: Int, from: CivilDate, to: CivilDate,
                         calendar: WorkCalendar) -> [(date: CivilDate, count: Int)] {
        let weekday: [Double] = [1.15, 1.05, 1.0, 1.0, 0.9]
        let month: [Double] = [0.95, 0.75, 1.05, 1.0, 1.0, 1.05, 1.0, 0.95, 1.0, 1.05, 1.05, 1.1]
        var days: [(CivilDate, Double)] = []
        var d = from
        while d <= to {
            let w = calendar.isWorkingDay(d) ? (d.isoWeekday <= 5 ? weekday[d.isoWeekday - 1] : 1.0) : 0.04
            days.append((d, w * month[d.month - 1]))
            d = d.adding(days: 1)
        }
        let sum = days.reduce(0) { $0 + $1.1 }
        var out: [(date: CivilDate, count: Int)] = []
        out.reserveCapacity(days.count)
        var cumulative = 0.0
        var given = 0
        for (date, w) in days {
            cumulative += w
            let upTo = Int((Double(total) * cumulative / sum).rounded())
            let n = min(total, upTo) - given
            out.append((date, max(0, n)))
            given += max(0, n)
        }
        if given < total, !out.isEmpty { out[out.count - 1].count += total - given }
        return out
    }
}
