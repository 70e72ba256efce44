/// A project's tasks and gates as stored, which writing it compares with what was linked, so
/// that only what changed is written. Read on the writing connection, or, for a project the
/// knowledge base knew before an import, by its linking worker from the committed state: such
/// a project's tasks and gates are written once, at the end, so until then they are as committed.
public struct StoredProjectRows: Sendable {
    struct Task: Sendable {
        let id: Int64
        let status: String
        let week: Int?
        let fingerprint: String
    }

    struct Gate: Sendable {
        let id: Int64
        /// kind, title, week, phase, passed, decision, source path and line, scope total and open.
        let values: [SQLValue]
        /// text, status, role and line of each criterion, in order.
        var criteria: [[SQLValue]] = []
    }

    let tasks: [String: Task]
    let gates: [String: Gate]
}

extension KnowledgeBase {
    /// The stored rows of the project with `key` (empty for a project not stored).
    public func storedProjectRows(projectKey key: String) throws -> StoredProjectRows {
        guard let id = try existingProjectID(key: key) else { return StoredProjectRows(tasks: [:], gates: [:]) }
        return try storedProjectRows(projectID: id)
    }

    func storedProjectRows(projectID: Int64) throws -> StoredProjectRows {
        var tasks: [String: StoredProjectRows.Task] = [:]
        try database.forEachRow("SELECT id, key, status, week, fingerprint FROM tasks WHERE project_id = ?", [.integer(projectID)]) { row in
            tasks[row.text(1) ?? ""] = StoredProjectRows.Task(id: row.int64(0), status: row.text(2) ?? "", week: row.int(3),
                                                              fingerprint: row.text(4) ?? "")
        }
        var gates: [String: StoredProjectRows.Gate] = [:]
        var keyOfID: [Int64: String] = [:]
        try database.forEachRow("""
            SELECT key, id, kind, title, week, phase, passed, decision, source_path, source_line, scope_total, scope_open
            FROM gates WHERE project_id = ?
            """, [.integer(projectID)]) { row in
            let key = row.text(0) ?? "", id = row.int64(1)
            gates[key] = StoredProjectRows.Gate(id: id, values: (2..<12).map { row.value(Int32($0)) })
            keyOfID[id] = key
        }
        try database.forEachRow("""
            SELECT c.gate_id, c.text, c.status, c.role, c.line FROM gate_criteria c JOIN gates g ON g.id = c.gate_id
            WHERE g.project_id = ? ORDER BY c.gate_id, c.position
            """, [.integer(projectID)]) { row in
            guard let key = keyOfID[row.int64(0)] else { return }
            gates[key]?.criteria.append((1..<5).map { row.value(Int32($0)) })
        }
        return StoredProjectRows(tasks: tasks, gates: gates)
    }
}
