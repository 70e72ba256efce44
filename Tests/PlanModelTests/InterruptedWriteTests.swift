import Foundation
import Testing
@testable import PlanModel

/// A process killed while it commits with a rollback journal (a new knowledge base's first
/// import has one) leaves the file half written and the journal beside it. What a reader sees
/// then must be the last committed state, never the half-written file.
@Suite struct InterruptedWriteTests {
    /// The files a writer killed in the middle of `UPDATE`s leaves: the database and journal are
    /// copied while its transaction is open and its small cache has spilled pages into the file.
    static func crashedCopy() throws -> String {
        let live = try temporaryPath("live.db")
        let writer = try Database(path: live)
        try writer.execute("PRAGMA journal_mode = DELETE; PRAGMA cache_size = 5")
        try writer.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, text TEXT NOT NULL)")
        try writer.transaction {
            for n in 0..<3000 { try writer.run("INSERT INTO t(text) VALUES (?)", [.text("committed row \(n)")]) }
        }
        let crashed = try temporaryPath("crashed.db")
        try writer.execute("BEGIN")
        try writer.execute("UPDATE t SET text = text || ' and a change that was never committed, long enough to spill pages'")
        let files = FileManager.default
        #expect(files.fileExists(atPath: live + "-journal"))
        try files.copyItem(atPath: live, toPath: crashed)
        try files.copyItem(atPath: live + "-journal", toPath: crashed + "-journal")
        try writer.execute("ROLLBACK")
        return crashed
    }

    @Test func aReadOnlyOpenAfterAnInterruptedCommitReadsTheCommittedRows() throws {
        let crashed = try Self.crashedCopy()
        let reader = try Database(path: crashed, mode: .readOnly)
        #expect(!reader.isImmutable)
        #expect(try reader.scalar("PRAGMA integrity_check")?.string == "ok")
        #expect(try reader.scalar("SELECT count(*) FROM t WHERE text LIKE '%never committed%'")?.int == 0)
        #expect(try reader.scalar("SELECT count(*) FROM t")?.int == 3000)
        #expect(!FileManager.default.fileExists(atPath: crashed + "-journal"), "the journal was played back")
    }
}
