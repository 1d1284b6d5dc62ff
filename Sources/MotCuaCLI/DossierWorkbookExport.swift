import Foundation
import MotCuaCore
import MotCuaIngest
import XlsxWriter

/// Rewrites a dossier CSV as the .xlsx a one-stop system's "Xuất Excel"
/// gives: two title rows (the first merged across the columns) above the
/// header, dates as Excel date serials with a date format, the numeric
/// columns (channel, status, level, counts) as numbers, the rest as text.
/// For `motcua generate --format xlsx` and the tests that compare an .xlsx
/// import with the CSV one.
enum DossierWorkbookExport {
    /// - Parameter constantMemory: libxlsxwriter streams the rows to disk (inline
    ///   strings) instead of holding the sheet (shared strings, as Excel writes).
    /// - Returns: the data rows written.
    static func write(csv csvPath: String, to path: String, title: String, subtitle: String,
                      constantMemory: Bool) throws -> Int {
        var csv = try CSVFile(path: csvPath)
        let map = HeaderMap<DossierColumn>(dossierHeader: csv.header)
        let dates: Set<Int> = Set([DossierColumn.receivedAt, .dueAt, .finishedAt, .returnedAt, .supplementRequestedAt,
                                   .supplementReceivedAt, .newDueAt, .updatedAt].compactMap { map.index[$0] })
        let numbers: Set<Int> = Set([DossierColumn.channel, .status, .level, .supplementCount, .apologyCount]
            .compactMap { map.index[$0] })
        let workbook = try Workbook(path: path, constantMemory: constantMemory)
        var rows = 0
        do {
            let sheet = try workbook.addWorksheet(named: "Danh sách hồ sơ")
            let titleFormat = CellFormat { $0.bold = true; $0.fontSize = 14; $0.horizontal = .center }
            let dateFormat = CellFormat { $0.numberFormat = "dd/mm/yyyy hh:mm:ss" }
            try sheet.merge(firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: max(0, csv.header.count - 1),
                            text: title, format: titleFormat)
            try sheet.write(subtitle, row: 1, column: 0, format: CellFormat { $0.italic = true })
            for (i, h) in csv.header.enumerated() {
                try sheet.write(h, row: 2, column: i, format: CellFormat { $0.bold = true; $0.border = true })
            }
            let parser = TimestampParser()
            let excelEpoch = LocalDateTime(date: CivilDate(year: 1899, month: 12, day: 30)!).secondsSinceEpoch
            var failure: (any Error)?
            try csv.reader.forEachRecord { row in
                guard failure == nil else { return }
                let r = 3 + rows
                rows += 1
                do {
                    for i in 0..<min(row.count, csv.header.count) {
                        let field = row[i]
                        if field.isEmpty { continue }
                        if dates.contains(i), case .value(let t) = parser.parse(field, .startOfDay) {
                            try sheet.write(Double(t.secondsSinceEpoch - excelEpoch) / 86_400, row: r, column: i,
                                            format: dateFormat)
                        } else if numbers.contains(i), field.count <= 9, field.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                            try sheet.write(Double(field.reduce(0) { $0 * 10 + Int($1 - 0x30) }), row: r, column: i)
                        } else {
                            try sheet.write(utf8: field, row: r, column: i)
                        }
                    }
                } catch { failure = error }
            }
            if let failure { throw failure }
            try workbook.close()
        } catch {
            try? workbook.close()
            throw error
        }
        return rows
    }
}
