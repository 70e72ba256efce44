import Foundation

/// Where an import reads documents from.
public protocol DocumentSource: Sendable {
    func find(_ roots: [String], report: (Diagnostic) -> Void) -> [DiscoveredFile]
    func read(_ file: DiscoveredFile) -> [UInt8]?
}

/// The files on disk.
public struct WorkingTree: DocumentSource {
    public init() {}

    public func find(_ roots: [String], report: (Diagnostic) -> Void) -> [DiscoveredFile] {
        FileDiscovery.find(roots, report: report)
    }

    public func read(_ file: DiscoveredFile) -> [UInt8]? {
        FileManager.default.contents(atPath: file.path).map { [UInt8]($0) }
    }
}
