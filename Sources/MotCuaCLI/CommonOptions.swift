import ArgumentParser
import Foundation

/// Options every command shares.
struct CommonOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: "Tệp cơ sở dữ liệu SQLite (mặc định: motcua.sqlite trong thư mục hiện tại).")
    var database: String = "motcua.sqlite"

    @Option(name: .customLong("lang"), help: LanguageOption.help)
    var language: LanguageOption?
}

/// `--lang vi|en`. The value is read from the command line before parsing
/// (``Language/choose(arguments:environment:)``, in main), so that the
/// parser's own errors and `--help` follow it too; the option is declared so
/// that it is accepted, checked and listed in `--help`.
enum LanguageOption: String, ExpressibleByArgument, CaseIterable {
    case vi, en

    static let help: ArgumentHelp = "Ngôn ngữ thông báo: vi hoặc en (mặc định: biến MOTCUA_LANG, rồi ngôn ngữ của hệ thống LC_ALL/LC_MESSAGES/LANG, rồi vi)."
}

/// Exit codes (docs/rules.md#exit-codes).
enum ExitStatus {
    static let failure: Int32 = 1
    static let usage: Int32 = 2
    static let rejectedRows: Int32 = 3
}

/// Prints a message for the clerk on standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

func printInfo(_ message: String) {
    FileHandle.standardOutput.write(Data((message + "\n").utf8))
}

