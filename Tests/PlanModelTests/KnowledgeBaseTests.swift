import Foundation
import Testing
@testable import PlanModel

/// A path `name` in a new scratch folder, inside one folder for this test process that goes when it exits.
func temporaryPath(_ name: String = "kb.db") throws -> String {
    let url = ScratchFolders.parent.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.appendingPathComponent(name).path
}

enum ScratchFolders {
    static let parent: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("planq-kb-tests-\(getpid())")
        atexit { try? FileManager.default.removeItem(at: ScratchFolders.parent) }
        return url
    }()
}

@Suite struct KnowledgeBaseTests {
    @Test func aNewKnowledgeBaseIsMigratedToTheCurrentSchemaAndInWALModeFromItsFirstTransaction() throws {
        let path = try temporaryPath()
        let knowledgeBase = try KnowledgeBase(path: path)
        #expect(knowledgeBase.schemaVersion == Schema.currentVersion)
        // The first import into a new file writes its pages once, with a rollback journal.
        #expect(try knowledgeBase.database.scalar("PRAGMA journal_mode")?.string == "delete")
        try knowledgeBase.transaction {
            try knowledgeBase.apply(.begin(ImportStart(startedAt: "2026-01-05T09:00:00Z")))
            try knowledgeBase.apply(.finish(ImportSummary()))
        }
        #expect(try knowledgeBase.database.scalar("PRAGMA journal_mode")?.string == "wal")
        // Opened again (readers too), it stays WAL.
        #expect(try KnowledgeBase(path: path).database.scalar("PRAGMA journal_mode")?.string == "wal")
        #expect(try KnowledgeBase(path: path, mode: .readOnly).database.scalar("PRAGMA journal_mode")?.string == "wal")
        #expect(try knowledgeBase.database.scalar("PRAGMA foreign_keys")?.int == 1)
        // FTS5 keeps its index in shadow tables (search_data, search_idx, ...): not ours to document.
        // `gate_tasks` is a view (ADR 0020): documented with the tables, as users query it like one.
        let tables = try knowledgeBase.database.rows("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'search\\_%' ESCAPE '\\' ORDER BY name").compactMap { $0[0].string }
        #expect(Set(tables) == Set(Schema.tables.map(\.name)))
    }

    @Test func everyColumnIsDocumented() throws {
        let knowledgeBase = try KnowledgeBase(path: try temporaryPath())
        for table in Schema.tables {
            let columns = try knowledgeBase.database.rows("SELECT name FROM pragma_table_info(?)", [.text(table.name)]).compactMap { $0[0].string }
            #expect(columns == table.columns.map(\.name), "\(table.name)")
        }
    }

    @Test func aFileWrittenByANewerPlanqIsRefused() throws {
        let path = try temporaryPath()
        _ = try KnowledgeBase(path: path)
        try Database(path: path).execute("PRAGMA user_version = 99")
        #expect {
            try KnowledgeBase(path: path)
        } throws: { error in
            "\(error)".contains("newer planq (schema 99")
        }
    }

    @Test func aDatabaseThatIsNotPlanqsIsRefusedAndLeftAlone() throws {
        let path = try temporaryPath()
        try Database(path: path).execute("CREATE TABLE mine (x); INSERT INTO mine VALUES (42)")
        #expect(throws: KnowledgeBase.OpenError.self) { try KnowledgeBase(path: path) }
        #expect(try Database(path: path).scalar("SELECT x FROM mine")?.int == 42)
    }

    @Test func aFileThatIsNotSQLiteIsRefusedAndLeftAlone() throws {
        let path = try temporaryPath()
        try "not a database, just notes\n".write(toFile: path, atomically: false, encoding: .utf8)
        #expect(throws: KnowledgeBase.OpenError.self) { try KnowledgeBase(path: path) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "not a database, just notes\n")
    }

    @Test func aMissingFileIsAnErrorWhenReading() throws {
        let path = try temporaryPath()
        #expect { try KnowledgeBase(path: path, mode: .readOnly) } throws: { "\($0)".contains("run `planq import` first") }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func importStepsOutOfOrderAreRefusedAndARolledBackImportEnds() throws {
        let knowledgeBase = try KnowledgeBase(path: try temporaryPath())
        #expect(throws: KnowledgeBase.ImportOrderError.self) { try knowledgeBase.apply(.begin(ImportStart(startedAt: "t"))) }
        #expect(throws: KnowledgeBase.ImportOrderError.self) {
            try knowledgeBase.transaction { try knowledgeBase.apply(.settleProjects(keys: ["atlas"])) }
        }
        struct Boom: Error {}
        var secondBegin: Error?
        #expect(throws: Boom.self) {
            try knowledgeBase.transaction {
                try knowledgeBase.apply(.begin(ImportStart(startedAt: "t")))
                do { try knowledgeBase.apply(.begin(ImportStart(startedAt: "t"))) } catch { secondBegin = error }
                throw Boom()
            }
        }
        #expect(secondBegin is KnowledgeBase.ImportOrderError)
        // The import that failed is over: the next one begins, and nothing of the first is kept.
        try knowledgeBase.transaction {
            #expect(try knowledgeBase.apply(.begin(ImportStart(startedAt: "u"))) == .importStarted(id: 1))
            try knowledgeBase.apply(.finish(ImportSummary()))
        }
    }

    @Test func aFailingTransactionLeavesNothingBehind() throws {
        let knowledgeBase = try KnowledgeBase(path: try temporaryPath())
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try knowledgeBase.transaction {
                _ = try knowledgeBase.projectID(key: "atlas", name: "Atlas")
                throw Boom()
            }
        }
        #expect(try knowledgeBase.projects().isEmpty)
    }

    @Test func queriesAreReadOnly() throws {
        let path = try temporaryPath()
        _ = try KnowledgeBase(path: path)
        let reader = try KnowledgeBase(path: path, mode: .readOnly)
        #expect(try reader.query("SELECT count(*) AS n FROM tasks", limit: 10, timeout: 5).columns == ["n"])
        #expect(throws: SQLiteError.self) { try reader.query("DELETE FROM tasks", limit: 10, timeout: 5) }
        #expect(throws: SQLiteError.self) { try reader.query("CREATE TABLE x (y)", limit: 10, timeout: 5) }
    }

    @Test func sqliteErrorsNameTheStatement() throws {
        let knowledgeBase = try KnowledgeBase(path: try temporaryPath())
        #expect { try knowledgeBase.database.execute("SELECT * FROM nowhere") } throws: { error in
            "\(error)".hasPrefix("SQLite error 1: no such table: nowhere - while executing `SELECT * FROM nowhere`")
        }
    }

}

@Suite struct TaskWritingTests {
    private func task(_ key: String, _ status: TaskStatus, week: Int? = 1, parent: String? = nil, owners: [OwnerAction] = [],
                      line: Int = 1) -> LinkedTask {
        LinkedTask(key: key, item: TaskItem(line: line, title: key, status: status, week: week, owners: owners),
                   source: SourceRef(path: "a.md", line: line), parentKey: parent)
    }

    /// One import of project "atlas" (a document `a.md` and these tasks), applied as the importer does.
    private func importAtlas(_ knowledgeBase: KnowledgeBase, tasks: [LinkedTask], at time: String) throws -> TaskChanges {
        try knowledgeBase.transaction {
            try knowledgeBase.apply(.begin(ImportStart(startedAt: time)))
            let findings = DocumentFindings(path: "a.md", projectName: "Atlas", kind: .tracker)
            try knowledgeBase.apply(.storeDocument(DocumentVersion(findings: findings, projectKey: "atlas", hash: time, size: 1,
                                                                   mtimeNanoseconds: 1)))
            try knowledgeBase.apply(.settleProjects(keys: ["atlas"]))
            let change = ProjectChange(key: "atlas", tasks: tasks, fingerprints: tasks.map(KnowledgeBase.fingerprint), mentions: [],
                                       gates: [], scopes: [], repeats: [])
            guard case .projectWritten(let changes) = try knowledgeBase.apply(.writeProject(change)) else { return TaskChanges() }
            try knowledgeBase.apply(.finish(ImportSummary()))
            return changes
        }
    }

    @Test func tasksKeepTheirIdsAndHistoryRecordsChanges() throws {
        let knowledgeBase = try KnowledgeBase(path: try temporaryPath())
        let first = try importAtlas(knowledgeBase, tasks: [
            task("parent", .open), task("child", .open, parent: "parent", owners: [OwnerAction(name: "Ann", action: "Build")]),
        ], at: "2026-01-01T00:00:00Z")
        #expect(first == TaskChanges(added: 2))
        let before = try knowledgeBase.tasks()
        #expect(before.map(\.title) == ["parent", "child"])
        #expect(before[1].parentID == before[0].id)
        #expect(before[1].owners == [OwnerAction(name: "Ann", action: "Build")])
        #expect(try knowledgeBase.status(projects: knowledgeBase.projects()).first?.counts[.open] == 2)
        let second = try importAtlas(knowledgeBase, tasks: [task("child", .done, parent: nil)], at: "2026-01-02T00:00:00Z")
        #expect(second == TaskChanges(added: 0, changed: 1, removed: 1))
        // The summary `status` reads follows the tasks as written.
        #expect(try knowledgeBase.status(projects: knowledgeBase.projects()).first?.counts[.done] == 1)
        #expect(try knowledgeBase.status(projects: knowledgeBase.projects()).first?.counts[.open] ?? 0 == 0)
        let after = try knowledgeBase.tasks()
        #expect(after.map(\.id) == [before[1].id])
        #expect(after[0].status == .done)
        #expect(after[0].parentID == nil)
        let history = try knowledgeBase.database.rows("SELECT import_id, task_key, status, previous_status FROM task_history ORDER BY import_id, task_key")
            .map { [$0[0].string ?? "", $0[1].string ?? "", $0[2].string ?? "", $0[3].string ?? "-"] }
        #expect(history == [["1", "child", "open", "-"], ["1", "parent", "open", "-"],
                            ["2", "child", "done", "open"], ["2", "parent", "removed", "open"]])
    }
}

extension TaskWritingTests {
    @Test func aTaskThatOnlyMovedKeepsItsOwnersAndHistoryAndSaysWhereItIsNow() throws {
        let knowledgeBase = try KnowledgeBase(path: try temporaryPath())
        let owners = [OwnerAction(name: "Ann", action: "Build"), OwnerAction(name: "Bo", action: "Review")]
        _ = try importAtlas(knowledgeBase, tasks: [task("ship", .open, owners: owners, line: 4)], at: "2026-01-01T00:00:00Z")
        let moved = try importAtlas(knowledgeBase, tasks: [task("ship", .open, owners: owners, line: 9)], at: "2026-01-02T00:00:00Z")
        #expect(moved == TaskChanges(changed: 1))
        let after = try #require(try knowledgeBase.tasks().first)
        #expect(after.owners == owners)
        #expect(after.source == SourceRef(path: "a.md", line: 9))
        #expect(try knowledgeBase.database.scalar("SELECT count(*) FROM task_history")?.int == 1)
        // Moved and reassigned: written in full.
        let reassigned = [OwnerAction(name: "Cy", action: "Build")]
        _ = try importAtlas(knowledgeBase, tasks: [task("ship", .open, owners: reassigned, line: 10)], at: "2026-01-03T00:00:00Z")
        let last = try #require(try knowledgeBase.tasks().first)
        #expect(last.owners == reassigned && last.source.line == 10)
    }
}

@Suite struct MigrationTests {
    @Test func aVersionOneKnowledgeBaseIsMigratedForwardKeepingItsRows() throws {
        let path = try temporaryPath()
        let old = try Database(path: path)
        try old.execute(Schema.migrations[0].sql)
        try old.execute("PRAGMA application_id = \(Schema.applicationID); PRAGMA user_version = 1")
        try old.execute("INSERT INTO projects(key, name) VALUES ('atlas', 'Atlas')")
        let knowledgeBase = try KnowledgeBase(path: path)
        #expect(knowledgeBase.schemaVersion == Schema.currentVersion)
        #expect(try knowledgeBase.projects().map(\.name) == ["Atlas"])
        #expect(try knowledgeBase.gates().isEmpty)
        #expect(try knowledgeBase.database.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'risks'")?.int == 1)
    }
}

@Suite struct CodeBlockMigrationTests {
    @Test func aVersionTwoKnowledgeBaseGetsCodeBlocksAndReadsEveryDocumentAgain() throws {
        let path = try temporaryPath()
        let old = try Database(path: path)
        try old.execute(Schema.migrations[0].sql)
        try old.execute(Schema.migrations[1].sql)
        try old.execute("PRAGMA application_id = \(Schema.applicationID); PRAGMA user_version = 2")
        try old.execute("INSERT INTO projects(key, name) VALUES ('atlas', 'Atlas')")
        try old.execute("""
            INSERT INTO documents(path, project_id, kind, project_name, hash, size, mtime_ns)
            VALUES ('plan.md', 1, 'plan', 'Atlas', 'abc', 10, 42)
            """)
        let knowledgeBase = try KnowledgeBase(path: path)
        #expect(knowledgeBase.schemaVersion == Schema.currentVersion)
        // The next import sees every document as changed, so their code blocks are read.
        let stored = try #require(try knowledgeBase.storedDocuments()["plan.md"])
        #expect(stored.hash == "" && stored.mtimeNanoseconds == -1)
        #expect(try knowledgeBase.codeBlocks(projectID: 1).isEmpty)
    }
}
