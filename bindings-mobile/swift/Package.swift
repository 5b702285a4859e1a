// swift-tools-version:5.9
// The Swift package of ntpc-policy (module NtpcPolicy: the functions and the
// records and enums), over the Rust library built by cargo. On a
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
            name: "NtpcPolicyTypesFFI",
            path: "Sources/NtpcPolicyTypesFFI",
            linkerSettings: [
                .linkedLibrary("ntpc_policy_mobile"),
                .unsafeFlags(["-L../../target/release"]),
            ]
        ),
        .target(name: "NtpcPolicyFFI", path: "Sources/NtpcPolicyFFI"),
        // Both generated files (functions; records and enums) make one Swift module.
        .target(name: "NtpcPolicy", dependencies: ["NtpcPolicyFFI", "NtpcPolicyTypesFFI"], path: "Sources/NtpcPolicy"),
        .testTarget(
            name: "NtpcPolicyTests",
            dependencies: ["NtpcPolicy"],
            path: "Tests/NtpcPolicyTests"
        ),
    ]
)
