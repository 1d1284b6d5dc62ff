import Foundation
import MotCuaTestSupport
import XCTest

/// Runs the built `motcua` executable as a user would, from the test's own
/// build folder, and captures its output and exit code.
struct CommandRunner {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `.build/<config>/motcua`, beside the test bundle.
    static var executable: URL {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("motcua")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("motcua")
    }

    @discardableResult
    static func run(_ arguments: [String], in directory: URL? = nil, executable: URL = executable,
                    environment: [String: String] = [:], file: StaticString = #filePath, line: UInt = #line) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        // The binary carries its templates: nothing from the checkout is pointed at.
        var env = ProcessInfo.processInfo.environment
        env["MOTCUA_TEMPLATES"] = nil
        // Vietnamese, the product's language, unless a test asks otherwise:
        // the machine's locale must not decide what the tests read.
        for name in ["MOTCUA_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] { env[name] = nil }
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        // Every report JSON a test makes is checked against the schema.
        if arguments.first == "report", process.terminationStatus != 1,
           let i = arguments.firstIndex(of: "--json"), i + 1 < arguments.count {
            let path = directory.map { URL(fileURLWithPath: arguments[i + 1], relativeTo: $0).path } ?? arguments[i + 1]
            if let data = FileManager.default.contents(atPath: path) {
                assertValidReportJSON(data, name: path, file: file, line: line)
            }
        }
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}
