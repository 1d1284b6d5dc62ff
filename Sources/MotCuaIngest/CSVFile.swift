import Foundation
import MotCuaCore

/// Opens a CSV file for reading: decodes it, finds its delimiter and reads
/// the header line. Every failure is an ``Message`` naming the file.
package struct CSVFile {
    package var reader: CSVReader
    package let header: [String]
    package let path: String

    /// - Parameter checkingUTF8: `false` leaves the UTF-8 check to the reader, which checks a
    ///   few megabytes ahead as it goes (``CSVReader/forEachRecord(limit:_:)``).
    package init(path: String, encoding: TextEncoding? = nil, delimiter: UInt8? = nil, checkingUTF8: Bool = true) throws {
        self.path = path
        let name = (path as NSString).lastPathComponent
        let (data, isMapping) = try CSVFile.contents(of: path)
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            throw Message.input("xlsx-not-csv", file: path, "Đây là tệp Excel (.xlsx), không phải CSV. Hãy mở trong Excel và lưu dưới dạng \"CSV UTF-8\".",
                                 "This is an Excel workbook (.xlsx), not a CSV file. Save it from Excel as \"CSV UTF-8\".")
        }
        var text = try CSVText(file: name, data: data, encoding: encoding, checkingUTF8: checkingUTF8)
        text.isFileMapping = isMapping && text.encoding == .utf8  // UTF-16 was transcoded to memory
        let delimiter = try delimiter ?? CSVReader.detectDelimiter(in: text)
        var reader = CSVReader(text: text, delimiter: delimiter)
        guard let first = try reader.next() else {
            throw Message.input("empty", file: name, "Tệp rỗng.", "The file is empty.")
        }
        self.reader = reader
        self.header = first.fields
    }

    package var fileName: String { reader.text.file }

    /// Opens an input file for reading and returns its descriptor, which the
    /// caller closes; a missing file, a folder or an unreadable file is an
    /// ``Message`` naming it.
    package static func openForReading(_ path: String) throws -> Int32 {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw Message.input("not-found", file: path, "Không tìm thấy tệp.", "File not found.")
        }
        guard !isDir.boolValue else {
            throw Message.input("is-folder", file: path, "Đây là thư mục, không phải tệp CSV.", "This is a folder, not a CSV file.")
        }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw unreadable(path) }
        return fd
    }

    private static func unreadable(_ path: String) -> Message {
        Message.input("unreadable", file: path, "Không đọc được tệp (không có quyền đọc?).", "Cannot read the file (permission?).")
    }

    /// The bytes of an input file, and whether they are a mapping of it
    /// (a pipe or a file on a share that cannot be mapped is read instead).
    static func contents(of path: String) throws -> (data: Data, isMapping: Bool) {
        let fd = try openForReading(path)
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw unreadable(path) }
        let size = Int(info.st_size)
        if size == 0 && (info.st_mode & S_IFMT) == S_IFREG { return (Data(), false) }
        // Mapped here rather than by Data(contentsOf:options:): the reader gives
        // back the pages it has passed (CSVText.releasePages), which needs a mapping it owns.
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else {
            // Not mappable (a pipe, some network shares): read it instead.
            do { return (try Data(contentsOf: URL(fileURLWithPath: path)), false) } catch { throw unreadable(path) }
        }
        _ = madvise(base, size, MADV_SEQUENTIAL)
        return (Data(bytesNoCopy: base, count: size, deallocator: .custom { pointer, count in _ = munmap(pointer, count) }), true)
    }
}
