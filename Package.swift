// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "eqlint",
    products: [
        .executable(name: "eqlint", targets: ["eqlint"]),
        .library(name: "EqlintKit", targets: ["EqlintKit"]),
    ],
    targets: [
        // The stages, each a target that sees only the ones before it:
        // text and source utilities: files, positions, dates, words.
        .target(name: "EqlintText"),
        // The plan: its model, the document readers, recovery, conversion,
        // and the vocabulary recovery reads labels with.
        .target(
            name: "EqlintPlan",
            dependencies: ["EqlintText"]
        ),
        // JSON5 read into a table of values with their places: for the rule
        // engine, and for embed-rules, which parses eqlint's own rule files
        // when it is built.
        .target(
            name: "JSON5Syntax",
            dependencies: ["EqlintText"]
        ),
        // The rule engine: rule files, the checks, suppressions, the linter.
        .target(
            name: "Rules",
            dependencies: ["EqlintText", "EqlintPlan", "JSON5Syntax"],
            plugins: ["EmbedRulesPlugin"]
        ),
        // The library: configuration, reporting, and the commands' runs.
        .target(
            name: "EqlintKit",
            dependencies: ["EqlintText", "EqlintPlan", "Rules"]
        ),
        // The command: argument parsing and printing only.
        .executableTarget(
            name: "eqlint",
            dependencies: ["EqlintKit"]
        ),
        // Build-time tool that turns the files in rules/ into Swift source,
        // so an installed binary carries the default rule set with it,
        // each file parsed already, and its pattern lists' prefilter sets.
        .executableTarget(
            name: "embed-rules",
            dependencies: ["JSON5Syntax", "EqlintPlan"],
            path: "Plugins/EmbedRulesTool"
        ),
        .plugin(
            name: "EmbedRulesPlugin",
            capability: .buildTool(),
            dependencies: ["embed-rules"]
        ),
        .testTarget(
            name: "RulesTests",
            dependencies: ["EqlintText", "EqlintPlan", "JSON5Syntax", "Rules", "EqlintKit"],
            exclude: ["Snapshots", "Fixtures"]
        ),
        .testTarget(
            name: "eqlintTests",
            dependencies: ["eqlint", "EqlintKit"]
        ),
    ]
)
