import CXlsxWriter
import MotCuaZipLevel

/// An .xlsx file being written. Owns the libxlsxwriter workbook: ``close()``
/// writes the file and frees everything, exactly once; a workbook dropped
/// without closing is closed then (its file is incomplete by contract, and
/// callers write to a temporary path anyway).
///
/// Worksheets, formats and charts are non-owning handles valid until close.
package final class Workbook {
    private var handle: UnsafeMutablePointer<lxw_workbook>?
    private var formats: [CellFormat: UnsafeMutablePointer<lxw_format>] = [:]
    private var sheetNames: Set<String> = []
    package let path: String

    /// - Parameter constantMemory: stream rows to disk (rows must then be
    ///   written in order, each row's cells left to right); for big sheets.
    package init(path: String, constantMemory: Bool = false, tmpdir: String? = nil) throws {
        self.path = path
        var options = lxw_workbook_options()
        options.constant_memory = constantMemory ? 1 : 0
        options.use_zip64 = 1
        let wb: UnsafeMutablePointer<lxw_workbook>? = if let tmpdir {
            tmpdir.withCString { dir in
                options.tmpdir = UnsafeMutablePointer(mutating: dir)
                return workbook_new_opt(path, &options)
            }
        } else {
            workbook_new_opt(path, &options)
        }
        guard let wb else { throw XlsxError(LXW_ERROR_CREATING_XLSX_FILE, "create workbook \(path)") }
        handle = wb
    }

    deinit { if let handle { _ = workbook_close(handle) } }

    /// The deflate level libxlsxwriter last opened a ZIP entry with, through
    /// motcua's interposer (Sources/MotCuaZipLevel), or `nil` when no entry
    /// went through it: the tests' check that the level takes effect.
    package static var deflateLevelOfLastEntry: Int? {
        let level = Int(motcua_last_zip_entry_level())
        return level < 0 ? nil : level
    }

    private var wb: UnsafeMutablePointer<lxw_workbook> {
        guard let handle else { preconditionFailure("Workbook used after close()") }
        return handle
    }

    /// Adds a worksheet. Excel limits names to 31 characters without `[]:*?/\`.
    package func addWorksheet(named name: String) throws -> Worksheet {
        try check(workbook_validate_sheet_name(wb, name), "sheet name \"\(name)\"")
        guard let ws = workbook_add_worksheet(wb, name) else {
            throw XlsxError(LXW_ERROR_MEMORY_MALLOC_FAILED, "add worksheet \(name)")
        }
        sheetNames.insert(name)
        return Worksheet(handle: ws, name: name, workbook: self)
    }

    /// The shared format for a description, created on first use.
    package func format(_ spec: CellFormat) -> UnsafeMutablePointer<lxw_format> {
        if let f = formats[spec] { return f }
        let f = workbook_add_format(wb)!
        spec.apply(to: f)
        formats[spec] = f
        return f
    }

    package func addChart(_ type: Chart.Kind) -> Chart {
        Chart(handle: workbook_add_chart(wb, type.code)!, kind: type)
    }

    /// - Parameter created: the creation time written in the file's properties
    ///   (seconds since 1970); `nil` takes the time the file is closed.
    package func setProperties(title: String, author: String, company: String? = nil, created: Int? = nil) {
        title.withCString { t in
            author.withCString { a in
                (company ?? "").withCString { c in
                    var p = lxw_doc_properties()
                    p.title = UnsafeMutablePointer(mutating: t)
                    p.author = UnsafeMutablePointer(mutating: a)
                    if company != nil { p.company = UnsafeMutablePointer(mutating: c) }
                    if let created { p.created = time_t(created) }
                    _ = workbook_set_properties(wb, &p)
                }
            }
        }
    }

    /// Writes the file and frees the workbook.
    /// - throws: ``XlsxError`` when the file cannot be written (full disk, no permission).
    package func close() throws {
        guard let h = handle else { return }
        handle = nil
        try check(workbook_close(h), "write \(path)")
    }
}
