// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "pingshen",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "pingshen", targets: ["pingshen"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // OpenSSL 3 from the system, behind one door (STYLE.md 1, 3).
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"])]
        ),
        .target(name: "Seal", dependencies: ["COpenSSL"]),
        // The strict JSON reader and decoder the journal is read with (hand-written: see
        // JSONReader.swift for why not Foundation's JSONDecoder).
        .target(name: "StrictJSON"),
        // The journal's schema: Codable event types, plain data (no JSON code, no rules).
        .target(name: "Records"),
        // The journal file and tree, and the coding of its lines (entries ⇄ bytes).
        .target(name: "Journal", dependencies: ["Seal", "Records", "StrictJSON"]),
        .target(name: "Review", dependencies: ["Records"]),
        .target(name: "Bundled", plugins: ["EmbedFiles"]),
        .target(name: "Workspace", dependencies: ["Seal", "Journal", "Records", "Review", "Bundled"]),
        // The inspector's verifier (V1–V14): written independently of the session engine, so it
        // never depends on Review or Workspace.
        .target(name: "Inspection", dependencies: ["Records", "Journal", "Seal", "StrictJSON"]),
        // Minutes, result forms, tables, publicity and report, rendered from Templates/.
        .target(
            name: "Documents",
            dependencies: ["Records", "Review", "Bundled", .product(name: "Mustache", package: "swift-mustache")]
        ),
        .executableTarget(
            name: "pingshen",
            dependencies: [
                "Workspace", "Records", "Review", "Journal", "Bundled", "Seal", "Documents", "Inspection",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Benchmark tooling (Scripts/bench-replay.sh): writes large session journals.
        .executableTarget(name: "pingshen-bench", dependencies: ["Workspace", "Records", "Review", "Journal", "Seal", "Documents", "Inspection"]),

        // Build-time embedding of Samples/ and Templates/ so the binary works anywhere.
        .executableTarget(name: "EmbedTool"),
        .plugin(name: "EmbedFiles", capability: .buildTool(), dependencies: ["EmbedTool"]),

        .testTarget(name: "SealTests", dependencies: ["Seal"], exclude: ["Vectors"]),
        .testTarget(
            name: "JournalTests",
            dependencies: ["Journal", "Seal"],
            exclude: ["Vectors"]  // RFC 9162 vectors, read from disk via #filePath (STYLE.md 8)
        ),
        .testTarget(name: "StrictJSONTests", dependencies: ["StrictJSON"]),
        .testTarget(name: "RecordsTests", dependencies: ["Records", "Journal", "StrictJSON"]),
        .testTarget(name: "ReviewTests", dependencies: ["Review", "Records", "Journal"]),
        .testTarget(name: "WorkspaceTests", dependencies: ["Workspace", "Review", "Records", "Journal", "Seal", "StrictJSON"]),
        .testTarget(name: "PingshenTests", dependencies: ["pingshen", "Records"]),
        .testTarget(
            name: "DocumentsTests",
            dependencies: ["Documents", "Workspace", "Records", "Review", "Bundled", "pingshen"],
            exclude: ["Golden"]  // expected documents, read from disk via #filePath
        ),
        .testTarget(name: "InspectionTests", dependencies: ["Inspection", "Workspace", "Review", "Records", "Journal", "Seal", "StrictJSON"]),
    ]
)
