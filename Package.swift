// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "eqlint",
    products: [
        .executable(name: "eqlint", targets: ["eqlint"]),
        .library(name: "Rules", targets: ["Rules"]),
    ],
    targets: [
        // The library: reading plans, loading rules, checking, reporting.
        .target(
            name: "Rules",
            plugins: ["EmbedRulesPlugin"]
        ),
        // The command: argument parsing and printing only.
        .executableTarget(
            name: "eqlint",
            dependencies: ["Rules"]
        ),
        // Build-time tool that turns the files in rules/ into Swift source,
        // so an installed binary carries the default rule set with it.
        .executableTarget(
            name: "embed-rules",
            path: "Plugins/EmbedRulesTool"
        ),
        .plugin(
            name: "EmbedRulesPlugin",
            capability: .buildTool(),
            dependencies: ["embed-rules"]
        ),
        .testTarget(
            name: "RulesTests",
            dependencies: ["Rules"],
            exclude: ["Snapshots", "Fixtures"]
        ),
        .testTarget(
            name: "eqlintTests",
            dependencies: ["eqlint"]
        ),
    ]
)
