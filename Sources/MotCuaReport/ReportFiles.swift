import Foundation
import MotCuaCore

/// The files of one report (tệp kết quả): the workbook, its companion
/// lists, the JSON, the CSV lists, the summary. They are written at once on
/// two threads, then put in place in the order they were added, as if each
/// had been written after the one before: the first that fails is the error,
/// the files before it are in place, and none after it replaces what was
/// there. Each file appears whole or not at all (``OutputFile``).
///
/// Why two threads: after the pass over the dossiers, the 10,000,000-dossier
/// year report spent 7 s of its 21 writing these files on one core while the
/// other was idle, 5 s of them in the overdue companion alone (its XML and
/// its zlib compression in libxlsxwriter). The files share nothing but the
/// report they are read from. libxlsxwriter keeps its state in each workbook;
/// what it shares is glibc's: `gmtime()` for the properties' dates (given one
/// creation time for all, ``WorkbookWriter``) and `rand()` for naming its
/// scratch files, which it creates exclusively and retries.
///
/// Every new file exists beside the one it replaces until all are written:
/// the disk needs room for both (docs/rules.md#outputs).
package struct ReportFiles {
    /// A file's path and what fills its temporary file.
    private var files: [(path: String, fill: @Sendable (OutputFile) throws -> Void)] = []

    package init() {}

    /// A file of the bytes `make` builds (JSON, CSV, text), built on the writing thread.
    package mutating func add(_ path: String, data make: @escaping @Sendable () throws -> Data) {
        files.append((path, { output in try output.write(try make()) }))
    }

    /// A file `fill` writes into the temporary file it is given.
    mutating func add(_ path: String, fill: @escaping @Sendable (OutputFile) throws -> Void) {
        files.append((path, fill))
    }

    /// Writes every file, two at a time, then puts them in place in order,
    /// telling `placed` the place and path of each as it is put there (a log
    /// names what is there even when a later file fails).
    /// - throws: the error of the first file, in order, that could not be written.
    package func write(placed: (_ index: Int, _ path: String) -> Void = { _, _ in }) throws {
        let outcomes = Outcomes(count: files.count)
        let files = self.files
        @Sendable func work() {
            while let i = outcomes.nextIndex() { outcomes.set(i, Self.write(files[i].path, fill: files[i].fill)) }
        }
        if files.count > 1 {
            let done = DispatchSemaphore(value: 0)
            let helper = Thread { work(); done.signal() }
            helper.stackSize = 8 << 20
            helper.start()
            work()
            done.wait()
        } else {
            work()
        }
        var failure: (any Error)?
        for (index, outcome) in outcomes.all.enumerated() {
            switch outcome {
            case .written(let output):
                if failure != nil {
                    output.abandon()
                } else {
                    do {
                        try output.commit()
                        placed(index, output.path)
                    } catch { failure = error }
                }
            case .failed(let error, let output):
                output?.abandon()
                if failure == nil { failure = error }
            }
        }
        if let failure { throw failure }
    }

    /// The file written into its temporary file, not yet put in place. A
    /// file that failed keeps its temporary file until both threads are done:
    /// removing it at once could free the space whose lack the other thread's
    /// file is about to report as a full disk.
    private static func write(_ path: String, fill: (OutputFile) throws -> Void) -> Outcome {
        let output: OutputFile
        do { output = try OutputFile(path) } catch { return .failed(error, nil) }
        do {
            try fill(output)
            return .written(output)
        } catch {
            return .failed(error, output)
        }
    }
}

/// A file written into its temporary file, or the error that stopped it (with the temporary file to remove).
private enum Outcome {
    case written(OutputFile)
    case failed(any Error, OutputFile?)
}

/// What became of each file, and which is next to write; shared by the two
/// threads under a lock, hence `@unchecked Sendable`.
private final class Outcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var outcomes: [Outcome?]
    private var next = 0

    init(count: Int) { outcomes = Array(repeating: nil, count: count) }

    func nextIndex() -> Int? {
        lock.withLock {
            guard next < outcomes.count else { return nil }
            defer { next += 1 }
            return next
        }
    }

    func set(_ i: Int, _ outcome: Outcome) { lock.withLock { outcomes[i] = outcome } }

    /// Read after both threads are done: every place is set.
    var all: [Outcome] { lock.withLock { outcomes.map { $0! } } }
}
