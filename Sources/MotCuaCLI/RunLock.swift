import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive lock beside the database so that two runs never work at once
/// (cron overlapping a slow run, a clerk starting one by hand). flock(2) is
/// released by the kernel when the process dies, so a killed run never leaves
/// a stale lock behind.
final class RunLock {
    private let fd: Int32
    let path: String

    /// - throws: ``CLIError`` when another run holds the lock.
    init(path: String) throws {
        self.path = path
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw CLIError(vi: "\(path): không tạo được tệp khóa (không có quyền ghi?).",
                           en: "\(path): cannot create the lock file (no write permission?).")
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw CLIError(vi: "Một lần chạy khác đang chạy (đang giữ khóa \(path)). Lần chạy này dừng lại, không thay đổi gì.",
                           en: "Another run is in progress (it holds \(path)). This run stops without changing anything.")
        }
        let pid = "\(getpid())\n"
        _ = ftruncate(fd, 0)
        _ = pid.withCString { write(fd, $0, strlen($0)) }
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
