import ArgumentParser
import Foundation
import MotCuaCLI

// The language of every message, chosen once before parsing so that even an
// argument error or --help follows --lang / MOTCUA_LANG / the locale.
MotCua.chooseLanguage(arguments: Array(CommandLine.arguments.dropFirst()),
                      environment: ProcessInfo.processInfo.environment)

// Exit codes (docs/rules.md#exit-codes): 0 success, 1 failure, 2 bad usage, 3 rejected rows.
// ArgumentParser's own code for bad usage is 64 (EX_USAGE), so map it.
do {
    var command = try MotCua.parseAsRoot()
    try command.run()
} catch {
    let code = MotCua.exitCode(for: error)
    let text = MotCua.localizedMessage(for: error)
    if code == .success {
        // --help, --version, `motcua help …`
        if !text.isEmpty { print(text) }
        exit(0)
    }
    if !text.isEmpty { FileHandle.standardError.write(Data((text + "\n").utf8)) }
    exit(code == .validationFailure ? 2 : code.rawValue)
}
