import XCTest
@testable import MotCuaCore

/// docs/rules.md#classification and docs/rules.md#boundaries: the state of a dossier at the
/// cutoff, rebuilt from timestamps.
final class PeriodClassifierTests: XCTestCase {
    let classifier = PeriodClassifier(period: october2020)

    func classify(_ d: Dossier) -> PeriodState? { classifier.classify(d) }

    func testReceivedInPeriodAndFinishedEarlyOnTimeLate() {
        let early = classify(dossier(received: "2020-10-05 08:00", due: "2020-10-20 17:00", finished: "2020-10-19 16:00"))
        XCTAssertEqual(early, PeriodState(isBacklog: false, finish: .early, pending: nil))
        let onDueDayBeforeTime = classify(dossier(received: "2020-10-05 08:00", due: "2020-10-20 17:00", finished: "2020-10-20 08:00"))
        XCTAssertEqual(onDueDayBeforeTime?.finish, .onTime)
        let exactlyAtDue = classify(dossier(received: "2020-10-05 08:00", due: "2020-10-20 17:00", finished: "2020-10-20 17:00"))
        XCTAssertEqual(exactlyAtDue?.finish, .onTime)
        let oneSecondLate = classify(dossier(received: "2020-10-05 08:00", due: "2020-10-20 17:00", finished: "2020-10-20 17:00:01"))
        XCTAssertEqual(oneSecondLate?.finish, .late)
        let nextDay = classify(dossier(received: "2020-10-05 08:00", due: "2020-10-20 17:00", finished: "2020-10-21 07:30"))
        XCTAssertEqual(nextDay?.finish, .late)
    }

    func testFinishFallsBackToReturnDate() {
        let s = classify(dossier(received: "2020-10-05 08:00", finished: nil, returned: "2020-10-06 09:00"))
        XCTAssertEqual(s?.finish, .early)
    }

    func testBacklogIsReceivedBeforeFromAndNotFinishedBeforeIt() {
        let backlogFinished = classify(dossier(received: "2020-09-28 08:00", finished: "2020-10-01 00:00"))
        XCTAssertEqual(backlogFinished, PeriodState(isBacklog: true, finish: .early, pending: nil),
                       "finished exactly at from 00:00:00 is finished in the period")
        XCTAssertNil(classify(dossier(received: "2020-09-28 08:00", finished: "2020-09-30 23:59:59")),
                     "finished before the period: plays no part")
        let backlogPending = classify(dossier(received: "2020-09-28 08:00", due: "2020-11-02 17:00"))
        XCTAssertEqual(backlogPending, PeriodState(isBacklog: true, finish: nil, pending: .inTime))
    }

    func testReceivedExactlyAtFromIsReceived() {
        XCTAssertEqual(classify(dossier(received: "2020-10-01 00:00"))?.isReceived, true)
        XCTAssertEqual(classify(dossier(received: "2020-09-30 23:59:59"))?.isBacklog, true)
    }

    func testCutoffIsInclusiveAndLaterFinishesAreIgnored() {
        XCTAssertNotNil(classify(dossier(received: "2020-10-31 23:59:59")))
        XCTAssertNil(classify(dossier(received: "2020-11-01 00:00")), "received after the cutoff")
        let finishedAfterCutoff = classify(dossier(received: "2020-10-20 08:00", due: "2020-11-05 17:00", finished: "2020-11-02 09:00"))
        XCTAssertEqual(finishedAfterCutoff?.pending, .inTime)
        XCTAssertNil(finishedAfterCutoff?.finish)
        let finishedAtCutoff = classify(dossier(received: "2020-10-20 08:00", finished: "2020-10-31 23:59:59"))
        XCTAssertNotNil(finishedAtCutoff?.finish)
    }

    func testPendingDueExactlyAtCutoffIsInTime() {
        XCTAssertEqual(classify(dossier(received: "2020-10-20 08:00", due: "2020-10-31 23:59:59"))?.pending, .inTime)
        XCTAssertEqual(classify(dossier(received: "2020-10-20 08:00", due: "2020-10-31 23:59:58"))?.pending, .overdue)
        XCTAssertEqual(classify(dossier(received: "2020-10-20 08:00", due: "2020-10-30 17:00"))?.pending, .overdue)
    }

    func testExcludedDossiers() {
        XCTAssertNil(classify(dossier(received: "2020-10-05 08:00", status: .notAccepted)), "status 3")
        XCTAssertNil(classify(dossier(received: nil, status: .registered)), "never received")
    }

    func testWithdrawnAndStoppedAreFinishedWithoutClass() {
        XCTAssertEqual(classify(dossier(received: "2020-10-05 08:00", finished: "2020-10-30 09:00", status: .withdrawn))?.finish, .unclassified)
        XCTAssertEqual(classify(dossier(received: "2020-10-05 08:00", returned: "2020-10-30 09:00", status: .stopped))?.finish, .unclassified)
        // docs/rules.md#classification: 7/8 without an end date, and 9/10 without a finish date, are pending.
        XCTAssertEqual(classify(dossier(received: "2020-10-05 08:00", due: "2020-11-30 17:00", status: .withdrawn))?.pending, .inTime)
        XCTAssertEqual(classify(dossier(received: "2020-10-05 08:00", due: "2020-11-30 17:00", status: .returned))?.pending, .inTime)
    }

    func testWaitingForSupplementStopsTheClock() {
        let waiting = dossier(received: "2020-10-05 08:00", due: "2020-10-10 17:00",
                              supplementRequested: "2020-10-07 09:00", supplementReceived: nil)
        XCTAssertEqual(classify(waiting)?.pending, .waitingSupplement, "past the original due date but waiting: never overdue")
        let arrivedAfterCutoff = dossier(received: "2020-10-05 08:00", due: "2020-10-10 17:00",
                                         supplementRequested: "2020-10-07 09:00", supplementReceived: "2020-11-02 09:00")
        XCTAssertEqual(classify(arrivedAfterCutoff)?.pending, .waitingSupplement)
        let arrived = dossier(received: "2020-10-05 08:00", due: "2020-10-10 17:00",
                              supplementRequested: "2020-10-07 09:00", supplementReceived: "2020-10-08 09:00")
        XCTAssertEqual(classify(arrived)?.pending, .overdue)
        let requestedAfterCutoff = dossier(received: "2020-10-05 08:00", due: "2020-11-10 17:00",
                                           supplementRequested: "2020-11-03 09:00")
        XCTAssertEqual(classify(requestedAfterCutoff)?.pending, .inTime)
        // Fallback without a request date: current status 5 and nothing arrived by the cutoff.
        let status5 = dossier(received: "2020-10-05 08:00", due: "2020-10-10 17:00", status: .supplementRequested)
        XCTAssertEqual(classify(status5)?.pending, .waitingSupplement)
    }

    func testOnTimeClassUsesTheOriginalDueDateNotTheApologyDate() {
        var d = dossier(received: "2020-10-05 08:00", due: "2020-10-10 17:00", finished: "2020-10-14 09:00")
        d.apologyCount = 1
        d.newDueAt = t("2020-10-15 17:00")
        XCTAssertEqual(classify(d)?.finish, .late)
    }
}
