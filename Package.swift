// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "feedgen",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "feedgen", targets: ["feedgen"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // 1.11 introduced `LogHandler.log(event:)`, which the watch daemon's log handler implements.
        .package(url: "https://github.com/apple/swift-log", from: "1.11.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // `feedgen serve`: the HTTP server, without its swift-configuration and full-Foundation traits (tools 6.1).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        // git and sendmail as child processes (argument vectors, deadlines), and descriptors and errno as values.
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
        // Property tests (test targets only).
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        // WebSub hub notifications (FoundationNetworking would break static linking).
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        // `feedgen watch --metrics`: counters and a histogram through the swift-metrics API, exported by Prometheus.
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        // libxml2, the XML writer and HTML parser (apt: libxml2-dev).
        .systemLibrary(
            name: "Clibxml2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // cmark-gfm with its extensions (apt: libcmark-gfm-dev, libcmark-gfm-extensions-dev).
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // zlib, the precompressed `.gz` beside each published file (apt: zlib1g-dev).
        .systemLibrary(
            name: "Czlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // Pure logic: site model, Jekyll rules, languages, translations, feed model. No disk, no clock.
        .target(
            name: "FeedgenCore",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        // Bytes in memory: Markdown to HTML, HTML clean-up, RSS/Atom/OPML through libxml2, JSON Feed.
        .target(
            name: "FeedgenRender",
            dependencies: ["FeedgenCore", "Clibxml2", "CCmarkGFM"],
            exclude: ["Markdown/gen-emoji-table.py"]
        ),
        // All I/O: reading the site, building, publishing atomically, notifying WebSub hubs, the watch daemon.
        .target(
            name: "FeedgenRuntime",
            dependencies: [
                "FeedgenCore", "FeedgenRender", "Czlib",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                // The watch daemon and the WebSub queue are services; the daemon traps its signals.
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "SystemPackage", package: "swift-system"),
                // The watch daemon's counters, made by the factory it is given (never the global MetricsSystem).
                .product(name: "CoreMetrics", package: "swift-metrics"),
                // `digest --metrics-file`: the digest's gauges in the Prometheus text format.
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        // `feedgen serve`: the output folder over HTTP (Hummingbird), apart because it is the heaviest dependency.
        .target(
            name: "FeedgenServe",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                // `watch --metrics`: the registry's text exposition on a listener of its own.
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        // The argument-parser commands; a library so tests can call them.
        .target(
            name: "FeedgenCLI",
            dependencies: [
                "FeedgenCore", "FeedgenRuntime", "FeedgenServe",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The executable: calls FeedgenCLI.
        .executableTarget(
            name: "feedgen",
            dependencies: ["FeedgenCLI"]
        ),

        // The golden-file helper every test target shares (compare, record a missing file, print a diff).
        .target(name: "GoldenFiles", path: "Tests/GoldenFiles"),
        .testTarget(
            name: "FeedgenCoreTests",
            dependencies: [
                "FeedgenCore", .product(name: "Yams", package: "Yams"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            // Fixtures are read from disk by path (they hold a regeneration script too), not bundled.
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "FeedgenRenderTests", dependencies: ["FeedgenRender", "Clibxml2", "GoldenFiles"],
            // Golden files and the Jekyll comparison fixtures are read through #filePath, not bundled.
            exclude: ["Golden", "Fixtures"]
        ),
        .testTarget(
            name: "FeedgenRuntimeTests",
            dependencies: [
                "FeedgenRuntime", .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        .testTarget(
            name: "FeedgenCLITests",
            dependencies: [
                "FeedgenCLI", "feedgen", "GoldenFiles", "FeedgenServe",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // Golden digests and the multilingual test sites are read through #filePath, not bundled.
            exclude: ["Golden", "Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
