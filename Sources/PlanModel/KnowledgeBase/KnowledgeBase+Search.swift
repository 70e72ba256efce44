/// One full-text search hit.
public struct SearchHit: Sendable, Equatable {
    public let kind: String
    public let itemID: Int64
    public let project: String
    /// The matching words in context, matches in [brackets].
    public let snippet: String
    public let source: String
}

extension KnowledgeBase {
    public static let searchKinds = ["task", "gate", "risk", "metric", "note"]

    /// Rebuilds a project's entries in the full-text index. Rowids are `project id << 32 + n`, so
    /// the old entries go with one rowid-range delete.
    public func refreshSearch(projectKey: String) throws {
        guard let value = try database.scalar("SELECT id FROM projects WHERE key = ?", [.text(projectKey)])?.int else { return }
        let projectID = Int64(value)
        let base = projectID << 32
        try database.run("DELETE FROM search WHERE rowid >= ? AND rowid < ?", [.integer(base), .integer(base + (1 << 32))])
        var next = base
        func add(_ kind: String, _ id: Int64?, _ text: String, _ source: String) throws {
            try database.run("INSERT INTO search(rowid, text, kind, item_id, source) VALUES (?, ?, ?, ?, ?)",
                             [.integer(next), .text(text), .text(kind), SQLValue(id), .text(source)])
            next += 1
        }
        let id = SQLValue.integer(projectID)
        for row in try database.rows("SELECT id, title, source_path || ':' || source_line FROM tasks WHERE project_id = ? ORDER BY id", [id]) {
            try add("task", row[0].int.map(Int64.init), row[1].string ?? "", row[2].string ?? "")
        }
        for row in try database.rows("""
            SELECT g.id, g.title || coalesce(' — ' || (SELECT group_concat(c.text, '; ') FROM gate_criteria c WHERE c.gate_id = g.id), ''),
                   g.source_path || ':' || g.source_line FROM gates g WHERE g.project_id = ? ORDER BY g.id
            """, [id]) {
            try add("gate", row[0].int.map(Int64.init), row[1].string ?? "", row[2].string ?? "")
        }
        let ownDocuments = "SELECT d.id FROM documents d WHERE d.project_id = ?"
        for row in try database.rows("""
            SELECT r.id, r.title || coalesce(' — ' || r.mitigation, '') || coalesce(' — ' || r.contingency, ''), d.path || ':' || r.line
            FROM risks r JOIN documents d ON d.id = r.document_id WHERE r.document_id IN (\(ownDocuments)) AND r.primary_id IS NULL ORDER BY r.id
            """, [id]) {
            try add("risk", row[0].int.map(Int64.init), row[1].string ?? "", row[2].string ?? "")
        }
        for row in try database.rows("""
            SELECT m.id, m.name || coalesce(' — target ' || m.target, ''), d.path || ':' || m.line
            FROM metrics m JOIN documents d ON d.id = m.document_id WHERE m.document_id IN (\(ownDocuments)) AND m.primary_id IS NULL ORDER BY m.id
            """, [id]) {
            try add("metric", row[0].int.map(Int64.init), row[1].string ?? "", row[2].string ?? "")
        }
        for row in try database.rows("""
            SELECT n.id, n.text, d.path || ':' || n.line FROM notes n JOIN documents d ON d.id = n.document_id
            WHERE n.document_id IN (\(ownDocuments)) ORDER BY n.id
            """, [id]) {
            try add("note", row[0].int.map(Int64.init), row[1].string ?? "", row[2].string ?? "")
        }
    }

    /// Items whose words contain every word of `text` (words may be prefixes: `deploy` finds
    /// `deployment`), best matches first.
    public func search(_ text: String, projectIDs: [Int64]? = nil, kind: String? = nil) throws -> [SearchHit] {
        let words = text.split { !$0.isLetter && !$0.isNumber }.map(String.init)
        guard !words.isEmpty else { return [] }
        // Each word quoted (no FTS5 syntax from the user's text), as a prefix.
        let query = words.map { "\"" + $0.replacingOccurrences("\"", with: "\"\"") + "\"*" }.joined(separator: " ")
        var conditions = ["search MATCH ?"]
        var values: [SQLValue] = [.text(query)]
        if let kind { conditions.append("s.kind = ?"); values.append(.text(kind)) }
        if let ids = projectIDs {
            conditions.append("(" + ids.map { _ in "(s.rowid >= ? AND s.rowid < ?)" }.joined(separator: " OR ") + ")")
            for id in ids { values += [.integer(id << 32), .integer((id + 1) << 32)] }
        }
        return try database.rows("""
            SELECT s.kind, s.item_id, p.name, snippet(search, 0, '[', ']', '…', 12), s.source
            FROM search s JOIN projects p ON p.id = (s.rowid >> 32)
            WHERE \(conditions.joined(separator: " AND ")) ORDER BY bm25(search), s.source
            """, values).map { row in
            SearchHit(kind: row[0].string ?? "", itemID: Int64(row[1].int ?? 0), project: row[2].string ?? "",
                      snippet: row[3].string ?? "", source: row[4].string ?? "")
        }
    }
}
