/// A project's tasks as they stood after one import.
public struct ImportSnapshot: Sendable, Equatable {
    public let importID: Int64
    /// The day the import describes: its --today (or commit date), else the day it ran.
    public let date: String
    public let total: Int
    public let done: Int
    public let remaining: Int
    public let added: Int
    public let removed: Int
}

extension KnowledgeBase {
    /// Replays `task_history` import by import: after each import that touched the project,
    /// how many tasks were in scope, done and remaining, and how many were added or removed.
    /// Deferred and cancelled tasks are outside the scope.
    public func snapshots(projectID: Int64) throws -> [ImportSnapshot] {
        let rows = try database.rows("""
            SELECT h.import_id, coalesce(i.today, substr(i.started_at, 1, 10)), h.task_key, h.status, h.previous_status
            FROM task_history h JOIN imports i ON i.id = h.import_id
            WHERE h.project_id = ? ORDER BY h.import_id, h.task_key
            """, [.integer(projectID)])
        var state: [String: String] = [:]
        var result: [ImportSnapshot] = []
        var index = 0
        while index < rows.count {
            let importID = Int64(rows[index][0].int ?? 0)
            let date = rows[index][1].string ?? ""
            var added = 0, removed = 0
            while index < rows.count, Int64(rows[index][0].int ?? 0) == importID {
                let key = rows[index][2].string ?? "", status = rows[index][3].string ?? ""
                let wasInScope = state[key].map(Self.inScope) ?? false
                if status == "removed" { state[key] = nil } else { state[key] = status }
                let isInScope = state[key].map(Self.inScope) ?? false
                if isInScope, !wasInScope, !result.isEmpty { added += 1 }
                if wasInScope, !isInScope { removed += 1 }
                index += 1
            }
            let scope = state.values.filter(Self.inScope)
            let done = scope.filter { $0 == "done" }.count
            result.append(ImportSnapshot(importID: importID, date: date, total: scope.count, done: done,
                                         remaining: scope.count - done, added: added, removed: removed))
        }
        return result
    }

    private static func inScope(_ status: String) -> Bool { status != "deferred" && status != "cancelled" }
}
