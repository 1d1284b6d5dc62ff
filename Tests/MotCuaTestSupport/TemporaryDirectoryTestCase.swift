import Foundation
import XCTest

/// A test case with a fresh temporary folder, `dir`, for each test, removed
/// afterwards. Subclasses that prepare more call `super.setUpWithError()` first.
open class TemporaryDirectoryTestCase: XCTestCase {
    public var dir: URL!

    open override func setUpWithError() throws {
        try super.setUpWithError()
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-\(type(of: self))-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    open override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
        try super.tearDownWithError()
    }
}
