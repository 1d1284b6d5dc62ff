import Foundation
import GRDB
import MotCuaCore

extension DossierStore {
    /// Counts the dossiers of ``forEachDossier(relevantTo:detailedIn:_:)``
    /// on every core: the read is cut into stretches of rowid (``PeriodParts``),
    /// each counted by `add` into a copy of `empty` on one of several
    /// connections at once, and the copies merged into `empty` in stretch
    /// order, which gives what one tally fed every dossier in rowid order
    /// gives. (One thread reading SQLite and handing the rows to a second one
    /// that counted them kept the reading thread busy throughout and the
    /// counting one two thirds of the time, BENCHMARKS.md.)
    ///
    /// The other connections read what this one sees: it holds its read
    /// transaction (SQLite's shared lock) from the plan's query on, so no
    /// write can commit until the last one has begun; a connection that
    /// cannot begin at once (a write waiting to commit) takes no stretch and
    /// this one reads them all. A database in WAL mode, where a write commits
    /// beside readers, is read on this connection only.
    /// - Parameter empty: a tally that has counted nothing.
    package func tally<Tally: Sendable>(relevantTo windows: [RelevanceWindow], detailedIn detailed: RelevanceWindow?,
                                        into empty: Tally, add: @escaping @Sendable (inout Tally, Dossier) -> Void,
                                        merge: @escaping @Sendable (inout Tally, Tally) -> Void) throws -> Tally {
        try tally(relevantTo: windows, detailedIn: detailed, into: empty, threads: ReadingThreads.count,
                  leastPiece: PeriodParts.leastPiece, add: add, merge: merge)
    }

    /// ``tally(relevantTo:detailedIn:into:add:merge:)`` on up to `threads`
    /// connections, in no more stretches than the span holds `leastPiece` rowids (a test cuts
    /// a small table as finely as a large one is cut).
    func tally<Tally: Sendable>(relevantTo windows: [RelevanceWindow], detailedIn detailed: RelevanceWindow?,
                                into empty: Tally, threads: Int, leastPiece: Int64,
                                add: @escaping @Sendable (inout Tally, Dossier) -> Void,
                                merge: @escaping @Sendable (inout Tally, Tally) -> Void) throws -> Tally {
        guard !windows.isEmpty else { return empty }
        return try read { db in
            let parts = try PeriodParts(db, windows: windows, detailed: detailed, indexed: hasPeriodIndex,
                                        pieces: threads * Self.stretchesPerThread, leastPiece: leastPiece)
            let work = StretchTallies(parts: parts, empty: empty, add: add, merge: merge)
            let helpers = parts.stretches.count > 1 ? try helperConnections(db, count: threads - 1) : []
            let done = DispatchGroup()
            for helper in helpers {
                done.enter()
                let thread = Thread {
                    defer { done.leave() }
                    // Shared lock first: a helper that cannot read at once takes no stretch.
                    try? helper.read { db in
                        guard (try? Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master")) != nil else { return }
                        work.run(on: db)
                    }
                }
                thread.stackSize = 8 << 20
                thread.start()
            }
            work.run(on: db)
            done.wait()
            return try work.result()
        }
    }

    /// Connections reading alongside: as many as there are cores beside this
    /// one, up to four in all. Not for a database without a file of its
    /// own (an in-memory one), nor in WAL mode (see above).
    private func helperConnections(_ db: Database, count: Int) throws -> [DatabaseQueue] {
        guard count > 0, !path.isEmpty, path != ":memory:",
              try String.fetchOne(db, sql: "PRAGMA journal_mode")?.lowercased() != "wal" else { return [] }
        var config = Configuration()
        config.readonly = true
        config.busyMode = .immediateError
        return (0..<count).compactMap { _ in try? DatabaseQueue(path: path, configuration: config) }
    }

    /// Stretches per connection: the report's own period, whose dossiers
    /// cost the most, is the end of the span; shorter stretches share it.
    static let stretchesPerThread = 6
}

/// The stretches of one ``PeriodParts`` handed out to the connections that
/// ask, each counted into a tally of its own, and merged in order as soon as
/// all before it are. All state is guarded by `lock`, hence `@unchecked Sendable`.
private final class StretchTallies<Tally: Sendable>: @unchecked Sendable {
    private let parts: PeriodParts
    private let empty: Tally
    private let add: @Sendable (inout Tally, Dossier) -> Void
    private let merge: @Sendable (inout Tally, Tally) -> Void
    private let lock = NSLock()
    private var next = 0
    private var counted: [Int: Tally] = [:]
    private var merged: Tally
    private var mergedUpTo = 0
    private var failure: (any Error)?

    init(parts: PeriodParts, empty: Tally, add: @escaping @Sendable (inout Tally, Dossier) -> Void,
         merge: @escaping @Sendable (inout Tally, Tally) -> Void) {
        self.parts = parts; self.empty = empty; self.add = add; self.merge = merge
        merged = empty
    }

    /// Counts stretches on `db` until none is left or one failed.
    func run(on db: Database) {
        var strings = RowStrings(memoising: true)
        while let k = claim() {
            var tally = empty
            do {
                try parts.forEachDossier(in: parts.stretches[k], db, strings: &strings) { add(&tally, $0) }
            } catch {
                fail(error)
                return
            }
            finish(k, tally)
        }
    }

    /// Everything merged, or the first failure.
    func result() throws -> Tally {
        lock.lock(); defer { lock.unlock() }
        if let failure { throw failure }
        precondition(mergedUpTo == parts.stretches.count, "every stretch counted")
        return merged
    }

    private func claim() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard failure == nil, next < parts.stretches.count else { return nil }
        next += 1
        return next - 1
    }

    private func finish(_ k: Int, _ tally: Tally) {
        lock.lock(); defer { lock.unlock() }
        counted[k] = tally
        while let t = counted.removeValue(forKey: mergedUpTo) {
            merge(&merged, t)
            mergedUpTo += 1
        }
    }

    private func fail(_ error: any Error) {
        lock.lock(); defer { lock.unlock() }
        if failure == nil { failure = error }
    }
}
