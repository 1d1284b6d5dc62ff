import Foundation
import MotCuaCore
import MotCuaIngest

/// Sorts the files waiting in the inbox into what a run does with each.
///
/// Exports arrive by copy (a share, scp, a browser download) that cron does
/// not wait for: a file still being written must be left for the next night,
/// not imported half-way and archived. Partial-download names are ignored
/// outright; a file motcua cannot read is left in place and mentioned every
/// night, so that someone notices it.
struct InboxScanner {
    /// Whether motcua can import a file of this name: CSV/text and .xlsx
    /// exports. An Excel 97–2003 `.xls` cannot be; it is warned about.
    static func importable(_ name: String) -> Bool {
        DossierFileKind.importable(name) && (name as NSString).pathExtension.lowercased() != "xls"
    }
    /// Endings of files a copy or a download is still writing.
    static let partialSuffixes = [".part", ".tmp", ".crdownload", ".filepart"]
    /// A file modified this recently may still be being copied.
    static let settleSeconds: TimeInterval = 60

    var now = Date()

    enum Decision {
        case importFile(sha256: String)
        case alreadyImported(sha256: String)
        case stillBeingCopied
        case unsupported
        /// Cannot be read (permissions): one bad file must not stop the others.
        case unreadable(Error)
        /// Hidden or a partial download: a run says nothing, `--check` lists it.
        case ignored
    }

    struct Entry {
        let path: String
        var name: String { (path as NSString).lastPathComponent }
        let decision: Decision
        /// Size and time when hashed, to notice a file that changes while it is imported.
        var state: FileState? = nil
    }

    /// The inbox's files, oldest name first (exports are usually named by date).
    /// - Parameter isImported: whether a file with this SHA-256 was imported before.
    func scan(_ inbox: String, isImported: (String) throws -> Bool) throws -> [Entry] {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: inbox) } catch {
            throw Message("run.inbox-unreadable", vi: "\(inbox): không đọc được thư mục hộp thư đến (inbox).", en: "\(inbox): cannot read the inbox folder.")
        }
        var entries: [Entry] = []
        for name in names.sorted() {
            let path = (inbox as NSString).appendingPathComponent(name)
            if Self.isIgnored(name) { entries.append(Entry(path: path, decision: .ignored)); continue }
            guard let before = Self.fileState(path) else { continue }  // a folder, or gone already
            guard Self.importable(name) else {
                entries.append(Entry(path: path, decision: .unsupported)); continue
            }
            guard now.timeIntervalSince(before.modified) >= Self.settleSeconds else {
                entries.append(Entry(path: path, decision: .stillBeingCopied)); continue
            }
            let sha: String
            do { sha = try Importer.sha256(ofFileAt: path) } catch {
                entries.append(Entry(path: path, decision: .unreadable(error))); continue
            }
            guard Self.fileState(path) == before else {
                entries.append(Entry(path: path, decision: .stillBeingCopied)); continue
            }
            entries.append(Entry(path: path, decision: try isImported(sha) ? .alreadyImported(sha256: sha) : .importFile(sha256: sha),
                                 state: before))
        }
        return entries
    }

    /// Hidden files and partial downloads: not ours to mention.
    static func isIgnored(_ name: String) -> Bool {
        let lower = name.lowercased()
        // `~$name.xlsx` is the lock file Excel keeps beside a workbook it has open.
        return name.hasPrefix(".") || name.hasPrefix("~$") || partialSuffixes.contains { lower.hasSuffix($0) }
    }

    struct FileState: Equatable {
        let size: UInt64
        let modified: Date
    }

    /// Size and modification time of a regular file; `nil` for anything else.
    static func fileState(_ path: String) -> FileState? {
        guard let a = try? FileManager.default.attributesOfItem(atPath: path),
              a[.type] as? FileAttributeType == .typeRegular,
              let size = a[.size] as? NSNumber, let modified = a[.modificationDate] as? Date else { return nil }
        return FileState(size: size.uint64Value, modified: modified)
    }
}
