/// One piece of an imported export (đoạn tệp đã nhập): a run of whole records,
/// about ``SourceChunk/targetSize`` bytes, that was applied to the store in full
/// (every record stored, skipped as not yet received, or settled by the
/// newer-state rule; none rejected). Its digest lets a later import of a file
/// with the same bytes at the same place skip it without parsing: re-applying
/// records that are already applied changes nothing, because the stored state
/// of a dossier is the greatest version ever imported (docs/rules.md#source-digests).
package struct SourceChunk: Sendable, Hashable {
    /// Byte offsets of the chunk in the file's text (after any byte order mark);
    /// it starts where a record starts and ends just after a line feed.
    package var start: Int
    package var end: Int
    /// SHA-256 of the chunk's bytes, in hexadecimal.
    package var sha256: String
    /// Records read in it, and of those the ones skipped as not yet received.
    package var records: Int
    package var notReceived: Int
    /// Physical lines it spans, so that line numbers after a skipped chunk stay right.
    package var lines: Int
    /// The newest state moment of its dossiers (seconds), `nil` when it has none.
    package var newestState: Int64?

    /// A chunk ends at the first record end this many bytes after its start:
    /// small enough that a change in the middle of a 400 MB export re-reads
    /// little, large enough that the digests stay a few rows per file.
    package static let targetSize = 4 << 20

    package init(start: Int, end: Int, sha256: String, records: Int, notReceived: Int, lines: Int, newestState: Int64?) {
        self.start = start; self.end = end; self.sha256 = sha256
        self.records = records; self.notReceived = notReceived; self.lines = lines; self.newestState = newestState
    }
}

/// A whole export applied to the store with no rejected row: an import of a
/// file with the same size, digest and decoding context changes nothing.
package struct SourceFile: Sendable, Hashable {
    package var sha256: String
    package var size: Int
    package var records: Int
    package var notReceived: Int
    package init(sha256: String, size: Int, records: Int, notReceived: Int) {
        self.sha256 = sha256; self.size = size; self.records = records; self.notReceived = notReceived
    }
}

/// What earlier imports recorded under one decoding context: the same header,
/// mapping, reference data and calendar, so the same bytes decode to the same
/// dossiers (docs/rules.md#source-digests).
package struct SourceDigests: Sendable {
    package var files: [SourceFile] = []
    package var chunks: [SourceChunk] = []
    package init(files: [SourceFile] = [], chunks: [SourceChunk] = []) { self.files = files; self.chunks = chunks }
}

/// The digests an import asks the store to keep with its rows, in the same
/// transaction: the file's clean chunks (read or skipped) and, when nothing in
/// it was rejected, the whole file.
package struct SourceRecord: Sendable {
    /// A file every record of which was applied.
    package struct WholeFile: Sendable {
        package var size: Int
        package var records: Int
        package var notReceived: Int
        /// The whole-file digest, asked for at the end (it is computed while the file is read).
        package var digest: @Sendable () throws -> String
        package init(size: Int, records: Int, notReceived: Int, digest: @escaping @Sendable () throws -> String) {
            self.size = size; self.records = records; self.notReceived = notReceived; self.digest = digest
        }
    }
    package var context: String
    package var chunks: [SourceChunk]
    package var wholeFile: WholeFile?
    package init(context: String, chunks: [SourceChunk], wholeFile: WholeFile?) {
        self.context = context; self.chunks = chunks; self.wholeFile = wholeFile
    }
}
