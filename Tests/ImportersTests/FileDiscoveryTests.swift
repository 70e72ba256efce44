import Foundation
import Testing
@testable import Importers

/// A folder of project folders is walked one subfolder per core (`walkSubfoldersInParallel`);
/// what it finds must be what one walk finds, and where a symbolic link makes two subfolders'
/// walks reach one folder, one walk is what runs.
struct FileDiscoveryTests {
    private func tree() throws -> URL {
        let root = try temporaryDirectory()
        for file in ["a.md", "notes.txt", "image.png", ".hidden/x.md", "node_modules/y.md", "p1/plan.md", "p1/specs/s/tasks.md",
                     "p2/tracker.md", "p2/adr/0001-use-sqlite.md", "p2/adr/overview.md", "runbooks/restart.md",
                     "p3/deep/er/w.markdown", "p3/README.MD"] {
            let url = root.appendingPathComponent(file)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try "# \(file)\n".write(to: url, atomically: false, encoding: .utf8)
        }
        return root
    }

    private func found(_ root: URL) -> [String] {
        FileDiscovery.find([root.path], report: { _ in }).map { String($0.path.dropFirst(root.path.count + 1)) }
    }

    @Test func subfoldersWalkedSideBySideFindEveryDocumentOnce() throws {
        #expect(found(try tree()) == ["a.md", "notes.txt", "p1/plan.md", "p1/specs/s/tasks.md", "p2/adr/overview.md",
                                      "p2/tracker.md", "p3/README.MD", "p3/deep/er/w.markdown"])
    }

    /// Walked in name order, `p1/again` reaches `p3` first: its documents are found there, and
    /// `p3` itself is not walked a second time. A walk of `p3` beside `p1` would find them twice.
    @Test func aLinkToASiblingFolderIsWalkedOnceAsOneWalkWould() throws {
        let root = try tree()
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("p1/again").path, withDestinationPath: "../p3")
        #expect(found(root) == ["a.md", "notes.txt", "p1/again/README.MD", "p1/again/deep/er/w.markdown", "p1/plan.md",
                                "p1/specs/s/tasks.md", "p2/adr/overview.md", "p2/tracker.md"])
    }
}
