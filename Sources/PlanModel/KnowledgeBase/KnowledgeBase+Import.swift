/// An import `apply` is in the middle of: its row, and the owner rows it has used.
struct RunningImport {
    let id: Int64
    var ownerIDs = OwnerIDs()
    /// By project id, the tasks this import inserted, updated or removed: the only tasks whose
    /// search entries `refreshSearch` compares (the others' title and source are as they were).
    var touchedTasks: [Int64: [Int64]] = [:]
}

extension KnowledgeBase {
    /// A step applied out of the order `ImportChange` describes: a programming error of the
    /// caller, reported rather than written half.
    public struct ImportOrderError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Writes one step of an import (see `ImportChange` for the order they come in).
    @discardableResult
    public func apply(_ change: ImportChange) throws -> ImportChangeOutcome {
        if case .begin(let start) = change {
            guard inTransaction else { throw ImportOrderError(description: "an import begins inside KnowledgeBase.transaction") }
            guard runningImport == nil else { throw ImportOrderError(description: "an import is already running") }
            if start.rebuild { try clearAll() }
            let id = try beginImport(startedAt: start.startedAt, today: start.today, commit: start.commit)
            runningImport = RunningImport(id: id)
            return .importStarted(id: id)
        }
        guard let running = runningImport else {
            throw ImportOrderError(description: "an import's changes are applied between its begin and finish")
        }
        switch change {
        case .begin:
            return .applied // handled above
        case .removeDocument(let id):
            try removeDocument(id: id)
        case .touchDocument(let path, let mtime):
            try touchDocument(path: path, mtimeNanoseconds: mtime)
        case .storeDocument(let version):
            let projectID = try projectID(key: version.projectKey, name: version.findings.projectName)
            let stored = try storeDocument(version, projectID: projectID, importID: running.id)
            return .documentStored(id: stored.id, mentions: stored.mentions, items: stored.items)
        case .storeUnlinkedMentions(let documentID, let items):
            for item in items { try insertMention(item, documentID: documentID, taskID: nil) }
        case .unlinkProject(let key):
            try forgetLinks(projectKey: key, importID: running.id)
        case .settleProjects(let keys):
            return .projectsSettled(tasksRemoved: try settleProjects(keys: keys))
        case .writeProject(let project):
            return .projectWritten(try write(project))
        case .refreshSearch(let keys, let replacing):
            try refreshSearch(projectKeys: keys, replacing: replacing, touchedTasks: running.touchedTasks)
        case .finish(let summary):
            try finishImport(id: running.id, summary: summary)
            runningImport = nil
        }
        return .applied
    }

    /// A linked project's tasks, then its gates (their scope is a set of task ids), then which
    /// of its risks and metrics repeat others, then its summary, from what was just written.
    private func write(_ project: ProjectChange) throws -> TaskChanges {
        guard let projectID = try existingProjectID(key: project.key), let running = runningImport else { return TaskChanges() }
        var ownerIDs = running.ownerIDs
        defer { runningImport?.ownerIDs = ownerIDs }
        let stored = try project.stored ?? storedProjectRows(projectID: projectID)
        let written = try writeTasks(projectID: projectID, tasks: project.tasks, fingerprints: project.fingerprints,
                                     mentions: project.mentions, importID: running.id, ownerIDs: &ownerIDs, stored: stored)
        runningImport?.touchedTasks[projectID, default: []] += written.touched
        let gates = try writeGates(projectID: projectID, gates: project.gates, scopes: project.scopes,
                                   stored: stored)
        for repeats in project.repeats {
            try setPrimaries(repeats.table, repeats.primaries, current: repeats.current)
        }
        try refreshSummary(projectID: projectID, tasks: project.tasks, gates: gates)
        return written.changes
    }

    func existingProjectID(key: String) throws -> Int64? {
        try database.scalar("SELECT id FROM projects WHERE key = ?", [.text(key)])?.int.map(Int64.init)
    }
}
