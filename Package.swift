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
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        // OpenSSL 3 from the system, behind one door (STYLE.md 1, 3).
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"])]
        ),
        .target(name: "Seal", dependencies: ["COpenSSL"]),
        // Durable whole-file writes, the session lock and the ustar archive: plain POSIX files,
        // shared by the session, the journal and the verifier.
        .target(name: "FileSystem"),
        // The text formats people and programs hand pingshen: TOML, CSV (read and written),
        // base64, and the error that places a mistake at file:line:column.
        .target(name: "TextFormats"),
        // The strict JSON reader and decoder the journal is read with (hand-written: see
        // JSONReader.swift for why not Foundation's JSONDecoder).
        .target(name: "StrictJSON"),
        // The journal's schema: Codable event types, plain data (no JSON code, no rules).
        .target(name: "Records"),
        // The journal file and tree, and the coding of its lines (entries ⇄ bytes).
        .target(name: "Journal", dependencies: ["Seal", "Records", "StrictJSON", "FileSystem", "TextFormats"]),
        .target(name: "Review", dependencies: ["Records"]),
        .target(name: "Bundled", dependencies: ["TextFormats"], plugins: ["EmbedFiles"]),
        // The C2SP tlog-witness on a second device (SPEC.md §2): cosignatures, the add-checkpoint
        // body, registration, the persisted view and the client. Journal and Seal only, so the
        // session and the verifier can use it without the HTTP server.
        .target(name: "Witness", dependencies: ["Journal", "Seal", "FileSystem", "TextFormats"]),
        // The witness's HTTP face (Hummingbird 2): add-checkpoint, registration, status page.
        .target(
            name: "WitnessServer",
            dependencies: ["Witness", "Journal", "Seal", .product(name: "Hummingbird", package: "hummingbird")]
        ),
        .target(name: "Workspace", dependencies: ["Seal", "FileSystem", "TextFormats", "Journal", "Records", "Review", "Bundled", "Witness"]),
        // glibc's allocator settings (mallopt, <malloc.h>) for the verifier's batches.
        .target(name: "CHeap"),
        // The inspector's verifier (V1–V14): written independently of the session engine, so it
        // never depends on Review or Workspace.
        .target(name: "Inspection", dependencies: ["Records", "Journal", "Seal", "StrictJSON", "FileSystem", "CHeap", "Printer"]),
        // The template printer: the template library (shipped + a user's folder), content types,
        // long-table sections, and the result form printed from plain facts. No Review, no
        // Workspace: the verifier re-renders signed forms through it (SPEC.md §4 V11).
        .target(
            name: "Printer",
            dependencies: ["Records", "Bundled", "TextFormats", .product(name: "Mustache", package: "swift-mustache")]
        ),
        // Minutes, result forms, tables, publicity and report: views built from the replayed
        // session, printed through Printer from Templates/.
        .target(
            name: "Documents",
            dependencies: ["Printer", "Records", "Review", "Bundled", "TextFormats", .product(name: "Mustache", package: "swift-mustache")]
        ),
        .executableTarget(
            name: "pingshen",
            dependencies: [
                "Workspace", "Records", "Review", "Journal", "Bundled", "Seal", "FileSystem", "TextFormats", "Documents", "Inspection",
                "Witness", "WitnessServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Benchmark tooling (Scripts/bench-replay.sh): writes large session journals.
        .executableTarget(
            name: "pingshen-bench",
            dependencies: ["Workspace", "Records", "Review", "Journal", "Seal", "FileSystem", "TextFormats", "Documents", "Inspection", "Witness"]
        ),

        // Build-time embedding of Samples/ and Templates/ so the binary works anywhere.
        .executableTarget(name: "EmbedTool", dependencies: ["TextFormats"]),
        .plugin(name: "EmbedFiles", capability: .buildTool(), dependencies: ["EmbedTool"]),

        // What several test targets share: the seeded generator and its seeds, and the built binary's path.
        .target(name: "TestSupport", path: "Tests/TestSupport"),

        .testTarget(name: "SealTests", dependencies: ["Seal", "TestSupport"], exclude: ["Vectors"]),
        .testTarget(
            name: "JournalTests",
            dependencies: ["Journal", "Seal", "TestSupport"],
            exclude: ["Vectors"]  // RFC 9162 vectors, read from disk via #filePath (STYLE.md 8)
        ),
        .testTarget(
            name: "WitnessTests",
            dependencies: [
                "Witness", "WitnessServer", "Journal", "Seal", "pingshen", "TestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            exclude: ["Vectors"]
        ),
        .testTarget(name: "StrictJSONTests", dependencies: ["StrictJSON", "TestSupport"]),
        .testTarget(name: "RecordsTests", dependencies: ["Records", "Journal", "StrictJSON", "TestSupport"]),
        .testTarget(name: "ReviewTests", dependencies: ["Review", "Records", "Journal", "TestSupport"]),
        .testTarget(name: "WorkspaceTests", dependencies: ["Workspace", "Review", "Records", "Journal", "Seal", "StrictJSON", "FileSystem", "TextFormats", "TestSupport"]),
        .testTarget(name: "FileSystemTests", dependencies: ["FileSystem"]),
        .testTarget(name: "TextFormatsTests", dependencies: ["TextFormats"]),
        .testTarget(name: "PingshenTests", dependencies: ["pingshen", "Records", "TestSupport"]),
        .testTarget(
            name: "DocumentsTests",
            dependencies: ["Documents", "Printer", "Workspace", "Records", "Review", "Bundled", "TextFormats", "pingshen", "TestSupport"],
            exclude: ["Golden"]  // expected documents, read from disk via #filePath
        ),
        // The printer as the verifier will use it: facts read from raw journal lines, without
        // Review or Workspace, re-rendered and compared with the signed forms of a demo session.
        .testTarget(name: "PrinterTests", dependencies: ["Printer", "Records", "Journal", "pingshen", "TestSupport"]),
        .testTarget(name: "InspectionTests", dependencies: ["Inspection", "Documents", "Workspace", "Review", "Records", "Journal", "Seal", "StrictJSON", "FileSystem", "Witness", "TestSupport"]),
        // The member's browser-side ballot cryptography (Web/js), run in headless Chromium against
        // the RFC 9474 vectors and against Seal; skipped where `chromium` is not installed.
        .testTarget(name: "BrowserCryptoTests", dependencies: ["Seal", "Records", "Journal"]),
    ]
)
