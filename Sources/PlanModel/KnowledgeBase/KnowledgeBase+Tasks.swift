extension KnowledgeBase {
    /// Writes one project's linked tasks: inserts new keys, updates changed ones, removes keys
    /// no longer linked, stores the mentions with their task ids, and records history.
    /// `fingerprints` are the tasks' `fingerprint`s when the caller has them (the importer makes
    /// them on the linking worker, off the thread that writes); `stored` holds the project's tasks as they are.
    /// Returns what changed and the ids of the tasks it inserted, updated or removed (only their search entries can differ from what they were).
    func writeTasks(projectID: Int64, tasks: [LinkedTask], fingerprints: [String], mentions: [LinkedMention],
                    importID: Int64, ownerIDs: inout OwnerIDs, stored: StoredProjectRows) throws -> (changes: TaskChanges, touched: [Int64]) {
        var existing = stored.tasks
        var changes = TaskChanges()
        var ids: [String: Int64] = [:]
        ids.reserveCapacity(tasks.count)
        var touched: [Int64] = []
        var idsInOrder: [Int64] = []
        idsInOrder.reserveCapacity(tasks.count)
        // Tasks whose parent is settled once every task has its id: changed ones, and new ones
        // whose parent comes after them.
        var parentLater: [Int] = []
        for (index, task) in tasks.enumerated() {
            let fingerprint = fingerprints[index]
            let item = task.item
            if let old = existing.removeValue(forKey: task.key) {
                ids[task.key] = old.id
                idsInOrder.append(old.id)
                guard old.fingerprint != fingerprint else { continue }
                changes.changed += 1
                // A line added above it moved it and changed nothing else: its owners, parent,
                // history and search entry (its title) stay as they are.
                if Self.movedOnly(old.fingerprint, fingerprint) {
                    try database.run("UPDATE tasks SET source_line = ?, fingerprint = ? WHERE id = ?",
                                     [.integer(Int64(task.source.line)), .text(fingerprint), .integer(old.id)])
                    continue
                }
                var values = Self.fields(task, extra: 2)
                values.append(.text(fingerprint))
                values.append(.integer(old.id))
                try database.run("""
                    UPDATE tasks SET title = ?, status = ?, week = ?, phase = ?, day = ?, sprint = ?, timeline = ?, due = ?,
                        done_on = ?, milestone = ?, optional = ?, number = ?, requirements = ?, details = ?,
                        source_path = ?, source_line = ?, fingerprint = ? WHERE id = ?
                    """, values)
                try database.run("DELETE FROM task_owners WHERE task_id = ?", [.integer(old.id)])
                try insertOwners(item.owners, taskID: old.id, ownerIDs: &ownerIDs)
                if old.status != item.status.rawValue || old.week != item.week {
                    try recordHistory(importID: importID, projectID: projectID, key: task.key, taskID: old.id,
                                      week: item.week, status: item.status.rawValue, previous: old.status)
                }
                touched.append(old.id)
                parentLater.append(index)
            } else {
                // A parent listed before its subtasks (the usual order) has its id already.
                let parentID = task.parentKey.flatMap { ids[$0] }
                if task.parentKey != nil, parentID == nil { parentLater.append(index) }
                var values = Self.fields(task, extra: 4)
                values.append(.text(fingerprint))
                values.append(.integer(projectID))
                values.append(.text(task.key))
                values.append(SQLValue(parentID))
                try database.run(try inserts().task, values)
                let id = database.lastInsertRowID
                ids[task.key] = id
                idsInOrder.append(id)
                touched.append(id)
                try insertOwners(item.owners, taskID: id, ownerIDs: &ownerIDs)
                try recordHistory(importID: importID, projectID: projectID, key: task.key, taskID: id,
                                  week: item.week, status: item.status.rawValue, previous: nil)
                changes.added += 1
            }
        }
        for (key, old) in existing.sorted(by: { $0.key < $1.key }) {
            try recordHistory(importID: importID, projectID: projectID, key: key, taskID: nil,
                              week: old.week, status: "removed", previous: old.status)
            try deleteTask(id: old.id)
            touched.append(old.id)
            changes.removed += 1
        }
        for index in parentLater {
            guard let id = ids[tasks[index].key] else { continue }
            try database.run("UPDATE tasks SET parent_id = ? WHERE id = ?", [SQLValue(tasks[index].parentKey.flatMap { ids[$0] }), .integer(id)])
        }
        for mention in mentions {
            let taskID: Int64? = idsInOrder[mention.taskIndex]
            switch mention.origin {
            case .stored(let id, let before):
                if before != taskID { try setMentionTask(mentionID: id, taskID: taskID) }
            case .new(let documentID, let item):
                try insertMention(item, documentID: documentID, taskID: taskID)
            }
        }
        return (changes, touched)
    }

    /// A task's columns, with room for the `extra` values the caller appends (one allocation per row).
    private static func fields(_ task: LinkedTask, extra: Int) -> [SQLValue] {
        let item = task.item
        var values: [SQLValue] = []
        values.reserveCapacity(16 + extra)
        DocumentRow.appendTaskColumns(item, to: &values)
        values.append(.text(task.source.path))
        values.append(.integer(Int64(task.source.line)))
        return values
    }

    /// What `writeTasks` compares to tell whether a stored task changed: a digest of every
    /// field but its line, then `@` and the line, so that a task that only moved is told from
    /// one that changed (`movedOnly`). A fingerprint of an earlier version has no `@`: its task
    /// is written in full once.
    public static func fingerprint(_ task: LinkedTask) -> String {
        var hash = ContentHash()
        let item = task.item
        hash.add(decimal: item.week)
        hash.add(decimal: item.phase)
        hash.add(decimal: item.day)
        hash.add(decimal: item.sprint)
        hash.add(item.title)
        hash.add(item.status.rawValue)
        hash.add(item.timeline ?? "")
        hash.add(item.due ?? "")
        hash.add(item.doneOn ?? "")
        hash.add(item.number ?? "")
        hash.add(item.milestone ? "m" : "")
        hash.add(item.optional ? "o" : "")
        hash.add(task.source.path)
        hash.add(task.parentKey ?? "")
        // The owners, requirements and details as `MentionCoding` stores them, without joining them into strings.
        MentionCoding.add(owners: item.owners, to: &hash)
        hash.add(joined: item.requirements, separator: MentionCoding.listSeparator)
        hash.add(joined: item.details, separator: MentionCoding.lineSeparator)
        return hash.hex + "@" + String(task.source.line)
    }

    /// Whether two fingerprints differ only in the task's line.
    static func movedOnly(_ old: String, _ new: String) -> Bool {
        guard let oldAt = old.utf8.firstIndex(of: UInt8(ascii: "@")), let newAt = new.utf8.firstIndex(of: UInt8(ascii: "@")) else { return false }
        return old.utf8[..<oldAt].elementsEqual(new.utf8[..<newAt])
    }

    private func insertOwners(_ owners: [OwnerAction], taskID: Int64, ownerIDs: inout OwnerIDs) throws {
        for (position, owner) in owners.enumerated() {
            let ownerID = try ownerIDs.id(of: owner.name, in: database)
            try database.run(try inserts().taskOwner, [.integer(taskID), .integer(ownerID), SQLValue(owner.action), .integer(Int64(position))])
        }
    }

    private func recordHistory(importID: Int64, projectID: Int64, key: String, taskID: Int64?, week: Int?,
                               status: String, previous: String?) throws {
        try database.run(try inserts().history, [.integer(importID), .integer(projectID), .text(key), SQLValue(taskID), SQLValue(week), .text(status), SQLValue(previous)])
    }

    /// Starts an import's row; `finishImport` fills in its counts.
    func beginImport(startedAt: String, today: String?, commit: String? = nil) throws -> Int64 {
        try database.run("INSERT INTO imports(started_at, today, git_commit) VALUES (?, ?, ?)", [.text(startedAt), SQLValue(today), SQLValue(commit)])
        return database.lastInsertRowID
    }

    /// Commits an `import --history` has already replayed.
    public func importedCommits() throws -> Set<String> {
        Set(try database.rows("SELECT git_commit FROM imports WHERE git_commit IS NOT NULL").compactMap { $0[0].string })
    }

    func finishImport(id: Int64, summary: ImportSummary) throws {
        try database.run("DELETE FROM owners WHERE id NOT IN (SELECT owner_id FROM task_owners)")
        try database.run("""
            UPDATE imports SET duration_ms = ?, files_seen = ?, files_parsed = ?, files_unchanged = ?, files_removed = ?,
                tasks_total = ?, tasks_added = ?, tasks_changed = ?, tasks_removed = ?, warnings = ? WHERE id = ?
            """, [.integer(Int64(summary.durationMilliseconds)), .integer(Int64(summary.filesSeen)),
                  .integer(Int64(summary.filesParsed)), .integer(Int64(summary.filesUnchanged)),
                  .integer(Int64(summary.filesRemoved)), .integer(Int64(summary.tasksTotal)),
                  .integer(Int64(summary.changes.added)), .integer(Int64(summary.changes.changed)),
                  .integer(Int64(summary.changes.removed)), .integer(Int64(summary.warnings)), .integer(id)])
    }

    public func taskCount() throws -> Int {
        try database.scalar("SELECT count(*) FROM tasks")?.int ?? 0
    }
}

/// The owners rows an import has used, by name folded to lower case. Names differing only in
/// case are one owner (`Verify`, `verify`), spelled as the one that sorts first, so that the
/// spelling does not depend on which document was written first.
struct OwnerIDs {
    private var known: [String: (id: Int64, name: String)] = [:]

    mutating func id(of name: String, in database: Database) throws -> Int64 {
        let folded = name.lowercased()
        if let owner = known[folded] {
            if Self.precedes(name, owner.name) {
                try database.run("UPDATE owners SET name = ? WHERE id = ?", [.text(name), .integer(owner.id)])
                known[folded] = (owner.id, name)
            }
            return owner.id
        }
        if let row = try database.rows("SELECT id, name FROM owners WHERE name = ?", [.text(name)]).first,
           let id = row[0].int, let stored = row[1].string {
            known[folded] = (Int64(id), stored)
            return try self.id(of: name, in: database)
        }
        try database.run("INSERT INTO owners(name) VALUES (?)", [.text(name)])
        known[folded] = (database.lastInsertRowID, name)
        return database.lastInsertRowID
    }

    /// Byte order, as SQLite sorts text.
    private static func precedes(_ a: String, _ b: String) -> Bool {
        a != b && a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}

/// What one import did, for its `imports` row and the one-line summary.
public struct ImportSummary: Equatable, Sendable {
    /// The import's row in `imports`; its history rows say which tasks changed.
    public var importID: Int64?
    public var filesSeen = 0
    public var filesParsed = 0
    public var filesUnchanged = 0
    public var filesRemoved = 0
    public var filesFailed = 0
    public var tasksTotal = 0
    public var changes = TaskChanges()
    public var warnings = 0
    public var durationMilliseconds = 0
    /// Milliseconds since the start at the end of each phase, for `import -v`.
    public var phases: [(name: String, at: Int)] = []
    /// The projects the import touched (documents stored or removed), by key, sorted.
    public var projectKeys: [String] = []

    public static func == (a: ImportSummary, b: ImportSummary) -> Bool {
        a.filesSeen == b.filesSeen && a.filesParsed == b.filesParsed && a.filesUnchanged == b.filesUnchanged
            && a.filesRemoved == b.filesRemoved && a.tasksTotal == b.tasksTotal && a.changes == b.changes
    }

    public init() {}
}
