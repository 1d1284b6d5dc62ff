import XCTest
import MotCuaTestSupport
import MotCuaCore
@testable import MotCuaStore

/// The store inserts dossiers 32 to a statement; whatever the batch
/// boundaries, an import must come out as if each line were stored in turn
/// (docs/rules.md#import): the newer state wins, within a file as across imports, and
/// identical repeats count once.
final class BatchedImportTests: TemporaryDirectoryTestCase {

    /// The rules, line by line, with nothing batched.
    struct Model {
        var stored: [String: Dossier] = [:]
        var inserted = 0, updated = 0, unchanged = 0, identical = 0, older = 0
        var duplicates: [(line: Int, code: String, firstLine: Int)] = []

        func version(_ d: Dossier) -> DossierVersion { DossierVersion(d, digest: DossierBatch.contentHash(of: d)) }

        mutating func importFile(_ file: [Dossier]) {
            inserted = 0; updated = 0; unchanged = 0; identical = 0; older = 0; duplicates = []
            var lastLine: [String: Int] = [:]
            var lost: [String: Dossier] = [:]  // the file's latest line of a code, when it lost
            var written: Set<String> = []      // codes this file inserted or updated
            for (i, d) in file.enumerated() {
                let line = i + 2
                let first = lastLine.updateValue(line, forKey: d.code)
                guard let existing = stored[d.code] else { stored[d.code] = d; inserted += 1; written.insert(d.code); continue }
                if existing == d { if first != nil { identical += 1 } else { unchanged += 1 }; continue }
                if let first {
                    if lost[d.code] == d { identical += 1; continue }
                    duplicates.append((line, d.code, first))
                }
                // The newest version wins, a repeat within the file included (docs/rules.md#import).
                if version(d) > version(existing) {
                    stored[d.code] = d; lost[d.code] = nil
                    if written.insert(d.code).inserted { updated += 1 }
                } else {
                    if first == nil { older += 1 }
                    lost[d.code] = d
                }
            }
        }
    }

    func randomFile(_ random: inout SplitMix64, rows: Int, codes: Int) -> [Dossier] {
        (0..<rows).map { _ in
            let day = Int(random.next() % 20) + 1
            let received = LocalDateTime(year: 2024, month: 3, day: day, hour: 8)!
            let finished = random.next() % 2 == 0 ? nil : LocalDateTime(year: 2024, month: 3, day: day + Int(random.next() % 5), hour: 15)
            return Dossier(code: "H\(random.next() % UInt64(codes))", unitCode: ["MK", "TU", "NEW"][Int(random.next() % 3)],
                           procedureCode: "P\(random.next() % 2)", channel: .online, receivedAt: received,
                           dueAt: LocalDateTime(year: 2024, month: 3, day: day + 3, hour: 17), finishedAt: finished,
                           status: finished == nil ? .processing : .processed,
                           applicant: random.next() % 4 == 0 ? nil : "Nguyễn Thị \(random.next() % 3)")
        }
    }

    func testBatchedImportsAgreeWithLineByLineRulesAcrossBatchBoundaries() throws {
        var random = SplitMix64(seed: 2024)
        for round in 0..<12 {
            let store = try DossierStore(path: dir.appendingPathComponent("r\(round).sqlite").path)
            var model = Model()
            // Few codes for many lines: repeats inside a batch, across batches and across imports.
            let codes = [5, 40, 90, 400][round % 4]
            for _ in 0..<3 {
                let file = randomFile(&random, rows: Int(random.next() % 150), codes: codes)
                let counts = try store.importDossiers(file, unitNames: [:],
                                                      audit: ImportAudit(fileName: "f.csv", rowsRead: file.count, rejected: 0, skipped: 0))
                model.importFile(file)
                let context = "round \(round), \(file.count) lines over \(codes) codes"
                XCTAssertEqual(counts.inserted, model.inserted, context)
                XCTAssertEqual(counts.updated, model.updated, context)
                XCTAssertEqual(counts.unchanged, model.unchanged, context)
                XCTAssertEqual(counts.identicalRepeats, model.identical, context)
                XCTAssertEqual(counts.olderInFile, model.older, context)
                XCTAssertEqual(counts.duplicates.map { "\($0.line) \($0.code) \($0.firstLine)" },
                               model.duplicates.map { "\($0.line) \($0.code) \($0.firstLine)" }, context)
                var stored: [String: Dossier] = [:]
                try store.forEachDossier(relevantFrom: LocalDateTime(year: 2000, month: 1, day: 1)!,
                                         to: LocalDateTime(year: 2100, month: 1, day: 1)!) { stored[$0.code] = $0 }
                XCTAssertEqual(stored, model.stored, context)
            }
        }
    }
}
