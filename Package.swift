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
        .target(name: "PlanModel", dependencies: ["CSQLite"]),
        .target(name: "Importers", dependencies: ["PlanModel", "CCmark"]),
        .target(name: "Reports", dependencies: ["PlanModel", "CLibXML2"]),
        .executableTarget(name: "planq", dependencies: ["PlanModel", "Importers", "Reports"]),
        .testTarget(name: "PlanModelTests", dependencies: ["PlanModel"]),
        .testTarget(name: "ImportersTests", dependencies: ["Importers", "PlanModel"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "PlanModel"]),
        .testTarget(name: "planqTests", dependencies: ["PlanModel", "Reports"], exclude: ["Golden"]),
        // One test per reliability bug found (issue 13), the fuzz and kill tests among them.
        .testTarget(name: "ReliabilityTests", dependencies: ["PlanModel", "Importers", "Reports"]),
    ]
)
