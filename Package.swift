// swift-tools-version:6.1
import PackageDescription

// Layers point one way: TallyCore ← TallyStore ← TallyLoad / TallyReporting ← the domains
// (TallyFunnels, TallyAffiliate, TallyCSAI, side by side) ← TallyRegistry ← tally (CLI).
// TallyPostgres (the pull from PostgreSQL) sits beside TallyLoad, feeding it bytes.
// TallyOutput (writers) and TallySample (generator) depend only on TallyCore. Report SQL in
// Queries/ is embedded into TallyReporting by EmbedQueriesPlugin. docs/ARCHITECTURE.md draws it.
/// What a domain module may use: the shared values, the store, the writers and the reporting kit.
let domain: [Target.Dependency] = [
    "TallyCore", "TallyStore", "TallyOutput", "TallyReporting", .product(name: "GRDB", package: "GRDB.swift"),
    .product(name: "GRDBSQLite", package: "GRDB.swift"), .product(name: "Crypto", package: "swift-crypto"),
]

let package = Package(
    name: "tally",
    platforms: [.macOS(.v15)],  // Int128 (exact billing arithmetic) needs macOS 15; Linux has no such floor
    products: [
        .executable(name: "tally", targets: ["tally"]),
        .library(name: "TallyStore", targets: ["TallyStore"]),
        .library(name: "TallyOutput", targets: ["TallyOutput"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
    ],
    targets: [
        .target(name: "TallyCore"),
        .target(
            name: "TallyStore",
            dependencies: ["TallyCore", .product(name: "GRDB", package: "GRDB.swift")]),
        // zlib from Debian's zlib1g-dev: streaming gzip decompression for `.gz` exports.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(
            name: "TallyLoad",
            dependencies: [
                "TallyCore", "TallyStore", "CZlib",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
        // libpq from Debian's libpq-dev: `tally load postgresql://…` reads the source with COPY TO
        // STDOUT (docs/LOADING.md, "Pulling from PostgreSQL", says why libpq and not postgres-nio).
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        // The pull: a PostgreSQL source as one more byte source of the loader.
        .target(
            name: "TallyPostgres",
            dependencies: [
                "TallyCore", "TallyStore", "TallyLoad", "CLibPQ", .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        // sqlite3_config (variadic C) for the CLI's process-wide SQLite settings.
        .target(name: "CSQLiteConfig", linkerSettings: [.linkedLibrary("sqlite3")]),
        .target(name: "TallyOutput", dependencies: ["TallyCore"]),
        .target(name: "TallySample", dependencies: ["TallyCore"]),
        .executableTarget(name: "EmbedQueries"),
        .plugin(name: "EmbedQueriesPlugin", capability: .buildTool(), dependencies: ["EmbedQueries"]),
        // The reporting kit every domain builds on (pipeline, close stage, statistics, rollup
        // families, HTML parts); it knows no domain. Report SQL in Queries/ is embedded here.
        .target(
            name: "TallyReporting",
            dependencies: [
                "TallyCore", "TallyStore", "TallyOutput", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            plugins: ["EmbedQueriesPlugin"]),
        // One module per domain; none imports another (docs/ARCHITECTURE.md).
        .target(name: "TallyFunnels", dependencies: domain),
        .target(name: "TallyAffiliate", dependencies: domain),
        .target(name: "TallyCSAI", dependencies: domain),
        // The one list of reports, closes and rollup families, above the domains.
        .target(
            name: "TallyRegistry",
            dependencies: [
                "TallyCore", "TallyStore", "TallyOutput", "TallyReporting", "TallyFunnels", "TallyAffiliate",
                "TallyCSAI",
            ]),
        .executableTarget(
            name: "tally",
            dependencies: [
                "TallyCore", "TallyStore", "TallyLoad", "TallyReporting", "TallyFunnels", "TallyAffiliate", "TallyCSAI",
                "TallyRegistry", "TallyPostgres", "TallyOutput", "TallySample", "CSQLiteConfig",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
        .testTarget(name: "TallyCoreTests", dependencies: ["TallyCore"]),
        .testTarget(
            name: "TallyStoreTests",
            dependencies: ["TallyStore", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "TallyOutputTests", dependencies: ["TallyOutput"]),
        .testTarget(name: "TallySampleTests", dependencies: ["TallySample"]),
        .testTarget(
            name: "TallyReportsTests",
            dependencies: [
                "TallyReporting", "TallyFunnels", "TallyAffiliate", "TallyCSAI", "TallyRegistry", "TallyStore",
                "TallyLoad", "TallyOutput", "TallySample",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "TallyLoadTests",
            dependencies: ["TallyLoad", "TallyStore", .product(name: "GRDB", package: "GRDB.swift")],
            resources: [.copy("Fixtures")]),
        // Help snapshots are read through #filePath, as the vectors are: test data, not resources.
        .testTarget(name: "TallyCLITests", dependencies: ["tally", "TallyRegistry"], exclude: ["HelpSnapshots"]),
        // Against a throwaway PostgreSQL 15 cluster the tests start themselves (PostgresCluster).
        .testTarget(
            name: "TallyPostgresTests",
            dependencies: [
                "tally", "TallyPostgres", "TallyRegistry", "TallyLoad", "TallyStore",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
    ]
)
