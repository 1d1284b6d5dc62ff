import Foundation
import MotCuaCore

/// One export decoded by several threads, a stretch of the file each
/// (*đoạn tệp*), with the dossiers handed over in file order as if one thread
/// had read them (docs/rules.md#scratch-store).
///
/// `report --input` only counts the dossiers it reads, and then the reading
/// thread alone set the pace: the profile of a 1,000,000-row export had it
/// busy for 2.6 of 3.4 seconds while the other core waited. So the text is
/// cut into stretches at line starts and each is read by whichever thread is
/// free. A cut can fall inside a quoted field that runs across lines; the
/// stretch before it then ends elsewhere than the cut (its last record runs
/// over it), and the next stretch is read again from where that one really
/// ended. So the records, their lines and every row's fate are exactly those
/// of one reader from the top, whatever the cuts.
enum CSVSegments {
    /// What reading one stretch gave, its lines counted from 0 at its start.
    struct Piece {
        let batches: [DossierBatch]
        let summary: DossierFileSummary
        /// Where the stretch's reading stopped: the start of the next record.
        let end: Int
        /// The lines the stretch spans (its reader's line count at the end).
        let lines: Int
        let error: (any Error)?
    }

    /// Decodes the records of `reader` (positioned after the header) on
    /// `threads` threads, about `bytes` of text each time, and hands the
    /// batches to `onBatch` on the calling thread in file order.
    static func decode(_ reader: CSVReader, decoder: DossierRowDecoder, file: String, hasUnitNames: Bool,
                       fieldCheck: (expected: Int, codeField: Int), digests: Bool, tally: BatchTally? = nil,
                       bytes: Int, threads: Int,
                       onBatch: (DossierBatch) throws -> Void) throws -> DossierFileSummary {
        let starts = reader.text.withBytes { buf in
            var starts = [reader.position]
            for offset in stride(from: reader.position + bytes, to: buf.count, by: bytes) {
                let cut = lineStart(atOrAfter: offset, in: buf)
                if cut > starts[starts.count - 1] && cut < buf.count { starts.append(cut) }
            }
            return starts
        }
        let ends = Array(starts.dropFirst()) + [Int.max]
        let read: @Sendable (Int, Int) -> Piece = { start, stop in
            var segment = reader.segment(from: start, stopAt: stop)
            var decoding = RecordDecoding(decoder: decoder, file: file, hasUnitNames: hasUnitNames,
                                          fieldCheck: fieldCheck, chunks: nil, digests: digests, tally: tally)
            var batches: [DossierBatch] = []
            var failure: (any Error)?
            do {
                try segment.forEachRecord { row in
                    if let full = decoding.take(row) { batches.append(full) }
                }
            } catch {
                failure = error
            }
            if let last = decoding.rest() { batches.append(last) }
            reader.text.releasePages(from: start, before: segment.position)  // as one reader gives back the pages it has passed
            return Piece(batches: batches, summary: decoding.summary, end: segment.position, lines: segment.line,
                         error: failure)
        }
        let work = PieceQueue(count: starts.count, ahead: threads + 1, workers: threads)
        for _ in 0..<threads {
            let worker = Thread {
                while let k = work.next() { work.put(k, read(starts[k], ends[k])) }
                work.workerDone()
            }
            worker.stackSize = 8 << 20
            worker.start()
        }
        defer { work.cancel(); work.waitForWorkers() }
        var summary = DossierFileSummary(file: file)
        var line = reader.line, start = reader.position
        for k in 0..<starts.count {
            var piece = work.take(k)
            // The stretch before ran over this cut: read this one again from where it really ended.
            if start != starts[k] { piece = read(start, ends[k]) }
            if let error = piece.error { throw error }
            for var batch in piece.batches {
                batch.shiftLines(by: line)
                try onBatch(batch)
            }
            summary.append(piece.summary, linesBefore: line)
            line += piece.lines
            start = piece.end
        }
        return summary
    }

    /// The first line start at or after `offset`: the byte after an LF, or
    /// after a CR that no LF follows (the line ends ``CSVReader`` counts).
    static func lineStart(atOrAfter offset: Int, in buf: UnsafeBufferPointer<UInt8>) -> Int {
        if offset <= 0 { return 0 }
        var p = offset
        while p < buf.count && !LineBreak.ends(at: p - 1, in: buf) { p += 1 }
        return min(p, buf.count)
    }
}

/// The stretches still to read and those read, shared by the reading threads
/// and the caller; only the `ahead` stretches from the one the caller waits
/// for are read or held, so a slow consumer bounds the memory.
private final class PieceQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private let count: Int
    private let ahead: Int
    private var nextToRead = 0
    private var waitedFor = 0
    private var done: [Int: CSVSegments.Piece] = [:]
    private var cancelled = false
    private var running = 0

    init(count: Int, ahead: Int, workers: Int) { self.count = count; self.ahead = ahead; running = workers }

    /// The next stretch for a thread to read, or `nil` when none is left.
    func next() -> Int? {
        condition.lock(); defer { condition.unlock() }
        while !cancelled && nextToRead < count && nextToRead >= waitedFor + ahead { condition.wait() }
        guard !cancelled, nextToRead < count else { return nil }
        defer { nextToRead += 1 }
        return nextToRead
    }

    func put(_ k: Int, _ piece: CSVSegments.Piece) {
        condition.lock(); defer { condition.unlock() }
        done[k] = piece
        condition.broadcast()
    }

    /// Stretch `k`, once read.
    func take(_ k: Int) -> CSVSegments.Piece {
        condition.lock(); defer { condition.unlock() }
        waitedFor = k
        condition.broadcast()
        while done[k] == nil { condition.wait() }
        return done.removeValue(forKey: k)!
    }

    func cancel() {
        condition.lock(); defer { condition.unlock() }
        cancelled = true
        condition.broadcast()
    }

    func workerDone() {
        condition.lock(); defer { condition.unlock() }
        running -= 1
        condition.broadcast()
    }

    func waitForWorkers() {
        condition.lock(); defer { condition.unlock() }
        while running > 0 { condition.wait() }
    }
}
