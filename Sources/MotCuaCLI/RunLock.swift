import Foundation
import MotCuaCore
import MotCuaReport
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive lock beside the database so that two runs never work at once
/// (cron overlapping a slow run, a clerk starting one by hand). flock(2) is
/// released by the kernel when the process dies; the file also holds the
/// holder's PID, emptied on a clean exit, so a PID found in a free lock is a
/// run that was killed, and the log says so.
final class RunLock {
    private let fd: Int32
    let path: String
    /// The PID a killed run left in the lock file, when this run took it over.
    let takenOverFrom: Int32?

    /// - throws: a ``Message`` when another run holds the lock, or the lock
    ///   path is a symbolic link or not a regular file.
    init(path: String) throws {
        self.path = path
        // O_NOFOLLOW: a symbolic link planted at the lock path must not make
        // a job that often runs as root truncate the file it points to.
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0o644)
        guard fd >= 0 else {
            let code = errno
            if code == ELOOP {
                throw Message("run.lock-symlink", vi: "\(path): tệp khóa là một liên kết tượng trưng (symlink); từ chối dùng. Hãy xóa liên kết này.",
                               en: "\(path): the lock file is a symbolic link; refused. Remove the link.")
            }
            let reason = Message.systemReason(errno: code)
            throw Message("run.lock-cannot-create", vi: "\(path): không tạo được tệp khóa (\(reason.vi)).",
                          en: "\(path): cannot create the lock file (\(reason.en)).")
        }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw Message("run.lock-not-a-file", vi: "\(path): tệp khóa không phải là tệp thường; từ chối dùng.",
                           en: "\(path): the lock file is not a regular file; refused.")
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw Message("run.locked", vi: "Một lần chạy khác đang chạy (đang giữ khóa \(path)). Lần chạy này dừng lại, không thay đổi gì.",
                           en: "Another run is in progress (it holds \(path)). This run stops without changing anything.")
        }
        takenOverFrom = RunLock.deadHolder(fd)
        let pid = "\(getpid())\n"
        _ = ftruncate(fd, 0)
        _ = pid.withCString { pwrite(fd, $0, strlen($0), 0) }
    }

    /// The PID in the file when that process is no longer running.
    private static func deadHolder(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let n = pread(fd, &buffer, buffer.count, 0)
        guard n > 0, let text = String(bytes: buffer[..<n], encoding: .utf8),
              let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)), pid > 0, pid != getpid() else { return nil }
        return kill(pid, 0) != 0 && errno == ESRCH ? pid : nil
    }

    deinit {
        _ = ftruncate(fd, 0)  // a clean exit leaves no PID to be mistaken for a killed run
        flock(fd, LOCK_UN)
        close(fd)
    }
}
