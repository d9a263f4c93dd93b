// swift-tools-version:6.1
import PackageDescription

/// Settings shared by every Swift target: Swift 6 language mode, strict concurrency.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "bk",
    products: [
        .library(name: "BlauweKnop", targets: ["BlauweKnop"]),
        .executable(name: "bk", targets: ["bk"]),
        .executable(name: "bk-holder", targets: ["bk-holder"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
    ],
    targets: [
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        // cairo, pango and qpdf, opened with dlopen when a PDF is first made or read (headers from
        // libcairo2-dev and libqpdf-dev; `make setup` installs them).
        .target(name: "CPDF", linkerSettings: [.linkedLibrary("dl"), .linkedLibrary("pthread"), .linkedLibrary("z")]),
        .target(
            name: "BlauweKnop",
            // swift-crypto for HPKE with X-Wing (PROTOCOL §13) only; signatures stay on OpenSSL.
            dependencies: ["CCurl", "CCrypto", "CPDF", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "bk",
            dependencies: [
                "BlauweKnop",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "BlauweKnopHolder",
            dependencies: [
                "BlauweKnop",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "bk-holder",
            dependencies: [
                "BlauweKnopHolder",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        // libFuzzer targets: `make fuzz` builds this with -sanitize=fuzzer,address -DFUZZING.
        .executableTarget(name: "bk-fuzz", dependencies: ["BlauweKnop"], swiftSettings: strictSettings),
        // What both test targets share (an executor off Swift's cooperative pool).
        .target(name: "BKTestSupport", path: "Tests/Support", swiftSettings: strictSettings),
        .testTarget(
            name: "BlauweKnopTests",
            dependencies: ["BlauweKnop", "BlauweKnopHolder", "BKTestSupport"],
            resources: [.copy("Vectors")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["BlauweKnop", "BKTestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: strictSettings
        ),
    ]
)
