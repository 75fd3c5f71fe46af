// swift-tools-version: 6.2
import PackageDescription

// Loopback integration tests live in their own package so that the main package does not carry a server and a real
// transport as dependencies.
let package = Package(
    name: "IntegrationTests",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "apigen", path: ".."),
        .package(url: "https://github.com/apple/swift-openapi-urlsession", from: "1.4.0"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
        // URLSession buffers bodies on Linux; AsyncHTTPClient streams them, which the transfer tests prove.
        .package(url: "https://github.com/swift-server/swift-openapi-async-http-client", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        // A client generated from Fixtures/transfers.yaml: uploads, downloads and event streams.
        .target(
            name: "Transfers",
            dependencies: [
                .product(name: "APIClientRuntime", package: "apigen"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
            ],
            path: "Generated/Transfers"
        ),
        .testTarget(
            name: "TransferTests",
            dependencies: [
                "Transfers",
                .product(name: "OpenAPIAsyncHTTPClient", package: "swift-openapi-async-http-client"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "FlyingFox", package: "FlyingFox"),
            ]
        ),
        .testTarget(
            name: "LoopbackTests",
            dependencies: [
                .product(name: "CloudPartnerPortal", package: "apigen"),
                .product(name: "OpenAPIURLSession", package: "swift-openapi-urlsession"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "FlyingFox", package: "FlyingFox"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
