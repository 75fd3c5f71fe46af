// swift-tools-version: 6.2
import PackageDescription

// An application-shaped consumer of the generated client: it depends on the repository by path, as a team's own
// package would, and tests its logic with the shipped mock transport.
let package = Package(
    name: "CancelWatcher",
    platforms: [.macOS(.v13), .iOS(.v16)],
    dependencies: [
        .package(name: "apigen", path: "../.."),
        .package(url: "https://github.com/apple/swift-openapi-urlsession", from: "1.4.0"),
    ],
    targets: [
        .target(
            name: "CancelWatcher",
            dependencies: [.product(name: "CloudPartnerPortal", package: "apigen")]
        ),
        .executableTarget(
            name: "cancel-offer",
            dependencies: [
                "CancelWatcher",
                .product(name: "OpenAPIURLSession", package: "swift-openapi-urlsession"),
            ]
        ),
        // Member import visibility, the direction Swift is taking, checks that the testing product is usable with
        // only what it documents: its requests' HTTP types come with it.
        .testTarget(
            name: "CancelWatcherTests",
            dependencies: ["CancelWatcher", .product(name: "APIClientTesting", package: "apigen")],
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
