import XCTest
@testable import MotCuaCore

/// Deterministic pseudo-random properties of working time and deadlines
/// (thousands of cases; the seed is fixed, so failures reproduce).
final class DeadlinePropertyTests: XCTestCase {
    let cal = CalendarFixtures.shipped

    func randomMoment(_ g: inout SeededGenerator, years: ClosedRange<Int> = 2018...2028) -> LocalDateTime {
        let first = CivilDate(year: years.lowerBound, month: 1, day: 1)!.dayNumber
        let last = CivilDate(year: years.upperBound, month: 12, day: 31)!.dayNumber
        let d = CivilDate(dayNumber: Int.random(in: first...last, using: &g))
        // Half the moments on a round quarter hour, to hit session boundaries often.
        let s = Bool.random(using: &g) ? Int.random(in: 0..<96, using: &g) * 900 : Int.random(in: 0..<86_400, using: &g)
        return LocalDateTime(date: d, secondOfDay: s)
    }

    func randomDuration(_ g: inout SeededGenerator) -> ProcedureDuration {
        let unit = ProcedureDuration.Unit.allCases.randomElement(using: &g)!
        let halves = Double(Int.random(in: 0...60, using: &g)) / 2
        return ProcedureDuration(unit == .workingHours ? halves * 4 : halves, unit)
    }

    /// A slow, obviously correct working-time count: day by day, session by session.
    func naiveWorkingSeconds(_ a: LocalDateTime, _ b: LocalDateTime) -> Int64 {
        guard b > a else { return b == a ? 0 : -naiveWorkingSeconds(b, a) }
        var total: Int64 = 0
        var d = a.date
        while d <= b.date {
            if cal.isWorkingDay(d) {
                let from = d == a.date ? a.secondOfDay : 0
                let to = d == b.date ? b.secondOfDay : 86_400
                for s in cal.workingHours.sessions {
                    total += Int64(max(0, min(to, s.end) - max(from, s.start)))
                }
            }
            d = d.adding(days: 1)
        }
        return total
    }

    func testWorkingSecondsAgreesWithANaiveCount() {
        var g = SeededGenerator(seed: 1)
        for _ in 0..<3000 {
            let a = randomMoment(&g)
            let b = LocalDateTime(secondsSinceEpoch: a.secondsSinceEpoch + Int64.random(in: -40 * 86_400...40 * 86_400, using: &g))
            XCTAssertEqual(cal.workingSeconds(from: a, to: b), naiveWorkingSeconds(a, b), "\(a) → \(b)")
        }
    }

    func testAddingWorkingTimeThenMeasuringItGivesItBack() {
        var g = SeededGenerator(seed: 2)
        for _ in 0..<5000 {
            let start = randomMoment(&g)
            let seconds = Int64.random(in: 0...(60 * 27_000), using: &g)
            let end = cal.adding(workingSeconds: seconds, to: start)
            XCTAssertEqual(cal.workingSeconds(from: start, to: end), seconds, "\(start) + \(seconds)")
            XCTAssertGreaterThanOrEqual(end, start)
            if seconds > 0 {
                // The earliest such moment: one second less of working time ends strictly earlier.
                XCTAssertLessThan(cal.adding(workingSeconds: seconds - 1, to: start), end)
            }
        }
    }

    func testADurationAddedToTheCountingStartMeasuresBackToItself() {
        var g = SeededGenerator(seed: 3)
        for _ in 0..<5000 {
            let received = randomMoment(&g)
            let channel = SubmissionChannel.allCases.randomElement(using: &g)!
            let duration = randomDuration(&g)
            guard let seconds = duration.workingSeconds(dayLength: cal.dayLength) else { continue }
            let start = Deadline.countingStart(receivedAt: received, channel: channel, calendar: cal)
            let due = Deadline.due(receivedAt: received, channel: channel, duration: duration, calendar: cal)
            XCTAssertEqual(cal.workingSeconds(from: start, to: due), seconds)
            XCTAssertEqual(Deadline.processingDays(receivedAt: start, finishedAt: due, calendar: cal) * Double(cal.dayLength),
                           Double(seconds), accuracy: 1e-6)
        }
    }

    func testDueDatesNeverLandOnADayOffOrOutsideWorkingHours() {
        var g = SeededGenerator(seed: 4)
        for _ in 0..<5000 {
            let received = randomMoment(&g)
            let channel = SubmissionChannel.allCases.randomElement(using: &g)!
            let duration = randomDuration(&g)
            let due = Deadline.due(receivedAt: received, channel: channel, duration: duration, calendar: cal)
            XCTAssertTrue(cal.isWorkingDay(due.date), "\(received) \(duration) → \(due)")
            let s = due.secondOfDay
            XCTAssert(cal.workingHours.sessions.contains { s >= $0.start && s <= $0.end }, "\(due)")
            XCTAssertGreaterThanOrEqual(due, received < due ? received : due)
            if duration.value > 0 { XCTAssertGreaterThan(due, received) }
        }
    }

    func testDaysOverdueMatchesItsDefinition() {
        var g = SeededGenerator(seed: 5)
        for _ in 0..<3000 {
            let due = randomMoment(&g)
            let finish = LocalDateTime(secondsSinceEpoch: due.secondsSinceEpoch + Int64.random(in: -10 * 86_400...30 * 86_400, using: &g))
            let n = Deadline.daysOverdue(due: due, finish: finish, calendar: cal)
            if finish <= due {
                XCTAssertEqual(n, 0)
            } else {
                var count = 0, d = due.date.adding(days: 1)
                while d <= finish.date { if cal.isWorkingDay(d) { count += 1 }; d = d.adding(days: 1) }
                XCTAssertEqual(n, max(1, count))
            }
        }
    }

    /// Moving one day off to another date changes exactly the deadlines whose
    /// counting window contains one of the two dates.
    func testMovingAHolidayChangesOnlyTheDeadlinesThatSpanIt() throws {
        var g = SeededGenerator(seed: 6)
        let base = try CalendarFixtures.shippedEntries()
        var changedSome = 0
        for round in 0..<40 {
            // Move a 2025 weekday off to another ordinary weekday of 2025.
            let weekdaysOff = base.filter { $0.date.year == 2025 && $0.kind == .dayOff && !$0.date.isWeekend }
            let moved = weekdaysOff.randomElement(using: &g)!
            var target: CivilDate
            repeat {
                target = CivilDate(dayNumber: Int.random(in: ymd("2025-01-01").dayNumber...ymd("2025-12-31").dayNumber, using: &g))
            } while target.isWeekend || !cal.isWorkingDay(target)
            let entries = base.filter { $0.date != moved.date } + [CalendarEntry(date: target, kind: .dayOff, note: "moved")]
            let other = WorkCalendar(entries: entries)
            XCTAssertEqual(other.workingDayCount(in: 2025), cal.workingDayCount(in: 2025), "round \(round)")
            let touched = [moved.date, target]
            for _ in 0..<150 {
                let received = randomMoment(&g, years: 2024...2025)
                let channel = SubmissionChannel.allCases.randomElement(using: &g)!
                let duration = randomDuration(&g)
                let a = Deadline.due(receivedAt: received, channel: channel, duration: duration, calendar: cal)
                let b = Deadline.due(receivedAt: received, channel: channel, duration: duration, calendar: other)
                let spansA = touched.contains { $0 >= received.date && $0 <= a.date }
                let spansB = touched.contains { $0 >= received.date && $0 <= b.date }
                if !spansA && !spansB {
                    XCTAssertEqual(a, b, "\(received) \(duration): unrelated deadline changed")
                } else if a != b {
                    changedSome += 1
                }
            }
        }
        XCTAssertGreaterThan(changedSome, 0)
    }
}
