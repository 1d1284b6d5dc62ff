import MotCuaCore

/// The chunks of one CSV export as its reader goes (docs/rules.md#source-digests):
/// it cuts the text into runs of whole records of about
/// ``SourceChunk/targetSize`` bytes, keeps the digest of each run in which no
/// record was rejected, and says where the reader may jump over a run whose
/// bytes are those of a chunk applied before.
///
/// Used by the reading thread only (the reader and the decoding loop share it).
package final class ChunkLog: @unchecked Sendable {
    /// The chunks applied before, by start offset.
    private let known: [Int: [SourceChunk]]
    private let digest: @Sendable (UnsafeBufferPointer<UInt8>) -> String

    /// The clean chunks of this file, read or jumped over, in order.
    package private(set) var chunks: [SourceChunk] = []
    /// The chunks jumped over.
    package private(set) var reused: [SourceChunk] = []

    private var start = -1
    private var startLine = 0
    private var records = 0
    private var notReceived = 0
    private var dirty = false
    private var newest: Int64?

    /// - Parameters:
    ///   - known: chunks applied before under the same decoding context.
    ///   - digest: SHA-256 of bytes, in hexadecimal.
    package init(known: [SourceChunk], digest: @escaping @Sendable (UnsafeBufferPointer<UInt8>) -> String) {
        self.known = Dictionary(grouping: known, by: \.start)
        self.digest = digest
    }

    /// A record of the current chunk was rejected: the chunk is not kept, so
    /// the next import reads it again and reports the record again.
    package func rejected() { dirty = true }
    /// A record of the current chunk was skipped as not yet received.
    package func notYetReceived() { notReceived += 1 }
    /// A dossier of the current chunk with this state moment (seconds), for the
    /// "older file" warning of a later import that skips the chunk.
    package func stored(stateMoment: Int64) { newest = max(newest ?? stateMoment, stateMoment) }
    /// Where the chunk being read started (the reader keeps its pages until it is digested).
    var currentStart: Int { max(start, 0) }

    /// Called by the reader where a record may start, at `offset` on `line`,
    /// before it reads one: closes the current chunk when it is long enough or
    /// a known chunk starts here, then jumps over known chunks whose bytes
    /// are here (one per call). Returns where to read on and the line there.
    func boundary(at offset: Int, line: Int, in text: UnsafeBufferPointer<UInt8>) -> (offset: Int, line: Int) {
        var offset = offset, line = line
        if start < 0 { open(offset, line) }
        // A chunk ends just after a line feed: the record before it ends there whatever follows.
        let endsLine = offset > 0 && text[offset - 1] == 0x0A
        if endsLine && offset > start && (offset - start >= SourceChunk.targetSize || known[offset] != nil) {
            close(at: offset, line: line, text)
        }
        // Only where no record of the current chunk has been read: a chunk never starts mid-chunk.
        // One chunk per call, so that the reader gives back its pages before the next.
        if offset == start, let candidates = known[offset], let hit = candidates.first(where: { matches($0, text) }) {
            chunks.append(hit)
            reused.append(hit)
            offset = hit.end
            line += hit.lines
            open(offset, line)
        }
        return (offset, line)
    }

    /// The record just read (one call per record).
    func counted() { records += 1 }

    /// At the end of the text: keeps the last chunk if it ends a line.
    func finish(at offset: Int, line: Int, in text: UnsafeBufferPointer<UInt8>) {
        if start >= 0 && offset > start && text[offset - 1] == 0x0A { close(at: offset, line: line, text) }
        start = -1
    }

    private func matches(_ c: SourceChunk, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        c.end <= text.count && c.end > c.start && text[c.end - 1] == 0x0A
            && digest(UnsafeBufferPointer(rebasing: text[c.start..<c.end])) == c.sha256
    }

    private func open(_ offset: Int, _ line: Int) {
        start = offset; startLine = line; records = 0; notReceived = 0; dirty = false; newest = nil
    }

    private func close(at offset: Int, line: Int, _ text: UnsafeBufferPointer<UInt8>) {
        if !dirty && records > 0 {
            chunks.append(SourceChunk(start: start, end: offset, sha256: digest(UnsafeBufferPointer(rebasing: text[start..<offset])),
                                      records: records, notReceived: notReceived, lines: line - startLine, newestState: newest))
        }
        open(offset, line)
    }
}
