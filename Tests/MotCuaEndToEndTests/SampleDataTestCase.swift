import Foundation
import XCTest
import MotCuaTestSupport

/// A test that runs the binary on the Tân Uyên sample, with a temporary
/// folder of its own for outputs, removed afterwards.
class SampleDataTestCase: TemporaryDirectoryTestCase {
    let sample = CommandRunner.repositoryRoot.appendingPathComponent("SampleData/tan-uyen-2020-10")

    /// `--input … --units … --procedures …` for the sample.
    var inputs: [String] {
        ["--input", sample.appendingPathComponent("dossiers.csv").path,
         "--units", sample.appendingPathComponent("units.csv").path,
         "--procedures", sample.appendingPathComponent("procedures.csv").path]
    }
}
