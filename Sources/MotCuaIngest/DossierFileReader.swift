import Foundation
import MotCuaCore

/// What reading an export found besides its dossiers.
package struct DossierFileSummary: Sendable {
    package let file: String
    package internal(set) var rowsRead = 0
    package internal(set) var skipped = 0
    package internal(set) var rejections: [RowRejection] = []
    package internal(set) var unitNames: [String: String] = [:]
    /// The worksheet read, for an .xlsx export.
    package internal(set) var sheet: String?

    /// Adds what the next stretch of the file found, its lines counted from 0
    /// after `linesBefore` (``CSVSegments``); a unit keeps its first name.
    mutating func append(_ later: DossierFileSummary, linesBefore: Int) {
        rowsRead += later.rowsRead
        skipped += later.skipped
        rejections += later.rejections.map { $0.shifted(by: linesBefore) }
        unitNames.merge(later.unitNames) { first, _ in first }
    }
}

/// Where the decoder's records come from: a CSV text, or an .xlsx worksheet
/// whose cells are laid out as the same byte ranges (``CSVRow``).
protocol DossierRecordSource: Sendable {
    mutating func forEachRow(_ body: (CSVRow) throws -> Void) throws
}

extension CSVReader: DossierRecordSource {
    mutating func forEachRow(_ body: (CSVRow) throws -> Void) throws { try forEachRecord(body) }
}

/// The rows below an .xlsx worksheet's header; a damaged part ends in a message naming the file.
struct XLSXRecords: DossierRecordSource {
    let rows: XLSXSheetRows
    let file: String
    func forEachRow(_ body: (CSVRow) throws -> Void) throws {
        do {
            while try rows.next() { try rows.withRow(body) }
        } catch let error as ZipError {
            throw XLSXDossierSheet.damaged(file, error.detail)
        }
    }
}

/// Ends the decoding thread when the caller has stopped taking batches.
private struct ProducerStop: Error {}

/// The summary a producer thread leaves for the caller; written before
/// ``BatchPipe/finish(throwing:)`` and read after it, so no lock is needed.
private final class ProducerResult: @unchecked Sendable {
    var summary: DossierFileSummary?
}

/// Reads a dossier export file.
package enum DossierFileReader {
    /// Decodes the file record by record, handing each usable dossier and its
    /// line to `onDossier` as it goes.
    package static func stream(path: String, reference: ReferenceData,
                              mapping: ResolvedMapping = ResolvedMapping(),
                              endOfWorkingDay: Int = 17 * 3600,
                              recomputeDue: (@Sendable (Dossier) -> LocalDateTime?)? = nil,
                              onDossier: (Dossier, Int) throws -> Void) throws -> DossierFileSummary {
        try streamBatches(path: path, reference: reference, mapping: mapping, endOfWorkingDay: endOfWorkingDay,
                          recomputeDue: recomputeDue) { batch in
            for k in 0..<batch.count { try onDossier(batch.dossier(k), batch.lines[k]) }
        }
    }

    /// Decodes the file on a second thread and hands the usable dossiers to
    /// `onBatch`, a few thousand at a time, on the calling thread: an import
    /// of millions of rows never holds them all in memory, and storing one
    /// batch overlaps with reading the next.
    /// Without `digests` the batches carry no content digests (0 for every
    /// row): for dossiers that are counted, not stored (`report --input`).
    /// With `tally`, each batch counts its dossiers as they are decoded
    /// (``BatchTally``) and carries no texts.
    /// With `stretches`, a CSV export of more than two of them and no `chunks`
    /// is decoded by several threads, that many bytes at a time
    /// (``CSVSegments``): for a caller whose own work is light.
    package static func streamBatches(path: String, reference: ReferenceData,
                                     mapping: ResolvedMapping = ResolvedMapping(),
                                     endOfWorkingDay: Int = 17 * 3600,
                                     recomputeDue: (@Sendable (Dossier) -> LocalDateTime?)? = nil,
                                     chunks: ChunkLog? = nil, digests: Bool = true, tally: BatchTally? = nil,
                                     stretches: Int? = nil,
                                     onBatch: (DossierBatch) throws -> Void) throws -> DossierFileSummary {
        let timestamps = TimestampParser(endOfWorkingDay: endOfWorkingDay, dayFirst: mapping.dayFirst)
        switch try DossierFileKind.of(path) {
        case .compound:
            throw XLSXDossierSheet.compoundFileError(path: path)
        case .xlsx:
            let sheet = try XLSXDossierSheet.open(path: path, aliases: mapping.aliases)
            let map = HeaderMap<DossierColumn>(dossierHeader: sheet.header, extraAliases: mapping.aliases)
            let decoder = DossierRowDecoder(file: sheet.file, header: map, reference: reference, timestamps: timestamps,
                                            vocabulary: mapping.vocabulary, recomputeDue: recomputeDue)
            let missing = decoder.missingRequiredColumns()
            if !missing.isEmpty {
                throw Message.input("sheet-missing-columns", file: sheet.file, line: sheet.headerRow,
                                     "Trang tính \"\(sheet.sheetName)\": thiếu cột bắt buộc: \(missing.joined(separator: ", ")).",
                                     "Sheet \"\(sheet.sheetName)\": missing required columns: \(missing.joined(separator: ", ")).")
            }
            let dates: [DossierColumn] = [.receivedAt, .dueAt, .finishedAt, .returnedAt, .supplementRequestedAt,
                                          .supplementReceivedAt, .newDueAt, .updatedAt]
            sheet.rows.narrow(to: sheet.header.count, dateColumns: Set(dates.compactMap { map.index[$0] }))
            var summary = try decodeOnSecondThread(XLSXRecords(rows: sheet.rows, file: sheet.file), decoder: decoder,
                                                   file: sheet.file, hasUnitNames: map.index[.unitName] != nil,
                                                   digests: digests, tally: tally, onBatch: onBatch)
            summary.sheet = sheet.sheetName
            return summary
        case .text:
            break
        }
        let csv = try CSVFile(path: path, encoding: mapping.encoding, delimiter: mapping.delimiter, checkingUTF8: false)
        let map = HeaderMap<DossierColumn>(dossierHeader: csv.header, extraAliases: mapping.aliases)
        let decoder = DossierRowDecoder(file: csv.fileName, header: map, reference: reference,
                                        timestamps: timestamps,
                                        vocabulary: mapping.vocabulary, recomputeDue: recomputeDue)
        let missing = decoder.missingRequiredColumns()
        if !missing.isEmpty {
            try csv.reader.text.checkUTF8()  // a header in another encoding is that problem, not missing columns
            let nothingRecognised = map.index.isEmpty
            throw Message.input(nothingRecognised ? "no-header" : "missing-columns", 
                file: csv.fileName, line: 1,
                nothingRecognised ? "Không nhận ra dòng tiêu đề của tệp hồ sơ (cần các cột như MaHoSo, MaDonVi, MaTTHC, NgayTiepNhan…). Có thể tệp bị chọn nhầm, hoặc cần tệp ánh xạ cột (--mapping)."
                           : "Thiếu cột bắt buộc: \(missing.joined(separator: ", ")).",
                nothingRecognised ? "No recognisable dossier header (expected columns such as MaHoSo, MaDonVi, MaTTHC, NgayTiepNhan…). Wrong file, or a column mapping is needed (--mapping)."
                           : "Missing required columns: \(missing.joined(separator: ", ")).")
        }
        var reader = csv.reader
        reader.expectedFieldCount = csv.header.count
        reader.chunkLog = chunks
        if let bytes = stretches, chunks == nil, csv.reader.text.withBytes({ $0.count - reader.position }) > 2 * bytes {
            return try CSVSegments.decode(reader, decoder: decoder, file: csv.fileName,
                                          hasUnitNames: map.index[.unitName] != nil,
                                          fieldCheck: (csv.header.count, map.index[.code] ?? 0), digests: digests,
                                          tally: tally, bytes: bytes, threads: ReadingThreads.count, onBatch: onBatch)
        }
        return try decodeOnSecondThread(reader, decoder: decoder, file: csv.fileName,
                                        hasUnitNames: map.index[.unitName] != nil,
                                        fieldCheck: (csv.header.count, map.index[.code] ?? 0), chunks: chunks,
                                        digests: digests, tally: tally, onBatch: onBatch)
    }

    /// Checks, parses and decodes the records on a second thread while the
    /// caller stores: on the 2-core office machine storing is the longer half
    /// of an import. Generic, so each source's loop is compiled on its own.
    /// `fieldCheck` (CSV only: a sheet's rows are placed by cell reference and
    /// cannot shift) rejects records whose field count is not the header's.
    private static func decodeOnSecondThread<Source: DossierRecordSource>(
        _ source: Source, decoder: DossierRowDecoder, file: String, hasUnitNames: Bool,
        fieldCheck: (expected: Int, codeField: Int)? = nil, chunks: ChunkLog? = nil, digests: Bool,
        tally: BatchTally? = nil, onBatch: (DossierBatch) throws -> Void
    ) throws -> DossierFileSummary {
        let pipe = BatchPipe<DossierBatch>()
        let result = ProducerResult()
        let producer = Thread {
            var source = source
            var decoding = RecordDecoding(decoder: decoder, file: file, hasUnitNames: hasUnitNames, fieldCheck: fieldCheck,
                                          chunks: chunks, digests: digests, tally: tally)
            do {
                try source.forEachRow { row in
                    if let full = decoding.take(row) {
                        guard pipe.put(full) else { throw ProducerStop() }  // the caller failed
                    }
                }
                if let last = decoding.rest() { _ = pipe.put(last) }
            } catch is ProducerStop {
            } catch {
                pipe.finish(throwing: error)
                return
            }
            result.summary = decoding.summary
            pipe.finish()
        }
        producer.stackSize = 8 << 20
        producer.start()
        do {
            while let batch = try pipe.take() { try onBatch(batch) }
        } catch {
            pipe.cancel()
            pipe.waitUntilFinished()
            throw error
        }
        pipe.waitUntilFinished()
        return result.summary!
    }

    /// What of a CSV export's opening decides how its records decode: encoding,
    /// delimiter, byte order mark and header fields; `nil` for a workbook or a
    /// file that does not open (the import then reports why).
    package static func headerKey(path: String, mapping: ResolvedMapping) -> String? {
        guard (try? DossierFileKind.of(path)) == .text,
              let csv = try? CSVFile(path: path, encoding: mapping.encoding, delimiter: mapping.delimiter, checkingUTF8: false)
        else { return nil }
        let t = csv.reader.text
        return "\(t.encoding.rawValue)|\(csv.reader.delimiter)|\(t.hadByteOrderMark)|" + csv.header.joined(separator: "\u{1F}")
    }

    /// Dossiers handed over at a time between the decoding and storing threads.
    static let batchSize = 2048

    /// Dossiers counted into one ``BatchTally`` (`report --input`): the caller
    /// merges each batch's aggregators, a cost per batch and unit, not per
    /// row. At 2,048 the merges were a quarter of the calling thread's time
    /// on a 1,000,000-row export, taken from the two reading threads' cores.
    static let tallyBatchSize = 8192

    /// The bytes of text a reading thread takes at a time for ``CSVSegments``:
    /// about 20,000 rows of an iGate-style export, small enough that the
    /// stretches read ahead of the consumer stay a few tens of megabytes.
    package static let stretchBytes = 8 << 20
}

/// What one reading thread makes of records in file order: the usable
/// dossiers packed into batches, and the summary of the rest.
struct RecordDecoding {
    private var decoder: DossierRowDecoder
    private let hasUnitNames: Bool
    /// CSV only: a sheet's rows are placed by cell reference and cannot shift.
    private let fieldCheck: (expected: Int, codeField: Int)?
    private let chunks: ChunkLog?
    private let digests: Bool
    /// Counts the dossiers of each batch as they are decoded (``BatchTally``), when given.
    private let tally: BatchTally?
    private(set) var summary: DossierFileSummary
    private var batch: DossierBatch
    private let batchSize: Int
    /// By the decoder's ``DossierRowDecoder/unitOrdinal``: whether the unit's
    /// name is known, and its rows in the batch. A dictionary lookup of the
    /// code for every row, twice, was 2 % of the reading thread.
    private var units: [UnitTally] = []
    private var unitsInBatch: [Int] = []

    private struct UnitTally {
        var code = ""
        var named = false
        var rowsInBatch = 0
    }

    init(decoder: DossierRowDecoder, file: String, hasUnitNames: Bool, fieldCheck: (expected: Int, codeField: Int)?,
         chunks: ChunkLog?, digests: Bool, tally: BatchTally? = nil) {
        self.decoder = decoder; self.hasUnitNames = hasUnitNames; self.fieldCheck = fieldCheck
        self.chunks = chunks; self.digests = digests; self.tally = tally
        summary = DossierFileSummary(file: file)
        batchSize = tally == nil ? DossierFileReader.batchSize : DossierFileReader.tallyBatchSize
        batch = DossierBatch(capacity: batchSize, digests: digests, tally: tally)
    }

    /// Decodes one record; returns the batch it filled, if it did.
    mutating func take(_ row: CSVRow) -> DossierBatch? {
        summary.rowsRead += 1
        // Fields shifted, cut short or swallowed by a stray quote: no column can be trusted.
        if let check = fieldCheck, row.count != check.expected || row.brokenQuote {
            summary.rejections.append(FieldCount.rejection(file: summary.file, row: row, expected: check.expected,
                                                           code: check.codeField))
            chunks?.rejected()
            return nil
        }
        switch decoder.decode(row) {
        case .skipped:
            summary.skipped += 1
            chunks?.notYetReceived()
        case .rejected(let r):
            summary.rejections.append(r)
            chunks?.rejected()
        case .dossier(let d, let line):
            let unit = decoder.unitOrdinal
            if unit >= units.count { units.append(contentsOf: repeatElement(UnitTally(), count: unit + 1 - units.count)) }
            if hasUnitNames && !(unit >= 0 && units[unit].named) {
                if summary.unitNames[d.unitCode] == nil {
                    let name = decoder.unitName(in: row)
                    if !name.isEmpty { summary.unitNames[d.unitCode] = name }
                }
                if unit >= 0 && summary.unitNames[d.unitCode] != nil { units[unit].named = true }
            }
            if unit >= 0 {
                if units[unit].rowsInBatch == 0 { unitsInBatch.append(unit); units[unit].code = d.unitCode }
                units[unit].rowsInBatch += 1
            }
            batch.append(d, line: line, countingUnit: unit < 0)
            if let chunks, let moment = batch.number(batch.count - 1, .stateMoment) { chunks.stored(stateMoment: moment) }
            if batch.count == batchSize { return handOver() }
        }
        return nil
    }

    /// The last batch, not full, if any dossier is in it.
    mutating func rest() -> DossierBatch? {
        batch.isEmpty ? nil : handOver()
    }

    /// The batch with its rows counted per unit, and a new one begun.
    private mutating func handOver() -> DossierBatch {
        for unit in unitsInBatch {
            batch.count(units[unit].rowsInBatch, ofUnit: units[unit].code)
            units[unit].rowsInBatch = 0
        }
        unitsInBatch.removeAll(keepingCapacity: true)
        defer { batch = DossierBatch(capacity: batchSize, digests: digests, tally: tally) }
        return batch
    }
}

/// The report line for a record whose field count is not the header's.
enum FieldCount {
    static func rejection(file: String, row: CSVRow, expected: Int, code: Int) -> RowRejection {
        let reason = row.brokenQuote
            ? Message.row(
                "broken-quote", "Dòng này có \(row.fieldsOnFirstLine) trường nhưng dòng tiêu đề có \(expected) trường: một dấu ngoặc kép (\") mở ở đây không được đóng đúng chỗ. Chỉ bỏ dòng này, đọc tiếp từ dòng sau.",
                "This line has \(row.fieldsOnFirstLine) fields but the header has \(expected): a quote (\") opened here is not closed where it should be. Only this line is skipped; reading goes on at the next line.")
            : Message.row(
                "field-count", "Bản ghi có \(row.count) trường nhưng dòng tiêu đề có \(expected) trường; bản ghi bị bỏ qua.",
                "The record has \(row.count) fields but the header has \(expected); the record is skipped.")
        return RowRejection(file: file, line: row.line, column: "", value: codeField(row, code), reason: reason)
    }

    /// The dossier code as far as it can be told, for the clerk to find the record.
    private static func codeField(_ row: CSVRow, _ i: Int) -> String {
        String(row.string(i).prefix(60))
    }
}

/// The report line for a MaHoSo repeated with other content in one file (docs/rules.md#import).
package enum DuplicateCode {
    package static func rejection(file: String, line: Int, code: String, firstLine: Int) -> RowRejection {
        RowRejection(file: file, line: line, column: "MaHoSo", value: code, reason: .row(
            "duplicate-code", "Mã hồ sơ trùng với dòng \(firstLine) nhưng khác nội dung; giữ bản có trạng thái mới hơn.",
            "Same dossier code as line \(firstLine) with other content; the newer state is kept."))
    }
}
