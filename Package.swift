// swift-tools-version:6.0
import PackageDescription

// planq builds offline from the toolchain plus Debian -dev libraries: no package dependencies.
let package = Package(
    name: "planq",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "planq", targets: ["planq"]),
    ],
    targets: [
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3",
                       providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]),
        .systemLibrary(name: "CCmark", pkgConfig: "libcmark-gfm",
                       providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]),
        // The process's allocator (ADR 0022): linked by the command line only.
        .systemLibrary(name: "CJemalloc", pkgConfig: "jemalloc",
                       providers: [.apt(["libjemalloc-dev"]), .brew(["jemalloc"])]),
        .target(name: "PlanModel", dependencies: ["CSQLite"]),
        // cmark-gfm wrapped once: the tree the recognizers walk and the generators read ADRs with.
        .target(name: "Markdown", dependencies: ["CCmark"]),
        .target(name: "Importers", dependencies: ["PlanModel", "Markdown"]),
        .target(name: "Reports", dependencies: ["PlanModel", "CLibXML2"]),
        // ADR and runbook generation: templates, folder discovery, locked numbering.
        .target(name: "Generators", dependencies: ["PlanModel", "Reports", "Markdown"]),
        .executableTarget(name: "planq", dependencies: ["PlanModel", "Importers", "Reports", "Generators", "CJemalloc"]),
        .testTarget(name: "PlanModelTests", dependencies: ["PlanModel"]),
        .testTarget(name: "ImportersTests", dependencies: ["Importers", "PlanModel", "Markdown"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "PlanModel"]),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown", "CCmark"]),
        .testTarget(name: "GeneratorsTests", dependencies: ["Generators", "Reports", "PlanModel"]),
        .testTarget(name: "planqTests", dependencies: ["PlanModel", "Reports"], exclude: ["Golden"]),
        // One test per reliability bug found (issue 13), the fuzz and kill tests among them.
        .testTarget(name: "ReliabilityTests", dependencies: ["PlanModel", "Importers", "Reports"]),
    ]
)
