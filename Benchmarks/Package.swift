// swift-tools-version: 6.2
import PackageDescription

// Benchmarks live apart from the main package and its tests; they print figures rather than pass or fail.
// Run: swift run -c release --package-path Benchmarks
let package = Package(
    name: "Benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "apigen", path: ".."),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4"),
    ],
    targets: [
        .executableTarget(
            name: "apigen-benchmarks",
            dependencies: [
                .product(name: "ApigenGenerator", package: "apigen"),
                .product(name: "CloudPartnerPortal", package: "apigen"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
            ]
        )
    ],
    swiftLanguageModes: [.v6]
)
