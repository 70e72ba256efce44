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

    /// How many projects' entries `refreshSearch` writes with one statement: their entries are
    /// sorted, and what the projects with entries should hold waits, in memory (`temp_store`);
    /// all at once, the large bench corpus's import took 40 MB more. Each statement leaves FTS5
    /// a segment, so the importer hands it new projects this many at a time (ADR 0021).
    public static let searchBatchProjects = 100

    /// Brings the full-text entries of the projects with `projectKeys` up to date, in SQL, with a
    /// handful of statements per hundred projects. `replacing` names the projects that
    /// may have entries already. The others' entries are inserted straight from their items (one
    /// `INSERT ... SELECT`). For the rest, what they should hold is selected into a
    /// temporary table, and only entries whose text changed are deleted and inserted (an entry's
    /// `source` is NULL, read from its item when searched: `itemSource`; knowledge bases of
    /// earlier versions have it filled, and each project's entries are written once more):
    /// FTS5 tokenizes the old text again to delete an entry, so a re-import that changed a few
    /// items of a project rewrites those, not the project. Rowids are `project id << 32 | kind
    /// << 28 | item id` (item ids stay below 2^28, some 268 million rows per table).
    ///
    /// Few statements matter: FTS5 writes out the entries it holds in memory at the end of every
    /// statement that changes it (a savepoint), so one `DELETE` per project left a segment per
    /// project for FTS5 to merge. What an entry holds now is read from FTS5's own copy of it,
    /// the `search_content` shadow table (columns `c0`-`c3` in the order `search` declares
    /// them): a plain table, read by rowid ranges, where `search` would open a full-text cursor
    /// per entry (`CROSS JOIN`: the projects first, then each one's range of rowids, not every
    /// entry against the projects). `+primary_id` keeps SQLite from reading every primary risk
    /// of the knowledge base through `risks_primary` (nearly all rows) instead of the refreshed
    /// projects' documents.
    ///
    /// Of a task, the entry holds its title, which only `writeTasks` changes: for the
    /// projects with entries, only the tasks it wrote or removed (`touchedTasks`, by project id)
    /// are compared, not every task of every project a changed document is in.
    func refreshSearch(projectKeys: Set<String>, replacing: Set<String>, touchedTasks: [Int64: [Int64]]) throws {
        guard !projectKeys.isEmpty else { return }
        try database.execute("""
            CREATE TEMP TABLE IF NOT EXISTS refreshed_projects(id INTEGER PRIMARY KEY);
            CREATE TEMP TABLE IF NOT EXISTS wanted_search(rowid INTEGER PRIMARY KEY, text TEXT, kind TEXT, item_id INTEGER, source TEXT);
            CREATE TEMP TABLE IF NOT EXISTS touched_tasks(rowid INTEGER PRIMARY KEY);
            DELETE FROM temp.refreshed_projects; DELETE FROM temp.wanted_search; DELETE FROM temp.touched_tasks;
            """)
        defer { try? database.execute("DELETE FROM temp.refreshed_projects; DELETE FROM temp.wanted_search; DELETE FROM temp.touched_tasks;") }
        var new: [Int64] = [], old: [Int64] = []
        for key in projectKeys.sorted() {
            guard let id = try database.scalar("SELECT id FROM projects WHERE key = ?", [.text(key)])?.int else { continue }
            if replacing.contains(key) { old.append(Int64(id)) } else { new.append(Int64(id)) }
        }
        let size = Self.searchBatchProjects
        for start in stride(from: 0, to: new.count, by: size) {
            try refreshing(new[start..<min(start + size, new.count)])
            try database.run("INSERT INTO search(rowid, text, kind, item_id, source) " + Self.searchEntries)
        }
        for start in stride(from: 0, to: old.count, by: size) {
            let chunk = old[start..<min(start + size, old.count)]
            try refreshing(chunk)
            try database.execute("DELETE FROM temp.touched_tasks")
            for project in chunk {
                for task in Set(touchedTasks[project] ?? []).sorted() {
                    try database.run("INSERT INTO temp.touched_tasks(rowid) VALUES (?)", [.integer(project << 32 + task)])
                }
            }
            try replaceChangedSearchEntries()
        }
    }

    /// Makes `ids` the projects that `searchEntries` select.
    private func refreshing(_ ids: some Collection<Int64>) throws {
        try database.execute("DELETE FROM temp.refreshed_projects; DELETE FROM temp.wanted_search;")
        for id in ids { try database.run("INSERT INTO temp.refreshed_projects(id) VALUES (?)", [.integer(id)]) }
    }

    /// Deletes and inserts the entries of the refreshed projects whose text changed (or that hold a source still):
    /// of their tasks, those in `temp.touched_tasks`; of their other items, all.
    private func replaceChangedSearchEntries() throws {
        try database.run("INSERT INTO temp.wanted_search(rowid, text, kind, item_id, source) " + Self.changedSearchEntries)
        try database.run("""
            DELETE FROM search WHERE rowid IN (
                SELECT s.id FROM (
                    SELECT s.id, s.c0, s.c3 FROM temp.refreshed_projects p
                    CROSS JOIN search_content s ON s.id >= (p.id << 32) + (1 << 28) AND s.id < (p.id + 1) << 32
                    UNION ALL
                    SELECT s.id, s.c0, s.c3 FROM temp.touched_tasks t CROSS JOIN search_content s ON s.id = t.rowid
                ) s
                LEFT JOIN temp.wanted_search w ON w.rowid = s.id
                WHERE w.rowid IS NULL OR w.text IS NOT s.c0 OR w.source IS NOT s.c3)
            """)
        try database.run("""
            INSERT INTO search(rowid, text, kind, item_id, source)
            SELECT w.rowid, w.text, w.kind, w.item_id, w.source FROM temp.wanted_search w
            WHERE NOT EXISTS (SELECT 1 FROM search_content s WHERE s.id = w.rowid)
            """)
    }

    /// The entries (rowid, text, kind, item id, source) that the projects in
    /// `temp.refreshed_projects` should have, every kind in one `SELECT`, in rowid order: FTS5
    /// writes out what it holds in memory whenever a rowid comes lower than the one before, and
    /// tasks come in project-and-key order (unsorted, the medium corpus's 45,000 tasks took
    /// 0.49 s, not 0.12).
    private static let searchEntries = entries(tasks: "tasks t WHERE t.project_id IN (SELECT id FROM temp.refreshed_projects)")

    /// `searchEntries` with only the tasks in `temp.touched_tasks` (by their entries' rowids: the
    /// project id above bit 32, the task id in the low 28 bits).
    private static let changedSearchEntries = entries(tasks: """
        temp.touched_tasks x CROSS JOIN tasks t ON t.id = x.rowid & ((1 << 28) - 1) AND t.project_id = x.rowid >> 32
        """)

    /// Every kind's entries; `tasks` is the `FROM` (and `WHERE`) that picks the tasks as `t`.
    private static func entries(tasks: String) -> String {
        let projects = "IN (SELECT id FROM temp.refreshed_projects)"
        let kinds = [
            """
            SELECT (t.project_id << 32) + t.id, t.title, 'task', t.id, NULL
            FROM \(tasks)
            """,
            """
            SELECT (g.project_id << 32) + (1 << 28) + g.id,
                   g.title || coalesce(' — ' || (SELECT group_concat(c.text, '; ') FROM gate_criteria c WHERE c.gate_id = g.id), ''),
                   'gate', g.id, NULL FROM gates g WHERE g.project_id \(projects)
            """,
            """
            SELECT (d.project_id << 32) + (2 << 28) + r.id,
                   r.title || coalesce(' — ' || r.mitigation, '') || coalesce(' — ' || r.contingency, ''),
                   'risk', r.id, NULL FROM documents d JOIN risks r ON r.document_id = d.id
            WHERE d.project_id \(projects) AND +r.primary_id IS NULL
            """,
            """
            SELECT (d.project_id << 32) + (3 << 28) + m.id, m.name || coalesce(' — target ' || m.target, ''), 'metric', m.id, NULL
            FROM documents d JOIN metrics m ON m.document_id = d.id WHERE d.project_id \(projects) AND +m.primary_id IS NULL
            """,
            """
            SELECT (d.project_id << 32) + (4 << 28) + n.id, n.text, 'note', n.id, NULL
            FROM documents d JOIN notes n ON n.document_id = d.id WHERE d.project_id \(projects)
            """,
        ]
        return "SELECT * FROM (" + kinds.joined(separator: "\nUNION ALL\n") + ") ORDER BY 1"
    }

    /// Where a hit's item is (`path:line`), read from the item when the hit is: an entry does
    /// not hold it (its `source` column stays NULL), so a line that moved in a re-import leaves
    /// the entry alone instead of FTS5 deleting and inserting it (a thousand of the 1,700
    /// entries a medium --mutate 5 re-import rewrote had moved and nothing else).
    static let itemSource = """
        CASE s.kind
            WHEN 'task' THEN (SELECT t.source_path || ':' || t.source_line FROM tasks t WHERE t.id = s.item_id)
            WHEN 'gate' THEN (SELECT g.source_path || ':' || g.source_line FROM gates g WHERE g.id = s.item_id)
            WHEN 'risk' THEN (SELECT d.path || ':' || r.line FROM risks r JOIN documents d ON d.id = r.document_id WHERE r.id = s.item_id)
            WHEN 'metric' THEN (SELECT d.path || ':' || m.line FROM metrics m JOIN documents d ON d.id = m.document_id WHERE m.id = s.item_id)
            WHEN 'note' THEN (SELECT d.path || ':' || n.line FROM notes n JOIN documents d ON d.id = n.document_id WHERE n.id = s.item_id)
        END
        """

    /// Items whose words contain every word of `text` (words may be prefixes: `deploy` finds
    /// `deployment`), best matches first.
    public func search(_ text: String, projectIDs: [Int64]? = nil, kind: String? = nil) throws -> [SearchHit] {
        let words = text.split { !$0.isLetter && !$0.isNumber }.map(String.init)
        guard !words.isEmpty else { return [] }
        let query = Self.prefixTerms(words).joined(separator: " ")
        var conditions = ["search MATCH ?"]
        var values: [SQLValue] = [.text(query)]
        if let kind { conditions.append("s.kind = ?"); values.append(.text(kind)) }
        if let ids = projectIDs {
            conditions.append("(" + ids.map { _ in "(s.rowid >= ? AND s.rowid < ?)" }.joined(separator: " OR ") + ")")
            for id in ids { values += [.integer(id << 32), .integer((id + 1) << 32)] }
        }
        return try database.rows("""
            SELECT s.kind, s.item_id, p.name, snippet(search, 0, '[', ']', '…', 12), \(Self.itemSource) AS source
            FROM search s JOIN projects p ON p.id = (s.rowid >> 32)
            WHERE \(conditions.joined(separator: " AND ")) ORDER BY bm25(search), 5
            """, values).map { row in
            SearchHit(kind: row[0].string ?? "", itemID: Int64(row[1].int ?? 0), project: row[2].string ?? "",
                      snippet: row[3].string ?? "", source: row[4].string ?? "")
        }
    }
}

/// An item that shares words with a title, for the generators' pre-filling.
public struct RelatedItem: Sendable, Equatable {
    public let kind: String
    public let itemID: Int64
    /// How many of the title's words the item has.
    public let matchedWords: Int
}

extension KnowledgeBase {
    /// Words too common in titles to say what a decision or procedure is about.
    static let titleStopWords: Set<String> = [
        "a", "an", "and", "as", "at", "be", "by", "for", "from", "in", "into", "is", "of", "on", "or", "our",
        "the", "to", "use", "using", "via", "vs", "we", "with", "adopt", "choose", "pick", "switch", "new",
    ]

    /// The words of a title that say what it is about, lowercased, each once, in order.
    public static func significantWords(_ text: String) -> [String] {
        var seen = Set<String>()
        return text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
            .filter { !titleStopWords.contains($0) && seen.insert($0).inserted }
    }

    /// Each word quoted (no FTS5 syntax from the user's text) and matched as a prefix.
    static func prefixTerms(_ words: [String]) -> [String] {
        words.map { "\"" + $0.replacingOccurrences("\"", with: "\"\"") + "\"*" }
    }

    /// How many of `words` (lowercased) begin a word of `text`: the rule FTS5 prefix terms follow.
    public static func matchedWords(_ words: [String], in text: String) -> Int {
        let tokens = Set(text.lowercased().split { !$0.isLetter && !$0.isNumber })
        return words.filter { word in tokens.contains { $0.hasPrefix(word) } }.count
    }

    /// Whether `matched` of a title's `words` make an item related to it: at least half.
    public static func isRelated(matched: Int, of words: [String]) -> Bool {
        !words.isEmpty && matched >= (words.count + 1) / 2
    }

    /// A project's items that have at least half of the title's significant words (a word also
    /// matches words it begins, as in `search`), most words first, then best ranked.
    public func related(to title: String, projectID: Int64) throws -> [RelatedItem] {
        let words = Self.significantWords(title)
        guard !words.isEmpty else { return [] }
        let query = Self.prefixTerms(words).joined(separator: " OR ")
        let rows = try database.rows("""
            SELECT s.kind, s.item_id, s.text FROM search s
            WHERE search MATCH ? AND s.rowid >= ? AND s.rowid < ? ORDER BY bm25(search), s.rowid
            """, [.text(query), .integer(projectID << 32), .integer((projectID + 1) << 32)])
        let items: [RelatedItem] = rows.compactMap { row in
            let matched = Self.matchedWords(words, in: row[2].string ?? "")
            guard Self.isRelated(matched: matched, of: words) else { return nil }
            return RelatedItem(kind: row[0].string ?? "", itemID: Int64(row[1].int ?? 0), matchedWords: matched)
        }
        // Stable: most words first, FTS rank within (the sort keeps rank order for ties).
        return items.enumerated().sorted { a, b in
            a.element.matchedWords != b.element.matchedWords ? a.element.matchedWords > b.element.matchedWords : a.offset < b.offset
        }.map(\.element)
    }

    /// The gates that close any of these tasks, with how many of them each closes.
    public func gatesClosing(taskIDs: [Int64]) throws -> [(gateID: Int64, tasks: Int)] {
        guard !taskIDs.isEmpty else { return [] }
        return try database.rows("""
            SELECT gate_id, count(*) FROM gate_tasks WHERE task_id IN (\(taskIDs.map { _ in "?" }.joined(separator: ", ")))
            GROUP BY gate_id ORDER BY count(*) DESC, gate_id
            """, taskIDs.map { .integer($0) }).map { (Int64($0[0].int ?? 0), $0[1].int ?? 0) }
    }
}
