import XCTest
@testable import MotCuaCore

/// Rows whose own columns do not add up (dòng tự mâu thuẫn): rules (a)–(f).
final class ReconciliationConsistencyTests: XCTestCase {
    func findings(_ lines: [String]) -> [ReconciliationFinding] {
        Reconciliation.consistencyFindings(publishedTable(lines))
    }

    func testReferenceRow5LevelColumnsAddUpTo65Not68() throws {
        let found = findings([referenceLines[4]])
        XCTAssertEqual(found.count, 1, found.map { $0.text(.vi) }.joined(separator: "\n"))
        let f = try XCTUnwrap(found.first)
        XCTAssertEqual(f.rule, .levelsAddUp)
        XCTAssertEqual(f.row, RowLabel(stt: "5", unitName: "UBND xã Trung Đồng"))
        XCTAssertEqual(f.column, .hstnTong)
        XCTAssertEqual(f.expected, 65)
        XCTAssertEqual(f.found, 68)
        XCTAssertEqual(f.text(.vi),
                       "STT 5 – UBND xã Trung Đồng: các cột mức độ cộng lại 65, không phải 68 như cột Tổng số HSTN (hstn_tong): "
                       + "3 hồ sơ không thuộc cột mức độ nào — có thể là hồ sơ chưa xác định mức độ (thủ tục ngoài danh mục "
                       + "hoặc không phải mức độ 2, 3, 4), được tính vào tổng số")
        XCTAssertTrue(f.text(.en).hasPrefix("Row 5 – UBND xã Trung Đồng: the level columns add up to 65, not 68"))
    }

    func testRow5OtherRulesHold() {
        // (c): 0 + 68 − (57 + 8 + 0) = 3 pending; (d): 65 / 68 = 95.6 %: the 3 unknown-level dossiers are the pending ones.
        XCTAssertNil(Reconciliation.balanceFinding(.pendingBalances, publishedRow(referenceLines[4]), units: []))
        XCTAssertNil(Reconciliation.rateFinding(publishedRow(referenceLines[4])))
    }

    func testEveryOtherUnitRowOfTheReferenceAddsUp() {
        for (i, line) in referenceLines.dropLast().enumerated() where i != 4 {
            XCTAssertEqual(findings([line]), [], line)
        }
    }

    func testWholeReferenceHasRow5AndTheTotalItCarries() throws {
        let found = findings(referenceLines)
        XCTAssertEqual(found.map(\.rule), [.levelsAddUp, .levelsAddUp])
        XCTAssertEqual(found.map(\.row.stt), ["5", "TỔNG CỘNG"])
        let total = found[1]
        XCTAssertEqual(total.expected, 1904)
        XCTAssertEqual(total.found, 1907)
        XCTAssertEqual(total.text(.vi),
                       "TỔNG CỘNG: các cột mức độ cộng lại 1.904, không phải 1.907 như cột Tổng số HSTN (hstn_tong): "
                       + "3 hồ sơ không thuộc cột mức độ nào — có thể là hồ sơ chưa xác định mức độ (thủ tục ngoài danh mục "
                       + "hoặc không phải mức độ 2, 3, 4), được tính vào tổng số; chênh lệch này đến từ STT 5 – UBND xã Trung Đồng")
        XCTAssertTrue(total.text(.en).hasSuffix("; the gap comes from Row 5 – UBND xã Trung Đồng"))
    }

    func testLevelColumnsAboveTheTotalHaveNoInnocentExplanation() throws {
        // Row 2 with 25 by level against 23 received (and channels fixed so only rule a breaks).
        let line = replacing(.hstnMd2, with: "25", in: referenceLines[1])
        let f = try XCTUnwrap(findings([line]).first { $0.rule == .levelsAddUp })
        XCTAssertEqual(f.expected, 25)
        XCTAssertEqual(f.found, 23)
        XCTAssertTrue(f.message.vi.hasSuffix("các cột mức độ nhiều hơn tổng số 2 hồ sơ"), f.message.vi)
        XCTAssertFalse(f.message.vi.contains("chưa xác định"))
    }

    func testChannelsMustAddUpToTheTotal() throws {
        let line = replacing(.tiepNhanMcdt, with: "277", in: referenceLines[0])
        let found = findings([line])
        XCTAssertEqual(found.map(\.rule), [.channelsAddUp])
        XCTAssertEqual(found[0].expected, 280)
        XCTAssertEqual(found[0].found, 281)
        XCTAssertEqual(found[0].message.vi,
                       "tiếp nhận MCĐT + trực tuyến = 277 + 3 = 280, không phải 281 như cột Tổng số HSTN (hstn_tong): "
                       + "thiếu 1 hồ sơ — có thể hồ sơ nộp qua bưu chính chưa được tính vào MCĐT")
    }

    func testPendingMustBalance() throws {
        // Mường Khoa: 0 + 23 − 18 = 5 pending. Written 4: one finished dossier may have no level.
        let fewer = findings([replacing(.chuaGiaiQuyet, with: "4", in: referenceLines[1])])
        XCTAssertEqual(fewer.map(\.rule), [.pendingBalances])
        XCTAssertEqual(fewer[0].column, .chuaGiaiQuyet)
        XCTAssertEqual(fewer[0].expected, 5)
        XCTAssertEqual(fewer[0].found, 4)
        XCTAssertEqual(fewer[0].message.vi,
                       "chưa giải quyết ghi 4, nhưng tồn + tiếp nhận − đã giải quyết (mức độ 2–4) = 0 + 23 − 18 = 5 — "
                       + "có thể có 1 hồ sơ đã giải quyết chưa xác định mức độ (không nằm trong cột đã giải quyết nào)")
        // Written 6: more pending than can be left; nothing explains it.
        let more = findings([replacing(.chuaGiaiQuyet, with: "6", in: referenceLines[1])])
        XCTAssertEqual(more.map(\.rule), [.pendingBalances])
        XCTAssertFalse(more[0].message.vi.contains("có thể"))
    }

    func testRateIsCheckedWithinRoundingToOneDecimal() throws {
        // Trung Đồng: 65 / 68 = 95.588…: 95.6 agrees; 95.5 and 95.7 do not.
        XCTAssertTrue(Reconciliation.rateAgrees(95.6, exact: 65.0 / 68 * 100))
        XCTAssertFalse(Reconciliation.rateAgrees(95.5, exact: 65.0 / 68 * 100))
        XCTAssertTrue(Reconciliation.rateAgrees(60, exact: 60))
        let low = findings([replacing(.tyLeGiaiQuyet, with: "95.5", in: referenceLines[4])]).filter { $0.rule == .rateMatches }
        XCTAssertEqual(low.count, 1)
        XCTAssertEqual(low[0].expected, 95.6)
        XCTAssertEqual(low[0].found, 95.5)
        XCTAssertEqual(low[0].message.vi,
                       "tỷ lệ giải quyết ghi 95,5, nhưng đã giải quyết (mức độ 2–4) / (tồn + tiếp nhận) = 65 / (0 + 68) = 95,6 %")
        // A higher rate could count finished dossiers of unknown level.
        let high = findings([replacing(.tyLeGiaiQuyet, with: "97.1", in: referenceLines[4])]).filter { $0.rule == .rateMatches }
        XCTAssertEqual(high.count, 1)
        XCTAssertTrue(high[0].message.vi.hasSuffix("có thể tỷ lệ tính cả hồ sơ đã giải quyết chưa xác định mức độ"))
    }

    func testEmptyRowHasRateZero() {
        // Ban quản lý dự án: nothing received, nothing in backlog: rate 0, not a division by zero.
        XCTAssertEqual(findings([referenceLines[2]]), [])
        XCTAssertEqual(findings([replacing(.tyLeGiaiQuyet, with: "100", in: referenceLines[2])]).map(\.rule), [.rateMatches])
    }

    func testOnlineByLevelCannotExceedOnlineReceived() throws {
        // Tà Mít: 0 + 3 online by level, 3 online. Written 2 online: rules b and e break.
        let line = replacing(.tiepNhanTrucTuyen, with: "2", in: referenceLines[9])
        let f = try XCTUnwrap(findings([line]).first { $0.rule == .onlineWithinTotal })
        XCTAssertEqual(f.column, .tiepNhanTrucTuyen)
        XCTAssertEqual(f.expected, 3)
        XCTAssertEqual(f.found, 2)
        XCTAssertEqual(f.message.vi, "HSTN trực tuyến theo mức độ là 0 (mức độ 3) + 3 (mức độ 4) = 3, nhiều hơn tiếp nhận trực tuyến 2")
    }

    func testTotalRowIsTheColumnSumExceptProcedureCounts() throws {
        var lines = referenceLines
        // TTHC columns show the catalogue: 300 is not a sum and is not checked.
        lines[11] = replacing(.tthcTong, with: "300", in: lines[11])
        XCTAssertEqual(findings(lines).count, 2, "only row 5 and the total it carries")
        // A backlog total of 7 against rows summing to 6.
        lines[11] = replacing(.hoSoTon, with: "7", in: lines[11])
        let sums = findings(lines).filter { $0.rule == .totalIsColumnSum }
        XCTAssertEqual(sums.count, 1)
        XCTAssertEqual(sums[0].column, .hoSoTon)
        XCTAssertEqual(sums[0].expected, 6)
        XCTAssertEqual(sums[0].found, 7)
        XCTAssertEqual(sums[0].message.vi, "Hồ sơ tồn (ho_so_ton): tổng các dòng là 6, dòng tổng cộng ghi 7")
    }

    func testTotalRateMayBeBlankButIfGivenMatchesTheSums() throws {
        // Blank in the reference: fine. 1868 / (6 + 1907) = 97.65 %: 97.6 agrees, 97.5 does not.
        var lines = referenceLines
        lines[11] += "97.6"
        XCTAssertFalse(findings(lines).contains { $0.column == .tyLeGiaiQuyet })
        lines[11] = referenceLines[11] + "97.5"
        let rate = try XCTUnwrap(findings(lines).first { $0.column == .tyLeGiaiQuyet })
        XCTAssertEqual(rate.rule, .totalIsColumnSum)
        XCTAssertEqual(rate.expected, 97.6)
        XCTAssertEqual(rate.message.vi, "tỷ lệ giải quyết ghi 97,5, nhưng tính từ tổng các dòng: 1.868 / (6 + 1.907) = 97,6 %")
    }

    func testBlankCellsSkipTheRulesThatNeedThem() {
        // Row 5 with a blank level-2 cell: rule a cannot be checked, the others still hold.
        XCTAssertEqual(findings([replacing(.hstnMd2, with: "", in: referenceLines[4])]), [])
    }

    func testTotalRowWithoutSttIsRecognisedByItsNonNumericStt() {
        let row = publishedRow(",Tổng cộng,1,1,1,1,0,0,0,0,0,0,0,1,0,1,0,0,0,100")
        XCTAssertTrue(row.isTotal)
        XCTAssertEqual(row.label.text(.vi), "Tổng cộng")
        XCTAssertFalse(publishedRow(referenceLines[0]).isTotal)
    }
}
