/// A task change recorded by the latest import.
public struct TaskChange: Sendable, Equatable {
    public let key: String
    public let title: String?
    public let week: Int?
    public let status: String
    public let previous: String?
}

/// Two documents (or a document and itself) saying different things about one item.
public struct Disagreement: Sendable, Equatable {
    public let project: String
    public let source: SourceRef
    public let message: String
    public let week: Int?
}

extension KnowledgeBase {
    /// What the latest import changed in a project's tasks (additions, status changes, removals),
    /// or nothing when the project was imported only once.
    public func changesInLatestImport(projectID: Int64) throws -> [TaskChange] {
        guard let latest = try database.scalar("SELECT max(import_id) FROM task_history WHERE project_id = ?", [.integer(projectID)])?.int,
              let first = try database.scalar("SELECT min(import_id) FROM task_history WHERE project_id = ?", [.integer(projectID)])?.int,
              latest != first else { return [] }
        return try database.rows("""
            SELECT h.task_key, t.title, h.week, h.status, h.previous_status FROM task_history h
            LEFT JOIN tasks t ON t.id = h.task_id
            WHERE h.project_id = ? AND h.import_id = ? ORDER BY h.week IS NULL, h.week, h.task_key
            """, [.integer(projectID), .integer(Int64(latest))]).map { row in
            TaskChange(key: row[0].string ?? "", title: row[1].string, week: row[2].int, status: row[3].string ?? "", previous: row[4].string)
        }
    }

    /// Every task change import `id` recorded, with its project.
    public func changes(inImport id: Int64) throws -> [(projectID: Int64, change: TaskChange)] {
        try database.rows("""
            SELECT h.project_id, h.task_key, t.title, h.week, h.status, h.previous_status FROM task_history h
            LEFT JOIN tasks t ON t.id = h.task_id
            WHERE h.import_id = ? ORDER BY h.project_id, h.week IS NULL, h.week, h.task_key
            """, [.integer(id)]).map { row in
            (Int64(row[0].int ?? 0), TaskChange(key: row[1].string ?? "", title: row[2].string, week: row[3].int,
                                                status: row[4].string ?? "", previous: row[5].string))
        }
    }

    /// Disagreements between what documents say: a task done in one document and open in another;
    /// a gate marked passed with unmet criteria; a metric stated met whose actual misses its target
    /// (and the reverse).
    public func disagreements(projectIDs: [Int64]? = nil) throws -> [Disagreement] {
        var found: [Disagreement] = []
        let projectFilter = projectIDs.map { ids in "AND p.id IN (\(ids.map { _ in "?" }.joined(separator: ", ")))" } ?? ""
        let projectValues: [SQLValue] = (projectIDs ?? []).map { .integer($0) }
        for row in try database.rows("""
            SELECT p.name, t.title, t.week, d1.path, m1.line, d2.path, m2.line
            FROM task_mentions m1 JOIN task_mentions m2 ON m2.task_id = m1.task_id AND m2.id > m1.id
            JOIN tasks t ON t.id = m1.task_id JOIN projects p ON p.id = t.project_id
            JOIN documents d1 ON d1.id = m1.document_id JOIN documents d2 ON d2.id = m2.document_id
            WHERE m1.checkbox = 1 AND m2.checkbox = 1 AND ((m1.status = 'done') <> (m2.status = 'done')) \(projectFilter)
            ORDER BY p.name, d1.path, m1.line
            """, projectValues) {
            found.append(Disagreement(project: row[0].string ?? "", source: SourceRef(path: row[3].string ?? "", line: row[4].int ?? 0),
                                      message: "task \"\(row[1].string ?? "")\" is done in one document and not in \(row[5].string ?? ""):\(row[6].int ?? 0)",
                                      week: row[2].int))
        }
        for row in try database.rows("""
            SELECT p.name, g.title, g.week, g.source_path, g.source_line,
                   (SELECT count(*) FROM gate_criteria c WHERE c.gate_id = g.id AND c.status = 'unmet' AND c.role = 'criterion')
            FROM gates g JOIN projects p ON p.id = g.project_id WHERE g.passed = 1 \(projectFilter) ORDER BY p.name, g.source_path, g.source_line
            """, projectValues) where (row[5].int ?? 0) > 0 {
            found.append(Disagreement(project: row[0].string ?? "", source: SourceRef(path: row[3].string ?? "", line: row[4].int ?? 0),
                                      message: "gate \"\(row[1].string ?? "")\" is marked passed with \(row[5].int ?? 0) unmet criteria",
                                      week: row[2].int))
        }
        // A status line that calls a week complete while that week still has open checkboxes.
        for note in try notes(projectIDs: projectIDs, kind: .status) {
            let lower = note.item.text.lowercased()
            guard let week = note.item.week, lower.contains("complete"), !lower.contains("incomplete"), !lower.contains("not complete") else { continue }
            // From the project's tasks of that week (indexed), not from every mention.
            let open = try database.rows("""
                SELECT t.title, t.source_path, t.source_line FROM tasks t
                WHERE t.project_id = ? AND t.week = ? AND t.status IN ('open', 'in_progress')
                  AND EXISTS (SELECT 1 FROM task_mentions m WHERE m.task_id = t.id AND m.checkbox = 1)
                ORDER BY t.source_path, t.source_line
                """, [.integer(note.projectID), .integer(Int64(week))])
            guard let first = open.first else { continue }
            found.append(Disagreement(project: note.project, source: note.source,
                                      message: "calls week \(week) complete (\"\(note.item.text)\") but \(open.count) of its tasks are open, "
                                        + "first \"\(first[0].string ?? "")\" at \(first[1].string ?? ""):\(first[2].int ?? 0)",
                                      week: week))
        }
        // A start date recorded with `planq project set` that a document now contradicts.
        for project in try projects() where projectIDs?.contains(project.id) ?? true {
            guard let recorded = project.recordedStartDate else { continue }
            found += try startDateDisagreements(of: project, with: recorded, by: "`planq project set` recorded")
        }
        for metric in try metrics(projectIDs: projectIDs) {
            guard let stated = metric.item.stated.flatMap(MetricStatus.stated), [.met, .missed].contains(stated),
                  [.met, .missed].contains(metric.status), stated != metric.status else { continue }
            found.append(Disagreement(project: metric.project, source: metric.source,
                                      message: "metric \"\(metric.item.name)\" is stated \(stated.rawValue) but its actual \(metric.item.actual ?? "-") "
                                        + "\(metric.status == .met ? "meets" : "misses") the target \(metric.item.target ?? "-")",
                                      week: metric.item.week))
        }
        return found
    }

    /// Projects whose documents state another start date than `start` (`planq check --start`).
    public func startDateDisagreements(with start: String, projectIDs: [Int64]?) throws -> [Disagreement] {
        try projects().filter { projectIDs?.contains($0.id) ?? true }
            .flatMap { try startDateDisagreements(of: $0, with: start, by: "--start says") }
    }

    private func startDateDisagreements(of project: Project, with expected: String, by whom: String) throws -> [Disagreement] {
        guard let stated = project.documentStartDate, stated != expected,
              let row = try database.rows("SELECT path FROM documents WHERE project_id = ? AND start_date = ? ORDER BY path LIMIT 1",
                                          [.integer(project.id), .text(stated)]).first else { return [] }
        return [Disagreement(project: project.name, source: SourceRef(path: row[0].string ?? "", line: 1),
                             message: "states the start date \(stated), but \(whom) \(expected) for \(project.name); the document's date is used",
                             week: nil)]
    }
}
