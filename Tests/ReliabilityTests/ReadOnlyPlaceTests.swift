import Foundation
import Testing

/// Issue 13, bug 5: a knowledge base on a read-only folder or mount could not even be read
/// (WAL needs its -shm file). Checked as another user (nobody, through setpriv) on a copy.
@Suite struct ReadOnlyPlaceTests {
    /// Another user reading a knowledge base in a folder they cannot write (as on a read-only mount).
    @Test(.enabled(if: geteuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")))
    func aKnowledgeBaseInAReadOnlyPlaceCanBeRead() throws {
        let planq = try Planq()
        try planq.run(["import", "samples/", "-q"])
        let folder = planq.directory.appendingPathComponent("readonly")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let database = folder.appendingPathComponent("kb.db").path
        try FileManager.default.copyItem(atPath: planq.database, toPath: database)
        chmod(database, 0o444)
        chmod(folder.path, 0o555)
        func asNobody(_ arguments: [String]) throws -> Planq.Result {
            try planq.run(["--reuid=65534", "--regid=65534", "--clear-groups", Planq.binary, "--db", database] + arguments,
                          withDatabase: false, executable: "/usr/bin/setpriv")
        }
        let status = try asNobody(["status", "--today", "2026-03-18", "--format", "json"])
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.contains("\"current_week\": 3"))
        let write = try asNobody(["import", "samples/"])
        #expect(write.status == 1 && write.stderr.contains("cannot be written here"))
        #expect(!FileManager.default.fileExists(atPath: database + "-shm"))
    }
}
