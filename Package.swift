// swift-tools-version:6.0
// The targets follow the data's flow: ingest → store → clean/resolve → analytics → reports,
// each depending only on layers to its left (see ../shared/DESIGN.md).
import PackageDescription

let package = Package(
    name: "crm",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "crm", targets: ["crm"]),
        .executable(name: "crm-bench", targets: ["crm-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
    ],
    targets: [
        // System libraries, each behind a thin Swift owner of its C handles.
        .systemLibrary(name: "CLibCSV", path: "Sources/CLibCSV"),
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite"),
        .systemLibrary(name: "CCrypto", path: "Sources/CCrypto"),
        .systemLibrary(name: "CLibPQ", path: "Sources/CLibPQ", providers: [.apt(["libpq-dev"])]),
        .target(name: "Checksums", dependencies: ["CCrypto"]),
        .target(name: "LibCSV", dependencies: ["CLibCSV"]),
        .target(name: "SQLiteDB", dependencies: ["CSQLite"]),
        .target(name: "PostgresDB", dependencies: ["CLibPQ"]),

        // Store: typed columns, builders, kernels.
        .target(name: "CNumberText"),
        .target(name: "Columns", dependencies: ["CNumberText"]),
        // Sources → columns, with row accounting and quarantine.
        .target(
            name: "Ingest",
            dependencies: [
                "Columns", "LibCSV", "SQLiteDB", "PostgresDB",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Yams", package: "Yams"),
            ],
            resources: [.copy("Profiles/Data")]),
        .target(name: "Cleaning", dependencies: ["Columns", "Ingest"]),
        .target(name: "Resolution", dependencies: ["Columns", "Cleaning"]),
        // Model fitting (ETS selection and backtests, BG/NBD restarts) is ~30× slower unoptimised; the
        // debug build optimises this one module so tests, render checks and the CI bench smoke run
        // in seconds rather than minutes. Release builds are unaffected.
        .target(name: "Analytics", dependencies: ["Columns"],
                swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        .target(name: "Snapshot", dependencies: ["Columns", "Checksums"]),
        .target(name: "Query", dependencies: ["Columns", "Snapshot"]),
        .target(name: "Reports", dependencies: ["Columns", "Analytics", "Checksums"]),
        .target(name: "Generator", dependencies: ["Columns"]),
        // glibc keeps freed arena memory mapped; a run hands it back between its big stages.
        .target(name: "CHeapTrim"),
        .target(
            name: "Pipelines",
            dependencies: [
                "Columns", "Ingest", "Cleaning", "Resolution", "Analytics", "Snapshot", "Query", "Reports", "SQLiteDB",
                "Checksums", "CHeapTrim",
                .product(name: "Yams", package: "Yams"),
            ]),
        .executableTarget(
            name: "crm",
            dependencies: [
                "Pipelines", "Ingest", "Generator", "Query", "Snapshot", "Reports", "Analytics", "Resolution",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(
            name: "crm-bench",
            dependencies: ["Columns", "Ingest", "Generator", "Pipelines", "Resolution", "Analytics", "Query"]),

        .testTarget(name: "ColumnsTests", dependencies: ["Columns"]),
        .testTarget(
            name: "IngestTests",
            dependencies: [
                "Ingest", "Columns", "LibCSV", "SQLiteDB",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["Excel/Fixtures"]),
        // Pipelines + Snapshot: the mixed-sources pipeline runs whole against the test server.
        .testTarget(name: "PostgresTests", dependencies: ["PostgresDB", "Ingest", "Columns", "Pipelines", "Snapshot"]),
        .testTarget(name: "CleaningTests", dependencies: ["Cleaning"]),
        .testTarget(name: "ResolutionTests", dependencies: ["Resolution", "Generator", "Ingest"]),
        .testTarget(name: "AnalyticsTests", dependencies: ["Analytics", "Ingest", "Generator"]),
        .testTarget(name: "SnapshotTests", dependencies: ["Snapshot", "Columns", "Checksums"]),
        .testTarget(name: "QueryTests", dependencies: ["Query", "Snapshot", "Columns"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports"]),
        .testTarget(name: "GeneratorTests", dependencies: ["Generator", "Ingest"]),
        .testTarget(name: "PipelinesTests", dependencies: ["Pipelines", "Checksums", "SQLiteDB", "Reports", "Columns", "Cleaning"]),
        .testTarget(name: "CLITests", dependencies: []),
    ]
)
