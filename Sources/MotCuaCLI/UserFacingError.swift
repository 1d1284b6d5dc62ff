import ArgumentParser
import MotCuaCore

/// Runs a command body and turns every failure into one clear line on
/// standard error ("Lỗi: …" / "Error: …", in the process language) and exit
/// code 1 — never a stack trace.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let e as ExitCode {
        throw e
    } catch let e as ValidationError {
        throw e
    } catch {
        printError(userMessage(error).labelled())
        throw ExitCode(ExitStatus.failure)
    }
}

/// The message for any error: every layer throws a ``Message`` (or a
/// ``UserMessage``); anything else is a bug, shown as such rather than hidden.
func userMessage(_ error: Error) -> Message {
    if let e = error as? UserMessage { return e.message }
    return Message("internal.unexpected", vi: "lỗi không lường trước (\(error)).", en: "unexpected error (\(error)).")
}

/// The text of `error` in the process language, with its place.
func describe(_ error: Error) -> String { userMessage(error).text() }

/// A usage error found by `validate()`, in the process language (already
/// chosen when the command line is parsed).
func usageError(_ vi: String, _ en: String) -> ValidationError {
    ValidationError(Language.current.pick(vi, en))
}

/// `vi` or `en`, whichever the process speaks.
func localized(_ vi: String, _ en: String) -> String { Language.current.pick(vi, en) }

/// `--from 2020-13-01` and the like.
func invalidDate(_ text: String) -> ValidationError {
    usageError("Ngày không hợp lệ: \"\(text)\" (dạng yyyy-MM-dd).", "Invalid date: \"\(text)\" (write yyyy-MM-dd).")
}
