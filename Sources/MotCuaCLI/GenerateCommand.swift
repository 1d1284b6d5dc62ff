import ArgumentParser
// Filled in by the data generator work (issue 9).
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "generate", abstract: "Sinh dữ liệu giả lập.")
    func run() throws {}
}
