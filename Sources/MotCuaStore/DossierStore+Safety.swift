import Foundation
import GRDB
import MotCuaCore

/// What the clerk reads when the database itself fails: the file, what
/// happened and what to do, in both languages, coded `store.*` — never
/// SQLite's English with the SQL that failed.
extension Message {
    init(_ error: DatabaseError, path: String) {
        let (code, vi, en): (String, String, String)
        switch error.resultCode {
        case .SQLITE_FULL:
            (code, vi, en) = ("store.disk-full",
                              "ổ đĩa đã đầy, không ghi được vào cơ sở dữ liệu; thao tác này không được lưu, dữ liệu đã có vẫn nguyên. Hãy giải phóng dung lượng đĩa rồi chạy lại.",
                              "the disk is full and the database could not be written; nothing of this run was saved, the stored data is intact. Free some disk space and run again.")
        case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM:
            (code, vi, en) = ("store.cannot-open",
                              "không mở được cơ sở dữ liệu hoặc không ghi được vào đó. Hãy kiểm tra thư mục có tồn tại và quyền đọc, ghi của tệp và thư mục chứa nó.",
                              "cannot open the database or cannot write to it. Check that the folder exists and the read/write permissions of the file and its folder.")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            (code, vi, en) = ("store.busy",
                              "một chương trình khác đang dùng cơ sở dữ liệu (có thể là một lần chạy motcua khác). Hãy đóng chương trình đó hoặc đợi nó xong rồi thử lại.",
                              "another program is using the database (perhaps another motcua run). Close it or wait for it to finish, then try again.")
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            self = .corruptDatabase(path: path)
            return
        case .SQLITE_IOERR:
            (code, vi, en) = ("store.io-error",
                              "lỗi đọc/ghi đĩa khi dùng cơ sở dữ liệu; thao tác này không được lưu. Hãy kiểm tra ổ đĩa rồi chạy lại.",
                              "a disk read/write error while using the database; nothing of this run was saved. Check the disk and run again.")
        default:
            (code, vi, en) = ("store.sqlite-error",
                              "lỗi cơ sở dữ liệu (mã SQLite \(error.resultCode.rawValue)); thao tác này không được lưu.",
                              "database error (SQLite code \(error.resultCode.rawValue)); nothing of this run was saved.")
        }
        self.init(code, file: path, vi: vi, en: en)
    }

    static func corruptDatabase(path: String) -> Message {
        Message("store.corrupt", file: path,
                vi: "cơ sở dữ liệu bị hỏng hoặc không phải tệp cơ sở dữ liệu; không nhập gì thêm vào tệp này. Hãy khôi phục tệp từ bản sao lưu gần nhất (hoặc dùng một tệp mới) rồi nhập lại các tệp xuất.",
                en: "the database is corrupt or not a database file; nothing more is imported into it. Restore the file from the latest backup (or use a new file) and import the exports again.")
    }

    static func blankDatabase(path: String) -> Message {
        Message("store.blank", file: path,
                vi: "cơ sở dữ liệu còn trống (chưa nhập tệp nào, hoặc lần chạy đầu tiên bị dừng giữa chừng). Hãy nhập các tệp xuất trước (motcua import hoặc motcua run).",
                en: "the database is still empty (nothing imported yet, or the first run was stopped midway). Import the exports first (motcua import or motcua run).")
    }

    static func foreignDatabase(path: String) -> Message {
        Message("store.foreign", file: path,
                vi: "đây là cơ sở dữ liệu của một chương trình khác (có bảng nhưng không có bảng của motcua); motcua không ghi gì vào đó. Hãy chọn một tệp khác cho cơ sở dữ liệu (--db).",
                en: "this is another program's database (it has tables, none of them motcua's); motcua wrote nothing to it. Choose another database file (--db).")
    }
}

extension DossierStore {
    /// Runs `body` on the database, SQLite's failures turned into a ``Message`` coded `store.*`.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try queue.write(body) } catch let error as DatabaseError { throw Message(error, path: path) }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try queue.read(body) } catch let error as DatabaseError { throw Message(error, path: path) }
    }

    /// Checks the database's pages (`PRAGMA quick_check`) before anything is
    /// written: an import into a damaged file succeeded and hid the damage
    /// until a report read the broken pages, by then with more data at stake.
    /// - throws: a ``Message`` (`store.corrupt`) saying to restore the backup.
    package func checkIntegrity() throws {
        let problems = try read { db in try String.fetchAll(db, sql: "PRAGMA quick_check(1)") }
        if problems != ["ok"] { throw Message.corruptDatabase(path: path) }
    }

    /// Whether the database at `queue` belongs to another program: it has
    /// tables, but not the record of motcua's first migration.
    static func isForeign(_ queue: DatabaseQueue) throws -> Bool {
        try queue.read { db in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            if tables.isEmpty { return false }
            guard tables.contains("grdb_migrations") else { return true }
            let ours = try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM grdb_migrations WHERE identifier = ?)",
                                         arguments: [StoreSchema.firstMigration])
            return ours != true
        }
    }
}
