import Foundation
import Testing

/// Issue 13, bug 4 (a failed generator write left a 0-byte file, so the retry was refused and
/// numbering skipped) and the smaller one of an `.adr-dir` leading out of the repository.
@Suite struct GeneratorWriteTests {
    @Test func aGeneratorThatCannotWriteLeavesNoFileAndTheRetryTakesTheSameNumber() throws {
        let planq = try Planq()
        let adr = planq.directory.appendingPathComponent("adr").path
        try FileManager.default.createDirectory(atPath: adr, withIntermediateDirectories: true)
        let full = try planq.run(["-c", "ulimit -f 0; exec '\(Planq.binary)' --db '\(planq.directory.path)/none.db' new adr 'Buffer writes' --dir '\(adr)' --today 2026-03-18"],
                                 withDatabase: false, executable: "/bin/sh")
        #expect(full.status == 1 && full.stderr.contains("no space left"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: adr).isEmpty)
        let retry = try planq.run(["new", "adr", "Buffer writes", "--dir", adr, "--today", "2026-03-18"])
        #expect(retry.status == 0 && retry.stdout.contains("0001-buffer-writes.md"), "\(retry.stdout)\(retry.stderr)")
    }

    @Test func anADRFolderOutsideTheRepositoryIsRefusedUnlessNamedWithDir() throws {
        let planq = try Planq()
        let repository = planq.directory.appendingPathComponent("repo")
        try FileManager.default.createDirectory(at: repository.appendingPathComponent(".git"), withIntermediateDirectories: true)
        let outside = planq.directory.appendingPathComponent("outside").path
        try "\(outside)\n".write(to: repository.appendingPathComponent(".adr-dir"), atomically: false, encoding: .utf8)
        let refused = try planq.run(["new", "adr", "Escape"], in: repository, withDatabase: false)
        #expect(refused.status == 1 && refused.stderr.contains("is outside the repository"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: outside))
        let named = try planq.run(["new", "adr", "Escape", "--dir", outside, "--today", "2026-03-18"], in: repository, withDatabase: false)
        #expect(named.status == 0 && FileManager.default.fileExists(atPath: outside + "/0001-escape.md"), "\(named.stderr)")
    }
}
