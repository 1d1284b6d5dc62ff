// swift-tools-version:6.1
import PackageDescription

// Dependencies point one way: every module depends on the pure core; only the
// store sees GRDB, only the XlsxWriter wrapper sees the C library, and only the
// CLI module depends on everything.
let package = Package(
    name: "motcua",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "motcua", targets: ["motcua"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .target(name: "MotCuaCore"),
        // Templates/, VERSION and the commit, compiled in (see Plugins/EmbedTemplates).
        .executableTarget(name: "motcua-embed"),
        .plugin(name: "EmbedTemplates", capability: .buildTool(), dependencies: ["motcua-embed"]),
        .target(name: "MotCuaResources", plugins: ["EmbedTemplates"]),
        // Intel ISA-L's inflate for the .xlsx reader's own ZIP entry streaming (see
        // ZipArchive.swift): three times zlib's speed on a sheet's XML, CRC-32 included
        // (BENCHMARKS.md, "Import of an .xlsx export").
        .systemLibrary(name: "MotCuaInflate", pkgConfig: "libisal", providers: [.apt(["libisal-dev"])]),
        // The exports' UTF-8 check sixteen bytes at a time (see utf8_valid.c).
        .target(name: "MotCuaUTF8"),
        .target(name: "MotCuaIngest", dependencies: ["MotCuaCore", "MotCuaInflate", "MotCuaUTF8"]),
        // Deterministic synthetic exports of any size, for benchmarks and tests.
        .target(name: "MotCuaGenerator", dependencies: ["MotCuaCore"]),
        .target(
            name: "MotCuaStore",
            dependencies: [
                "MotCuaCore", .product(name: "GRDB", package: "GRDB.swift"),
                // The raw C API for the hot insert loop of an import (see DossierRow.bind).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]),
        .systemLibrary(
            name: "CXlsxWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]),
        // libxlsxwriter's ZIP entries written at deflate level 4, not 6 (see zip_level.c).
        .target(name: "MotCuaZipLevel"),
        .target(name: "XlsxWriter", dependencies: ["CXlsxWriter", "MotCuaZipLevel"]),
        .target(
            name: "MotCuaReport",
            dependencies: ["MotCuaCore", "XlsxWriter", .product(name: "Yams", package: "Yams")]),
        .target(
            name: "MotCuaCLI",
            dependencies: [
                "MotCuaCore", "MotCuaIngest", "MotCuaStore", "MotCuaReport", "MotCuaGenerator", "MotCuaResources",
                "XlsxWriter",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
            ]),
        .executableTarget(
            name: "motcua",
            dependencies: ["MotCuaCLI", .product(name: "ArgumentParser", package: "swift-argument-parser")]),

        // Reads produced workbooks back (unzip + sheet XML) for the tests; temporary folders.
        .target(
            name: "MotCuaTestSupport",
            dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")],
            path: "Tests/MotCuaTestSupport"),
        .testTarget(
            name: "MotCuaCoreTests", dependencies: ["MotCuaCore"],
            // Read through #filePath at test time, not bundled.
            exclude: ["Calendar/Fixtures"]),
        .testTarget(
            name: "MotCuaIngestTests",
            dependencies: ["MotCuaIngest", "MotCuaTestSupport", "XlsxWriter",
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "MotCuaGeneratorTests", dependencies: ["MotCuaGenerator", "MotCuaIngest", "MotCuaStore"]),
        .testTarget(
            name: "MotCuaStoreTests",
            dependencies: ["MotCuaStore", "MotCuaIngest", "MotCuaTestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(
            name: "MotCuaReportTests",
            dependencies: ["MotCuaReport", "MotCuaTestSupport"]),
        .testTarget(name: "MotCuaCLITests", dependencies: ["MotCuaCLI", "MotCuaTestSupport"]),
        .testTarget(
            name: "MotCuaEndToEndTests",
            // XlsxWriter builds the published workbooks that `check --published` reads.
            dependencies: ["MotCuaCore", "MotCuaStore", "MotCuaTestSupport", "XlsxWriter"]),
    ]
)
