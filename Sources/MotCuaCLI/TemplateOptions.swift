import ArgumentParser

/// `--templates DIR`, for every command that reads templates, the rubric or
/// the calendar files: a folder whose files add to or override the built-in ones.
struct TemplateOptions: ParsableArguments {
    @Option(help: "Thư mục mẫu bổ sung/ghi đè các tệp có sẵn trong chương trình (mẫu báo cáo, bộ chỉ số, calendar/*.csv).")
    var templates: String?

    /// The built-in files, overridden by `$MOTCUA_TEMPLATES`, then `--templates`.
    func library() throws -> TemplateLibrary {
        try TemplateLibrary(directories: templates.map { [$0] } ?? [])
    }
}
