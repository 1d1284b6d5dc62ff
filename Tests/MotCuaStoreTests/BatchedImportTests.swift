import XCTest
import MotCuaTestSupport
import MotCuaCore
@testable import MotCuaStore

/// The store inserts dossiers 32 to a statement; whatever the batch
/// boundaries, an import must come out as if each line were stored in turn
/// (docs/rules.md#import): the newer state wins, within a file as across imports, and
/// identical repeats count once.
final class BatchedImportTests: TemporaryDirectoryTestCase {

    /// The rules of the core applied line by line, with nothing batched and
    /// nothing remembered by digest.
    struct Model {
        var stored: [String: Dossier] = [:]
        var inserted = 0, updated = 0, unchanged = 0, identical = 0, older = 0
        var duplicates: [(line: Int, code: String, firstLine: Int)] = []

        mutating func importFile(_ file: [Dossier]) {
            inserted = 0; updated = 0; unchanged = 0; identical = 0; older = 0; duplicates = []
            var lastLine: [String: Int] = [:]
            var latest: [String: Dossier] = [:]  // the file's latest line of each code
            var written: Set<String> = []        // codes this file inserted or updated
            for (i, d) in file.enumerated() {
                let line = i + 2
                let earlierLine = lastLine.updateValue(line, forKey: d.code)
                let earlier = latest.updateValue(d, forKey: d.code)
                guard let existing = stored[d.code] else { stored[d.code] = d; inserted += 1; written.insert(d.code); continue }
                if let earlier, let earlierLine {
                    switch DuplicateRule.resolve(earlier: earlier, later: d) {
                    case .repeat: identical += 1; continue
                    case .supersedes: duplicates.append((line, d.code, earlierLine))
                    }
                }
                if existing == d { if earlierLine == nil { unchanged += 1 }; continue }
                // The newer state wins, a duplicate within the file included (docs/rules.md#import).
                if DossierVersion.newer(stored: DossierVersion(existing), incoming: DossierVersion(d)) {
                    stored[d.code] = d
                    if written.insert(d.code).inserted { updated += 1 }
                } else if earlierLine == nil {
                    older += 1
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
            // Through the protocol the commands use.
            let store: any DossierRepository = try DossierStore(path: dir.appendingPathComponent("r\(round).sqlite").path)
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

    /// A version of dossier `code`, drawn from few values per field so that
    /// moments tie often and the digest decides.
    func randomVersion(_ code: String, _ random: inout SplitMix64) -> Dossier {
        func pick<T>(_ values: [T]) -> T { values[Int(random.next() % UInt64(values.count))] }
        let day = { (d: Int) in LocalDateTime(year: 2024, month: 3, day: d, hour: 9)! }
        let finished: LocalDateTime? = pick([nil, day(3), day(4)])
        let returned: LocalDateTime? = finished == nil ? nil : pick([nil, day(5)])
        return Dossier(code: code, unitCode: "MK", procedureCode: "P1", channel: .direct, receivedAt: day(1),
                       dueAt: day(8), finishedAt: finished, returnedAt: returned,
                       status: returned != nil ? .returned : finished != nil ? .processed : .processing,
                       supplementRequestedAt: pick([nil, day(2)]), officer: pick([nil, "Lò Văn A", "Lò Văn B"]),
                       updatedAt: pick([nil, nil, day(4), day(6)]))
    }

    /// The store decides every pair (stored, incoming) as the core's function
    /// does, across imports and between two lines of one file, so the two
    /// cannot drift apart.
    func testEveryStoredStateIsTheCoreRulesChoice() throws {
        var random = SplitMix64(seed: 1104)
        let pairs = (0..<3_000).map { i in (randomVersion("H\(i)", &random), randomVersion("H\(i)", &random)) }
        func newer(_ stored: Dossier, _ incoming: Dossier) -> Bool {
            DossierVersion.newer(stored: DossierVersion(stored), incoming: DossierVersion(incoming))
        }
        func audit(_ lines: [Dossier]) -> ImportAudit { ImportAudit(fileName: "f.csv", rowsRead: lines.count, rejected: 0, skipped: 0) }
        func stored(_ store: any DossierRepository) throws -> [String: Dossier] {
            var out: [String: Dossier] = [:]
            try store.forEachDossier(relevantFrom: LocalDateTime(year: 2000, month: 1, day: 1)!,
                                     to: LocalDateTime(year: 2100, month: 1, day: 1)!) { out[$0.code] = $0 }
            return out
        }

        // Across imports: the first file's version is stored, the second's comes in.
        let across: any DossierRepository = try DossierStore(path: dir.appendingPathComponent("across.sqlite").path)
        _ = try across.importDossiers(pairs.map(\.0), unitNames: [:], audit: audit(pairs.map(\.0)))
        let counts = try across.importDossiers(pairs.map(\.1), unitNames: [:], audit: audit(pairs.map(\.1)))
        let kept = try stored(across)
        for (a, b) in pairs { XCTAssertEqual(kept[a.code], newer(a, b) ? b : a, a.code) }
        XCTAssertEqual(counts.updated, pairs.filter { newer($0.0, $0.1) }.count)
        XCTAssertEqual(counts.unchanged, pairs.filter { $0.0 == $0.1 }.count)
        XCTAssertEqual(counts.olderInFile, pairs.filter { $0.0 != $0.1 && !newer($0.0, $0.1) }.count)

        // Within one file: the two versions as consecutive lines, the pairs interleaved across batches.
        let within: any DossierRepository = try DossierStore(path: dir.appendingPathComponent("within.sqlite").path)
        let lines = pairs.flatMap { [$0.0] } + pairs.flatMap { [$0.1] }
        let file = try within.importDossiers(lines, unitNames: [:], audit: audit(lines))
        let keptWithin = try stored(within)
        for (a, b) in pairs { XCTAssertEqual(keptWithin[a.code], newer(a, b) ? b : a, a.code) }
        XCTAssertEqual(file.identicalRepeats, pairs.filter { DuplicateRule.resolve(earlier: $0.0, later: $0.1) == .repeat }.count)
        XCTAssertEqual(file.duplicates.map(\.code),
                       pairs.filter { DuplicateRule.resolve(earlier: $0.0, later: $0.1) == .supersedes }.map(\.0.code))
        XCTAssertEqual(file.duplicates.map(\.firstLine), file.duplicates.map { Int($0.code.dropFirst())! + 2 })
        XCTAssertEqual(file.inserted, pairs.count)
    }

    /// A line is a repeat of the nearest earlier line with its MaHoSo, not of
    /// the stored state: after an older line, the newer state again is a
    /// duplicate (other content than line 2), and nothing changes.
    func testARepeatIsJudgedAgainstTheNearestEarlierLine() throws {
        let store: any DossierRepository = try DossierStore(path: dir.appendingPathComponent("s.sqlite").path)
        let received = LocalDateTime(year: 2024, month: 3, day: 1, hour: 8)!
        let older = Dossier(code: "H1", unitCode: "MK", receivedAt: received, status: .processing)
        var newer = older
        newer.finishedAt = received.adding(seconds: 86_400)
        newer.status = .processed
        func audit(_ n: Int) -> ImportAudit { ImportAudit(fileName: "f.csv", rowsRead: n, rejected: 0, skipped: 0) }
        _ = try store.importDossiers([newer], unitNames: [:], audit: audit(1))
        let counts = try store.importDossiers([older, newer, newer], unitNames: [:], audit: audit(3))
        XCTAssertEqual(counts.olderInFile, 1)
        XCTAssertEqual(counts.duplicates.map { "\($0.line) \($0.firstLine)" }, ["3 2"])
        XCTAssertEqual(counts.identicalRepeats, 1, "line 4 repeats line 3")
        XCTAssertEqual(counts.updated, 0)
        var kept: [Dossier] = []
        try store.forEachDossier(relevantFrom: received, to: received.adding(seconds: 10 * 86_400)) { kept.append($0) }
        XCTAssertEqual(kept, [newer])
    }
}
