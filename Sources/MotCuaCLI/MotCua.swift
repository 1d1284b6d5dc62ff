import ArgumentParser
import MotCuaResources

/// The `motcua` command: import one-stop dossier exports and write the
/// monthly and quarterly reports (báo cáo tình hình giải quyết TTHC).
package struct MotCua: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "motcua",
        abstract: "Báo cáo tình hình tiếp nhận, giải quyết hồ sơ TTHC từ dữ liệu một cửa điện tử.",
        discussion: """
        Import dossier exports of a one-stop system into a SQLite database and write \
        the reports offices send every month and quarter (the appendix table, on-time \
        rates, overdue lists) as Excel workbooks and JSON.
        """,
        version: BuildInfo.versionLine,
        subcommands: [ImportCommand.self, ReportCommand.self, OverdueCommand.self, ExplainCommand.self, CheckCommand.self, RunCommand.self,
                      CalendarCommand.self, TemplatesCommand.self, GenerateCommand.self]
    )

    package init() {}
}
