import Foundation
import MotCuaCore
import MotCuaStore

/// The one place the commands choose where dossiers are kept: the SQLite file
/// named by `--db` (or a run configuration). Everything else holds
/// `any DossierRepository`, so another store changes only this file.
enum DossierDatabase {
    /// Opens the database at `path`, creating it if needed and bringing its schema up to date.
    static func open(_ path: String) throws -> any DossierRepository {
        try DossierStore(path: path)
    }

    /// Creates the database of one command (`report --input`), deleted after it:
    /// unsynced, without the period index (``DossierStore/init(scratchAt:)``).
    static func openScratch(_ path: String) throws -> any DossierRepository {
        try DossierStore(scratchAt: path)
    }

    /// Opens an existing database for reading only: it creates no file and
    /// migrates nothing (`motcua run --check` must change nothing).
    static func openExisting(_ path: String) throws -> any DossierRepository {
        try DossierStore(readingExisting: path)
    }

    /// Whether a reader will find data at `path`: the file exists and is not
    /// the blank file a run killed before its schema committed leaves behind.
    static func hasSchema(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path) && !DossierStore.isBlank(path: path)
    }

    /// Where an import writes the rows it rejected, beside the database.
    static func rejectsFile(of path: String) -> String { path + ".rejects.csv" }
}
