extension KnowledgeBase {
    // An import runs with SQLite's foreign-key checks off (ADR 0017): every row it inserts
    // refers to rows it wrote or read in the same transaction, and checking each insert's
    // references cost 3% of a full import's instructions. What the schema's `ON DELETE` clauses would
    // do is done here instead, by the deletes an import makes: deleting a row deletes the rows
    // that belong to it (CASCADE) and lets go of those that only point at it (SET NULL).
    // `ids` is the `IN (...)` list that picks the rows: `?`, or a `SELECT` of ids.

    /// Deletes gates with their criteria; mentions and summaries let go of them.
    func deleteGates(projectID: Int64) throws {
        try delete(Self.gateDelete, ids: "SELECT id FROM gates WHERE project_id = ?", [.integer(projectID)])
    }

    func deleteGate(id: Int64) throws {
        try delete(Self.gateDelete, ids: "?", [.integer(id)])
    }

    /// Deletes tasks with their owner rows; mentions and subtasks let go of them.
    func deleteTasks(projectID: Int64) throws {
        try delete(Self.taskDelete, ids: "SELECT id FROM tasks WHERE project_id = ?", [.integer(projectID)])
    }

    func deleteTask(id: Int64) throws {
        try delete(Self.taskDelete, ids: "?", [.integer(id)])
    }

    /// What deleting gates does, in order, each statement completed by `IN (ids)`: the rows
    /// that refer to them first, the gates last.
    private static let gateDelete = [
        "DELETE FROM gate_criteria WHERE gate_id",
        "UPDATE gate_mentions SET gate_id = NULL WHERE gate_id",
        "UPDATE project_summaries SET next_gate_id = NULL WHERE next_gate_id", "DELETE FROM gates WHERE id",
    ]

    private static let taskDelete = [
        "DELETE FROM task_owners WHERE task_id",
        "UPDATE task_mentions SET task_id = NULL WHERE task_id", "UPDATE tasks SET parent_id = NULL WHERE parent_id",
        "DELETE FROM tasks WHERE id",
    ]

    private func delete(_ statements: [String], ids: String, _ values: [SQLValue]) throws {
        for statement in statements {
            try database.run("\(statement) IN (\(ids))", values)
        }
    }

    /// Deletes what a document says (its mentions, phases, risks, metrics, notes and code
    /// blocks), keeping its row; risks and metrics of other documents that repeated one of its
    /// rows let go of it (they are linked again with their project).
    func deleteContents(ofDocument id: Int64) throws {
        let document: [SQLValue] = [.integer(id)]
        for table in ["task_mentions", "gate_mentions", "phases", "notes", "code_blocks"] {
            try database.run("DELETE FROM \(table) WHERE document_id = ?", document)
        }
        for table in ["risks", "metrics"] {
            try database.run("UPDATE \(table) SET primary_id = NULL WHERE primary_id IN (SELECT id FROM \(table) WHERE document_id = ?)", document)
            try database.run("DELETE FROM \(table) WHERE document_id = ?", document)
        }
    }

    /// Deletes a project's row and its summary; its documents, tasks and gates are gone already.
    func deleteProject(id: Int64) throws {
        try database.run("DELETE FROM project_summaries WHERE project_id = ?", [.integer(id)])
        try database.run("DELETE FROM projects WHERE id = ?", [.integer(id)])
    }
}
