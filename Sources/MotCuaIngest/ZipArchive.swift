import MotCuaInflate
import Foundation

/// A ZIP archive opened for reading, just enough of it for an .xlsx: the
/// central directory (with ZIP64), stored and deflated entries, streamed
/// through ISA-L's inflate and checked against their CRC-32 and size.
///
/// Not ZIPFoundation's `Archive.extract(_:consumer:)`: its inflate loop tells
/// zlib every input chunk is full size (a short last chunk is read past its
/// end) and spins for ever when the data ends before the deflate stream does
/// — a truncated or damaged export must end in a message, not a hang. Here
/// every read is bounded by the entry's compressed size, and the entry is
/// pulled (``ZipEntryStream/read(into:)``) by the sheet reader as it needs it.
///
/// Every failure is a ``ZipError``; the xlsx reader turns it into a message naming the file.
final class ZipArchive: @unchecked Sendable {
    struct Entry: Sendable {
        let name: String
        let method: UInt16
        let flags: UInt16
        let crc32: UInt32
        let compressedSize: Int
        let uncompressedSize: Int
        let localHeaderOffset: Int
    }

    private enum Backing {
        case file(Int32)
        case memory([UInt8])
    }

    private let backing: Backing
    let size: Int
    /// Entries by name (as written, and lowercased for a case-insensitive fallback).
    private(set) var entries: [String: Entry] = [:]
    private var lowercased: [String: Entry] = [:]

    /// Opens the archive in a file (the descriptor is owned and closed by the archive).
    init(fileDescriptor fd: Int32) throws {
        var info = stat()
        guard fstat(fd, &info) == 0 else { close(fd); throw ZipError("cannot stat the file") }
        backing = .file(fd)
        size = Int(info.st_size)
        try readDirectory()
    }

    /// Opens an archive held in memory (tests, the fuzzer).
    init(bytes: [UInt8]) throws {
        backing = .memory(bytes)
        size = bytes.count
        try readDirectory()
    }

    deinit { if case .file(let fd) = backing { close(fd) } }

    func entry(named name: String) -> Entry? { entries[name] ?? lowercased[name.lowercased()] }

    /// Copies `count` bytes at `offset` into `buffer`; fewer only at the end of the archive.
    func read(at offset: Int, count: Int, into buffer: UnsafeMutableRawPointer) throws -> Int {
        guard offset >= 0, count >= 0, offset <= size else { return 0 }
        let n = min(count, size - offset)
        switch backing {
        case .memory(let bytes):
            bytes.withUnsafeBytes { raw in
                if n > 0 { buffer.copyMemory(from: raw.baseAddress! + offset, byteCount: n) }
            }
            return n
        case .file(let fd):
            var done = 0
            while done < n {
                let r = pread(fd, buffer + done, n - done, off_t(offset + done))
                if r < 0 { if errno == EINTR { continue }; throw ZipError("read error") }
                if r == 0 { break }
                done += r
            }
            return done
        }
    }

    func bytes(at offset: Int, count: Int) throws -> [UInt8] {
        guard count > 0 else { return [] }
        var out = [UInt8](repeating: 0, count: count)
        let n = try out.withUnsafeMutableBytes { try read(at: offset, count: count, into: $0.baseAddress!) }
        guard n == count else { throw ZipError("unexpected end of the archive") }
        return out
    }

    /// The whole content of an entry, refused beyond `limit` bytes.
    func contents(of entry: Entry, limit: Int = 256 << 20) throws -> [UInt8] {
        guard entry.uncompressedSize <= limit else { throw ZipError("\(entry.name) is too large") }
        let stream = try ZipEntryStream(archive: self, entry: entry)
        var out = [UInt8](repeating: 0, count: entry.uncompressedSize)
        var filled = 0
        try out.withUnsafeMutableBufferPointer { buf in
            while filled < buf.count {
                let n = try stream.read(into: UnsafeMutableBufferPointer(rebasing: buf[filled...]))
                if n == 0 { break }
                filled += n
            }
        }
        var probe: UInt8 = 0
        guard filled == entry.uncompressedSize,
              try withUnsafeMutablePointer(to: &probe, { try stream.read(into: UnsafeMutableBufferPointer(start: $0, count: 1)) }) == 0
        else { throw ZipError("\(entry.name): wrong size") }
        return out
    }

    // MARK: - Central directory

    private func readDirectory() throws {
        guard size >= 22 else { throw ZipError("too short for a ZIP archive") }
        let tailSize = min(size, 22 + 65_535 + 20)
        let tail = try bytes(at: size - tailSize, count: tailSize)
        var eocd = -1
        var i = tailSize - 22
        while i >= 0 {
            if tail[i] == 0x50 && tail[i + 1] == 0x4B && tail[i + 2] == 0x05 && tail[i + 3] == 0x06 { eocd = i; break }
            i -= 1
        }
        guard eocd >= 0 else { throw ZipError("no end of central directory") }
        var count = Int(le16(tail, eocd + 10))
        var directorySize = Int(le32(tail, eocd + 12))
        var directoryOffset = Int(le32(tail, eocd + 16))
        // ZIP64: the locator sits just before the end record.
        if eocd >= 20, le32(tail, eocd - 20) == 0x0706_4B50 {
            let recordOffset = le64(tail, eocd - 20 + 8)
            guard recordOffset >= 0, recordOffset <= size - 56 else { throw ZipError("bad ZIP64 locator") }
            let record = try bytes(at: recordOffset, count: 56)
            guard le32(record, 0) == 0x0606_4B50 else { throw ZipError("bad ZIP64 end record") }
            count = le64(record, 32)
            directorySize = le64(record, 40)
            directoryOffset = le64(record, 48)
        }
        guard count >= 0, directorySize >= 0, directoryOffset >= 0, directoryOffset <= size,
              directorySize <= size - directoryOffset, count <= directorySize / 46 + 1 else {
            throw ZipError("bad central directory")
        }
        let directory = try bytes(at: directoryOffset, count: directorySize)
        var p = 0
        for _ in 0..<count {
            guard p + 46 <= directory.count, le32(directory, p) == 0x0201_4B50 else { throw ZipError("bad central directory entry") }
            let flags = le16(directory, p + 8)
            let method = le16(directory, p + 10)
            let crc = le32(directory, p + 16)
            var compressed = Int(le32(directory, p + 20))
            var uncompressed = Int(le32(directory, p + 24))
            let nameLength = Int(le16(directory, p + 28))
            let extraLength = Int(le16(directory, p + 30))
            let commentLength = Int(le16(directory, p + 32))
            var local = Int(le32(directory, p + 42))
            let nameStart = p + 46
            let extraStart = nameStart + nameLength
            let next = extraStart + extraLength + commentLength
            guard next <= directory.count else { throw ZipError("bad central directory entry") }
            // ZIP64 extra field: the 64-bit values of the fields set to 0xFFFFFFFF, in order.
            var e = extraStart
            while e + 4 <= extraStart + extraLength {
                let id = le16(directory, e), length = Int(le16(directory, e + 2))
                let body = e + 4
                guard body + length <= extraStart + extraLength else { break }
                if id == 0x0001 {
                    var q = body
                    func take() -> Int? {
                        guard q + 8 <= body + length else { return nil }
                        defer { q += 8 }
                        return le64(directory, q)
                    }
                    if uncompressed == 0xFFFF_FFFF, let v = take() { uncompressed = v }
                    if compressed == 0xFFFF_FFFF, let v = take() { compressed = v }
                    if local == 0xFFFF_FFFF, let v = take() { local = v }
                }
                e = body + length
            }
            let name = String(decoding: directory[nameStart..<extraStart], as: UTF8.self)
            guard compressed >= 0, uncompressed >= 0, local >= 0 else { throw ZipError("bad entry sizes") }
            let entry = Entry(name: name, method: method, flags: flags, crc32: crc, compressedSize: compressed,
                              uncompressedSize: uncompressed, localHeaderOffset: local)
            if entries[name] == nil { entries[name] = entry }
            if lowercased[name.lowercased()] == nil { lowercased[name.lowercased()] = entry }
            p = next
        }
    }

    /// Where an entry's data starts (after its local header).
    func dataOffset(of entry: Entry) throws -> Int {
        guard entry.localHeaderOffset <= size - 30 else { throw ZipError("\(entry.name): bad local header") }
        let header = try bytes(at: entry.localHeaderOffset, count: 30)
        guard le32(header, 0) == 0x0403_4B50 else { throw ZipError("\(entry.name): bad local header") }
        let start = entry.localHeaderOffset + 30 + Int(le16(header, 26)) + Int(le16(header, 28))
        guard start <= size, entry.compressedSize <= size - start else { throw ZipError("\(entry.name): data beyond the end of the archive") }
        return start
    }
}

/// One entry's bytes, inflated as they are asked for.
/// Used by one thread at a time (the inflating thread of ``InflateAhead``).
///
/// Inflated by Intel ISA-L (igzip) rather than zlib: on the 1 GB sheet of a
/// million-row export it takes 0.6–0.8 s against zlib's 1.9 s, CRC-32
/// included, and the import of an .xlsx is short of cores, not of memory
/// (BENCHMARKS.md, "Import of an .xlsx export").
final class ZipEntryStream: @unchecked Sendable {
    private let archive: ZipArchive
    let entry: ZipArchive.Entry
    private var inputOffset: Int
    private var inputLeft: Int
    /// ISA-L's state (about 20 KB), for a deflated entry.
    private var state: UnsafeMutablePointer<inflate_state>?
    private var input: UnsafeMutablePointer<UInt8>
    private let inputCapacity = 1 << 18
    private var produced = 0
    /// The CRC-32 of a stored entry; ISA-L keeps a deflated entry's in its state.
    private var storedCRC: UInt32 = 0
    private var finished = false
    /// Checking the CRC-32 costs little and catches damage in stored entries.
    private let checksCRC: Bool

    init(archive: ZipArchive, entry: ZipArchive.Entry, checksCRC: Bool = true) throws {
        self.archive = archive
        self.entry = entry
        self.checksCRC = checksCRC
        guard entry.flags & 1 == 0 else { throw ZipError("\(entry.name) is encrypted") }
        guard entry.method == 0 || entry.method == 8 else {
            throw ZipError("\(entry.name): unsupported compression method \(entry.method)")
        }
        guard entry.method == 8 || entry.compressedSize == entry.uncompressedSize else {
            throw ZipError("\(entry.name): stored entry with two sizes")
        }
        inputOffset = try archive.dataOffset(of: entry)
        inputLeft = entry.compressedSize
        // Every property is set from here on: a throw runs deinit, which frees these.
        input = .allocate(capacity: inputCapacity)
        if entry.method == 8 {
            let s = UnsafeMutablePointer<inflate_state>.allocate(capacity: 1)
            isal_inflate_init(s)
            // A raw deflate stream (ZIP has no gzip header), with the CRC-32 of the
            // output kept in `crc`: the same CRC as ZIP's.
            s.pointee.crc_flag = UInt32(checksCRC ? ISAL_GZIP_NO_HDR : ISAL_DEFLATE)
            state = s
        }
    }

    deinit {
        state?.deallocate()
        input.deallocate()
    }

    /// Fills up to `buffer.count` bytes; 0 at the end of the entry.
    /// - throws: ``ZipError`` on damaged data, a wrong size or CRC.
    func read(into buffer: UnsafeMutableBufferPointer<UInt8>) throws -> Int {
        guard !finished, let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        var n = 0
        if let s = state {
            s.pointee.next_out = base
            s.pointee.avail_out = UInt32(min(buffer.count, Int(UInt32.max)))
            while s.pointee.avail_out > 0 {
                if s.pointee.avail_in == 0 && inputLeft > 0 {
                    let want = min(inputCapacity, inputLeft)
                    let got = try archive.read(at: inputOffset, count: want, into: input)
                    guard got == want else { throw ZipError("\(entry.name): unexpected end of the archive") }
                    inputOffset += got; inputLeft -= got
                    s.pointee.next_in = input
                    s.pointee.avail_in = UInt32(got)
                }
                let before = s.pointee.avail_out
                let availableIn = s.pointee.avail_in
                let result = isal_inflate(s)
                guard result == ISAL_DECOMP_OK || result == ISAL_END_INPUT || result == ISAL_OUT_OVERFLOW else {
                    throw ZipError("\(entry.name): damaged data")
                }
                if s.pointee.block_state == ISAL_BLOCK_FINISH { finished = true; break }
                if s.pointee.avail_out == before && s.pointee.avail_in == availableIn {
                    // No progress: the input ended before the deflate stream did.
                    if inputLeft == 0 { throw ZipError("\(entry.name): truncated data") }
                }
            }
            n = buffer.count - Int(s.pointee.avail_out)
        } else {
            let want = min(buffer.count, inputLeft)
            let got = try archive.read(at: inputOffset, count: want, into: base)
            guard got == want else { throw ZipError("\(entry.name): unexpected end of the archive") }
            inputOffset += got; inputLeft -= got
            n = got
            if inputLeft == 0 { finished = true }
            if checksCRC && n > 0 { storedCRC = crc32_gzip_refl(storedCRC, base, UInt64(n)) }
        }
        produced += n
        guard produced <= entry.uncompressedSize else { throw ZipError("\(entry.name): larger than its declared size") }
        if finished {
            guard produced == entry.uncompressedSize else { throw ZipError("\(entry.name): wrong size") }
            let crc = state.map { $0.pointee.crc } ?? storedCRC
            guard !checksCRC || crc == entry.crc32 else { throw ZipError("\(entry.name): CRC-32 mismatch") }
        }
        return n
    }
}

/// A damaged or unsupported ZIP archive; `detail` is for the message's end.
struct ZipError: Error, Sendable {
    let detail: String
    init(_ detail: String) { self.detail = detail }
}

@inline(__always) private func le16(_ b: [UInt8], _ i: Int) -> UInt16 { UInt16(b[i]) | UInt16(b[i + 1]) << 8 }
@inline(__always) private func le32(_ b: [UInt8], _ i: Int) -> UInt32 {
    UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
}
@inline(__always) private func le64(_ b: [UInt8], _ i: Int) -> Int {
    let v = UInt64(le32(b, i)) | UInt64(le32(b, i + 4)) << 32
    return v > UInt64(Int.max) ? -1 : Int(v)
}
