// swift-tools-version: 6.2
import PackageDescription

// Builds swift-openapi-generator 1.14.3, the tool apigen is measured against, apart from everything else: it is heavy
// and only compare.sh needs it.
let package = Package(
    name: "Comparison",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(url: "https://github.com/apple/swift-openapi-generator", exact: "1.14.3"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        // Calls the client swift-openapi-generator makes for the Cancel description; compare.sh generates that client
        // into Sources/openapi-generator-calls/Generated (not checked in) before building this.
        .executableTarget(
            name: "openapi-generator-calls",
            dependencies: [
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        )
    ]
)
