import XCTest
final class GeneratorPlaceholderTests: XCTestCase { func testNothing() {} }
