import Foundation
import Testing
@testable import PlanModel

/// Issue 13, the smaller error bugs: raw SQLite text after a 5 s wait ("database is locked -
/// while executing BEGIN IMMEDIATE"), 100 lines of migration SQL for an older knowledge base,
/// and an unreadable file that exited 0 with no reason given.
@Suite struct ErrorMessageTests {
    @Test func aBusyKnowledgeBaseSaysWhatToDo() throws {
        let path = try temporaryDirectory().appendingPathComponent("kb.db").path
        let holder = try KnowledgeBase(path: path)
        // A knowledge base imported once (WAL from then on), now being written by an import.
        try holder.transaction {}
        try holder.database.execute("BEGIN IMMEDIATE")
        defer { try? holder.database.execute("ROLLBACK") }
        let other = try KnowledgeBase(path: path)
        try other.database.execute("PRAGMA busy_timeout = 50")
        #expect { try other.database.execute("BEGIN IMMEDIATE") } throws: { error in
            "\(error)".hasPrefix("the knowledge base is busy: another planq (an import) is writing it")
        }
    }

    @Test func aMigrationThatFailsNamesTheVersionsNotItsSQL() throws {
        let path = try temporaryDirectory().appendingPathComponent("kb.db").path
        let old = try Database(path: path)
        try old.execute(Schema.migrations[0].sql)
        try old.execute("PRAGMA application_id = \(Schema.applicationID); PRAGMA user_version = 1")
        // A table in the way of a later migration makes that step fail.
        let later = try #require(Schema.migrations.last { $0.sql.contains("CREATE TABLE") })
        let created = try #require(later.sql.firstMatch(of: /CREATE TABLE (\w+)/)?.1)
        try old.execute("CREATE TABLE \(created) (x)")
        #expect { try KnowledgeBase(path: path) } throws: { error in
            let message = "\(error)"
            return message.contains("cannot upgrade \(path) from schema version") && message.split(separator: "\n").count <= 2
                && !message.contains("CREATE TABLE")
        }
    }

    @Test(.enabled(if: geteuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")))
    func anUnreadableFileIsNamedAndTheExitCodeSaysSo() throws {
        let planq = try Planq()
        let folder = planq.directory.appendingPathComponent("shared")
        let docs = folder.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        try "# Orbit Plan\n- [ ] readable\n".write(to: docs.appendingPathComponent("a.md"), atomically: false, encoding: .utf8)
        try "# Orbit Notes\n- [ ] hidden\n".write(to: docs.appendingPathComponent("b.md"), atomically: false, encoding: .utf8)
        chmod(docs.appendingPathComponent("b.md").path, 0o000)
        chmod(folder.path, 0o777)
        chmod(docs.path, 0o777)
        let result = try planq.run(["--reuid=65534", "--regid=65534", "--clear-groups", Planq.binary, "--db", folder.appendingPathComponent("kb.db").path,
                                    "import", docs.path], withDatabase: false, executable: "/usr/bin/setpriv")
        #expect(result.status == 3)
        #expect(result.stderr.contains("docs/b.md: error: cannot read file: permission denied"), "\(result.stderr)")
        #expect(result.stderr.contains("1 not read"))
    }

    /// A name that matches no project lists some of the known ones, not thousands.
    @Test func anUnknownProjectNamesAFewOfTheKnownOnes() throws {
        let planq = try Planq()
        for number in 1...14 {
            try planq.write(String(format: "docs/p%02d/plan.md", number), String(format: """
                # Project Q%02d Rollout - Implementation Plan

                ## Week 1: Start
                - [ ] Kick off q%02d
                """, number, number))
        }
        #expect(try planq.run(["import", "docs", "-q"]).status == 0)
        let unknown = try planq.run(["tasks", "--project", "zzz"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no project matches 'zzz' (projects: "), "\(unknown.stderr)")
        #expect(unknown.stderr.contains(", and 2 more (`planq status` lists them))"), "\(unknown.stderr)")
        #expect(unknown.stderr.split(separator: ",").count == 12 + 1, "twelve names, then how many more: \(unknown.stderr)")
    }
}
