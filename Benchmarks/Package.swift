// swift-tools-version: 6.1
import PackageDescription

// Benchmarks live apart from the main package and its tests; they print figures rather than pass or fail.
// Run: swift package --package-path Benchmarks benchmark   (in-process figures with percentiles and allocations)
//      bash Benchmarks/compare.sh                           (apigen beside swift-openapi-generator and the floor)
let package = Package(
    name: "Benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "apigen", path: ".."),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4"),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "apigen-calls",
            dependencies: [
                .product(name: "CloudPartnerPortal", package: "apigen"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
            ]
        ),
        .executableTarget(
            name: "ApigenBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ApigenGenerator", package: "apigen"),
                .product(name: "CloudPartnerPortal", package: "apigen"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
            ],
            path: "Benchmarks/ApigenBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
