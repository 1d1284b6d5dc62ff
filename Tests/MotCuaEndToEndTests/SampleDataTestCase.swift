import Foundation
import XCTest

/// A test that runs the binary on the Tân Uyên sample, with a temporary
/// folder of its own for outputs, removed afterwards.
class SampleDataTestCase: XCTestCase {
    let sample = CommandRunner.repositoryRoot.appendingPathComponent("SampleData/tan-uyen-2020-10")
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-\(type(of: self))-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    /// `--input … --units … --procedures …` for the sample.
    var inputs: [String] {
        ["--input", sample.appendingPathComponent("dossiers.csv").path,
         "--units", sample.appendingPathComponent("units.csv").path,
         "--procedures", sample.appendingPathComponent("procedures.csv").path]
    }
}
