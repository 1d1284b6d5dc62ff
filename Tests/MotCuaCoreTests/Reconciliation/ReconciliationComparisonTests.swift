import XCTest
@testable import MotCuaCore

/// Published cells against the figures computed from the dossiers.
final class ReconciliationComparisonTests: XCTestCase {
    func testIdenticalFiguresAgreeCellByCell() {
        let c = Reconciliation.compare(publishedTable(), with: computedReference())
        XCTAssertEqual(c.findings, [])
        XCTAssertEqual(c.rowsCompared, 12)
        XCTAssertEqual(c.cellsCompared, 12 * 18 - 1, "the blank total rate is not compared")
    }

    func testAChangedCellIsReportedWithBothValues() throws {
        var lines = referenceLines
        lines[1] = replacing(.tthcMd2, with: "340", in: lines[1])
        let c = Reconciliation.compare(publishedTable(lines), with: computedReference())
        XCTAssertEqual(c.findings.count, 1)
        let f = try XCTUnwrap(c.findings.first)
        XCTAssertEqual(f.kind, .differs)
        XCTAssertEqual(f.row, RowLabel(stt: "2", unitName: "UBND xã Mường Khoa"))
        XCTAssertEqual(f.column, .tthcMd2)
        XCTAssertEqual(f.found, 340)
        XCTAssertEqual(f.expected, 348)
        XCTAssertEqual(f.text(.vi), "STT 2 – UBND xã Mường Khoa: TTHC mức độ 2 (tthc_md2): công bố 340, tính từ hồ sơ 348")
        XCTAssertEqual(f.text(.en), "Row 2 – UBND xã Mường Khoa: procedures, level 2 (tthc_md2): published 340, computed 348")
    }

    func testRateIsComparedAfterRoundingToOneDecimal() throws {
        // Computed 65 / 68 = 95.588…: published 95.6 agrees, 95.5 differs.
        let computed = computedReference()
        XCTAssertEqual(Reconciliation.compare(publishedTable(), with: computed).findings, [])
        var lines = referenceLines
        lines[4] = replacing(.tyLeGiaiQuyet, with: "95.5", in: lines[4])
        let f = try XCTUnwrap(Reconciliation.compare(publishedTable(lines), with: computed).findings.first)
        XCTAssertEqual(f.column, .tyLeGiaiQuyet)
        XCTAssertEqual(f.expected, 95.6)
        XCTAssertEqual(f.message.vi, "Tỷ lệ giải quyết % (ty_le_giai_quyet): công bố 95,5, tính từ hồ sơ 95,6")
    }

    func testComputedRateCountsFinishedDossiersOfUnknownLevel() throws {
        // One finished dossier of unknown level: the table (levels only) shows 18 / 23, the dossiers 19 / 23.
        let row = publishedRow(referenceLines[1])
        let computed = ComputedTable(rows: [computedRow(like: row, finishedOfUnknownLevel: 1)], total: computedRow(like: row))
        let found = Reconciliation.compare(PublishedTable(rows: [row]), with: computed).findings
        XCTAssertEqual(found.map(\.column), [.tyLeGiaiQuyet])
        XCTAssertEqual(found[0].found, 78.3)
        XCTAssertEqual(found[0].expected, 82.6)
    }

    func testRowsAreMatchedByNameWhateverTheirOrder() {
        var lines = referenceLines
        lines.swapAt(0, 1)
        let c = Reconciliation.compare(publishedTable(lines), with: computedReference())
        XCTAssertEqual(c.findings, [])
    }

    func testDefaultKeyIgnoresCaseAndSpacingAndACallerKeyCanIgnoreAccents() {
        var lines = referenceLines
        lines[1] = lines[1].replacingOccurrences(of: "UBND xã Mường Khoa", with: "ubnd  XÃ mường-khoa")
        XCTAssertEqual(Reconciliation.compare(publishedTable(lines), with: computedReference()).findings, [])
        // Without accents the core's own key falls back to position; an accent-folding key matches by name.
        lines[1] = lines[1].replacingOccurrences(of: "ubnd  XÃ mường-khoa", with: "UBND xa Muong Khoa")
        XCTAssertEqual(Reconciliation.compare(publishedTable(lines), with: computedReference()).findings.map(\.kind), [.nameDiffers])
        let folding: (String) -> String = { name in
            let scalars = name.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars
                .filter { !(0x0300...0x036F).contains($0.value) }
            return Reconciliation.defaultNameKey(String(String.UnicodeScalarView(scalars)).replacingOccurrences(of: "đ", with: "d"))
        }
        XCTAssertEqual(Reconciliation.compare(publishedTable(lines), with: computedReference(), nameKey: folding).findings, [])
    }

    func testRowsWhoseNamesDifferArePairedByPositionAndSaidSo() throws {
        var lines = referenceLines
        lines[2] = lines[2].replacingOccurrences(of: "Ban quản lý dự án- Tân Uyên", with: "BQL dự án huyện")
        let found = Reconciliation.compare(publishedTable(lines), with: computedReference()).findings
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found[0].kind, .nameDiffers)
        XCTAssertEqual(found[0].text(.vi),
                       "STT 3 – BQL dự án huyện: tên khác tên đơn vị \"Ban quản lý dự án- Tân Uyên\" trong danh sách đơn vị; "
                       + "hai dòng được ghép theo thứ tự")
    }

    func testRowsOnOneSideOnlyAreReported() throws {
        // The table lacks Thân Thuộc and has a unit the dossiers do not know, in another position.
        var lines = Array(referenceLines.prefix(10)) + [referenceLines[11]]
        lines.insert("3,UBND thị trấn Tân Uyên,0,364,0,348,0,0,12,0,0,4,0,0,0,0,0,0,0,0", at: 0)
        let c = Reconciliation.compare(publishedTable(lines), with: computedReference())
        let kinds = c.findings.map(\.kind)
        XCTAssertEqual(kinds.filter { $0 == .onlyPublished }.count, 1)
        XCTAssertEqual(kinds.filter { $0 == .onlyComputed }.count, 1)
        let only = try XCTUnwrap(c.findings.first { $0.kind == .onlyComputed })
        XCTAssertEqual(only.text(.vi),
                       "UBND xã Thân Thuộc: có trong số liệu tính từ hồ sơ (mã U11; tồn 1, tiếp nhận 582) nhưng không có trong bảng công bố")
        XCTAssertEqual(c.findings.first { $0.kind == .onlyPublished }?.row.unitName, "UBND thị trấn Tân Uyên")
    }

    func testABlankUnitCellDiffersButABlankTotalRateDoesNot() throws {
        var lines = referenceLines
        lines[6] = replacing(.chuaGiaiQuyet, with: "", in: lines[6])
        let found = Reconciliation.compare(publishedTable(lines), with: computedReference()).findings
        XCTAssertEqual(found.count, 1)
        XCTAssertNil(found[0].found)
        XCTAssertEqual(found[0].message.vi, "Chưa giải quyết (chua_giai_quyet): công bố để trống, tính từ hồ sơ 5")
    }

    func testReconcileCombinesBothChecks() {
        var lines = referenceLines
        lines[1] = replacing(.tthcMd2, with: "340", in: lines[1])
        let result = Reconciliation.reconcile(publishedTable(lines), computed: computedReference())
        XCTAssertEqual(result.consistency.count, 2)
        XCTAssertEqual(result.inconsistentRowCount, 2)
        XCTAssertEqual(result.differingCellCount, 1)
        XCTAssertEqual(result.unmatchedRowCount, 0)
        XCTAssertFalse(result.agrees)
        let alone = Reconciliation.reconcile(publishedTable(Array(referenceLines.prefix(4))))
        XCTAssertTrue(alone.agrees)
        XCTAssertFalse(alone.wasCompared)
        XCTAssertEqual(alone.rowsChecked, 4)
    }
}
