import XCTest
@testable import MotCuaCore

/// The overdue list and processing time (docs/rules.md#overdue,
/// docs/rules.md#days-overdue, docs/rules.md#processing-time) on the real calendar.
final class OverdueListTests: XCTestCase {
    let calendar = WorkCalendar()
    let tree = UnitTree([OrgUnit(code: "R", name: "Huyện"), OrgUnit(code: "A", name: "Xã A", parentCode: "R", sortOrder: 1),
                         OrgUnit(code: "B", name: "Xã B", parentCode: "R", sortOrder: 2)])

    func report(_ dossiers: [Dossier]) -> PeriodReport {
        var agg = PeriodAggregator(period: october2020, catalogue: ProcedureCatalogue([]), calendar: calendar)
        dossiers.forEach { agg.add($0) }
        return agg.report(scope: nil, tree: tree)
    }

    func testDaysOverdueCountWorkingDaysAfterTheDueDay() {
        // Due Friday 16/10 17:00; finished Monday 19/10: 1 working day late (the weekend does not count).
        let friday = dossier("late-monday", unit: "A", received: "2020-10-12 08:00", due: "2020-10-16 17:00",
                             finished: "2020-10-19 08:00")
        // Due on the day but finished after hours on it: late, and at least 1 day.
        let sameDay = dossier("late-same-day", unit: "A", received: "2020-10-12 08:00", due: "2020-10-20 11:00",
                              finished: "2020-10-20 17:30")
        // Pending past due at the cutoff (Sat 31/10): due Mon 26/10 → 27, 28, 29, 30 = 4 working days.
        let pending = dossier("pending", unit: "B", received: "2020-10-19 08:00", due: "2020-10-26 17:00")
        let onTime = dossier("on-time", unit: "B", received: "2020-10-19 08:00", due: "2020-10-26 17:00",
                             finished: "2020-10-26 17:00")
        let waiting = dossier("waiting", unit: "B", received: "2020-10-05 08:00", due: "2020-10-09 17:00",
                              supplementRequested: "2020-10-07 09:00")
        let r = report([friday, sameDay, pending, onTime, waiting])
        XCTAssertEqual(r.overdue.map(\.dossier.code), ["late-monday", "late-same-day", "pending"],
                       "by unit in display order, then most days overdue")
        XCTAssertEqual(r.overdue.map(\.daysOverdue), [1, 1, 4])
        XCTAssertEqual(r.overdue.map(\.isFinished), [true, true, false])
        XCTAssertTrue(r.overdue.allSatisfy(\.lacksApology))
    }

    func testApologyLetterFlags() {
        var missedAgain = dossier("missed-again", unit: "A", received: "2020-10-01 08:00", due: "2020-10-05 17:00",
                                  finished: "2020-10-09 10:00")
        missedAgain.apologyCount = 1
        missedAgain.newDueAt = t("2020-10-08 17:00")
        var kept = dossier("kept", unit: "A", received: "2020-10-01 08:00", due: "2020-10-05 17:00", finished: "2020-10-07 10:00")
        kept.apologyCount = 2
        kept.newDueAt = t("2020-10-08 17:00")
        let r = report([missedAgain, kept])
        let byCode = Dictionary(uniqueKeysWithValues: r.overdue.map { ($0.dossier.code, $0) })
        XCTAssertEqual(byCode["missed-again"]?.missedNewDueDate, true)
        XCTAssertEqual(byCode["kept"]?.missedNewDueDate, false)
        XCTAssertEqual(byCode["kept"]?.hasSeveralApologies, true)
        XCTAssertEqual(byCode["missed-again"]?.lacksApology, false)
        XCTAssertEqual(byCode["missed-again"]?.daysOverdue, 4, "6, 7, 8, 9 October")
    }

    func testAverageProcessingTimeInWorkingDays() {
        // 1 full working day (Mon 08:00 → Tue 08:00) and 2.5 days (Mon 07:30 → Wed 13:30 + … ).
        let a = dossier("a", unit: "A", received: "2020-10-05 08:00", due: "2020-10-30 17:00", finished: "2020-10-06 08:00")
        let b = dossier("b", unit: "B", received: "2020-10-05 07:30", due: "2020-10-30 17:00", finished: "2020-10-07 11:30")
        let withdrawn = dossier("w", unit: "B", received: "2020-10-05 07:30", finished: "2020-10-30 11:30", status: .withdrawn)
        let r = report([a, b, withdrawn])
        XCTAssertEqual(r.rows[0].averageProcessingDays, 1, accuracy: 1e-9)
        XCTAssertEqual(r.rows[1].averageProcessingDays, 2 + 4.0 / 7.5, accuracy: 1e-9, "withdrawn dossiers have no class and are left out")
        XCTAssertEqual(r.total.averageProcessingDays, (1 + 2 + 4.0 / 7.5) / 2, accuracy: 1e-9)
    }

    func testScopedReportListsOnlyItsSubtreesOverdueDossiers() {
        let late = dossier("x", unit: "B", received: "2020-10-12 08:00", due: "2020-10-16 17:00", finished: "2020-10-19 08:00")
        var agg = PeriodAggregator(period: october2020, catalogue: ProcedureCatalogue([]), calendar: calendar)
        agg.add(late)
        XCTAssertEqual(agg.report(scope: "A", tree: tree).overdue.count, 0)
        XCTAssertEqual(agg.report(scope: "B", tree: tree).overdue.count, 1)
    }
}
