@testable import MotCuaCore

/// The published Tân Uyên appendix of October 2020 (SampleData/tan-uyen-2020-10/
/// published-phu-luc-2020-10.csv), without its header: the columns follow
/// `AppendixColumn.allCases` after STT and name.
let referenceLines = [
    "1,Bộ phận TN&TKQ Huyện Tân Uyên,281,364,78,348,200,3,12,0,0,4,5,278,3,70,203,0,13,95.5",
    "2,UBND xã Mường Khoa,23,364,23,348,0,0,12,0,0,4,0,23,0,18,0,0,5,78.3",
    "3,Ban quản lý dự án- Tân Uyên,0,364,0,348,0,0,12,0,0,4,0,0,0,0,0,0,0,0",
    "4,UBND xã Nậm Sỏ,25,364,19,348,6,0,12,0,0,4,0,25,0,9,6,0,10,60",
    "5,UBND xã Trung Đồng,68,364,57,348,8,0,12,0,0,4,0,68,0,57,8,0,3,95.6",
    "6,UBND xã Hồ Mít,314,364,182,348,126,0,12,6,0,4,0,314,0,182,126,6,0,100",
    "7,UBND xã Phúc Khoa,129,364,32,348,97,0,12,0,0,4,0,129,0,27,97,0,5,96.1",
    "8,UBND xã Nậm Cắn,268,364,196,348,72,0,12,0,0,4,0,268,0,194,71,0,3,98.9",
    "9,UBND xã Pắc Ta,69,364,59,348,8,0,12,2,0,4,0,69,0,57,8,2,2,97.1",
    "10,UBND xã Tà Mít,148,364,78,348,25,0,12,42,3,4,0,145,3,78,25,45,0,100",
    "11,UBND xã Thân Thuộc,582,364,468,348,114,0,12,0,0,4,1,582,0,466,113,0,4,99.3",
    "TỔNG CỘNG,,1907,364,1192,348,656,3,12,50,3,4,6,1901,6,1158,657,53,45,",
]

/// A published row from a reference-format line; blank cells stay blank.
func publishedRow(_ line: String) -> PublishedTable.Row {
    let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    var row = PublishedTable.Row(stt: cells[0], unitName: cells[1])
    for (c, text) in zip(AppendixColumn.allCases, cells.dropFirst(2)) where !text.isEmpty {
        row[c] = Double(text)!
    }
    return row
}

func publishedTable(_ lines: [String] = referenceLines) -> PublishedTable {
    PublishedTable(rows: lines.map(publishedRow))
}

/// A computed row whose figures print as `row` does in the appendix: the
/// received dossiers the level columns leave out are level "other", the
/// finished ones too (so the rate is finished / (backlog + received) of all).
func computedRow(like row: PublishedTable.Row, code: String? = nil, name: String? = nil,
                 finishedOfUnknownLevel: Int = 0) -> ReportRow {
    func v(_ c: AppendixColumn) -> Int { Int(row[c] ?? 0) }
    var f = UnitFigures()
    f.received = v(.hstnTong)
    f.receivedByLevel.level2 = v(.hstnMd2)
    f.receivedByLevel.level3 = v(.hstnMd3TrucTiep) + v(.hstnMd3TrucTuyen)
    f.receivedByLevel.level4 = v(.hstnMd4TrucTiep) + v(.hstnMd4TrucTuyen)
    f.receivedByLevel.other = f.received - f.receivedByLevel.level2 - f.receivedByLevel.level3 - f.receivedByLevel.level4
    f.receivedOnlineByLevel.level3 = v(.hstnMd3TrucTuyen)
    f.receivedOnlineByLevel.level4 = v(.hstnMd4TrucTuyen)
    f.receivedDirect = v(.tiepNhanMcdt)
    f.receivedOnline = v(.tiepNhanTrucTuyen)
    f.backlog = v(.hoSoTon)
    f.finishedByLevel.level2 = v(.daGiaiQuyetMd2)
    f.finishedByLevel.level3 = v(.daGiaiQuyetMd3)
    f.finishedByLevel.level4 = v(.daGiaiQuyetMd4)
    f.finishedByLevel.other = finishedOfUnknownLevel
    f.finished = f.finishedByLevel.total
    f.pending = v(.chuaGiaiQuyet)
    var p = ProcedureCounts()
    p.total = v(.tthcTong); p.level2 = v(.tthcMd2); p.level3 = v(.tthcMd3); p.level4 = v(.tthcMd4)
    return ReportRow(unit: OrgUnit(code: code ?? "U\(row.stt)", name: name ?? row.unitName), figures: f,
                     procedures: p, workingDayLength: 27_000)
}

/// The computed side of the reference: every published cell reproduced.
func computedReference(_ lines: [String] = referenceLines) -> ComputedTable {
    let rows = lines.map(publishedRow)
    return ComputedTable(rows: rows.filter { !$0.isTotal }.map { computedRow(like: $0) },
                         total: computedRow(like: rows.last!, code: "TU", name: "UBND huyện Tân Uyên"))
}

/// The line with one cell replaced.
func replacing(_ column: AppendixColumn, with text: String, in line: String) -> String {
    var cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    cells[2 + AppendixColumn.allCases.firstIndex(of: column)!] = text
    return cells.joined(separator: ",")
}
