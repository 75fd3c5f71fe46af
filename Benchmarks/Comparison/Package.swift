// swift-tools-version: 6.2
import PackageDescription

// Builds swift-openapi-generator 1.14.3, the tool apigen is measured against, apart from everything else: it is heavy
// and only compare.sh needs it.
let package = Package(
    name: "Comparison",
    dependencies: [
        .package(url: "https://github.com/apple/swift-openapi-generator", exact: "1.14.3")
    ],
    targets: []
)
