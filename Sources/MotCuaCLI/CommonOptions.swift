import ArgumentParser
import Foundation
import MotCuaIngest

/// Options every command shares.
struct CommonOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: "Tệp cơ sở dữ liệu SQLite (mặc định: motcua.sqlite trong thư mục hiện tại).")
    var database: String = "motcua.sqlite"

    @Option(name: .customLong("lang"), help: "Ngôn ngữ thông báo: vi hoặc en.")
    var language: LanguageOption = .vi

    var english: Bool { language == .en }
}

enum LanguageOption: String, ExpressibleByArgument, CaseIterable {
    case vi, en
    var ingest: Language { self == .en ? .en : .vi }
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

/// Thousands with a dot, as Vietnamese documents write them: 1.907.
func formatCount(_ n: Int) -> String {
    let s = String(abs(n))
    var out = ""
    for (i, ch) in s.enumerated() {
        if i > 0 && (s.count - i) % 3 == 0 { out.append(".") }
        out.append(ch)
    }
    return n < 0 ? "-" + out : out
}
