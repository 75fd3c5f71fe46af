// swift-tools-version: 6.2
import PackageDescription

// Clients generated from the public descriptions of `../shared/corpus` (see `scripts/corpus.sh`, which writes them
// under `Generated/` before building), compiled in Swift 6 mode with warnings as errors, and a few of their calls
// exercised against the mock transport.
let strict: [SwiftSetting] = [.unsafeFlags(["-warnings-as-errors"])]
let client: [Target.Dependency] = [
    .product(name: "APIClientRuntime", package: "apigen"),
    .product(name: "HTTPTypes", package: "swift-http-types"),
    .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
]
let test: [Target.Dependency] = [.product(name: "APIClientTesting", package: "apigen")]

let package = Package(
    name: "CorpusTests",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "apigen", path: ".."),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4"),
    ],
    targets: [
        .target(name: "Spotify", dependencies: client, path: "Generated/Spotify", swiftSettings: strict),
        .target(name: "Discourse", dependencies: client, path: "Generated/Discourse", swiftSettings: strict),
        .target(name: "Museum", dependencies: client, path: "Generated/Museum", swiftSettings: strict),
        .testTarget(name: "SpotifyTests", dependencies: ["Spotify"] + test),
        .testTarget(name: "DiscourseTests", dependencies: ["Discourse"] + test),
        .testTarget(name: "MuseumTests", dependencies: ["Museum"] + test),
    ],
    swiftLanguageModes: [.v6]
)
