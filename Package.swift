// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "apigen",
    platforms: [.macOS(.v13), .iOS(.v16), .tvOS(.v16), .watchOS(.v9), .visionOS(.v1)],
    products: [
        .executable(name: "apigen", targets: ["apigen"]),
        .library(name: "CloudPartnerPortal", targets: ["CloudPartnerPortal"]),
        .library(name: "APIClientRuntime", targets: ["APIClientRuntime"]),
        .library(name: "APIClientTesting", targets: ["APIClientTesting"]),
        // The generator as a library, for tools that embed it (and the benchmarks).
        .library(name: "ApigenGenerator", targets: ["Generator"]),
        .plugin(name: "RegenerateClient", targets: ["RegenerateClient"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4"),
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // The generator: bytes → YAML nodes → description model → Swift declarations → text.
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(name: "YAML", dependencies: ["CYAML"]),
        .target(name: "APIDescription", dependencies: ["YAML"]),
        .target(name: "SwiftCodegen", dependencies: ["APIDescription", "YAML"]),
        .target(name: "Generator", dependencies: ["YAML", "APIDescription", "SwiftCodegen"]),
        .executableTarget(
            name: "apigen",
            dependencies: ["Generator", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .plugin(
            name: "RegenerateClient",
            capability: .command(
                intent: .custom(
                    verb: "regenerate-client",
                    description: "Regenerates Generated/ from the descriptions in api-spec/ with apigen."
                ),
                permissions: [.writeToPackageDirectory(reason: "Generated/ holds the client generated from api-spec/.")]
            ),
            dependencies: ["apigen"]
        ),

        // What generated clients are built on, and what their users test with.
        .target(
            name: "APIClientRuntime",
            dependencies: [
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
            ]
        ),
        .target(
            name: "APIClientTesting",
            dependencies: [
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
            ]
        ),
        .target(
            name: "CloudPartnerPortal",
            dependencies: [
                "APIClientRuntime",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
            ],
            path: "Generated/CloudPartnerPortal"
        ),

        // A client generated from Tests/Fixtures/shapes.yaml, which uses every construct the generator knows, so that
        // tests can send and decode real values of each; GeneratorTests checks that it is current.
        .target(
            name: "Shapes",
            dependencies: [
                "APIClientRuntime",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
            ],
            path: "Tests/Generated/Shapes"
        ),

        .testTarget(name: "YAMLTests", dependencies: ["YAML"]),
        .testTarget(name: "apigenTests", dependencies: ["apigen"]),
        .testTarget(name: "APIClientRuntimeTests", dependencies: ["APIClientRuntime"]),
        .testTarget(name: "APIDescriptionTests", dependencies: ["APIDescription"]),
        .testTarget(name: "SwiftCodegenTests", dependencies: ["SwiftCodegen", "APIDescription", "YAML"]),
        // The runtime is a dependency so that its module is built for the tests that compile generated code.
        .testTarget(
            name: "GeneratorTests",
            dependencies: ["Generator", "SwiftCodegen", "APIDescription", "YAML", "APIClientRuntime"]),
        .testTarget(
            name: "CloudPartnerPortalTests",
            dependencies: [
                "CloudPartnerPortal", "APIClientTesting", "APIClientRuntime",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
            ]
        ),
        .testTarget(
            name: "ShapesTests",
            dependencies: [
                "Shapes", "APIClientTesting", "APIClientRuntime",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
