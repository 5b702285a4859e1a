// swift-tools-version:5.9
// The Swift package of ntpc-policy (module NtpcPolicy: the functions, records,
// enums and the Policy handle), over the Rust library built by cargo. On a
// Mac: `cargo build --release -p ntpc-policy-mobile` at the repository root, then
// `swift test` here. For iOS apps, build an XCFramework (see the repository
// README) and use it as a binary target instead.
import PackageDescription

let package = Package(
    name: "NtpcPolicy",
    platforms: [.macOS(.v12), .iOS(.v15)],
    products: [
        .library(name: "NtpcPolicy", targets: ["NtpcPolicy"]),
    ],
    targets: [
        .target(
            name: "NtpcPolicyFFI",
            path: "Sources/NtpcPolicyFFI",
            linkerSettings: [
                .linkedLibrary("ntpc_policy_mobile"),
                .unsafeFlags(["-L../../target/release"]),
            ]
        ),
        .target(name: "NtpcPolicy", dependencies: ["NtpcPolicyFFI"], path: "Sources/NtpcPolicy"),
        .testTarget(
            name: "NtpcPolicyTests",
            dependencies: ["NtpcPolicy"],
            path: "Tests/NtpcPolicyTests"
        ),
    ]
)
