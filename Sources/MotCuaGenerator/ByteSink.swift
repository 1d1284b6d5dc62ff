import MotCuaCore
import Foundation

/// A buffered output file: rows are built as UTF-8 bytes in a large buffer
/// and written in chunks of a few megabytes, transcoded to UTF-16 LE on the
/// way out when the style asks for it. The file is written under a temporary
/// name and renamed when complete, so a killed run never leaves half a file
/// under the final name.
final class ByteSink {
    private let handle: FileHandle
    private let encoding: OutputEncoding
    private let path: String
    private let temporaryPath: String
    private var scratch: [UInt8] = []
    private(set) var bytesWritten: Int64 = 0
    static let chunkSize = 4 << 20

    init(path: String, encoding: OutputEncoding) throws {
        self.path = path
        self.temporaryPath = path + ".part"
        self.encoding = encoding
        let fm = FileManager.default
        _ = try? fm.removeItem(atPath: temporaryPath)
        guard fm.createFile(atPath: temporaryPath, contents: nil),
              let handle = FileHandle(forWritingAtPath: temporaryPath) else {
            throw Message("generate.cannot-open", vi: "Không ghi được tệp \(path) (thư mục không tồn tại hoặc không có quyền ghi).",
                                 en: "Cannot write \(path) (missing folder or no permission).")
        }
        self.handle = handle
        try write(encoding.byteOrderMark)
    }

    /// Writes UTF-8 bytes (whole rows), transcoded if the encoding asks.
    func write(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        guard !bytes.isEmpty else { return }
        if encoding == .utf16LE {
            Self.transcodeToUTF16LE(bytes, into: &scratch)
            try write(scratch)
        } else {
            try write(Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: bytes.baseAddress!), count: bytes.count,
                           deallocator: .none))
        }
    }

    /// Closes the file and moves it to its final name.
    func finish() throws {
        do { try handle.close() } catch {
            throw Message("generate.cannot-close", vi: "Không đóng được tệp \(path).", en: "Cannot close \(path).")
        }
        let fm = FileManager.default
        _ = try? fm.removeItem(atPath: path)
        do { try fm.moveItem(atPath: temporaryPath, toPath: path) } catch {
            throw Message("generate.cannot-rename", vi: "Không đổi tên được \(temporaryPath) thành \(path).",
                                 en: "Cannot rename \(temporaryPath) to \(path).")
        }
    }

    /// Closes and deletes the temporary file after a failure.
    func abandon() {
        try? handle.close()
        try? FileManager.default.removeItem(atPath: temporaryPath)
    }

    private func write<Bytes: DataProtocol>(_ bytes: Bytes) throws {
        guard !bytes.isEmpty else { return }
        do { try handle.write(contentsOf: bytes) } catch {
            throw Message("generate.write-failed", vi: "Lỗi khi ghi tệp \(path) (hết dung lượng đĩa?).",
                                 en: "Error writing \(path) (disk full?).")
        }
        bytesWritten += Int64(bytes.count)
    }

    /// UTF-8 (valid, built by this module) → UTF-16 little endian, with an
    /// ASCII fast path. Writes into raw memory: appending byte by byte to an
    /// array doubled the time of the `utf16` style.
    static func transcodeToUTF16LE(_ b: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        // Each UTF-8 byte gives at most two UTF-16 bytes (4-byte sequences give 4).
        out = [UInt8](unsafeUninitializedCapacity: b.count * 2) { o, written in
            var i = 0, j = 0
            let n = b.count
            @inline(__always) func unit(_ u: UInt32) {
                o[j] = UInt8(truncatingIfNeeded: u); o[j + 1] = UInt8(truncatingIfNeeded: u >> 8); j += 2
            }
            while i < n {
                let c0 = UInt32(b[i])
                if c0 < 0x80 { o[j] = UInt8(truncatingIfNeeded: c0); o[j + 1] = 0; j += 2; i += 1; continue }
                var scalar: UInt32
                if c0 < 0xE0 {
                    scalar = (c0 & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F); i += 2
                } else if c0 < 0xF0 {
                    scalar = (c0 & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F); i += 3
                } else {
                    scalar = (c0 & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6
                        | UInt32(b[i + 3] & 0x3F); i += 4
                }
                if scalar >= 0x10000 {
                    scalar -= 0x10000
                    unit(0xD800 + (scalar >> 10)); unit(0xDC00 + (scalar & 0x3FF))
                } else {
                    unit(scalar)
                }
            }
            written = j
        }
    }
}
