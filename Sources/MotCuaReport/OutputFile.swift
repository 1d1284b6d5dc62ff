import Foundation
import MotCuaCore
#if canImport(Glibc)
import Glibc
#endif

/// A report, list or JSON file being written (tệp kết quả): it appears whole
/// or not at all, and nothing already on disk is touched until it is whole.
///
/// - The data goes to a temporary file created with `mkstemps` in the target
///   folder: an unpredictable name, created exclusively, so a symlink planted
///   there by someone else is never followed, and two processes writing the
///   same report never share (or delete) each other's temporary file.
/// - It is flushed to disk, then renamed over the target, then the folder is
///   flushed: after a power cut there is the old file or the new one.
/// - A target that exists and is not a regular file or a symlink (a folder, a
///   FIFO, a device such as `/dev/full`) is refused instead of being replaced.
struct OutputFile {
    let path: String
    let temporaryPath: String
    private let fd: Int32

    /// Starts writing `path`. - throws: a ``Message`` coded `output.*`.
    init(_ path: String) throws {
        self.path = path
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent()
        try Self.ensureWritableDirectory(dir, for: path)
        var info = stat()
        if lstat(path, &info) == 0 {
            let kind = info.st_mode & S_IFMT
            guard kind == S_IFREG || kind == S_IFLNK else {
                throw Message.output("not-a-file", path: path, vi: "đã có ở đây một thứ không phải tệp thường (thư mục, thiết bị hay FIFO); không ghi đè.",
                                  en: "something that is not a regular file (a folder, device or FIFO) is there; it is not replaced.")
            }
        }
        Self.removeStaleTemporaries(of: url)
        // NAME_MAX is 255 bytes: keep the temporary name under it.
        let stem = String(decoding: Array(url.lastPathComponent.utf8.prefix(180)), as: UTF8.self)
        var template = Array(dir.appendingPathComponent(".\(stem).XXXXXX.tmp").path.utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, 4) }
        guard fd >= 0 else { throw Message.output(path: path, errno: errno, doing: .create) }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        // Held until the rename, so another writer's clean-up never removes it.
        _ = flock(fd, LOCK_EX)
        _ = fchmod(fd, 0o644)
        self.fd = fd
        temporaryPath = String(cString: template)
    }

    /// A path that opens this very temporary file, for a library that wants a
    /// file name (libxlsxwriter): `/proc/self/fd/N` reopens the descriptor's
    /// file, so the name cannot be swapped for a symlink in between.
    var pathForLibrary: String {
        let proc = "/proc/self/fd/\(fd)"
        return access(proc, F_OK) == 0 ? proc : temporaryPath
    }

    func write(_ data: Data) throws {
        try data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < bytes.count {
                let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { throw Message.output(path: path, errno: errno, doing: .write) }
                offset += n
            }
        }
    }

    /// Flushes the file, renames it over the target and flushes the folder.
    func commit() throws {
        defer { close(fd) }
        guard fsync(fd) == 0 else {
            let code = errno
            unlink(temporaryPath)
            throw Message.output(path: path, errno: code, doing: .write)
        }
        guard rename(temporaryPath, path) == 0 else {
            let code = errno
            unlink(temporaryPath)
            throw Message.output(path: path, errno: code, doing: .rename)
        }
        let dir = open((path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent,
                       O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dir >= 0 { _ = fsync(dir); close(dir) }
    }

    /// Removes the temporary file; the target is left as it was.
    func abandon() {
        unlink(temporaryPath)
        close(fd)
    }

    /// Whether the file system of the temporary file is (nearly) full: a
    /// library that failed to write often leaves no errno worth reading.
    var diskIsFull: Bool {
        var info = statvfs()
        return fstatvfs(fd, &info) == 0 && UInt64(info.f_bavail) * UInt64(info.f_frsize) < 1 << 20
    }

    private static func ensureWritableDirectory(_ dir: URL, for path: String) throws {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if !fm.fileExists(atPath: dir.path, isDirectory: &isDir) {
            do { try fm.createDirectory(at: dir, withIntermediateDirectories: true) } catch {
                throw Message.output("cannot-create-folder", path: path, vi: "không tạo được thư mục \(dir.path).", en: "cannot create the folder \(dir.path).")
            }
        } else if !isDir.boolValue {
            throw Message.output("parent-not-folder", path: path, vi: "\(dir.path) không phải là thư mục.", en: "\(dir.path) is not a folder.")
        }
        if !fm.isWritableFile(atPath: dir.path) {
            throw Message.output("folder-not-writable", path: path, vi: "không có quyền ghi vào thư mục \(dir.path).",
                              en: "no permission to write in \(dir.path).")
        }
    }

    /// Temporary files of runs killed while writing this output: older than
    /// ten minutes and locked by no live writer.
    private static func removeStaleTemporaries(of url: URL) {
        let dir = url.deletingLastPathComponent()
        let prefix = ".\(url.lastPathComponent)."
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        let now = time(nil)
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
            let path = dir.appendingPathComponent(name).path
            let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
            guard fd >= 0 else { continue }
            var info = stat()
            if fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, now - info.st_mtim.tv_sec > 600,
               flock(fd, LOCK_EX | LOCK_NB) == 0 {
                unlink(path)
            }
            close(fd)
        }
    }
}

/// An output that cannot be written: a ``Message`` coded `output.*` about its path.
extension Message {
    static func output(_ code: String, path: String, vi: String, en: String) -> Message {
        Message("output." + code, file: path, vi: vi, en: en)
    }

    enum OutputStep { case create, write, rename }

    /// What a system error number means, in words (and a code part): never
    /// `strerror`'s English. Shared by every layer that touches files.
    package static func systemReason(errno code: Int32) -> (code: String, vi: String, en: String) {
        switch code {
        case ENOSPC, EDQUOT: return ("disk-full", "ổ đĩa đầy", "the disk is full")
        case EACCES, EPERM: return ("permission", "không có quyền ghi", "no permission to write")
        case EROFS: return ("read-only", "ổ đĩa chỉ cho đọc", "the disk is read-only")
        case EIO: return ("io-error", "lỗi đọc ghi của ổ đĩa", "an input/output error of the disk")
        case ENAMETOOLONG: return ("name-too-long", "tên tệp quá dài", "the file name is too long")
        case ENOENT, ENOTDIR: return ("no-folder", "không có thư mục hoặc tệp này", "no such folder or file")
        case EISDIR: return ("is-folder", "đây là một thư mục", "it is a folder")
        case EEXIST: return ("exists", "đã có tệp hoặc thư mục cùng tên", "a file or folder of that name exists")
        case EXDEV: return ("other-disk", "không chuyển được sang ổ đĩa khác", "cannot move it to another disk")
        default: return ("system-error", "lỗi hệ thống số \(code)", "system error \(code)")
        }
    }

    /// A Foundation file error (`FileManager`, `Data.write`) as a message
    /// about `path`: `doing` says what failed, the system's reason follows.
    package static func fileSystem(_ error: Error, code: String, path: String, vi doing: String, en doingEn: String) -> Message {
        let ns = error as NSError
        let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError
        let number: Int32? = ns.domain == NSPOSIXErrorDomain ? Int32(ns.code)
            : underlying?.domain == NSPOSIXErrorDomain ? Int32(underlying!.code) : nil
        guard let number else {
            return Message(code, file: path, vi: "\(doing).", en: "\(doingEn).")
        }
        let (_, vi, en) = systemReason(errno: number)
        return Message(code, file: path, vi: "\(doing): \(vi).", en: "\(doingEn): \(en).")
    }

    /// The plain reason for a system error while writing, never `strerror`'s English.
    static func output(path: String, errno code: Int32, doing step: OutputStep) -> Message {
        let (reason, vi, en) = systemReason(errno: code)
        switch step {
        case .create: return output(reason, path: path, vi: "không tạo được tệp tạm để ghi: \(vi).", en: "cannot create the temporary file: \(en).")
        case .write: return output(reason, path: path, vi: "không ghi được tệp: \(vi).", en: "cannot write the file: \(en).")
        case .rename: return output(reason, path: path, vi: "không đổi tên được tệp tạm thành tệp này: \(vi).",
                                    en: "cannot rename the temporary file to this file: \(en).")
        }
    }
}

/// The name of a workbook motcua writes (tệp Excel kết quả): it must end in
/// `.xlsx`, any letter case. The content is always Office Open XML, so a
/// name such as `bao-cao.xls` or `bao-cao` would make Excel refuse the file
/// or warn that its format and extension do not match (docs/rules.md#outputs).
package enum WorkbookName {
    package static func isValid(_ path: String) -> Bool {
        URL(fileURLWithPath: path).pathExtension.lowercased() == "xlsx"
    }

    /// - throws: a ``Message`` coded `output.not-xlsx` naming the option.
    package static func require(_ path: String, option: String) throws {
        guard !isValid(path) else { return }
        throw Message("output.not-xlsx", file: path,
                      vi: "\(option) phải là tên tệp Excel có đuôi .xlsx (ví dụ bao-cao.xlsx): motcua luôn ghi dạng .xlsx, Excel không mở đúng tệp mang tên khác.",
                      en: "\(option) must be an Excel file name ending in .xlsx (e.g. report.xlsx): motcua always writes the .xlsx format, and Excel does not open it properly under another name.")
    }
}
