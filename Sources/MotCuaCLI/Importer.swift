import Crypto
import Foundation
import MotCuaCore
import MotCuaIngest
import MotCuaReport

/// The import steps shared by `import`, `report --input` and `run`: reference
/// files first, then each dossier file in its own transaction, a summary a
/// clerk can read, and the rejected rows written to a CSV beside the database.
struct Importer {
    let store: any DossierRepository
    var mapping = ResolvedMapping()
    /// Recomputes due dates that an export leaves blank (docs/rules.md#due-date-source).
    var calendar: WorkCalendar
    var quiet = false
    /// Where messages go: standard output/error by default, the run log in `motcua run`.
    var emit: (_ text: String, _ isError: Bool) -> Void = Importer.toTerminal

    /// Errors and warnings to standard error, the rest to standard output.
    static func toTerminal(_ text: String, _ isError: Bool) {
        if isError { printError(text) } else { printInfo(text) }
    }
    /// Where rejected rows are written: beside the database for `motcua import`
    /// (``DossierDatabase/rejectsFile(of:)``), beside the report for `report --input`.
    var rejectsPath: String
    /// SHA-256 digests the caller already computed, by path (`run` hashes each
    /// inbox file first to skip files imported before).
    var knownSHA256: [String: String] = [:]
    /// Off for a scratch store (``DossierStore/init(scratchAt:)``, `report
    /// --input`): a database made for one command has no damage to find
    /// before the first write, and no later import to recognise its files,
    /// so neither the integrity check nor the file, chunk and audit digests
    /// (about 0.6 s of CPU on a 400 MB export) serve anyone.
    var keepsRecords = true
    /// Shared by the copies of this importer, so that a command that imports
    /// in several steps (`motcua run`) checks the database once and writes one
    /// rejects file for all of them.
    private let session = Session()

    private final class Session {
        var checkedIntegrity = false
        var rejections: [RowRejection] = []
    }

    struct Outcome {
        var rejections: [RowRejection] = []
        var rejectedRows: Int { rejections.count }
        var rejectsFile: String?
    }

    /// Checks the database before the first write: a damaged file is left as
    /// it is. An import that recognises its file as applied writes nothing and
    /// needs no check (docs/rules.md#source-digests).
    private func beforeWriting() throws {
        if keepsRecords && !session.checkedIntegrity {
            try store.checkIntegrity()
            session.checkedIntegrity = true
        }
    }

    /// A read before the check that fails is most likely damage: the check then says so plainly.
    private func checkedOnFailure<T>(_ read: () throws -> T) throws -> T {
        do { return try read() } catch {
            try beforeWriting()
            throw error
        }
    }

    func run(units: String?, procedures: String?, dossierFiles: [String], evaluations: String? = nil) throws -> Outcome {
        var rejections = try importReference(units: units, procedures: procedures, evaluations: evaluations)
        if !dossierFiles.isEmpty {
            let (reference, dueDates) = try dossierReading()
            let seed = SourceContext.seed(mapping: mapping, reference: reference, calendar: calendar)
            for path in dossierFiles {
                rejections += try importDossiers(path, reference: reference, dueDates: dueDates, seed: seed)
            }
        }
        if let evaluations { rejections += try save(try readEvaluations(evaluations), from: evaluations) }
        return try finish(rejections)
    }

    /// For `report --input` (docs/rules.md#scratch-store): the files of
    /// ``run(units:procedures:dossierFiles:evaluations:)``, but each dossier
    /// file's batches go to `consume` instead of the store. The reference
    /// files and the evaluations are stored (the evaluations first, as the
    /// dossiers are counted while they are read), the units the dossiers
    /// name but the units file does not are created, and the messages and
    /// the rejected rows are those of `run`, in its order.
    ///
    /// `aggregate` is called once the reference files and evaluations are
    /// stored (the dossiers are counted against them), with the function that
    /// reads the dossier files into a consumer of batches, each batch counted
    /// into a copy of `tally` on the thread that decoded it.
    func read(units: String?, procedures: String?, dossierFiles: [String], evaluations: String?,
              into aggregate: (_ readDossiers: (_ tally: BatchTally, _ consume: (DossierBatch) throws -> Void) throws -> Void)
                  throws -> Void)
        throws -> Outcome {
        var rejections = try importReference(units: units, procedures: procedures, evaluations: evaluations)
        // Read and stored first; but a file that cannot be read fails, as in `run`,
        // only once the dossier files have been (their errors and warnings come first).
        let evaluated = evaluations.map { path in (path, Result { try readEvaluations(path) }) }
        var evaluationRejections: [RowRejection] = []
        if case let (path, .success(read))? = evaluated { evaluationRejections = try save(read, from: path) }
        let (reference, dueDates) = try dossierReading()
        try aggregate { tally, consume in
            // The newest state moment stored so far, as an import keeps it per file (import_batch.newest_state).
            var newestBefore: Int64? = nil
            for path in dossierFiles {
                var units: Set<String> = []
                var newest: Int64? = nil
                let summary = try readFile(path, reference: reference, dueDates: dueDates, digests: false, tally: tally,
                                           stretches: DossierFileReader.stretchBytes) { batch in
                    units.formUnion(batch.rowsByUnit.keys)
                    if let moment = batch.newestStateMoment { newest = max(newest ?? moment, moment) }
                    try consume(batch)
                }
                // The warnings of an import at the end of each file, in its order.
                warnIfOlder(summary.file, newestInFile: newest.map(LocalDateTime.init(secondsSinceEpoch:)),
                            storedBefore: newestBefore.map(LocalDateTime.init(secondsSinceEpoch:)))
                if let newest { newestBefore = max(newestBefore ?? newest, newest) }
                warnImplicitUnits(try store.addImplicitUnits(Array(units), names: summary.unitNames), file: summary.file)
                rejections += summary.rejections
            }
        }
        if case let (_, .failure(error))? = evaluated { throw error }
        return try finish(rejections + evaluationRejections)
    }

    /// The units and procedures files, stored; their rejected rows.
    private func importReference(units: String?, procedures: String?, evaluations: String?) throws -> [RowRejection] {
        var rejections: [RowRejection] = []
        if units != nil || procedures != nil || evaluations != nil { try beforeWriting() }
        if let units {
            let (list, rejected) = try UnitsFile.read(path: units)
            try store.saveUnits(list)
            rejections += rejected
            say("\(name(units)): \(formatCount(list.count)) đơn vị\(rejected.isEmpty ? "" : ", \(formatCount(rejected.count)) dòng bị từ chối").",
                "\(name(units)): \(formatCount(list.count)) units\(rejected.isEmpty ? "" : ", \(formatCount(rejected.count)) rows rejected").")
            let tree = UnitTree(try store.units())
            for code in tree.selfParents {
                warn(Message("units.self-parent", file: name(units),
                             vi: "đơn vị \(code) ghi chính nó là đơn vị cha; được coi là đơn vị cấp cao nhất.",
                             en: "unit \(code) names itself as its parent; it is treated as a top-level unit.", severity: .warning))
            }
            for cycle in tree.cycles {
                let loop = (cycle + [cycle[0]]).joined(separator: " → ")
                warn(Message("units.parent-loop", file: name(units),
                             vi: "đơn vị cha lặp vòng (\(loop)); \(cycle[0]) được coi là đơn vị cấp cao nhất.",
                             en: "the parent units form a loop (\(loop)); \(cycle[0]) is treated as a top-level unit.", severity: .warning))
            }
        }
        if let procedures {
            let (list, rejected) = try ProceduresFile.read(path: procedures)
            try store.saveProcedures(list)
            rejections += rejected
            say("\(name(procedures)): \(formatCount(list.count)) thủ tục\(rejected.isEmpty ? "" : ", \(formatCount(rejected.count)) dòng bị từ chối").",
                "\(name(procedures)): \(formatCount(list.count)) procedures\(rejected.isEmpty ? "" : ", \(formatCount(rejected.count)) rows rejected").")
        }
        return rejections
    }

    /// What every dossier file of a command is read against: the stored units and catalogue.
    private func dossierReading() throws -> (ReferenceData, DueDateCalculator) {
        let catalogue = ProcedureCatalogue(try checkedOnFailure { try store.procedures() })
        let reference = ReferenceData(units: try checkedOnFailure { try store.units() }, catalogue: catalogue)
        return (reference, DueDateCalculator(catalogue: catalogue, calendar: calendar))
    }

    /// Reads a dossier file into batches as every command of this importer
    /// does, stored or counted straight: with its mapping, the end of the
    /// working day and the due dates recomputed (docs/rules.md#due-date-source).
    private func readFile(_ path: String, reference: ReferenceData, dueDates: DueDateCalculator, chunks: ChunkLog? = nil,
                          digests: Bool = true, tally: BatchTally? = nil, stretches: Int? = nil,
                          onBatch: (DossierBatch) throws -> Void) throws -> DossierFileSummary {
        try DossierFileReader.streamBatches(path: path, reference: reference, mapping: mapping,
                                            endOfWorkingDay: calendar.workingHours.lastEnd,
                                            recomputeDue: { dueDates.computedDue(for: $0) }, chunks: chunks,
                                            digests: digests, tally: tally, stretches: stretches, onBatch: onBatch)
    }

    /// One dossier file stored (or recognised as applied before); its rejected rows.
    private func importDossiers(_ path: String, reference: ReferenceData, dueDates: DueDateCalculator,
                                seed: String) throws -> [RowRejection] {
        var summary: DossierFileSummary? = nil
        let known = knownSHA256[path]
        // What was applied before from a file decoded the same way (CSV only).
        let context = keepsRecords
            ? DossierFileReader.headerKey(path: path, mapping: mapping).map { SourceContext.key(seed: seed, header: $0) } : nil
        let applied = try checkedOnFailure { try context.map { try store.sourceDigests(context: $0) } ?? SourceDigests() }
        let size = SourceContext.size(of: path)
        var pieces: String? = nil
        if let size, applied.files.contains(where: { $0.size == size }) {
            pieces = try PieceDigest.ofFile(at: path)  // on both cores
            if let file = applied.files.first(where: { $0.size == size && $0.sha256 == pieces }) {
                summariseUnchanged(path, file)
                return []
            }
        }
        try beforeWriting()
        let chunks = context.map { _ in ChunkLog(known: applied.chunks, digest: SourceContext.sha256) }
        // Hashed on another thread while the file is read.
        let digest = keepsRecords && (known == nil || (context != nil && pieces == nil)) ? FileDigest(path: path) : nil
        let wholeDigest: @Sendable () throws -> String = { [pieces] in try pieces ?? digest!.pieces() }
        var counts = try store.importDossiers(fileName: path, sha256: try known ?? digest?.value()) { consume in
            let s = try readFile(path, reference: reference, dueDates: dueDates, chunks: chunks, onBatch: consume)
            summary = s
            var facts = ImportFileFacts(rowsRead: s.rowsRead, rejected: s.rejections.count, skipped: s.skipped,
                                        unitNames: s.unitNames)
            if let context, let chunks {
                let reused = chunks.reused
                let clean = s.rejections.isEmpty && size != nil
                facts.source = SourceRecord(context: context, chunks: chunks.chunks, wholeFile: clean ? .init(
                    size: size!, records: s.rowsRead + reused.reduce(0) { $0 + $1.records },
                    notReceived: s.skipped + reused.reduce(0) { $0 + $1.notReceived }, digest: wholeDigest) : nil)
            }
            return facts
        }
        // The skipped chunks' dossiers are part of the file's newest state too.
        if let skipped = chunks?.reused.compactMap(\.newestState).max() {
            counts.newestInFile = max(counts.newestInFile ?? LocalDateTime(secondsSinceEpoch: skipped),
                                      LocalDateTime(secondsSinceEpoch: skipped))
        }
        summarise(summary!, counts, reused: chunks?.reused ?? [], reference: reference)
        return summary!.rejections
    }

    private func readEvaluations(_ path: String) throws -> (evaluations: EvaluationsFile.Evaluations, rejections: [RowRejection]) {
        try EvaluationsFile.read(path: path, encoding: mapping.encoding, delimiter: mapping.delimiter)
    }

    /// The evaluations read from a file, stored; its rejected rows.
    private func save(_ read: (evaluations: EvaluationsFile.Evaluations, rejections: [RowRejection]),
                      from evaluations: String) throws -> [RowRejection] {
        let (values, rejected) = read
        let written = try store.saveEvaluations(values)
        say("\(name(evaluations)): \(formatCount(values.count)) hồ sơ được đánh giá (\(formatCount(written)) điểm tiêu chí)\(rejected.isEmpty ? "" : ", \(formatCount(rejected.count)) dòng bị từ chối").",
            "\(name(evaluations)): \(formatCount(values.count)) dossiers evaluated (\(formatCount(written)) indicator points)\(rejected.isEmpty ? "" : ", \(formatCount(rejected.count)) rows rejected").")
        return rejected
    }

    /// The command's rejected rows written beside the database or the report, and listed.
    private func finish(_ rejections: [RowRejection]) throws -> Outcome {
        var outcome = Outcome(rejections: rejections)
        // The rejects file always describes this command's imports: one left by
        // an earlier import would be taken for this one's.
        let path = rejectsPath
        session.rejections += rejections
        if session.rejections.isEmpty {
            if FileManager.default.fileExists(atPath: path) { try? FileManager.default.removeItem(atPath: path) }
        } else {
            try WorkbookWriter.writeAtomically(rejectsCSV(session.rejections), to: path)
        }
        if !rejections.isEmpty {
            outcome.rejectsFile = path
            for r in rejections.prefix(20) { emit("  " + r.text(), true) }
            if rejections.count > 20 {
                emit(localized("  … và \(formatCount(rejections.count - 20)) dòng khác.", "  … and \(formatCount(rejections.count - 20)) more."), true)
            }
            say("Đã ghi \(formatCount(session.rejections.count)) dòng bị từ chối vào \(path).",
                "Wrote \(formatCount(session.rejections.count)) rejected rows to \(path).", error: true)
        }
        return outcome
    }

    /// A file recognised whole (docs/rules.md#source-digests): nothing was read or written.
    private func summariseUnchanged(_ path: String, _ file: SourceFile) {
        say("""
            \(name(path)): giống hệt một tệp đã nhập (cùng SHA-256, dòng tiêu đề, ánh xạ và danh mục) — không đọc lại \
            \(formatCount(file.records)) dòng: mới 0, cập nhật 0, không đổi \(formatCount(file.records - file.notReceived)), \
            bỏ qua \(formatCount(file.notReceived)) (chưa tiếp nhận). Tệp này đã được nhập trước đó: dữ liệu không thay đổi.
            """, """
            \(name(path)): identical to a file imported before (same SHA-256, header, mapping and reference data) — its \
            \(formatCount(file.records)) rows were not read again: new 0, updated 0, unchanged \(formatCount(file.records - file.notReceived)), \
            skipped \(formatCount(file.notReceived)) (not yet received). This file was imported before: nothing changed.
            """)
    }

    private func summarise(_ file: DossierFileSummary, _ c: ImportCounts, reused: [SourceChunk] = [], reference: ReferenceData) {
        let nothing = c.inserted == 0 && c.updated == 0
        let sheetVI = file.sheet.map { " (trang tính \"\($0)\")" } ?? ""
        let sheetEN = file.sheet.map { " (sheet \"\($0)\")" } ?? ""
        if !reused.isEmpty {
            let rows = reused.reduce(0) { $0 + $1.records }
            let megabytes = Double(reused.reduce(0) { $0 + $1.end - $1.start }) / 1_048_576
            say("\(name(file.file)): \(formatCount(reused.count)) đoạn (\(formatCount(rows)) dòng, \(formatDecimal(megabytes, digits: 1)) MB) giống hệt lần nhập trước nên không đọc lại.",
                "\(name(file.file)): \(formatCount(reused.count)) chunks (\(formatCount(rows)) rows, \(formatDecimal(megabytes, digits: 1)) MB) are identical to an earlier import and were not read again.")
        }
        say("""
            \(name(file.file))\(sheetVI): đọc \(formatCount(file.rowsRead)) dòng — mới \(formatCount(c.inserted)), cập nhật \(formatCount(c.updated)), \
            không đổi \(formatCount(c.unchanged)), bỏ qua \(formatCount(file.skipped)) (chưa tiếp nhận), từ chối \(formatCount(file.rejections.count))\
            \(c.duplicates.isEmpty ? "" : ", trùng mã \(formatCount(c.duplicates.count))")\(c.identicalRepeats == 0 ? "" : ", lặp y hệt \(formatCount(c.identicalRepeats))").\
            \(nothing && c.unchanged > 0 ? " Tệp này đã được nhập trước đó: dữ liệu không thay đổi." : "")
            """, """
            \(name(file.file))\(sheetEN): read \(formatCount(file.rowsRead)) rows — new \(formatCount(c.inserted)), updated \(formatCount(c.updated)), \
            unchanged \(formatCount(c.unchanged)), skipped \(formatCount(file.skipped)) (not yet received), rejected \(formatCount(file.rejections.count))\
            \(c.duplicates.isEmpty ? "" : ", duplicate codes \(formatCount(c.duplicates.count))")\(c.identicalRepeats == 0 ? "" : ", identical repeats \(formatCount(c.identicalRepeats))").\
            \(nothing && c.unchanged > 0 ? " This file was imported before: nothing changed." : "")
            """)
        for d in c.duplicates.prefix(10) {
            emit("  " + DuplicateCode.rejection(file: file.file, line: d.line, code: d.code, firstLine: d.firstLine).text(), true)
        }
        if c.olderInFile > 0 {
            warn(Message("import.older-dossiers", file: name(file.file),
                         vi: "\(formatCount(c.olderInFile)) hồ sơ trong tệp cũ hơn dữ liệu đã có; giữ nguyên dữ liệu mới hơn.",
                         en: "\(formatCount(c.olderInFile)) dossiers in the file are older than the stored ones; the newer state was kept.",
                         severity: .warning))
        }
        warnIfOlder(file.file, newestInFile: c.newestInFile, storedBefore: c.newestStoredBefore)
        if !c.changedByUnit.isEmpty && !quiet {
            let names = reference.units
            for (code, n) in c.changedByUnit.sorted(by: { (names[$0.key]?.sortOrder ?? 9999, $0.key) < (names[$1.key]?.sortOrder ?? 9999, $1.key) }) {
                emit("    \(names[code]?.name ?? code): \(formatCount(n))", false)
            }
        }
        warnImplicitUnits(c.implicitUnits, file: file.file)
    }

    /// A file whose newest state moment is older than what was stored before it: an old export, perhaps by mistake.
    private func warnIfOlder(_ file: String, newestInFile incoming: LocalDateTime?, storedBefore stored: LocalDateTime?) {
        guard let stored, let incoming, incoming < stored else { return }
        warn(Message("import.older-file", file: name(file),
                     vi: "tệp này cũ hơn dữ liệu đã nhập (mốc mới nhất trong tệp \(incoming.vietnameseDescription), đã có \(stored.vietnameseDescription)). Có thể đã nhập nhầm tệp xuất cũ.",
                     en: "this file is older than the data already imported (newest in file \(incoming), stored \(stored)). An old export may have been imported by mistake.",
                     severity: .warning))
    }

    /// The units a dossier file named that the units file did not, created from its names.
    private func warnImplicitUnits(_ codes: [String], file: String) {
        guard !codes.isEmpty else { return }
        warn(Message("import.implicit-units", file: name(file),
                     vi: "\(formatCount(codes.count)) đơn vị không có trong danh sách đơn vị, đã tạo tạm từ tên trong tệp: \(codes.joined(separator: ", ")).",
                     en: "\(formatCount(codes.count)) units missing from the units file were created from the file's names: \(codes.joined(separator: ", ")).",
                     severity: .warning))
    }

    /// SHA-256 of the file as imported, for the audit row (and to recognise a file seen before).
    /// Read in 4 MB pieces, not mapped: the hash runs beside the import, and a
    /// second mapping of the file doubled the import's resident memory.
    static func sha256(ofFileAt path: String) throws -> String {
        // Opened like an export, for the same clear error on a missing or unreadable file.
        let handle = FileHandle(fileDescriptor: try CSVFile.openForReading(path), closeOnDealloc: true)
        var hasher = SHA256()
        while let piece = try handle.read(upToCount: 4 << 20), !piece.isEmpty { hasher.update(data: piece) }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    private func say(_ vi: String, _ en: String, error: Bool = false) {
        if quiet && !error { return }
        emit(localized(vi, en), error)
    }

    /// A warning, shown even when quiet: "Cảnh báo: tệp.csv: …".
    private func warn(_ message: Message) { emit(message.labelled(), true) }

    private func name(_ path: String) -> String { (path as NSString).lastPathComponent }

    private func rejectsCSV(_ rows: [RowRejection]) -> Data {
        var out = "\u{FEFF}Tep,Dong,Cot,GiaTri,LyDo,Reason\r\n"
        for r in rows {
            let text = [r.file, r.column, r.value, r.reason.vi, r.reason.en].map(CSVField.text)
            out += ([text[0], CSVField.number(r.line)] + text[1...]).joined(separator: ",") + "\r\n"
        }
        return Data(out.utf8)
    }
}

/// The decoding context of an export's chunks (docs/rules.md#source-digests):
/// what besides the bytes decides the dossiers they become.
enum SourceContext {
    /// Raised when a change to the decoder makes the same bytes decode to
    /// other dossiers: every file is then read again once.
    static let decoderRevision = 1

    /// The mapping, units, procedures and calendar, digested once per command.
    static func seed(mapping: ResolvedMapping, reference: ReferenceData, calendar: WorkCalendar) -> String {
        var hasher = SHA256()
        func add(_ text: String) { hasher.update(data: Data(text.utf8)); hasher.update(data: Data([0])) }
        add("revision \(decoderRevision)")
        add(mapping.fingerprint)
        for u in reference.units.values.sorted(by: { $0.code < $1.code }) {
            add([u.code, u.name, u.level, u.parentCode ?? "-", String(u.sortOrder), String(u.isImplicit)].joined(separator: "\u{1F}"))
        }
        for p in reference.catalogue.procedures.sorted(by: { $0.code < $1.code }) {
            add([p.code, p.name, p.fieldCode ?? "-", p.fieldName ?? "-", p.level.map { String($0.rawValue) } ?? "-",
                 p.duration.map { String($0) } ?? "-", p.durationUnit.rawValue, p.applicableLevels.sorted().joined(separator: ";"),
                 p.disclosure.map(String.init) ?? "-"].joined(separator: "\u{1F}"))
        }
        hasher.update(data: Data(calendar.identityBytes))
        return hex(hasher.finalize())
    }

    static func key(seed: String, header: String) -> String {
        hex(SHA256.hash(data: Data((seed + "\n" + header).utf8)))
    }

    static let sha256: @Sendable (UnsafeBufferPointer<UInt8>) -> String = { bytes in
        hex(SHA256.hash(data: UnsafeRawBufferPointer(bytes)))
    }

    /// The size of a regular file, `nil` for anything else (a pipe has no stable bytes to recognise).
    static func size(of path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    private static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        for b in digest { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }
}

/// The whole-file digest kept in `source_file` (docs/rules.md#source-digests): the
/// SHA-256 of the SHA-256s of the file's successive 4 MB pieces. Unlike the
/// file's plain SHA-256 its pieces are hashed on both cores at once, which
/// halves the time to recognise an unchanged 400 MB export.
enum PieceDigest {
    static let pieceSize = 4 << 20

    /// The digest of the file at `path`, its pieces hashed on two threads.
    static func ofFile(at path: String) throws -> String {
        let fd = try CSVFile.openForReading(path)
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw PieceDigest.unreadable(path) }
        let size = Int(info.st_size)
        let count = (size + pieceSize - 1) / pieceSize
        let digests = PieceList(count: count)
        // Mapped, not read: copying 400 MB out of the page cache was a seventh of the time.
        guard size > 0, let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else {
            if size == 0 { return combine([]) }
            throw unreadable(path)
        }
        defer { munmap(base, size) }
        let address = UInt(bitPattern: base)  // the mapping outlives both threads
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            let bytes = UnsafeRawBufferPointer(start: UnsafeRawPointer(bitPattern: address), count: size)
            var k = half
            while k < count {
                let piece = UnsafeRawBufferPointer(rebasing: bytes[(k * pieceSize)..<min(size, (k + 1) * pieceSize)])
                digests.set(k, SHA256.hash(data: piece))
                // Given back once hashed (the page cache keeps them): resident memory stays small.
                _ = madvise(UnsafeMutableRawPointer(mutating: piece.baseAddress!), piece.count, MADV_DONTNEED)
                k += 2
            }
        }
        return combine(digests.all)
    }

    static func unreadable(_ path: String) -> Message {
        Message("input.unreadable", file: path, vi: "Không đọc được tệp (không có quyền đọc?).", en: "Cannot read the file (permission?).")
    }

    static func combine(_ digests: [SHA256.Digest]) -> String {
        var hasher = SHA256()
        for d in digests { hasher.update(data: Array(d)) }
        return "pieces-" + hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}

/// The pieces' digests, each written by one of the two hashing threads.
private final class PieceList: @unchecked Sendable {
    private var digests: [SHA256.Digest?]
    private let lock = NSLock()
    init(count: Int) { digests = Array(repeating: nil, count: count) }
    func set(_ k: Int, _ d: SHA256.Digest) { lock.lock(); digests[k] = d; lock.unlock() }
    var all: [SHA256.Digest] { digests.map { $0! } }
}

/// The SHA-256 of a file, and its ``PieceDigest``, computed on their own
/// thread: hashing a 400 MB export takes a fifth of a second that the import
/// need not wait for.
final class FileDigest: @unchecked Sendable {
    private let condition = NSCondition()
    private var result: Result<(String, String), any Error>?

    init(path: String) {
        let thread = Thread { [self] in
            let outcome = Result { try FileDigest.digests(ofFileAt: path) }
            condition.lock()
            result = outcome
            condition.broadcast()
            condition.unlock()
        }
        thread.start()
    }

    /// One reading for both: the file's SHA-256 and the digests of its pieces.
    private static func digests(ofFileAt path: String) throws -> (String, String) {
        let fd = try CSVFile.openForReading(path)
        defer { close(fd) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: PieceDigest.pieceSize, alignment: 16)
        defer { buffer.deallocate() }
        var hasher = SHA256()
        var pieces: [SHA256.Digest] = []
        var offset = 0
        while true {
            // Whole pieces (a short read is continued), so the boundaries are those of PieceDigest.ofFile.
            var n = 0
            while n < PieceDigest.pieceSize {
                let got = pread(fd, buffer.baseAddress! + n, PieceDigest.pieceSize - n, off_t(offset + n))
                if got < 0 { throw PieceDigest.unreadable(path) }
                if got == 0 { break }
                n += got
            }
            if n == 0 { break }
            let piece = UnsafeRawBufferPointer(rebasing: buffer[..<n])
            hasher.update(bufferPointer: piece)
            pieces.append(SHA256.hash(data: piece))
            offset += n
            if n < PieceDigest.pieceSize { break }
        }
        return (hasher.finalize().map { String(format: "%02x", $0) }.joined(), PieceDigest.combine(pieces))
    }

    /// Waits for the digest; rethrows the file's error.
    func value() throws -> String {
        condition.lock(); defer { condition.unlock() }
        while result == nil { condition.wait() }
        return try result!.get().0
    }

    /// Waits for the ``PieceDigest``.
    func pieces() throws -> String {
        condition.lock(); defer { condition.unlock() }
        while result == nil { condition.wait() }
        return try result!.get().1
    }
}

