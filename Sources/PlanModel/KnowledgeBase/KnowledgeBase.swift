import Foundation

/// The knowledge base: one SQLite file, migrated forward on open. Everything above this
/// type sees plain values; SQL lives here and in its extensions.
public final class KnowledgeBase {
    public enum OpenError: Error, CustomStringConvertible {
        case missing(String)
        case notPlanq(String)
        case newerSchema(path: String, version: Int, supported: Int)
        case olderSchema(path: String, version: Int)

        public var description: String {
            switch self {
            case .missing(let path):
                return "no knowledge base at \(path); run `planq import` first"
            case .notPlanq(let path):
                return "\(path) is not a planq knowledge base; refusing to touch it (choose another file with --db)"
            case .newerSchema(let path, let version, let supported):
                return "\(path) was written by a newer planq (schema \(version); this planq knows up to \(supported)); upgrade planq"
            case .olderSchema(let path, let version):
                return "\(path) was written by an older planq (schema \(version)); run `planq import` to bring it up to date"
            }
        }
    }

    public let database: Database
    public var path: String { database.path }

    /// Inserts run once per row during an import, prepared once per connection.
    final class RowInserts {
        let mention: Statement
        let task: Statement
        let taskOwner: Statement
        let history: Statement

        init(_ database: Database) throws {
            mention = try database.prepare(DocumentTable.taskMentions.insert)
            task = try database.prepare("""
                INSERT INTO tasks(title, status, week, phase, day, sprint, timeline, due, done_on, milestone, optional,
                    number, requirements, details, source_path, source_line, fingerprint, project_id, key, parent_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            taskOwner = try database.prepare("INSERT OR IGNORE INTO task_owners(task_id, owner_id, action, position) VALUES (?, ?, ?, ?)")
            history = try database.prepare("""
                INSERT INTO task_history(import_id, project_id, task_key, task_id, week, status, previous_status)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
        }
    }

    private var preparedInserts: RowInserts?

    /// The import `apply` is writing, between its `begin` and `finish` (see `ImportChange`).
    var runningImport: RunningImport?
    /// Whether `transaction` is running its body: an import begins only inside one.
    private(set) var inTransaction = false

    func inserts() throws -> RowInserts {
        if let preparedInserts { return preparedInserts }
        let made = try RowInserts(database)
        preparedInserts = made
        return made
    }

    /// Opens (creating when writable and absent) the knowledge base at `path`.
    public init(path: String, mode: Database.Mode = .readWrite) throws {
        let exists = FileManager.default.fileExists(atPath: path)
        if mode == .readOnly, !exists { throw OpenError.missing(path) }
        if mode == .readWrite, !exists {
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        }
        database = try Database(path: path, mode: mode)
        do {
            // A writer (another import) holds the lock for its transaction: wait for it, up to 30 s.
            try database.execute("PRAGMA busy_timeout = 30000")
            try database.execute("PRAGMA foreign_keys = ON")
            let empty = try checkIdentity(path: path, readOnly: mode == .readOnly)
            if mode == .readWrite {
                // A new file's first import writes every page it will have: with a rollback journal
                // each is written once (pages new to the file need no journal) instead of to the WAL
                // and again by the checkpoint at commit (a fifth of a second on the medium bench
                // corpus). Nobody can be reading a file that has nothing yet; it is WAL from its first
                // commit on (`transaction`), so later imports never block readers.
                if empty {
                    journalTurnsToWAL = true
                } else {
                    try database.execute("PRAGMA journal_mode = WAL")
                }
                try database.execute("PRAGMA synchronous = NORMAL")
                // A whole import is one transaction: a 32 MB page cache keeps the pages it is writing in
                // memory (64 MB was no faster on the 98 MB bench corpus and took 30 MB more).
                try database.execute("PRAGMA cache_size = -32768")
                try database.execute("PRAGMA temp_store = MEMORY")
                try migrate(path: path)
            }
        } catch let error as SQLiteError where error.isNotADatabase {
            throw OpenError.notPlanq(path)
        }
    }

    public var schemaVersion: Int { (try? database.scalar("PRAGMA user_version"))??.int ?? 0 }

    /// A file is ours when it carries planq's application id, or is an empty database (true then).
    private func checkIdentity(path: String, readOnly: Bool) throws -> Bool {
        let applicationID = try database.scalar("PRAGMA application_id")?.int ?? 0
        let tables = try database.scalar("SELECT count(*) FROM sqlite_master")?.int ?? 0
        if applicationID != Int(Schema.applicationID), tables > 0 { throw OpenError.notPlanq(path) }
        let version = try database.scalar("PRAGMA user_version")?.int ?? 0
        if version > Schema.currentVersion {
            throw OpenError.newerSchema(path: path, version: version, supported: Schema.currentVersion)
        }
        // Reading commands do not migrate (they open read-only): an old schema lacks their tables.
        if readOnly, tables > 0, version < Schema.currentVersion {
            throw OpenError.olderSchema(path: path, version: version)
        }
        return tables == 0
    }

    /// Runs each migration newer than the file's version in its own transaction.
    private func migrate(path: String) throws {
        let version = try database.scalar("PRAGMA user_version")?.int ?? 0
        for migration in Schema.migrations where migration.version > version {
            do {
                try database.transaction {
                    try database.execute(migration.sql)
                    try database.execute("PRAGMA application_id = \(Schema.applicationID)")
                    try database.execute("PRAGMA user_version = \(migration.version)")
                }
            } catch let error as SQLiteError where error.sql != nil && (error.code & 0xff) == 1 {
                // The migration's SQL is pages long; the version says which step failed.
                throw SQLiteError(code: error.code, message: "cannot upgrade \(path) from schema version \(version) to \(migration.version): \(error.message)")
            }
        }
    }

    /// Whether the file still has the rollback journal it was created with (see `init`).
    private var journalTurnsToWAL = false

    /// Runs an import: `body` applies its changes, all or none. Foreign keys and CHECK
    /// constraints are not checked while it runs (ADR 0017): its deletes do what the `ON DELETE`
    /// clauses say (`KnowledgeBase+Deletes.swift`), and the values the CHECKs list are Swift
    /// enums' raw values (each check of a list built SQLite a temporary index, per row). The
    /// foreign-key setting holds only outside a transaction, so both are switched here, around it.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try database.execute("PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON")
        inTransaction = true
        // A rolled-back import is over too: the next `begin` starts afresh.
        defer {
            inTransaction = false
            runningImport = nil
            try? database.execute("PRAGMA foreign_keys = ON; PRAGMA ignore_check_constraints = OFF")
        }
        let result = try database.transaction(body)
        try settleJournal()
        return result
    }

    /// Turns a new file to WAL once its first transaction (an import) is committed.
    private func settleJournal() throws {
        guard journalTurnsToWAL else { return }
        try database.execute("PRAGMA journal_mode = WAL")
        journalTurnsToWAL = false
    }

    /// Drops every imported row (documents, tasks, history) for `import --rebuild`.
    func clearAll() throws {
        try database.execute("""
            DELETE FROM project_summaries; DELETE FROM gate_criteria; DELETE FROM gate_mentions; DELETE FROM gates;
            DELETE FROM search; DELETE FROM notes; UPDATE risks SET primary_id = NULL; DELETE FROM risks;
            UPDATE metrics SET primary_id = NULL; DELETE FROM metrics;
            DELETE FROM task_owners; DELETE FROM task_mentions; DELETE FROM task_history;
            UPDATE tasks SET parent_id = NULL; DELETE FROM tasks; DELETE FROM phases;
            DELETE FROM documents; DELETE FROM owners; DELETE FROM projects; DELETE FROM imports;
            """)
    }
}
