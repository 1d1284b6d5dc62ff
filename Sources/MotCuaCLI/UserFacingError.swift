import ArgumentParser
import MotCuaIngest
import MotCuaReport
import MotCuaStore

/// Runs a command body and turns every known failure into one clear line on
/// standard error and exit code 1 — never a stack trace.
func reportingErrors(english: Bool, _ body: () throws -> Void) throws {
    do {
        try body()
    } catch let e as ExitCode {
        throw e
    } catch let e as ValidationError {
        throw e
    } catch {
        printError((english ? "Error: " : "Lỗi: ") + describe(error, english: english))
        throw ExitCode(ExitStatus.failure)
    }
}

func describe(_ error: Error, english: Bool) -> String {
    switch error {
    case let e as InputFileError: return e.text(english ? .en : .vi)
    case let e as StoreError: return english ? e.en : e.vi
    case let e as TemplateError: return e.text(english: english)
    case let e as OutputError: return e.text(english: english)
    case let e as CLIError: return english ? e.en : e.vi
    default: return String(describing: error)
    }
}

/// A failure found by the command itself.
struct CLIError: Error {
    let vi: String
    let en: String
}
