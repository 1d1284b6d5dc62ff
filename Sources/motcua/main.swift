import ArgumentParser
import Foundation
import MotCuaCLI

// Exit codes (docs/rules.md#exit-codes): 0 success, 1 failure, 2 bad usage, 3 rejected rows.
// ArgumentParser's own code for bad usage is 64 (EX_USAGE), so map it.
do {
    var command = try MotCua.parseAsRoot()
    try command.run()
} catch {
    if MotCua.exitCode(for: error) == .validationFailure {
        FileHandle.standardError.write(Data((MotCua.fullMessage(for: error) + "\n").utf8))
        exit(2)
    }
    MotCua.exit(withError: error)
}
